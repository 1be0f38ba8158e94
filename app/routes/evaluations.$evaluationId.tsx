import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { scaleOf } from "../../models/framework/applicable.ts";
import { ROLE_LABELS } from "../../models/permissions/roles.ts";
import { documentName } from "../../collab/document-name.ts";
import { colourFor } from "../../collab/context.ts";
import { CollabRoom, useRoomDocument, useWarnBeforeLeaving } from "../collab/collab-room.tsx";
import { WorkspaceBar } from "../collab/workspace-bar.tsx";
import { AwardNotice } from "../components/award/award-notice.tsx";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { AreaAbacus } from "../components/evaluation/area-abacus.tsx";
import { CriterionPanel } from "../components/evaluation/criterion-panel.tsx";
import { describeEvaluationFocus } from "../components/evaluation/focus.ts";
import { SubmissionBar } from "../components/evaluation/submission-bar.tsx";
import { Progress } from "../components/progress.tsx";
import {
  awardOfEvaluation,
  can,
  frameworkOfEvaluation,
  latestSubmissionId,
  latestVersionOf,
  loadEvaluation,
  roleAt,
  schoolResource,
  todayInEngland,
} from "../evaluation.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { discussionAbilitiesOf, discussionResource } from "../discussion.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";
import { ReportForm } from "../components/report/report-form.tsx";
import { evaluationReportOffer } from "../report.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.evaluation.title ?? "Evaluation"} · ${data?.school.name ?? ""} · Quality marks`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation, resource } = await orNotFound(
    loadEvaluation(actor, params.evaluationId ?? ""),
  );
  const [{ school, version, content }, latest, latestSubmission, award, report] = await Promise.all(
    [
      orNotFound(frameworkOfEvaluation(evaluation)),
      latestVersionOf(evaluation.trustId, evaluation.frameworkId),
      latestSubmissionId(evaluation),
      awardOfEvaluation(actor, evaluation, todayInEngland()),
      evaluationReportOffer(evaluation),
    ],
  );
  const role = roleAt(actor, resource);
  const canWrite = can(actor, "write", resource);
  return json({
    evaluation: {
      id: evaluation.id,
      title: evaluation.title,
      status: evaluation.status,
      documentName: documentName("evaluation", evaluation.id),
    },
    canSubmit: can(actor, "submit", resource),
    latestSubmissionId: latestSubmission,
    school: { id: school.id, name: school.name },
    // A validator or an invited contributor may read the evaluation but not the school's page.
    canOpenSchool: can(actor, "read", schoolResource(school)),
    award,
    framework: { name: version.content.name, version: version.version },
    newerVersion: latest && latest.version > version.version ? latest.version : null,
    canUpgrade: can(actor, "upgrade", resource),
    areas: content.areas.map((area) => ({ ...area, levels: scaleOf(content, area).levels })),
    canWrite,
    discussion: discussionAbilitiesOf(actor, discussionResource(evaluation)),
    me: {
      userId: actor.userId,
      name: actor.name,
      colour: colourFor(actor.userId),
      role: role ? ROLE_LABELS[role] : "",
      observing: !canWrite,
    },
    projection: {
      judged: evaluation.projection.judgedCount,
      total: evaluation.projection.criteriaCount,
    },
    report,
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Workspace({ data, areaId }: { data: Data; areaId: string }) {
  return (
    <CollabRoom me={data.me} presenceIn={data.evaluation.documentName}>
      <EvaluationWorkspace data={data} areaId={areaId} />
    </CollabRoom>
  );
}

function EvaluationWorkspace({ data, areaId }: { data: Data; areaId: string }) {
  const evaluation = useRoomDocument(data.evaluation.documentName);
  useWarnBeforeLeaving();
  // The server decides; until it has answered, nobody types.
  const locked = !data.canWrite || evaluation.readOnly !== false;
  const area = data.areas.find((a) => a.id === areaId) ?? data.areas[0];
  const codes = new Map(data.areas.flatMap((a) => a.criteria.map((c) => [c.id, c.code] as const)));

  if (evaluation.refused) {
    return (
      <p role="alert" className="form-error">
        This evaluation could not be opened: you do not have access to it.
      </p>
    );
  }
  return (
    <>
      <WorkspaceBar
        canWrite={data.canWrite}
        readOnlyNotice={`You are viewing as ${data.me.role.toLowerCase()}: read only. Only the school's team can change this evaluation.`}
        describeFocus={(p) => describeEvaluationFocus(p.focus, (id) => codes.get(id))}
      />
      <section aria-labelledby="area-heading">
        <h2 id="area-heading">{area.title}</h2>
        <p className="lede">{area.summary}</p>
        <AreaAbacus
          doc={evaluation.doc}
          criteria={area.criteria}
          levels={area.levels}
          readOnly={locked}
          areaTitle={area.title}
        />
        {area.criteria.map((criterion) => (
          <CriterionPanel
            key={criterion.id}
            evaluationId={data.evaluation.id}
            criterion={criterion}
            levels={area.levels}
            doc={evaluation.doc}
            awareness={evaluation.awareness}
            readOnly={locked}
            me={data.me}
            discussion={data.discussion}
          />
        ))}
      </section>
    </>
  );
}

export default function EvaluationPage() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const hydrated = useHydrated();
  const areaId = params.get("area") ?? data.areas[0]?.id ?? "";
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
      <p className="muted">
        {data.framework.name} (v{data.framework.version})
      </p>
      {data.award ? <AwardNotice award={data.award} /> : null}
      {data.newerVersion ? (
        <div className="notice upgrade-banner" role="note">
          <span>{`Version v${data.newerVersion} of this framework has been published. This evaluation uses v${data.framework.version}.`}</span>
          <Link to={`/evaluations/${data.evaluation.id}/upgrade`}>
            {data.canUpgrade ? "See what changes and move to it" : "See what changes"}
          </Link>
        </div>
      ) : null}
      <Progress
        judged={data.projection.judged}
        total={data.projection.total}
        label="Criteria judged (as last saved)"
      />
      <SubmissionBar
        evaluationId={data.evaluation.id}
        status={data.evaluation.status}
        canSubmit={data.canSubmit}
        latestSubmissionId={data.latestSubmissionId}
      />
      <nav aria-label="This evaluation" className="evaluation-links">
        <Link to={`/evaluations/${data.evaluation.id}/actions`}>Action plan</Link>
        <Link to={`/evaluations/${data.evaluation.id}/perspectives`}>Perspectives</Link>
        <Link to={`/evaluations/${data.evaluation.id}/validation`}>Validation</Link>
      </nav>
      <ReportForm offer={data.report} />
      <div className="evaluation-layout">
        <nav aria-label="Areas" className="area-nav">
          <ul>
            {data.areas.map((a) => (
              <li key={a.id}>
                <Link
                  to={`?area=${a.id}`}
                  aria-current={a.id === areaId ? "page" : undefined}
                  preventScrollReset
                >
                  {a.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="area-content">
          {hydrated ? (
            <Workspace data={data} areaId={areaId} />
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
