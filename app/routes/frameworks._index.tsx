import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  redirect,
  unstable_parseMultipartFormData,
  unstable_createMemoryUploadHandler,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError, SelectField } from "../components/field.tsx";
import {
  can,
  createFramework,
  findStarter,
  listFrameworks,
  STARTERS,
  parseFrameworkFile,
} from "../models.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";
import { parseForm } from "../utils/forms.ts";
import { requireTrustAccess } from "../utils/trust.server.ts";
import { emptyFramework } from "../../models/framework/blank.ts";

export const meta: MetaFunction = () => [{ title: "Frameworks · Quality marks" }];

const KIND_LABELS = {
  qualityMark: "Quality mark",
  schoolSelfEvaluation: "School self-evaluation",
  trustSelfReview: "Trust self-review",
} as const;
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, trustId } = await requireTrustAccess(request, "framework", "read");
  const frameworks = await listFrameworks(trustId);
  return json({
    canDesign: can(actor, "write", { type: "framework", trustId }),
    frameworks: frameworks.map((f) => ({
      id: f.id,
      name: f.name,
      kind: KIND_LABELS[f.kind],
      latestVersion: f.latestVersion,
    })),
    starters: STARTERS.map((s) => ({ key: s.key, name: s.content.name })),
  });
}

const FromStarter = z.object({
  starter: z.string().min(1, "Choose a starter, or a blank framework"),
});

type Result = {
  errors: Record<string, string>;
  importErrors: { path: string; message: string }[];
  formError: string | null;
};
const reply = (r: Partial<Result>, status: number) =>
  json<Result>({ errors: {}, importErrors: [], formError: null, ...r }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const { actor, trustId } = await requireTrustAccess(request, "framework", "write");
  const isUpload = request.headers.get("content-type")?.startsWith("multipart/form-data");
  const form = isUpload
    ? await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
      ).catch(() => null)
    : await request.formData();
  if (!form)
    return reply({ importErrors: [{ path: "(file)", message: "is larger than 2 MB" }] }, 413);
  await requireCsrf(request, form);

  if (form.get("intent") === "import") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return reply(
        {
          importErrors: [{ path: "(file)", message: "choose a framework file (.json) to import" }],
        },
        400,
      );
    const parsed = parseFrameworkFile(await file.text());
    if (parsed.errors) return reply({ importErrors: parsed.errors }, 400);
    const framework = await createFramework(trustId, {
      content: parsed.content,
      createdBy: actor.userId,
    });
    throw redirect(`/frameworks/${framework.id}`);
  }

  const parsed = parseForm(form, FromStarter);
  if (parsed.errors) return reply({ errors: parsed.errors }, 400);
  const starter =
    parsed.data.starter === "blank"
      ? { key: null, content: emptyFramework() }
      : findStarter(parsed.data.starter);
  if (!starter) return reply({ errors: { starter: "Choose one of the starters listed" } }, 400);
  const framework = await createFramework(trustId, {
    content: starter.content,
    starterKey: starter.key,
    createdBy: actor.userId,
  });
  throw redirect(`/frameworks/${framework.id}`);
}

export default function Frameworks() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      <h1>Frameworks</h1>
      <p className="lede">
        Your trust's quality marks, self-evaluation frameworks and trust reviews.
      </p>
      {data.frameworks.length === 0 ? (
        <p className="muted">No frameworks yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">The trust's frameworks</caption>
          <thead>
            <tr>
              <th scope="col">Framework</th>
              <th scope="col">Kind</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {data.frameworks.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/frameworks/${f.id}`}>{f.name}</Link>
                </td>
                <td>{f.kind}</td>
                <td>{f.latestVersion > 0 ? `v${f.latestVersion}` : "Draft, not published"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {data.canDesign ? (
        <div className="columns">
          <Form method="post" className="stack panel" aria-labelledby="new-heading" noValidate>
            <h2 id="new-heading">New framework</h2>
            <CsrfInput />
            <SelectField
              label="Start from"
              name="starter"
              defaultValue={data.starters[1]?.key ?? "blank"}
              error={result?.errors?.starter}
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
            <FormError message={result?.formError} />
            <button type="submit" className="button" disabled={busy}>
              Import as a new draft
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}
