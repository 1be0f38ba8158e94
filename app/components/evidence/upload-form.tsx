import { useId, useRef, useState, type FormEvent } from "react";
import { CsrfInput } from "../csrf-input.tsx";
import { ACCEPT_ATTRIBUTE, evidenceRoute, formatSize, type EvidenceActionData } from "./types.ts";

const FORM_STYLE = { display: "flex", flexDirection: "column", gap: "0.5rem" } as const;

type UploadState =
  | { phase: "idle" }
  | { phase: "uploading"; name: string; loaded: number; total: number }
  | { phase: "checking"; name: string }
  | { phase: "done"; message: string }
  | { phase: "refused"; reason: string };

/** Sends the form with XMLHttpRequest, which (unlike fetch) reports upload progress. */
function send(url: string, body: FormData, onProgress: (loaded: number, total: number) => void) {
  return new Promise<{ status: number; data: EvidenceActionData | null }>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) =>
      onProgress(event.loaded, event.lengthComputable ? event.total : 0);
    xhr.onload = () =>
      resolve({ status: xhr.status, data: xhr.response as EvidenceActionData | null });
    xhr.onerror = () => resolve({ status: 0, data: null });
    xhr.send(body);
  });
}

function refusalOf(status: number, data: EvidenceActionData | null): string {
  if (data && !data.ok)
    return data.fieldErrors?.file ?? data.formError ?? "The file was not accepted.";
  if (status === 413) return "This file is larger than 20 MB.";
  if (status === 0)
    return "The upload did not reach the server. Check your connection and try again.";
  return "The upload failed. Try again.";
}

/**
 * "Upload a file" for one criterion: the file is checked and stored by the server, then
 * attached to the criterion for everyone. Shows progress while it goes, and the reason next to
 * the field if it is refused.
 */
export function UploadForm(props: {
  evaluationId: string;
  criterionId: string;
  code: string;
  maxBytes: number;
  onUploaded: () => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const busy = state.phase === "uploading" || state.phase === "checking";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ phase: "refused", reason: "Choose a file to upload." });
    // Refused here without sending 20 MB for nothing; the server checks again anyway.
    if (file.size > props.maxBytes) {
      return setState({
        phase: "refused",
        reason: `This file is larger than 20 MB (it is ${formatSize(file.size)}). Make it smaller or split it, then try again.`,
      });
    }
    const body = new FormData(event.currentTarget);
    setState({ phase: "uploading", name: file.name, loaded: 0, total: file.size });
    const { status, data } = await send(evidenceRoute(props.evaluationId), body, (loaded, total) =>
      setState(
        loaded >= total && total > 0
          ? { phase: "checking", name: file.name }
          : { phase: "uploading", name: file.name, loaded, total: total || file.size },
      ),
    );
    if (data?.ok && data.item) {
      setState({
        phase: "done",
        message: data.duplicate
          ? `“${data.item.title}” was already in this evaluation's evidence: attached it to ${props.code}.`
          : `Uploaded “${data.item.title}” and attached it to ${props.code}.`,
      });
      if (input.current) input.current.value = "";
      props.onUploaded();
    } else {
      setState({ phase: "refused", reason: refusalOf(status, data) });
    }
  }

  const error = state.phase === "refused" ? state.reason : null;
  return (
    <form
      method="post"
      encType="multipart/form-data"
      action={evidenceRoute(props.evaluationId)}
      onSubmit={onSubmit}
      className="evidence-form"
      aria-busy={busy}
      style={FORM_STYLE}
    >
      <CsrfInput />
      <input type="hidden" name="criterionId" value={props.criterionId} />
      <div className={`field${error ? " field-invalid" : ""}`}>
        <label htmlFor={`${id}-file`}>Upload a file</label>
        <p className="hint" id={`${id}-hint`}>
          PDF, Word, Excel, PowerPoint, PNG or JPEG, up to 20 MB.
        </p>
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          name="file"
          accept={ACCEPT_ATTRIBUTE}
          disabled={busy}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          onChange={() => state.phase !== "idle" && !busy && setState({ phase: "idle" })}
        />
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Uploading…" : "Upload"}
      </button>
      <div role="status" className="upload-status">
        {state.phase === "uploading" ? (
          <>
            <progress
              value={state.loaded}
              max={state.total || 1}
              aria-label={`Uploading ${state.name}`}
            />{" "}
            <span>
              Uploading {state.name}: {formatSize(state.loaded)} of {formatSize(state.total)}
            </span>
          </>
        ) : state.phase === "checking" ? (
          <>
            <progress aria-label={`Checking ${state.name}`} /> <span>Checking {state.name}…</span>
          </>
        ) : state.phase === "done" ? (
          <span>{state.message}</span>
        ) : null}
      </div>
    </form>
  );
}
