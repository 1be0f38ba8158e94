import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import tldrawStyles from "tldraw/tldraw.css";
import { CollabRoom, useRoomDocument, useWarnBeforeLeaving } from "../collab/collab-room.tsx";
import { WorkspaceBar } from "../collab/workspace-bar.tsx";
import { CsrfInput } from "../components/csrf-input.tsx";
import { FormError } from "../components/field.tsx";
import { MeetingSide } from "../components/meeting/meeting-side.tsx";
import { WorkspaceMeetings } from "../components/workspace/workspace-meetings.tsx";
import { useServerChanges } from "../components/workspace/use-server-changes.ts";
import {
  JointActions,
  PracticeLibrary,
  SharedCriteria,
} from "../components/workspace/workspace-content.tsx";
import { NOTES_FIELD } from "../../collab/shapes/workspace.ts";
import meetingStyles from "../styles/meeting.css";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  fieldsOf,
  orNotFound,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";
import {
  addJointAction,
  addLibraryItem,
  archiveWorkspace,
  respondToInvitation,
  scheduleWorkspaceMeeting,
  setJointActionStatus,
  UnacceptableFileError,
  usePracticeAsEvidence,
  withdrawShare,
  workspacePageData,
  MAX_EVIDENCE_BYTES,
} from "../workspace.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tldrawStyles },
  { rel: "stylesheet", href: meetingStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.workspace.title ?? "Joint workspace"} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  // Opening the page is a visit; the open page reloading its data is not.
  const newVisit = !new URL(request.url).searchParams.has("_data");
  return json(await orNotFound(workspacePageData(actor, params.workspaceId ?? "", newVisit)));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const ctx = { actor, collab: context.collab };
  const extra = { workspaceId: params.workspaceId ?? "" };
  const form = await readForm(request, {
    intent: "addLibraryItem",
    maxFileBytes: MAX_EVIDENCE_BYTES,
  });
  const intent = String(form.get("intent") ?? "");
  if (intent === "addLibraryItem") {
    const file = form.get("file");
    const upload =
      file instanceof File && file.size > 0
        ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : {};
    const done = await run(async () => {
      try {
        return await addLibraryItem(ctx, fieldsOf(form, { extra: { ...extra, ...upload } }));
      } catch (error) {
        if (error instanceof UnacceptableFileError)
          return failed({ intent, fieldErrors: { file: error.message } }, 415);
        throw error;
      }
    }, intent);
    return done instanceof Response
      ? done
      : json<ActionResult>({ intent, done: `“${done.title}” added to the library.` });
  }
  if (intent === "useAsEvidence") {
    const origin = new URL(request.url).origin;
    const done = await run(
      () => usePracticeAsEvidence(ctx, fieldsOf(form, { extra: { ...extra, origin } })),
      intent,
    );
    return done instanceof Response
      ? done
      : json<ActionResult>({ intent, done: `Added to your evaluation's evidence: ${done.title}.` });
  }
  if (intent === "addAction") {
    const done = await run(() => addJointAction(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response
      ? done
      : json<ActionResult>({ intent, done: "Joint action added." });
  }
  if (intent === "actionStatus") {
    const done = await run(() => setJointActionStatus(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response ? done : json<ActionResult>({ intent, done: "Status saved." });
  }
  if (intent === "withdrawShare") {
    const done = await run(() => withdrawShare(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response
      ? done
      : json<ActionResult>({ intent, done: "Withdrawn from the workspace." });
  }
  if (intent === "respond") {
    const done = await run(() => respondToInvitation(ctx, fieldsOf(form, { extra })), intent);
    if (done instanceof Response) return done;
    // Declined: this page is no longer theirs to see.
    if (!done.workspace) return redirect("/workspaces?notice=declined");
    return json<ActionResult>({
      intent,
      done: String(form.get("answer")) === "accept" ? "Your school is taking part." : "Declined.",
    });
  }
  if (intent === "scheduleMeeting") {
    const done = await run(() => scheduleWorkspaceMeeting(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response
      ? done
      : redirect(`/workspaces/${extra.workspaceId}/meetings/${done.meeting.id}`);
  }
  if (intent === "archive") {
    const done = await run(() => archiveWorkspace(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response ? done : redirect(`/workspaces/${extra.workspaceId}`);
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function WarnBeforeLeaving() {
  useWarnBeforeLeaving();
  return null;
}

/**
 * A joint workspace: the schools, the shared notes and whiteboard (live, ADR 012). The page as
 * served stays when the scripts take over: only the live side replaces its placeholder, so a
 * press or typing begun on the served page (a Decline pressed on a busy machine) is not lost to
 * elements swapped for new ones.
 */
export default function WorkspacePage() {
  const data = useLoaderData<typeof loader>();
  return <WorkspaceBody data={data} live={useHydrated()} />;
}

function LiveSide({ data }: { data: Data }) {
  const open = useRoomDocument(data.document);
  useServerChanges(open.doc);
  return (
    <>
      <WorkspaceBar
        canWrite={data.can.write}
        readOnlyNotice={
          data.workspace.archived
            ? "This workspace is archived: it is kept for the record and nobody can change it."
            : "You are observing this workspace: others see you here, and nothing you do changes it."
        }
      />
      {open.refused ? (
        <p role="alert" className="form-error">
          This workspace could not be opened: you do not have access to it.
        </p>
      ) : null}
      <MeetingSide
        document={open.document}
        ready={open.readOnly !== null}
        locked={!data.can.write || open.readOnly !== false}
        me={data.me}
        whiteboard={data.whiteboard}
        notesLabel="Shared notes"
        notesField={NOTES_FIELD}
      />
    </>
  );
}

function WorkspaceBody({ data, live }: { data: Data; live: boolean }) {
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const { workspace } = data;
  const path = `/workspaces/${workspace.id}`;
  return (
    <div className="page wide workspace-page">
      <Breadcrumbs trail={[{ label: "Joint workspaces", to: "/workspaces" }]} />
      <h1>{workspace.title}</h1>
      {workspace.archived ? (
        <p className="notice" role="note">
          Archived: kept for the record, read only for everyone.
        </p>
      ) : null}
      {workspace.purpose ? <p className="lede">{workspace.purpose}</p> : null}
      {workspace.areaTitle ? <p className="muted">{`Area: ${workspace.areaTitle}`}</p> : null}
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}
      <FormError message={result?.formError} />
      {data.whatsNew ? (
        <section aria-labelledby="new-heading" className="panel stack">
          <h2 id="new-heading">What&apos;s new since your last visit</h2>
          {data.whatsNew.items.length ? (
            <ul>
              {data.whatsNew.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing new from the others since you were last here.</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="schools-heading" className="stack">
        <h2 id="schools-heading">Schools</h2>
        <ul className="workspace-schools">
          {data.schools.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> <span className="badge">{s.statusLabel}</span>
              {s.members.length ? (
                <span className="muted">{` · ${s.members.map((m) => m.name).join(", ")}`}</span>
              ) : null}
              {s.can.respond ? (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="respond" />
                  <input type="hidden" name="schoolId" value={s.id} />
                  <button className="button" name="answer" value="accept" disabled={busy}>
                    {`Accept for ${s.name}`}
                  </button>{" "}
                  <button
                    className="button button-secondary"
                    name="answer"
                    value="decline"
                    disabled={busy}
                  >
                    Decline
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          <Link to={`${path}/members`}>Members of each school</Link>
        </p>
      </section>
      {live ? (
        <CollabRoom me={data.me} presenceIn={data.document}>
          <WarnBeforeLeaving />
          <LiveSide data={data} />
        </CollabRoom>
      ) : (
        <div className="workspace-bar">
          <p className="muted" role="status">
            Connecting…
          </p>
        </div>
      )}
      <WorkspaceMeetings
        workspaceId={workspace.id}
        meetings={data.meetings}
        form={data.meetingForm}
      />
      <PracticeLibrary
        workspaceId={workspace.id}
        items={data.library}
        canAdd={data.can.write}
        evaluations={data.evidenceTargets}
      />
      <JointActions actions={data.actions} owners={data.owners} canEdit={data.can.write} />
      <SharedCriteria shared={data.shared} />
      {data.can.archive ? (
        <section aria-labelledby="archive-heading" className="stack">
          <h2 id="archive-heading">Archive</h2>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="archive" />
            <p className="hint">
              Archiving keeps everything for the record and makes it read only for everyone.
            </p>
            <button className="button button-secondary" disabled={busy}>
              Archive this workspace
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
