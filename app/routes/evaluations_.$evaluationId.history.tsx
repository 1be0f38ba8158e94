import type {
  AppLoadContext,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { statusChangesIn } from "../../collab/shapes/evaluation.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import type { SnapshotSummary } from "../../models/snapshot/snapshot.ts";
import { nameKeptFor } from "../../models/snapshot/level-names.ts";
import { ComparisonResult } from "../components/history/comparison-view.tsx";
import { compareMoments } from "../components/history/comparison.server.ts";
import historyStyles from "../components/history/history.css";
import { JudgementTrend } from "../components/history/judgement-trend.tsx";
import { CompareForm, SnapshotTimeline } from "../components/history/snapshot-timeline.tsx";
import { NOW, type TrendView } from "../components/history/view.ts";
import {
  judgementTrend,
  listSnapshotsOfEvaluation,
  SNAPSHOT_KIND_LABELS,
} from "../history.server.ts";
import {
  can,
  evaluationResource,
  frameworkOfEvaluation,
  getUsers,
  loadEvaluation,
  schoolResource,
  CYCLE_STATUS_IN_FULL,
  progressOf,
} from "../evaluation.server.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";
import { useServerChanges } from "../components/workspace/use-server-changes.ts";
import { useDocumentIn } from "../collab/collab-room.tsx";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: historyStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `History and comparison · ${data?.evaluation.title ?? "Evaluation"} · Quality marks` },
];

const moment = z.union([z.literal(NOW), z.string().regex(/^[0-9a-f]{24}$/)]);
const compareQuery = z.object({ a: moment.optional(), b: moment.optional() });

// Dates are written on the server, in the trust's own time zone, so server and browser agree.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/London",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeZone: "Europe/London",
});

const momentLabel = (s: SnapshotSummary) =>
  `${s.kind === "submission" ? "Submitted" : "Validated"} ${dateTime.format(s.createdAt)}`;

/** The status changes announced in the live document so far (ADR 061), as the page is served. */
async function statusChangesNow(collab: AppLoadContext["collab"], name: string): Promise<number> {
  const doc = await collab.read(name);
  try {
    return statusChangesIn(doc);
  } finally {
    doc.destroy();
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { evaluation } = await orNotFound(loadEvaluation(actor, params.evaluationId ?? ""));
  const name = documentName("evaluation", evaluation.id);
  // The counter is read before the records, so a change between the two reloads them again.
  const statusChanges = await statusChangesNow(context.collab, name);
  const [{ school, version, content }, snapshots, trend] = await Promise.all([
    orNotFound(frameworkOfEvaluation(evaluation)),
    listSnapshotsOfEvaluation(evaluation.trustId, evaluation.id),
    judgementTrend(evaluation.trustId, evaluation.schoolId, evaluation.frameworkId, async (e) =>
      can(actor, "read", await evaluationResource(e)),
    ),
  ]);
  const people = new Map(
    (await getUsers([...new Set(snapshots.map((s) => s.createdBy))])).map((u) => [u.id, u.name]),
  );

  // The trend's areas, criteria and levels as the evaluation's framework version words them.
  const areas = content.areas.map((area) => ({ area, levels: scaleOf(content, area).levels }));

  // The comparison: by default, the latest snapshot against now.
  const url = new URL(request.url);
  const query = compareQuery.safeParse({
    a: url.searchParams.get("a") ?? undefined,
    b: url.searchParams.get("b") ?? undefined,
  });
  const from = (query.success && query.data.a) || snapshots[0]?.id || NOW;
  const to = (query.success && query.data.b) || NOW;
  let comparison = null;
  let compareError: string | null = query.success ? null : "Choose two moments from the lists.";
  if (snapshots.length > 0 && !compareError) {
    // Each moment against the framework version it stood on (a snapshot's, or the current one).
    comparison = await compareMoments({
      evaluation,
      current: { version: version.version, content },
      snapshots,
      from,
      to,
      collab: context.collab,
      momentLabel,
    });
    if (!comparison) compareError = "That snapshot is not part of this evaluation.";
  }

  const trendView: TrendView = {
    points: trend.map((p) => ({
      label: p.title,
      date: dateOnly.format(p.date),
      source: p.source,
      current: p.evaluationId === evaluation.id,
    })),
    areas: areas.map(({ area, levels }) => ({
      id: area.id,
      title: area.title,
      levels: levels.map((l) => ({ key: l.key, label: l.label, colour: l.colour })),
      criteria: area.criteria.map((c) => ({
        id: c.id,
        code: c.code,
        statement: c.statement,
        values: trend.map((p) => {
          const index = levels.findIndex((l) => l.key === p.judgements[c.id]);
          return index >= 0 ? index : null;
        }),
        // As submitted, named then (ADR 063); otherwise as the scale names the level now.
        labels: trend.map(
          (p) =>
            nameKeptFor(p.levelNames, c.id, p.judgements[c.id])?.label ??
            levels.find((l) => l.key === p.judgements[c.id])?.label ??
            null,
        ),
      })),
    })),
  };

  return json({
    evaluation: {
      id: evaluation.id,
      title: evaluation.title,
      status: CYCLE_STATUS_IN_FULL[progressOf(evaluation).status],
    },
    live: { userId: actor.userId, documentName: name, statusChanges },
    school: { id: school.id, name: school.name },
    canOpenSchool: can(actor, "read", schoolResource(school)),
    framework: version.content.name,
    snapshots: snapshots.map((s) => ({
      id: s.id,
      kind: SNAPSHOT_KIND_LABELS[s.kind],
      by: people.get(s.createdBy) ?? "someone no longer listed",
      at: dateTime.format(s.createdAt),
      atIso: s.createdAt.toISOString(),
      judged: s.projection.judgedCount,
      total: s.projection.criteriaCount,
    })),
    choices: [
      { value: NOW, label: "Now (live)" },
      ...snapshots.map((s) => ({ value: s.id, label: momentLabel(s) })),
    ],
    from,
    to,
    comparison,
    compareError,
    trend: trendView,
  });
}

/**
 * A submission or an outcome made anywhere while the page is open reloads its data (the status
 * and the snapshots), through the evaluation document's counter as every page of it does
 * (ADR 061). The document is opened without presence: nobody is working in it here.
 */
function useLiveStatus({ userId, documentName: name, statusChanges }: LoaderData["live"]) {
  const { doc, synced } = useDocumentIn(userId, name);
  const live = synced ? doc : null;
  useServerChanges(live);
  // One that came between the page being served and its copy syncing arrived with the sync.
  const { revalidate } = useRevalidator();
  const served = useRef(statusChanges);
  served.current = statusChanges;
  useEffect(() => {
    if (live && statusChangesIn(live) !== served.current) revalidate();
  }, [live, revalidate]);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function EvaluationHistory() {
  const data = useLoaderData<typeof loader>();
  useLiveStatus(data.live);
  return (
    <div className="page wide">
      <Breadcrumbs
        trail={[
          {
            label: data.school.name,
            to: data.canOpenSchool ? `/schools/${data.school.id}` : null,
          },
          { label: data.evaluation.title, to: `/evaluations/${data.evaluation.id}` },
        ]}
      />
      <h1>History and comparison</h1>
      {/* Said when it changes while the page is open. */}
      <p role="status">
        Status: <span className="badge">{data.evaluation.status}</span>
      </p>
      <p className="lede">
        Each submission keeps a snapshot of the whole evaluation. Compare any two, or a snapshot
        with the evaluation as it is now.
      </p>
      <div className="history-layout">
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Snapshots</h2>
          <SnapshotTimeline snapshots={data.snapshots} />
        </section>
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare</h2>
          {data.snapshots.length === 0 ? (
            <p className="muted">
              Once the evaluation has been submitted, you can compare it with later work here.
            </p>
          ) : (
            <CompareForm choices={data.choices} from={data.from} to={data.to} />
          )}
          {data.compareError ? (
            <p className="form-error" role="alert">
              {data.compareError}
            </p>
          ) : null}
          {data.comparison ? <ComparisonResult comparison={data.comparison} /> : null}
        </section>
      </div>
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Judgements across cycles</h2>
        <p className="muted">{`Each criterion's judgement in this school's evaluations against ${data.framework}: as submitted, or as last saved where not yet submitted.`}</p>
        <JudgementTrend trend={data.trend} />
      </section>
    </div>
  );
}
