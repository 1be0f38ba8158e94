import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { UploadHandler, UploadHandlerPart } from "@remix-run/node";
import { MaxPartSizeExceededError } from "@remix-run/node";
import busboy from "busboy";

/** The longest text field busboy keeps; an upload handler may allow less. */
const MAX_FIELD_BYTES = 1024 * 1024;

/**
 * Reads a multipart/form-data body into FormData, handing each part to `handler` in order,
 * like Remix's `unstable_parseMultipartFormData`, but parsed by busboy. Remix's parser splits
 * a part's Content-Disposition on every ";" and "=", so a file called "Minutes; term 2.pdf" or
 * "Results = good.docx" made the whole upload fail as malformed; busboy reads quoted names
 * (and RFC 5987 `filename*`) as browsers send them, in UTF-8.
 *
 * Rejects with the handler's error (e.g. MaxPartSizeExceededError) or busboy's for a broken body.
 */
export function parseMultipartForm(request: Request, handler: UploadHandler): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!request.body || !/^multipart\/form-data\b/i.test(contentType)) {
    return Promise.reject(new TypeError("Could not parse content as FormData."));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { fieldSize: MAX_FIELD_BYTES },
    });
  } catch (error) {
    // No boundary, or not multipart at all.
    return Promise.reject(error);
  }
  const body = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  const form = new FormData();

  return new Promise((resolve, reject) => {
    let failed = false;
    // Parts are handled one after another, so the form keeps their order.
    let queue = Promise.resolve();

    function fail(error: unknown) {
      if (failed) return;
      failed = true;
      // Stop reading, but leave the request itself alone: destroying it would cut the
      // connection before the refusal is sent (the route answers with Connection: close).
      body.unpipe(parser);
      body.pause();
      reject(error);
    }

    function handle(part: UploadHandlerPart, rest?: Readable) {
      queue = queue
        .then(async () => {
          if (failed) return;
          const value = await handler(part);
          if (value !== undefined && value !== null) form.append(part.name, value);
        })
        // Whatever the handler did not read is skipped, so parsing goes on.
        .then(() => void rest?.resume(), fail);
    }

    parser.on("file", (name, stream, info) => {
      // A file input left empty arrives with no name: still a file part, as for Remix.
      const filename = info.filename ?? "";
      handle({ name, filename, contentType: info.mimeType, data: stream }, stream);
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) return fail(new MaxPartSizeExceededError(name, MAX_FIELD_BYTES));
      const data = (async function* () {
        yield new TextEncoder().encode(value);
      })();
      handle({ name, contentType: info.mimeType, data });
    });
    parser.on("error", fail);
    parser.on("close", () => {
      void queue.then(() => {
        if (!failed) resolve(form);
      });
    });
    body.on("error", fail);
    body.pipe(parser);
  });
}
