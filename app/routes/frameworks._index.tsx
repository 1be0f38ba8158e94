import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField } from "../components/field.tsx";
import {
  ImportRefusedError,
  STARTERS,
  can,
  copyFramework,
  createFramework,
  draftChanges,
  frameworksOf,
  importFramework,
  listFrameworks,
  loadTrustFor,
  newRequestId,
  type DraftChange,
} from "../framework.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import {
  orNotFound,
  fieldsOf,
  readForm,
  refusal,
  type ActionResult,
} from "../utils/command.server.ts";
import { StackedTable } from "../components/stacked-table.tsx";

export const meta: MetaFunction = () => [{ title: "Frameworks · Quality marks" }];

const KIND_LABELS = {
  qualityMark: "Quality mark",
  schoolSelfEvaluation: "School self-evaluation",
  trustSelfReview: "Trust self-review",
} as const;
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { trustId } = await orNotFound(loadTrustFor(actor, "framework", "read"));
  const frameworks = await listFrameworks(trustId);
  const drafts = await draftChanges({ actor, collab: context.collab }, frameworks);
  return json({
    canDesign: can(actor, "write", frameworksOf(trustId)),
    requestId: newRequestId(),
    frameworks: frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      kind: KIND_LABELS[f.kind],
      latestVersion: f.latestVersion,
      draft: draftSentence(drafts.get(f.id)),
    })),
    starters: STARTERS.map((s) => ({ key: s.key, name: s.content.name })),
  });
}

/** What the list says of a framework's draft beside its newest published version. */
function draftSentence(change: DraftChange | undefined): string {
  if (!change) return "Not published yet";
  if (change.state === "unknown") return "Could not be checked just now";
  return change.state === "matches"
    ? `Draft matches version ${change.version}`
    : "Draft has changes not yet published";
}

type Result = ActionResult & { importErrors?: { path: string; message: string }[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const ctx = { actor, collab: context.collab };
  const form = await readForm(request, { maxFileBytes: MAX_IMPORT_BYTES });
  try {
    if (form.get("intent") === "copy") {
      const copy = await copyFramework(ctx, fieldsOf(form));
      return redirect(`/frameworks/${copy.id}`);
    }
    if (form.get("intent") === "import") {
      const file = form.get("file");
      const input = fieldsOf(form, {
        extra: { text: file instanceof File ? await file.text() : "" },
      });
      const framework = await importFramework(ctx, input);
      return redirect(`/frameworks/${framework.id}`);
    }
    const input = fieldsOf(form);
    const framework = await createFramework(ctx, input);
    return redirect(`/frameworks/${framework.id}`);
  } catch (error) {
    if (error instanceof ImportRefusedError)
      return json<Result>({ importErrors: error.problems }, { status: 400 });
    return refusal(error, form.get("intent") === "copy" ? "copy" : undefined);
  }
}

export default function Frameworks() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const busy = useNavigation().state === "submitting";
  const copyError =
    result?.intent === "copy"
      ? (result.formError ?? Object.values(result.fieldErrors ?? {}).find(Boolean) ?? null)
      : null;
  return (
    <div className="page">
      <h1>Frameworks</h1>
      <p className="lede">
        Your trust's quality marks, self-evaluation frameworks and trust reviews.
      </p>
      {copyError ? (
        <p className="form-error" role="alert">
          {`No copy was made: ${copyError}`}
        </p>
      ) : null}
      {data.frameworks.length === 0 ? (
        <p className="muted empty-state">
          {data.canDesign
            ? "No frameworks yet. Start one below from a starter (such as the Ofsted 2025 areas or a quality mark), or import one."
            : "No frameworks yet. The trust's admins design them; they appear here once created."}
        </p>
      ) : (
        <StackedTable
          label="Frameworks"
          caption="The trust's frameworks"
          columns={[
            { label: "Framework" },
            { label: "Kind" },
            { label: "Published" },
            { label: "Draft" },
            ...(data.canDesign ? [{ label: "Actions", hidden: true }] : []),
          ]}
          rows={data.frameworks.map((f) => ({
            key: f.id,
            cells: [
              <Link key="name" to={`/frameworks/${f.id}`}>
                {f.name}
              </Link>,
              f.kind,
              f.latestVersion > 0 ? `v${f.latestVersion}` : "Draft, not published",
              f.draft,
              ...(data.canDesign
                ? [
                    <Form key="copy" method="post">
                      <CsrfInput />
                      <input type="hidden" name="requestId" value={data.requestId} />
                      <input type="hidden" name="intent" value="copy" />
                      <input type="hidden" name="frameworkId" value={f.id} />
                      <button type="submit" className="button-link" disabled={busy}>
                        Make a copy<span className="visually-hidden"> of {f.name}</span>
                      </button>
                    </Form>,
                  ]
                : []),
            ],
          }))}
        />
      )}

      {data.canDesign ? (
        <div className="columns">
          <Form method="post" className="stack panel" aria-labelledby="new-heading" noValidate>
            <h2 id="new-heading">New framework</h2>
            <CsrfInput />
            <input type="hidden" name="requestId" value={data.requestId} />
            <SelectField
              label="Start from"
              name="starter"
              defaultValue={data.starters[0]?.key ?? "blank"}
              error={result?.fieldErrors?.starter}
            >
              {data.starters.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.name}
                </option>
              ))}
              <option value="blank">A blank framework</option>
            </SelectField>
            <button type="submit" className="button" disabled={busy}>
              Create and open the designer
            </button>
          </Form>
          <Form
            method="post"
            encType="multipart/form-data"
            className="stack panel"
            aria-labelledby="import-heading"
          >
            <h2 id="import-heading">Import a framework</h2>
            <CsrfInput />
            <input type="hidden" name="requestId" value={data.requestId} />
            <input type="hidden" name="intent" value="import" />
            <div className="field">
              <label htmlFor="import-file">Framework file (.json, exported from this app)</label>
              <input
                id="import-file"
                type="file"
                name="file"
                accept="application/json,.json"
                aria-describedby={result?.importErrors?.length ? "import-errors" : undefined}
              />
            </div>
            {result?.importErrors?.length ? (
              <div className="form-error" role="alert" id="import-errors">
                <p>Nothing was imported. Fix these in the file and try again:</p>
                <ul>
                  {result.importErrors.map((e) => (
                    <li key={`${e.path}:${e.message}`}>
                      <code>{e.path}</code> {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <FormError message={copyError ? null : result?.formError} />
            <button type="submit" className="button" disabled={busy}>
              Import as a new draft
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}
