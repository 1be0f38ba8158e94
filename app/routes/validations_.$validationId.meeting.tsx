import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import tldrawStyles from "tldraw/tldraw.css";
import { recordState, type RecordEntry } from "../../models/validation/record-state.ts";
import { AgendaItemView } from "../components/meeting/agenda-item.tsx";
import { useAgendaThreads } from "../components/meeting/agenda-threads.tsx";
import { LiveMeeting } from "../components/meeting/live-meeting.tsx";
import { meetingPageData } from "../components/meeting/meeting.server.ts";
import { PreReview } from "../components/meeting/pre-review.tsx";
import { ScheduleForm } from "../components/meeting/schedule-form.tsx";
import type { AgendaItem, CriterionRow, Provisional } from "../components/meeting/types.ts";
import { useLiveRecord } from "../components/validation/use-live-record.ts";
import { recordProvisionalJudgement, scheduleMeeting } from "../validation.server.ts";
import meetingStyles from "../styles/meeting.css";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  orNotFound,
  fieldsOf,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { formatMoment } from "../../models/dates.ts";
import { useHydrated } from "../utils/use-hydrated.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tldrawStyles },
  { rel: "stylesheet", href: meetingStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Validation meeting · ${data?.school.name ?? ""} · Quality marks` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json(await orNotFound(meetingPageData(actor, params.validationId ?? "", context.collab)));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { actor, collab: context.collab };
  const extra = { validationId: params.validationId ?? "" };
  if (intent === "schedule") {
    const input = fieldsOf(form, {
      extra,
      lists: ["agendaCriterionIds"],
    });
    const done = await run(() => scheduleMeeting(ctx, input), intent);
    return done instanceof Response ? done : json({ intent, done: "The meeting is scheduled." });
  }
  if (intent === "provisional") {
    const input = fieldsOf(form, { extra });
    const done = await run(() => recordProvisionalJudgement(ctx, input), intent);
    return done instanceof Response ? done : json({ intent, done: "Provisional judgement saved." });
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** The agenda with each item's comment threads (browser only: they live in discussion.<id>). */
function LiveAgenda(props: {
  data: Data;
  render: (threadsFor: (item: AgendaItem) => ReactNode) => ReactNode;
}) {
  const threadsFor = useAgendaThreads(
    props.data.evaluationDocument,
    props.data.evaluation.id,
    props.data.me,
    props.data.discussion,
  );
  return <>{props.render(threadsFor)}</>;
}

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const entries = useLiveRecord(
    hydrated ? data.recordDocument : null,
    data.me.userId,
    data.entries as RecordEntry[],
  );
  const agreed = recordState(entries).agreed;
  const provisional = data.provisional as Provisional[];
  const scheduleResult = result?.intent === "schedule" ? result : null;
  const agenda = (threadsFor?: (item: AgendaItem) => ReactNode) => (
    <section aria-labelledby="agenda-heading" className="meeting-agenda">
      <h2 id="agenda-heading">Agenda</h2>
      {data.agenda.length ? (
        data.agenda.map((item) => (
          <AgendaItemView
            key={item.id}
            item={item as AgendaItem}
            evaluationId={data.evaluation.id}
            provisional={provisional.filter((p) => p.criterionId === item.id)}
            agreed={agreed[item.id]}
            names={data.names}
            provisionalHidden={!data.provisionalVisible}
            threads={threadsFor?.(item as AgendaItem)}
          />
        ))
      ) : (
        <p className="muted">Nothing is on the agenda yet.</p>
      )}
      <p>
        <Link to={`/evaluations/${data.evaluation.id}/validation`}>
          Agree and confirm judgements on the validation page
        </Link>
      </p>
    </section>
  );
  return (
    <div className="page wide meeting-page">
      <p className="breadcrumbs">
        <Link to={`/evaluations/${data.evaluation.id}`}>{data.evaluation.title}</Link> /{" "}
        <Link to={`/evaluations/${data.evaluation.id}/validation`}>Validation</Link> /
      </p>
      <h1>{`Validation meeting: ${data.school.name}`}</h1>
      {data.schedule ? (
        <p className="meeting-when">
          <span>{`${data.started ? "Started" : "Starts"} ${formatMoment(data.schedule.scheduledAt)} (UK time)`}</span>{" "}
          <a href={data.schedule.videoLink} target="_blank" rel="noopener noreferrer">
            Join the video call
          </a>
        </p>
      ) : (
        <p className="muted">The meeting has not been scheduled yet.</p>
      )}
      {result?.done ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}
      {result?.formError && result.intent !== "schedule" ? (
        <p role="alert" className="form-error">
          {result.formError}
        </p>
      ) : null}

      {data.canSchedule && data.scheduleDefaults ? (
        <>
          <ScheduleForm
            defaults={data.scheduleDefaults}
            errors={
              scheduleResult
                ? { ...scheduleResult.fieldErrors, form: scheduleResult.formError ?? undefined }
                : null
            }
            busy={busy}
            scheduled={data.schedule !== null}
          />
          <PreReview
            criteria={data.criteria as CriterionRow[]}
            provisional={provisional}
            me={data.me.userId}
            agendaDefaults={data.scheduleDefaults.agendaCriterionIds}
            names={data.names}
          />
        </>
      ) : null}

      {hydrated ? (
        <LiveMeeting documentName={data.meetingDocument} me={data.me} canWrite={data.canWrite}>
          <LiveAgenda data={data} render={agenda} />
        </LiveMeeting>
      ) : (
        <>
          {agenda()}
          <p className="editor-loading" role="status">
            Loading the meeting…
          </p>
        </>
      )}
    </div>
  );
}
