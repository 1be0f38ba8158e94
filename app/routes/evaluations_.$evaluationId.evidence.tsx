import type { ActionFunctionArgs, LoaderFunctionArgs, UploadHandler } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
} from "@remix-run/node";
import type { EvidenceItem } from "../../models/evidence/evidence.ts";
import type {
  EvidenceActionData,
  EvidenceListData,
  EvidenceListItem,
} from "../components/evidence/types.ts";
import {
  UnacceptableFileError,
  addEvidenceLinkCommand as addEvidenceLink,
  deleteEvidence,
  getUsers,
  labelOfContentType,
  listEvidenceOfEvaluation,
  loadEvaluation,
  MAX_EVIDENCE_BYTES,
  uploadEvidence,
} from "../evidence.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { failed, fieldsOf, orNotFound, readForm, refusal, run } from "../utils/command.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";
import { parseMultipartForm } from "../utils/multipart.server.ts";
import { toPageIfOpened } from "../utils/page-open.server.ts";

/**
 * The evidence of one evaluation, as JSON for its criterion panels (loader; someone opening the
 * address is taken to the evaluation), and the changes to it (action): upload a file, add a link,
 * delete an item. Attaching an existing item to another criterion is a live edit of the
 * evaluation document (collab/shapes/evidence.ts).
 */
function toListItem(item: EvidenceItem, names: Map<string, string>): EvidenceListItem {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    url: item.kind === "link" ? item.url : null,
    downloadUrl: item.kind === "file" ? `/evidence/${item.id}/download` : null,
    typeLabel: item.kind === "link" ? "Link" : labelOfContentType(item.contentType ?? ""),
    size: item.size,
    fileName: item.fileName,
    addedBy: names.get(item.uploadedBy) ?? "",
    createdAt: item.createdAt.toISOString(),
  };
}

async function listItems(items: EvidenceItem[]): Promise<EvidenceListItem[]> {
  const users = await getUsers([...new Set(items.map((i) => i.uploadedBy))]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return items.map((i) => toListItem(i, names));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation } = await orNotFound(loadEvaluation(actor, params.evaluationId ?? ""));
  toPageIfOpened(request, `/evaluations/${evaluation.id}`);
  const items = await listEvidenceOfEvaluation(evaluation.trustId, evaluation.id);
  const data: EvidenceListData = { items: await listItems(items), maxBytes: MAX_EVIDENCE_BYTES };
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

const TOO_LARGE =
  "This file is larger than 20 MB. Make it smaller (for example, save a PDF at a lower image quality, or split it) and try again.";
const TEXT_FIELD_LIMIT = 16 * 1024;

class ExtraFileError extends Error {}

/**
 * Holds at most one file (field "file", at most 20 MB) and small text fields in memory. A
 * larger file stops the parse as soon as its 20 MB + 1st byte arrives, before anything is
 * checked or stored.
 */
function evidenceUploadHandler(): UploadHandler {
  const file = unstable_createMemoryUploadHandler({ maxPartSize: MAX_EVIDENCE_BYTES });
  const text = unstable_createMemoryUploadHandler({ maxPartSize: TEXT_FIELD_LIMIT });
  let files = 0;
  return async (part) => {
    if (typeof part.filename !== "string") return text(part);
    if (part.name !== "file" || ++files > 1) throw new ExtraFileError();
    return file(part);
  };
}

type Refused = Extract<EvidenceActionData, { ok?: false }>;
const answer = (status: number, body: Refused, headers?: HeadersInit) =>
  json<EvidenceActionData>(body, { status, headers });

/** The upload's form, or the refusal of a body too large, with two files, or broken. */
async function readUpload(request: Request): Promise<FormData | Response> {
  try {
    return await parseMultipartForm(request, evidenceUploadHandler());
  } catch (error) {
    // The rest of the body is not read: close the connection rather than reuse it.
    const close = { Connection: "close" };
    if (error instanceof MaxPartSizeExceededError)
      return error.field === "file"
        ? answer(413, { intent: "upload", fieldErrors: { file: TOO_LARGE } }, close)
        : answer(413, { intent: "upload", formError: "Part of the form was too long." }, close);
    if (error instanceof ExtraFileError)
      return answer(
        400,
        { intent: "upload", fieldErrors: { file: "Upload one file at a time." } },
        close,
      );
    // A malformed or interrupted upload: nothing was stored.
    return answer(400, {
      intent: "upload",
      fieldErrors: { file: "The file did not arrive complete. Try again." },
    });
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const ctx = { actor, collab: context.collab };
  const evaluationId = params.evaluationId ?? "";
  // Checked before the body is read: nobody else gets to send 20 MB.
  const checked = await run(() => loadEvaluation(actor, evaluationId, "write"));
  if (checked instanceof Response) return checked;

  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const form = await readUpload(request);
    if (form instanceof Response) return form;
    await requireCsrf(request, form);
    const file = form.get("file");
    if (!(file instanceof File))
      return answer(400, { intent: "upload", fieldErrors: { file: "Choose a file to upload." } });
    const fields = fieldsOf(form, {
      extra: {
        evaluationId,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      },
    });
    try {
      const { item, duplicate } = await uploadEvidence(ctx, fields);
      const [listed] = await listItems([item]);
      return json<EvidenceActionData>(
        { ok: true, intent: "upload", item: listed, duplicate },
        { status: duplicate ? 200 : 201 },
      );
    } catch (error) {
      if (error instanceof UnacceptableFileError)
        return answer(415, { intent: "upload", fieldErrors: { file: error.message } });
      return refusal(error, "upload");
    }
  }

  const form = await readForm(request);
  const intent = String(form.get("intent"));
  const fields = fieldsOf(form, { extra: { evaluationId } });
  if (intent === "addLink") {
    const item = await run(() => addEvidenceLink(ctx, fields), intent);
    if (item instanceof Response) return item;
    const [listed] = await listItems([item]);
    return json<EvidenceActionData>({ ok: true, intent, item: listed }, { status: 201 });
  }
  if (intent === "delete") {
    const done = await run(() => deleteEvidence(ctx, fields), intent);
    return done instanceof Response ? done : json<EvidenceActionData>({ ok: true, intent });
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}
