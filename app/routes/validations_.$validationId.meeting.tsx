import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useRef, useState, type RefObject } from "react";
import tldrawStyles from "tldraw/tldraw.css";
import {
  agendaIsSynced,
  bringEveryoneTo,
  moveAgendaItem,
  readCurrent,
  syncAgenda,
} from "../../collab/shapes/meeting.ts";
import { formatMoment } from "../../models/dates.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { recordState, type RecordEntry } from "../../models/validation/record-state.ts";
import { CollabRoom, useWarnBeforeLeaving } from "../collab/collab-room.tsx";
import { WorkspaceBar } from "../collab/workspace-bar.tsx";
import { useAgendaFocus } from "../components/meeting/agenda-focus.ts";
import { AgendaItemView } from "../components/meeting/agenda-item.tsx";
import { AgendaNav } from "../components/meeting/agenda-nav.tsx";
import { meetingPageData } from "../components/meeting/meeting.server.ts";
import { MeetingSide } from "../components/meeting/meeting-side.tsx";
import { MEETING_SIDE_ID } from "../components/meeting/minutes-link.tsx";
import type { MeetingCriterion, Provisional } from "../components/meeting/types.ts";
import { useLiveAgenda } from "../components/meeting/use-live-agenda.ts";
import { useMeetingRoom } from "../components/meeting/use-meeting-room.ts";
import { useMeetingStart } from "../components/meeting/use-meeting-start.ts";
import {
  AgreementDraftsContext,
  useAgreementDrafts,
  useRevalidateOnReturn,
} from "../components/meeting/use-agreement-drafts.ts";
import { useServerChanges } from "../components/workspace/use-server-changes.ts";
import {
  OutcomeForm,
  OutcomeRecorded,
  OutcomeStatus,
  Recommendation,
  outcomeRecorded,
} from "../components/validation/outcome-section.tsx";
import meetingStyles from "../styles/meeting.css";
import { agreeJudgement, confirmJudgement, recordOutcome } from "../validation.server.ts";
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
import { ReportForm } from "../components/report/report-form.tsx";
import { reportOffer } from "../report.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tldrawStyles },
  { rel: "stylesheet", href: meetingStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Validation meeting · ${data?.school.name ?? ""} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const data = await orNotFound(meetingPageData(actor, params.validationId ?? ""));
  return json({ ...data, report: reportOffer("validation", data.validation.id) });
}

/** The decisions taken in the meeting: agree and confirm judgements, record the outcome. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { actor, collab: context.collab };
  const extra = { validationId: params.validationId ?? "" };
  if (intent === "agree") {
    const done = await run(() => agreeJudgement(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response ? done : json({ intent, done: "Agreed judgement recorded." });
  }
  if (intent === "confirm") {
    const done = await run(() => confirmJudgement(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response ? done : json({ intent, done: "Confirmed." });
  }
  if (intent === "outcome") {
    const done = await run(() => recordOutcome(ctx, fieldsOf(form, { extra })), intent);
    return done instanceof Response ? done : json(outcomeRecorded(done.award));
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

// Agreements and confirmations reach the page through the live record; reloading everything
// after each would only slow the meeting down.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => {
  const intent = formData?.get("intent");
  if (intent === "agree" || intent === "confirm") return false;
  return defaultShouldRevalidate;
};

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

/** Warns before leaving with unsaved minutes (inside the room only). */
function WarnBeforeLeaving() {
  useWarnBeforeLeaving();
  return null;
}

/**
 * Keeps `--meeting-bar-height` on the page at the height of its live bar, which sticks to the
 * top of the screen and grows a row as people join: the minutes beside the item stick just
 * under it, never beneath it (meeting.css).
 */
function useBarHeight(page: RefObject<HTMLElement>, live: boolean) {
  // The live bar replaces its "Connecting…" placeholder once the page runs: watch that one.
  useEffect(() => {
    const root = page.current;
    const bar = root?.querySelector<HTMLElement>(".workspace-bar");
    if (!root || !bar) return;
    const observer = new ResizeObserver(() =>
      root.style.setProperty("--meeting-bar-height", `${bar.offsetHeight}px`),
    );
    observer.observe(bar);
    return () => observer.disconnect();
  }, [page, live]);
}

/** What the minutes are for, said with them (their description), for those who write them. */
const MINUTES_HINT =
  "Note what is said and agreed on each item, and any next steps. Everyone in the meeting " +
  "sees and edits these same minutes, saved as you type.";
/** The same for an observer, who reads them. */
const MINUTES_HINT_OBSERVING =
  "What is said and agreed on each item, and any next steps. Everyone in the meeting sees " +
  "these same minutes; the validator and the school write them, saved as they type.";

/**
 * The page renders on the server as it will look; once in the browser, it runs inside the
 * page's collaboration room: one socket for the meeting, the evaluation, the record and the
 * comment threads (ADR 012).
 */
export default function MeetingPage() {
  const data = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  // The validator's drafts of agreements outlive the switch from the server's render to the room.
  const drafts = useAgreementDrafts(data.validation.id, data.drafts);
  // A draft typed, emptied or recorded on another device shows here once back in view.
  useRevalidateOnReturn(data.can.agree, drafts);
  return (
    <AgreementDraftsContext.Provider value={drafts}>
      {/* The page as served stays when its scripts take over (the room opens its documents
          only in the browser; the live parts replace their placeholders), so a press begun on
          it a moment before is not lost to elements swapped for new ones. */}
      <CollabRoom me={data.me} presenceIn={data.meetingDocument}>
        <WarnBeforeLeaving />
        <MeetingBody data={data} live={hydrated} />
      </CollabRoom>
    </AgreementDraftsContext.Provider>
  );
}

function MeetingBody({ data, live }: { data: Data; live: boolean }) {
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  const room = useMeetingRoom({
    enabled: live,
    userId: data.me.userId,
    meetingDocument: data.meetingDocument,
    evaluationDocument: data.evaluationDocument,
    recordDocument: data.recordDocument,
    evaluationId: data.evaluation.id,
    entries: data.entries as RecordEntry[],
  });
  // The school submitting again (ADR 061's counter) brings its new submission in (ADR 062).
  useServerChanges(room.evaluation.doc);
  // A page opened before the start shows what the start brings (provisional judgements) then.
  useMeetingStart({
    scheduledAt: data.schedule?.scheduledAt ?? null,
    started: data.started,
    held: data.held,
    decisions: room.entries.length,
  });
  const { readOnly, refused } = room.meeting;
  const meetingDoc = room.meeting.doc;
  const state = recordState(room.entries);
  const locked = !data.can.write || readOnly !== false;
  const leads = data.can.lead;

  const agenda = useLiveAgenda(meetingDoc, data.agendaIds);
  const focus = useAgendaFocus(agenda, leads);
  const criteria = data.criteria as MeetingCriterion[];
  const byId = new Map(criteria.map((c) => [c.criterion.id, c]));
  const items = agenda.order.flatMap((id) => byId.get(id) ?? []);
  const index = items.findIndex((i) => i.criterion.id === focus.focused);
  const item = index >= 0 ? items[index] : null;
  const currentId = agenda.current?.criterionId ?? null;
  const name = (id: string) => data.names[id] ?? "someone";

  const pageRef = useRef<HTMLDivElement>(null);
  useBarHeight(pageRef, live);

  const [announcement, setAnnouncement] = useState("");
  // Someone following hears where the validator took everyone: a move made while the page is
  // open, not the one the document held when it arrived (from the server or this browser's copy).
  const currentAt = agenda.current?.at;
  const meetingSynced = room.meeting.synced;
  const arrivedAt = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (meetingSynced && meetingDoc && arrivedAt.current === undefined)
      arrivedAt.current = readCurrent(meetingDoc)?.at ?? null;
  }, [meetingSynced, meetingDoc]);
  useEffect(() => {
    if (!currentAt || !focus.following || !agenda.current) return;
    if (arrivedAt.current === undefined || currentAt === arrivedAt.current) return;
    const code = byId.get(agenda.current.criterionId)?.criterion.code;
    if (code) setAnnouncement(`${name(agenda.current.by)} brought everyone to ${code}.`);
    // Only a new "bring everyone" announces; names and criteria do not change meanwhile.
  }, [currentAt]);

  // Brought to another item while reading further down: start it from its heading.
  const focusedId = focus.focused;
  const following = focus.following;
  useEffect(() => {
    if (!following || !focusedId) return;
    const heading = document.getElementById(`agenda-item-${focusedId}`);
    if (heading && heading.getBoundingClientRect().top < 0) heading.scrollIntoView();
  }, [following, focusedId]);

  const show = (criterionId: string) => focus.show(criterionId);
  const move = (criterionId: string, position: number) => {
    if (!meetingDoc || locked) return;
    // A meeting scheduled before the agenda lived in the document: copy it in first.
    if (!agendaIsSynced(meetingDoc)) syncAgenda(meetingDoc, agenda.order);
    moveAgendaItem(meetingDoc, criterionId, position);
  };
  const bringEveryone = () => {
    if (!meetingDoc || locked || !item) return;
    bringEveryoneTo(meetingDoc, item.criterion.id, data.me.userId);
    setAnnouncement(`Everyone is now on ${item.criterion.code}.`);
  };

  const navigation = item ? (
    <div className="item-nav">
      <p className="item-position">{`Item ${index + 1} of ${items.length}`}</p>
      <div className="item-nav-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={!live || index <= 0}
          onClick={() => show(items[index - 1].criterion.id)}
        >
          Previous item
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!live || index >= items.length - 1}
          onClick={() => show(items[index + 1].criterion.id)}
        >
          Next item
        </button>
        {leads ? (
          currentId === item.criterion.id ? (
            <span className="now-badge">Everyone is on this item</span>
          ) : (
            <button
              type="button"
              className="button"
              disabled={!meetingDoc || locked}
              onClick={bringEveryone}
            >
              Bring everyone to this item
            </button>
          )
        ) : currentId === item.criterion.id ? (
          <span className="now-badge">Now discussing</span>
        ) : null}
      </div>
    </div>
  ) : null;

  const meetingPath = `/validations/${data.validation.id}`;
  return (
    <div className="page wide meeting-page" ref={pageRef}>
      <Breadcrumbs
        trail={[
          { label: data.evaluation.title, to: `/evaluations/${data.evaluation.id}` },
          { label: "Validation", to: `/evaluations/${data.evaluation.id}/validation` },
        ]}
      />
      <h1>{`Validation meeting: ${data.school.name}`}</h1>
      <div className="meeting-when">
        {data.schedule ? (
          <>
            <span>{`${data.started ? "Started" : data.held ? "Held early; it was booked for" : "Starts"} ${formatMoment(data.schedule.scheduledAt)} (UK time)`}</span>
            <a href={data.schedule.videoLink} target="_blank" rel="noopener noreferrer">
              Join the video call
            </a>
            <a href={`${meetingPath}/meeting.ics`} download>
              Add to calendar
            </a>
          </>
        ) : (
          <span className="muted">The meeting has not been scheduled yet.</span>
        )}
        {leads ? (
          <Link to={`${meetingPath}/prepare`}>Before the meeting: schedule and pre-review</Link>
        ) : null}
      </div>
      <ReportForm offer={data.report} label="Download validation report (PDF)" />

      {live ? (
        <WorkspaceBar
          canWrite={data.can.write}
          readOnlyNotice="You are observing this meeting: others see you here, and nothing you do changes it."
        />
      ) : (
        <div className="workspace-bar">
          <p className="muted" role="status">
            Connecting…
          </p>
        </div>
      )}
      {refused ? (
        <p role="alert" className="form-error">
          This meeting could not be opened: you do not have access to it.
        </p>
      ) : null}
      {result?.done && result.intent !== "outcome" ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}

      <div className="meeting-layout">
        <AgendaNav
          items={items}
          focused={focus.focused}
          currentId={currentId}
          agreed={state.agreed}
          final={state.outcome !== null}
          leads={leads && !locked && meetingDoc !== null}
          onShow={live ? show : undefined}
          onMove={move}
          announce={setAnnouncement}
        >
          {leads ? (
            <p className="hint">
              You lead: &ldquo;Bring everyone to this item&rdquo; moves everyone who follows you.
            </p>
          ) : (
            <label className="checkbox follow-toggle">
              <input
                type="checkbox"
                checked={focus.following}
                onChange={(e) => focus.setFollowing(e.currentTarget.checked)}
              />{" "}
              Follow the validator
            </label>
          )}
        </AgendaNav>

        <div className="meeting-item">
          {item ? (
            <AgendaItemView
              key={item.criterion.id}
              item={item}
              evaluationId={data.evaluation.id}
              submission={data.submission}
              doc={room.evaluation.doc}
              awareness={room.evaluation.awareness}
              synced={room.evaluation.synced}
              hydrated={live}
              provisional={(data.provisional as Provisional[]).filter(
                (p) => p.criterionId === item.criterion.id,
              )}
              provisionalVisible={data.provisionalVisible}
              agreed={state.agreed[item.criterion.id]}
              names={data.names}
              confirmers={data.confirmers}
              // Once the outcome is recorded, the agreements are final: the outcome is corrected,
              // and what was not confirmed by then is not confirmed afterwards (ADR 068).
              can={{
                agree: data.can.agree && !state.outcome,
                confirm: data.can.confirm && !state.outcome,
              }}
              final={Boolean(state.outcome)}
              me={data.me}
              discussion={data.discussion}
              navigation={navigation}
            />
          ) : (
            <p className="muted">
              {leads
                ? "Put criteria on the agenda before the meeting (schedule and pre-review)."
                : "The validator has not put anything on the agenda yet."}
            </p>
          )}
        </div>

        {live ? (
          <MeetingSide
            document={room.meeting.document}
            ready={readOnly !== null}
            locked={locked}
            me={data.me}
            whiteboard={data.whiteboard}
            notesHint={data.can.write ? MINUTES_HINT : MINUTES_HINT_OBSERVING}
            back={
              item
                ? {
                    targetId: `agenda-item-${item.criterion.id}`,
                    label: `Back to the item (${item.criterion.code})`,
                  }
                : undefined
            }
          />
        ) : (
          <p className="editor-loading meeting-side" id={MEETING_SIDE_ID} role="status">
            Loading the minutes and whiteboard…
          </p>
        )}
      </div>

      <section aria-labelledby="outcome-heading" className="panel stack meeting-outcome">
        <h2 id="outcome-heading">Outcome</h2>
        {/* Said where the button was pressed, not at the top of a long page. */}
        {result?.intent === "outcome" ? <OutcomeRecorded result={result} /> : null}
        <OutcomeStatus state={state} name={name} />
        {state.outcome && data.can.agree ? (
          <p className="hint">
            The agreed judgements are final now that the outcome is recorded. To change the
            decision, correct the outcome: the correction is recorded beside the outcome it
            replaces.
          </p>
        ) : null}
        {data.outcomeForm ? (
          <details open={result?.intent === "outcome" && !result.done}>
            <summary>{state.outcome ? "Correct the outcome" : "Record the outcome"}</summary>
            <Recommendation
              content={data.outcomeForm.content as FrameworkContent}
              state={state}
              asSubmitted={data.outcomeForm.asSubmitted}
              moved={data.outcomeForm.moved}
            />
            <OutcomeForm
              form={{ ...data.outcomeForm, content: data.outcomeForm.content as FrameworkContent }}
              state={state}
              result={result?.intent === "outcome" ? result : null}
              busy={busy}
              agenda={items.map((i) => ({ id: i.criterion.id, code: i.criterion.code }))}
            />
          </details>
        ) : state.outcome ? null : (
          <p className="muted">The validator records the outcome at the end of the meeting.</p>
        )}
      </section>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
