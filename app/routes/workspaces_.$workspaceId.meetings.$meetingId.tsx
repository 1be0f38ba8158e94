import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatMoment } from "../../models/dates.ts";
import { CollabRoom, useRoomDocument, useWarnBeforeLeaving } from "../collab/collab-room.tsx";
import { WorkspaceBar } from "../collab/workspace-bar.tsx";
import { MinutesEditor } from "../components/meeting/minutes-editor.tsx";
import { lengthLabel } from "../components/meeting/schedule-fields.tsx";
import meetingStyles from "../styles/meeting.css";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";
import { workspaceMeetingPageData } from "../workspace.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.title ?? "Meeting"} · ${data?.workspace.title ?? ""} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json(
    await orNotFound(
      workspaceMeetingPageData(actor, params.workspaceId ?? "", params.meetingId ?? ""),
    ),
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function WarnBeforeLeaving() {
  useWarnBeforeLeaving();
  return null;
}

/**
 * A joint workspace's meeting: when, the video call, the agenda, and the live minutes (a
 * fragment of the workspace's document, so the page's one room is the workspace's, ADR 012 and
 * 022). Members write the minutes; trust oversight and an archived workspace read them.
 */
export default function WorkspaceMeetingPage() {
  const data = useLoaderData<typeof loader>();
  // The page as served stays when the scripts take over (only the minutes go live), so a press
  // begun on it a moment before is not lost to elements swapped for new ones.
  return <MeetingBody data={data} live={useHydrated()} />;
}

function LiveMinutes({ data }: { data: Data }) {
  const open = useRoomDocument(data.document);
  return (
    <>
      <WorkspaceBar
        canWrite={data.can.write}
        readOnlyNotice={
          data.workspace.archived
            ? "This workspace is archived: its meetings' minutes are kept for the record and nobody can change them."
            : "You are observing this meeting: others see you here, and nothing you do changes it."
        }
      />
      {open.refused ? (
        <p role="alert" className="form-error">
          This meeting could not be opened: you do not have access to it.
        </p>
      ) : null}
      <MinutesEditor
        document={open.document}
        field={data.minutesField}
        label="Minutes"
        locked={!data.can.write || open.readOnly !== false}
        me={data.me}
      />
    </>
  );
}

function MeetingBody({ data, live }: { data: Data; live: boolean }) {
  const { meeting, workspace } = data;
  const path = `/workspaces/${workspace.id}/meetings/${meeting.id}`;
  return (
    <div className="page meeting-page workspace-meeting-page">
      <Breadcrumbs
        trail={[
          { label: "Joint workspaces", to: "/workspaces" },
          { label: workspace.title, to: `/workspaces/${workspace.id}` },
        ]}
      />
      <h1>{meeting.title}</h1>
      <div className="meeting-when">
        <span>
          {`${meeting.ended ? "Took place" : meeting.started ? "Started" : "Starts"} ${formatMoment(meeting.scheduledAt)} (UK time), ${lengthLabel(meeting.durationMinutes)}`}
        </span>
        <a href={meeting.videoLink} target="_blank" rel="noopener noreferrer">
          Join the video call
        </a>
        <a href={`${path}.ics`} download>
          Add to calendar
        </a>
      </div>
      <p className="muted">{`Scheduled by ${meeting.scheduledBy}.`}</p>
      <section aria-labelledby="agenda-heading" className="panel stack">
        <h2 id="agenda-heading">Agenda</h2>
        {meeting.agenda.length ? (
          <ol className="workspace-agenda">
            {meeting.agenda.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">No agenda was set for this meeting.</p>
        )}
      </section>
      <section aria-labelledby="minutes-heading" className="stack meeting-minutes">
        <h2 id="minutes-heading">Minutes</h2>
        {meeting.ended ? (
          <p className="hint">This meeting has ended: its minutes are kept here.</p>
        ) : null}
        {live ? (
          <CollabRoom me={data.me} presenceIn={data.document}>
            <WarnBeforeLeaving />
            <LiveMinutes data={data} />
          </CollabRoom>
        ) : (
          <p className="editor-loading" role="status">
            Connecting…
          </p>
        )}
      </section>
    </div>
  );
}
