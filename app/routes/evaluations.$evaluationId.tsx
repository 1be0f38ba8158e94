import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Link,
  useLoaderData,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { statusWhileOpen } from "../../models/cycle/status.ts";
import { formatClock, formatDay, formatMoment } from "../../models/dates.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import { documentName } from "../../collab/document-name.ts";
import { colourFor } from "../../collab/context.ts";
import {
  CollabRoom,
  usePresenceFocus,
  useRoomDocument,
  useWarnBeforeLeaving,
  type OpenDocument,
} from "../collab/collab-room.tsx";
import { WorkspaceBar } from "../collab/workspace-bar.tsx";
import { AwardNotice } from "../components/award/award-notice.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { AreaAbacus } from "../components/evaluation/area-abacus.tsx";
import { AreaNav } from "../components/evaluation/area-nav.tsx";
import { CriterionPanel } from "../components/evaluation/criterion-panel.tsx";
import { describeEvaluationFocus, planItemWords } from "../components/evaluation/focus.ts";
import { RemovedByColleague } from "../components/evaluation/removed-by-colleague.tsx";
import {
  judgedIn,
  unjudgedIn,
  useLiveJudgements,
} from "../components/evaluation/live-judgements.ts";
import { StructuredEditsProvider } from "../components/evaluation/structured-edits.tsx";
import { SubmissionBar } from "../components/evaluation/submission-bar.tsx";
import { HowThisWorks } from "../components/evaluation/how-this-works.tsx";
import { submitterHint } from "../components/evaluation/submitter-words.ts";
import { guideDoneFor } from "../utils/guide-cookie.ts";
import { submitFormName, takeRefusal } from "../utils/no-script-refusal.server.ts";
import { useServerChanges } from "../components/workspace/use-server-changes.ts";
import { useOpenCriteria } from "../components/evaluation/use-open-criteria.ts";
import evaluationStyles from "../styles/evaluation.css";
import { Progress } from "../components/progress.tsx";
import {
  awardOfEvaluation,
  can,
  frameworkOfEvaluation,
  getCycle,
  getUsers,
  latestSubmissionAmong,
  listContributors,
  listSnapshotsOfEvaluation,
  newestVersionNumber,
  loadEvaluation,
  PERSPECTIVE_LABELS,
  progressOf,
  roleAt,
  roleLabelAt,
  schoolResource,
  todayInEngland,
  validationResourceOf,
  versionMoveWait,
  whoMaySubmit,
} from "../evaluation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { discussionAbilitiesOf, discussionResource } from "../discussion.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";
import { ReportForm } from "../components/report/report-form.tsx";
import { evaluationReportOffer } from "../report.server.ts";
import { documentStateFor } from "../collab/document-state.server.ts";
import { servedTextOf } from "../collab/served-text.server.ts";
import { evidenceField, narrativeField } from "../../collab/shapes/evaluation.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.evaluation.title ?? "Evaluation"} · ${data?.school.name ?? ""} · Quality marks`,
  },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation, resource } = await orNotFound(
    loadEvaluation(actor, params.evaluationId ?? ""),
  );
  const name = documentName("evaluation", evaluation.id);
  const [{ school, version, content }, latest, snapshots, award, cycle, state] = await Promise.all([
    orNotFound(frameworkOfEvaluation(evaluation)),
    newestVersionNumber(evaluation.trustId, evaluation.frameworkId),
    listSnapshotsOfEvaluation(evaluation.trustId, evaluation.id),
    awardOfEvaluation(actor, evaluation, todayInEngland()),
    evaluation.cycleId ? getCycle(evaluation.trustId, evaluation.cycleId) : null,
    documentStateFor(context.collab, name),
  ]);
  const canWrite = can(actor, "write", resource);
  const canSubmit = can(actor, "submit", resource);
  const status = progressOf(evaluation).status;
  // Who submitted last (as the server stamped it), for the live notice and the confirmation of
  // a second submission, which also names the validators reviewing the evaluation.
  const submission = snapshots.find((s) => s.kind === "submission") ?? null;
  const resubmitting = canSubmit && status === "submitted";
  const [users, submitters] = await Promise.all([
    getUsers(
      submission ? [submission.createdBy, ...(resubmitting ? evaluation.validatorIds : [])] : [],
    ),
    // The rest of the team is told who submits (and, once every criterion is judged, to tell them).
    canWrite && !canSubmit ? whoMaySubmit(resource) : null,
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  // A submission refused while the browser ran no scripts, carried here to show by its form.
  const refused = await takeRefusal(request, submitFormName(evaluation.id));
  // Someone invited to give their perspective, holding no role at this school (the head of
  // another school, say), reads the evaluation as that contributor.
  const contributing =
    roleAt(actor, resource) === null && resource.contributorIds?.includes(actor.userId)
      ? (await listContributors(evaluation.trustId, evaluation.id)).find(
          (c) => c.userId === actor.userId,
        )
      : undefined;
  const page = json({
    evaluation: {
      id: evaluation.id,
      title: evaluation.title,
      // As every list shows it: "Not started" until there is work in it.
      status,
      documentName: name,
      // The live document as it is now: the page shows it and is usable before the socket syncs.
      state,
      // Its text fields as HTML, shown (and taking typing) until their editors exist (ADR 028).
      servedText: servedTextOf(
        state,
        content.areas.flatMap((a) =>
          a.criteria.flatMap((c) => [narrativeField(c.id), evidenceField(c.id)]),
        ),
      ),
      dueDate: evaluation.dueDate ? formatDay(evaluation.dueDate) : null,
      cycle: cycle?.name ?? null,
    },
    canSubmit,
    latestSubmissionId: latestSubmissionAmong(snapshots),
    latestSubmission: submission && {
      id: submission.id,
      by: names.get(submission.createdBy) ?? "Someone no longer listed",
      byMe: submission.createdBy === actor.userId,
      at: formatClock(submission.createdAt),
      on: formatMoment(submission.createdAt),
    },
    validators: resubmitting ? evaluation.validatorIds.flatMap((id) => names.get(id) ?? []) : [],
    submitters: submitters?.map(({ name, role }) => ({ name, role })) ?? null,
    school: { id: school.id, name: school.name },
    // A validator or an invited contributor may read the evaluation but not the school's page.
    canOpenSchool: can(actor, "read", schoolResource(school)),
    award,
    framework: { name: version.content.name, version: version.version },
    newerVersion: latest !== null && latest > version.version ? latest : null,
    canUpgrade: can(actor, "upgrade", resource),
    // Why it cannot move to the newer version now (being validated, ADR 071), or null.
    upgradeWaits: latest === null ? null : versionMoveWait(evaluation.status, latest),
    // An invited contributor reads the evaluation, not its validation.
    canOpenValidation: can(actor, "read", validationResourceOf(evaluation)),
    areas: content.areas.map((area) => ({ ...area, levels: scaleOf(content, area).levels })),
    canWrite,
    // "How this works", open for a member of the team who has not done with it in this browser.
    guideOpen: canWrite && !guideDoneFor(request.headers.get("Cookie"), actor.userId),
    discussion: discussionAbilitiesOf(actor, discussionResource(evaluation)),
    me: {
      userId: actor.userId,
      name: actor.name,
      colour: colourFor(actor.userId),
      role: roleLabelAt(actor, resource),
      observing: !canWrite,
    },
    perspective: contributing ? PERSPECTIVE_LABELS[contributing.perspective] : null,
    // What was last saved: shown until the live document has synced.
    savedJudgements: Object.fromEntries(
      evaluation.projection.judgements.map((j) => [j.criterionId, j.level]),
    ),
    report: evaluationReportOffer(evaluation.id, snapshots),
    submitRefusal: refused?.message ?? null,
  });
  // Shown once: the carried message is forgotten as the page shows it.
  if (refused) page.headers.append("Set-Cookie", refused.forget);
  return page;
}

// Opening a criterion or another area changes only what is shown: everything is loaded.
const VIEW_PARAMS = ["area", "criterion"];
const withoutView = (url: URL) => {
  const params = new URLSearchParams(url.search);
  for (const name of VIEW_PARAMS) params.delete(name);
  params.sort();
  return `${url.pathname}?${params}`;
};
// The same address again is a reload asked for: the server changed what it keeps (a submission).
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) =>
  !formMethod &&
  currentUrl.href !== nextUrl.href &&
  withoutView(currentUrl) === withoutView(nextUrl)
    ? false
    : defaultShouldRevalidate;

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Workspace({
  data,
  areaId,
  evaluation,
}: {
  data: Data;
  areaId: string;
  evaluation: OpenDocument;
}) {
  useWarnBeforeLeaving();
  const { focusProps } = usePresenceFocus();
  // The loader decided who may write (the one policy path, which the collab server applies
  // again to every update); the socket may still say otherwise, and then that holds.
  const locked = !data.canWrite || evaluation.readOnly === true || !evaluation.document;
  const connecting = data.canWrite && evaluation.readOnly === null && !evaluation.refused;
  // The page as served, until its live document is open: a writer's judgements and text fields
  // already take input (held, then written to the live document), so nothing waits on scripts.
  const early = connecting && !evaluation.document;
  const area = data.areas.find((a) => a.id === areaId) ?? data.areas[0];
  const criterionIds = area.criteria.map((c) => c.id);
  const open = useOpenCriteria(area.id, criterionIds);
  const codes = new Map(data.areas.flatMap((a) => a.criteria.map((c) => [c.id, c.code] as const)));

  if (evaluation.refused) {
    return (
      <p role="alert" className="form-error">
        This evaluation could not be opened: you do not have access to it.
      </p>
    );
  }
  return (
    <StructuredEditsProvider
      doc={evaluation.doc}
      enabled={!locked}
      notices={
        locked ? null : <RemovedByColleague doc={evaluation.doc} codeOf={(id) => codes.get(id)} />
      }
    >
      <WorkspaceBar
        canWrite={data.canWrite}
        readOnlyNotice={
          data.perspective
            ? `You are viewing as a contributor giving the ${data.perspective.toLowerCase()} perspective: read only. Only the school's team can change this evaluation; you record your own judgements on the Perspectives page.`
            : `You are viewing as ${data.me.role.toLowerCase()}: read only. Only the school's team can change this evaluation.`
        }
        describeFocus={(p) =>
          describeEvaluationFocus(p.focus, (id) => codes.get(id), planItemWords(evaluation.doc))
        }
      />
      <section aria-labelledby="area-heading">
        <h2 id="area-heading">{area.title}</h2>
        <p className="lede">{area.summary}</p>
        <AreaAbacus
          doc={evaluation.doc}
          criteria={area.criteria}
          levels={area.levels}
          readOnly={locked}
          connecting={connecting}
          areaTitle={area.title}
          linkTo={(id) => `?area=${area.id}&criterion=${id}`}
          focusProps={(id) => focusProps({ criterionId: id, field: "judgement" })}
        />
        <div className="criteria-tools">
          <button
            type="button"
            className="button-link"
            onClick={open.expandAll}
            disabled={!open.ready || open.allOpen}
          >
            Expand all
          </button>
          <button
            type="button"
            className="button-link"
            onClick={open.collapseAll}
            disabled={!open.ready || open.noneOpen}
          >
            Collapse all
          </button>
        </div>
        {area.criteria.map((criterion) => (
          <CriterionPanel
            key={criterion.id}
            evaluationId={data.evaluation.id}
            criterion={criterion}
            levels={area.levels}
            doc={evaluation.doc}
            awareness={evaluation.awareness}
            readOnly={locked}
            connecting={connecting}
            early={early}
            servedText={evaluation.document ? undefined : data.evaluation.servedText}
            synced={evaluation.synced}
            me={data.me}
            discussion={data.discussion}
            open={open.isOpen(criterion.id)}
            onToggle={open.ready ? () => open.toggle(criterion.id) : undefined}
          />
        ))}
      </section>
    </StructuredEditsProvider>
  );
}

export default function EvaluationPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <CollabRoom
      me={data.me}
      presenceIn={data.evaluation.documentName}
      presenceState={data.evaluation.state}
    >
      <EvaluationView data={data} />
    </CollabRoom>
  );
}

function EvaluationView({ data }: { data: Data }) {
  const [params] = useSearchParams();
  const hydrated = useHydrated();
  // Opened as early as possible (the page's connection starts with it), shared with the panels.
  const evaluation = useRoomDocument(data.evaluation.documentName);
  // A submission or an outcome, made anywhere: the page reloads its status, and says so.
  useServerChanges(evaluation.document ? evaluation.doc : null);
  const judgements = useLiveJudgements(evaluation.doc, evaluation.synced, data.savedJudgements);
  const criterionArea = data.areas.find((a) =>
    a.criteria.some((c) => c.id === params.get("criterion")),
  );
  const areaId = params.get("area") ?? criterionArea?.id ?? data.areas[0]?.id ?? "";
  const judged = data.areas.reduce((n, a) => n + judgedIn(a, judgements), 0);
  const total = data.areas.reduce((n, a) => n + a.criteria.length, 0);
  const unjudged = unjudgedIn(data.areas, judgements);
  const startArea = data.areas.find((a) => a.criteria.some((c) => c.id === unjudged[0]?.id));
  return (
    <div className="page wide">
      <Breadcrumbs
        trail={[
          { label: "Schools", to: "/home" },
          {
            label: data.school.name,
            to: data.canOpenSchool ? `/schools/${data.school.id}` : null,
          },
        ]}
      />
      <h1>{data.evaluation.title}</h1>
      <p className="muted evaluation-facts">
        <span>
          {data.framework.name} (v{data.framework.version})
        </span>
        {data.evaluation.cycle ? <span>Cycle: {data.evaluation.cycle}</span> : null}
        {data.evaluation.dueDate ? <span>Due {data.evaluation.dueDate}</span> : null}
      </p>
      {data.award ? <AwardNotice award={data.award} /> : null}
      {data.newerVersion ? (
        <div className="notice upgrade-banner" role="note">
          <span>
            {`Version v${data.newerVersion} of this framework has been published. This evaluation uses v${data.framework.version}.`}
            {data.canUpgrade && data.upgradeWaits ? ` ${data.upgradeWaits}` : null}
          </span>
          <Link to={`/evaluations/${data.evaluation.id}/upgrade`}>
            {data.canUpgrade && !data.upgradeWaits
              ? "See what changes and move to it"
              : "See what changes"}
          </Link>
        </div>
      ) : null}
      <Progress judged={judged} total={total} label="Criteria judged" />
      <SubmissionBar
        evaluationId={data.evaluation.id}
        status={statusWhileOpen(data.evaluation.status, judged)}
        canSubmit={data.canSubmit}
        canWrite={data.canWrite}
        latestSubmissionId={data.latestSubmissionId}
        latestSubmission={data.latestSubmission}
        validators={data.validators}
        judged={judged}
        unjudged={unjudged}
        submitters={data.submitters}
        refusal={data.submitRefusal}
      />
      <nav aria-label="This evaluation" className="evaluation-links">
        <Link to={`/evaluations/${data.evaluation.id}/actions`}>Action plan</Link>
        <Link to={`/evaluations/${data.evaluation.id}/perspectives`}>Perspectives</Link>
        {data.canOpenValidation ? (
          <Link to={`/evaluations/${data.evaluation.id}/validation`}>Validation</Link>
        ) : null}
      </nav>
      <ReportForm offer={data.report} />
      {data.canWrite ? (
        <HowThisWorks
          userId={data.me.userId}
          open={data.guideOpen}
          doc={evaluation.document ? evaluation.doc : null}
          start={
            startArea && unjudged[0]
              ? {
                  code: unjudged[0].code,
                  href: `?area=${startArea.id}&criterion=${unjudged[0].id}`,
                }
              : null
          }
          submitting={
            data.canSubmit
              ? "When the team is ready, you submit the evaluation for validation."
              : submitterHint(data.submitters ?? [], "working")
          }
        />
      ) : null}
      <div className="evaluation-layout">
        <AreaNav areas={data.areas} current={areaId} judgements={judgements} />
        <div className="area-content">
          {/* With the served state, the real content renders on the server too (read only
              until the room's document is open in the browser). */}
          {hydrated || evaluation.doc ? (
            <Workspace data={data} areaId={areaId} evaluation={evaluation} />
          ) : (
            <p className="editor-loading" role="status">
              Loading the evaluation…
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
