import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import designerStyles from "../styles/designer.css";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { documentName } from "../../collab/document-name.ts";
import { colourFor } from "../../collab/context.ts";
import { CsrfInput } from "../components/csrf-input.tsx";
import FrameworkDesigner from "../components/framework/designer.client.tsx";
import {
  IncompleteFrameworkError,
  can,
  copyFramework,
  listVersions,
  loadFramework,
  newRequestId,
  publishFramework,
} from "../framework.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import {
  orNotFound,
  fieldsOf,
  readForm,
  refusal,
  type ActionResult,
} from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";
import type { Problem } from "../../models/framework/completeness.ts";
import { formatDay } from "../../models/dates.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: designerStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.framework.name ?? "Framework"} · Frameworks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { framework, resource } = await orNotFound(loadFramework(actor, params.frameworkId ?? ""));
  const versions = await listVersions(framework.trustId, framework.id);
  return json({
    framework: {
      id: framework.id,
      name: framework.name,
      documentName: documentName("framework", framework.id),
    },
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      name: v.content.name,
    })),
    canEdit: can(actor, "write", resource),
    requestId: newRequestId(),
    canPublish: can(actor, "publish", resource),
    canDistribute: can(actor, "distribute", resource),
    me: { userId: actor.userId, name: actor.name, colour: colourFor(actor.userId) },
  });
}

type PublishResult = {
  problems: Problem[];
  published: number | null;
  /** When that version was published (ISO). */
  publishedAt: string | null;
  /** False when the draft was already published as `published`: no new version was made. */
  created: boolean;
  formError: string | null;
};
const reply = (r: Partial<PublishResult>, status = 200) =>
  json<PublishResult>(
    { problems: [], published: null, publishedAt: null, created: false, formError: null, ...r },
    { status },
  );

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const input = fieldsOf(form, {
    extra: { frameworkId: params.frameworkId ?? "" },
  });
  if (form.get("intent") === "copy") {
    try {
      const copy = await copyFramework({ actor, collab: context.collab }, input);
      return redirect(`/frameworks/${copy.id}`);
    } catch (error) {
      return refusal(error, "copy");
    }
  }
  try {
    const { version, created } = await publishFramework({ actor, collab: context.collab }, input);
    return reply({
      published: version.version,
      publishedAt: version.publishedAt.toISOString(),
      created,
    });
  } catch (error) {
    if (error instanceof IncompleteFrameworkError) return reply({ problems: error.problems }, 400);
    return refusal(error);
  }
}

/** What publishing did, said in full: the version, its date and what it lets people do now. */
function publishedMessage(result: Partial<PublishResult>, canDistribute: boolean): string {
  const when = formatDay(result.publishedAt);
  if (!result.created)
    return `Already published as version ${result.published} on ${when}: nothing has changed since.`;
  const next = canDistribute ? ", and you can distribute it to schools in a cycle" : "";
  return `Published version ${result.published} on ${when}: schools can now start evaluations on it${next}.`;
}

export default function FrameworkPage() {
  const data = useLoaderData<typeof loader>();
  const answer = useActionData<Partial<PublishResult> | ActionResult>();
  const copyResult = answer && "intent" in answer && answer.intent === "copy" ? answer : null;
  const result = copyResult ? undefined : (answer as Partial<PublishResult> | undefined);
  const copyError = copyResult
    ? (copyResult.formError ?? Object.values(copyResult.fieldErrors ?? {}).find(Boolean) ?? null)
    : null;
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const copying = submitting && navigation.formData?.get("intent") === "copy";
  const publishing = submitting && !copying;
  // The heading and the tab's title follow the draft's name as anyone renames it.
  const [liveName, setLiveName] = useState<string | null>(null);
  const name = liveName === null ? data.framework.name : liveName.trim() || "Untitled framework";
  useEffect(() => {
    if (liveName !== null) document.title = `${name} · Frameworks`;
  }, [liveName, name, data.framework.name]);
  return (
    <div className="page wide">
      <Breadcrumbs trail={[{ label: "Frameworks", to: "/frameworks" }]} />
      <h1>{name}</h1>
      <div className="designer-layout">
        <div className="designer-main">
          {hydrated ? (
            <FrameworkDesigner
              documentName={data.framework.documentName}
              me={data.me}
              canEdit={data.canEdit}
              onName={setLiveName}
              publishAnchor={data.canPublish ? "publish" : undefined}
            />
          ) : (
            <p className="editor-loading" role="status">
              Loading the designer…
            </p>
          )}
        </div>
        <aside className="designer-side" aria-label="Publishing and versions">
          {data.canPublish ? (
            <section
              id="publish"
              className="panel stack"
              aria-labelledby="publish-heading"
              // The designer's "Publish" section link lands here (see anchors.ts): on a tablet or
              // phone this panel comes after every area.
              data-designer-anchor
            >
              <h2 id="publish-heading" tabIndex={-1} data-anchor-focus>
                Publish
              </h2>
              <p>{`Publishing freezes the draft as version v${(data.versions[0]?.version ?? 0) + 1}. Evaluations keep the version they started on.`}</p>
              <Form method="post">
                <CsrfInput />
                <button type="submit" className="button" disabled={submitting}>
                  {publishing ? "Checking…" : "Publish"}
                </button>
              </Form>
              {/* Always in the page, so the words are announced when they arrive. */}
              <div role="status" aria-live="polite">
                {result?.published ? (
                  <p className="notice">{publishedMessage(result, data.canDistribute)}</p>
                ) : null}
              </div>
              {result?.formError ? (
                <p role="alert" className="form-error">
                  {result.formError}
                </p>
              ) : null}
              {result?.problems?.length ? (
                <div role="alert" className="form-error">
                  <p>Not published yet. Fix these first:</p>
                  <ul>
                    {result.problems.map((p) => (
                      <li key={`${p.anchor}:${p.message}`}>
                        <a href={`#${p.anchor}`}>{p.message}</a>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </section>
          ) : null}
          {/* Copying asks for "write" on the source, as editing does (copyFramework). */}
          {data.canEdit ? (
            <section className="panel stack" aria-labelledby="copy-heading">
              <h2 id="copy-heading">Make a copy</h2>
              <p>
                {data.versions.length
                  ? `Starts a new draft from the newest published version (v${data.versions[0].version}). This framework stays as it is.`
                  : "Starts a new draft from this draft as it is now. This framework stays as it is."}
              </p>
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="requestId" value={data.requestId} />
                <input type="hidden" name="intent" value="copy" />
                <button type="submit" disabled={submitting}>
                  {copying ? "Copying…" : "Make a copy"}
                </button>
              </Form>
              {copyError ? (
                <p role="alert" className="form-error">
                  {`No copy was made: ${copyError}`}
                </p>
              ) : null}
            </section>
          ) : null}
          <section className="panel" aria-labelledby="versions-heading">
            <h2 id="versions-heading">Published versions</h2>
            {data.versions.length === 0 ? (
              <p className="muted">
                No version is published yet. Publishing freezes the draft as v1; schools can then
                start evaluations on it, and it can be distributed in a cycle.
              </p>
            ) : (
              <ul className="plain-list">
                {data.versions.map((v) => (
                  <li key={v.id}>
                    <strong>v{v.version}</strong> · {formatDay(v.publishedAt)}{" "}
                    <a
                      href={`/frameworks/${data.framework.id}/versions/${v.version}.json`}
                      download
                    >
                      Export v{v.version} (JSON)
                    </a>
                    {data.canDistribute ? (
                      <>
                        {" · "}
                        <Link to={`/cycles/new?version=${v.id}`}>Distribute v{v.version}</Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
