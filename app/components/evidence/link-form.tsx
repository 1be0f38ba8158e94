import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError, TextField } from "../field.tsx";
import { evidenceRoute, type EvidenceActionData } from "./types.ts";

/** "Add a link" for one criterion: a web address (http or https only) and a title. */
export function LinkForm(props: { evaluationId: string; criterionId: string; code: string }) {
  const fetcher = useFetcher<EvidenceActionData>();
  const form = useRef<HTMLFormElement>(null);
  const busy = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const added = result?.ok ? result.item : undefined;

  useEffect(() => {
    if (added) form.current?.reset();
  }, [added]);

  return (
    <fetcher.Form
      method="post"
      action={evidenceRoute(props.evaluationId)}
      ref={form}
      className="evidence-form"
      noValidate
    >
      <fieldset
        className="evidence-fieldset"
        style={{
          border: 0,
          padding: 0,
          margin: 0,
          display: "flex",
          flexDirection: "column",
          gap: "0.5rem",
        }}
      >
        <legend style={{ fontWeight: 600, padding: 0, marginBottom: "0.3rem" }}>Add a link</legend>
        <CsrfInput />
        <input type="hidden" name="intent" value="addLink" />
        <input type="hidden" name="criterionId" value={props.criterionId} />
        <TextField
          label="Web address"
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://"
          autoComplete="off"
          error={errors.url}
          required
        />
        <TextField label="Title (optional)" name="title" maxLength={200} error={errors.title} />
        <FormError message={result && !result.ok ? result.formError : null} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Adding…" : "Add link"}
        </button>
        <p role="status" className="muted">
          {added ? `Added “${added.title}” to ${props.code}.` : ""}
        </p>
      </fieldset>
    </fetcher.Form>
  );
}
