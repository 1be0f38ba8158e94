import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  agendaUnsaved,
  followDifferences,
  initialChoice,
  toggle,
  type AgendaChoice,
} from "../components/meeting/agenda-choice.ts";
import { preparePageData } from "../components/meeting/meeting.server.ts";
import { PreReview, provisionalIntentOf } from "../components/meeting/pre-review.tsx";
import { ScheduleForm } from "../components/meeting/schedule-form.tsx";
import meetingStyles from "../styles/meeting.css";
import { recordProvisionalJudgement, scheduleMeeting } from "../validation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import {
  failed,
  fieldsOf,
  orNotFound,
  readForm,
  run,
  type ActionResult,
} from "../utils/command.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { useWarnUnsent } from "../components/use-warn-unsent.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Before the meeting · ${data?.school.name ?? ""} · Quality marks` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return json(await orNotFound(preparePageData(actor, params.validationId ?? "")));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = { actor, collab: context.collab };
  const extra = { validationId: params.validationId ?? "" };
  if (intent === "schedule") {
    const input = fieldsOf(form, { extra, lists: ["agendaCriterionIds"] });
    const done = await run(() => scheduleMeeting(ctx, input), intent);
    if (done instanceof Response) return done;
    const page = await preparePageData(actor, extra.validationId);
    return json({ intent, done: scheduledWords(done.agendaCriterionIds, page) });
  }
  if (intent === "provisional") {
    const input = fieldsOf(form, { extra });
    // Said of the row's form, for a page that posted it without scripts (pre-review.tsx).
    const row = provisionalIntentOf(String(input.criterionId ?? ""));
    const done = await run(() => recordProvisionalJudgement(ctx, input), row);
    return done instanceof Response
      ? done
      : json({ intent: row, done: "Provisional judgement saved." });
  }
  return failed({ intent, formError: "Unknown request." }, 400);
}

/**
 * What saving the schedule says: how many criteria are on the agenda, plainly when none are
 * (only the agenda's criteria are agreed in the meeting, and the framework's recommendation
 * counts confirmed agreed judgements only), and any criterion where a provisional judgement
 * differs from the school's that the agenda leaves out, so none is left out unseen.
 */
function scheduledWords(
  agenda: string[],
  page: { differing: string[]; criteria: { id: string; code: string }[] },
): string {
  const onIt = new Set(agenda);
  const codes = page.differing
    .filter((id) => !onIt.has(id))
    .map((id) => page.criteria.find((c) => c.id === id)?.code ?? id);
  const size = `${agenda.length} ${agenda.length === 1 ? "criterion" : "criteria"}`;
  const words = [
    agenda.length === 0
      ? "The meeting is scheduled, but no criteria are on the agenda: the meeting agrees judgements only for criteria on its agenda, and the framework's recommendation counts only agreed judgements the school has confirmed. Tick the criteria to discuss below and save again."
      : `The meeting is scheduled, with ${size} on the agenda.`,
  ];
  if (codes.length)
    words.push(
      `${codes.join(", ")} ${codes.length === 1 ? "differs" : "differ"} from the school's judgement but ${codes.length === 1 ? "is" : "are"} not on the agenda.`,
    );
  return words.join(" ");
}

/**
 * Before the meeting (the assigned validators only): when it is, where, and what is on its
 * agenda, chosen while reviewing the school's judgements criterion by criterion.
 */
export default function PreparePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state === "submitting";
  // Ticked when the page opens: the saved agenda, and criteria that came to differ since.
  const [choice, setChoice] = useState<AgendaChoice>(() =>
    initialChoice(data.proposed, data.differing),
  );
  // Each saved provisional judgement reloads `differing`; the agenda follows it (no reload).
  const differingKey = data.differing.join(" ");
  useEffect(() => {
    setChoice((c) => followDifferences(c, differingKey ? differingKey.split(" ") : []));
  }, [differingKey]);
  // Ticks are kept by saving the schedule: until then, say so and ask before the page is left.
  // Against the saved agenda; before there is one, against what the page first proposed.
  const [firstProposed] = useState(data.agenda);
  const unsaved = agendaUnsaved(choice, data.scheduled ? data.agenda : firstProposed);
  useWarnUnsent(unsaved);
  const scheduleResult = result?.intent === "schedule" ? result : null;
  const meetingPath = `/validations/${data.validation.id}/meeting`;
  return (
    <div className="page wide">
      <Breadcrumbs
        trail={[
          { label: data.evaluation.title, to: `/evaluations/${data.evaluation.id}` },
          { label: "Validation meeting", to: meetingPath },
        ]}
      />
      <h1>{`Before the meeting: ${data.school.name}`}</h1>
      <p>
        <Link to={meetingPath}>Open the meeting</Link>
      </p>
      {result?.done && result.intent === "schedule" ? (
        <p role="status" className="notice">
          {result.done}
        </p>
      ) : null}
      <ScheduleForm
        defaults={data.defaults}
        errors={
          scheduleResult
            ? { ...scheduleResult.fieldErrors, form: scheduleResult.formError ?? undefined }
            : null
        }
        busy={busy}
        scheduled={data.scheduled}
        agendaSize={choice.chosen.size}
        outcomeRecordedAt={data.outcomeRecordedAt}
      />
      <PreReview
        evaluationId={data.evaluation.id}
        submission={data.submission}
        criteria={data.criteria}
        provisional={data.provisional}
        me={data.me}
        chosen={choice.chosen}
        differing={choice.differing}
        onChoose={(id, on) => setChoice((c) => toggle(c, id, on))}
        names={data.names}
        savedAgendaSize={data.scheduled ? data.agenda.length : null}
        unsaved={unsaved}
        busy={busy}
        answer={result ?? null}
      />
    </div>
  );
}
