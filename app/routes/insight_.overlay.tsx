import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { MAX_OVERLAY_SERIES } from "../../models/insight/overlay.ts";
import { queryOf } from "../../models/insight/query.ts";
import { calibrationSentences } from "../../models/insight/words.ts";
import { OverlayChart } from "../components/insight/charts.client.tsx";
import { SERIES_STYLE } from "../components/insight/series.ts";
import { InsightHeader, NoFramework } from "../components/insight/insight-header.tsx";
import { TableScroll } from "../components/table-scroll.tsx";
import { loadInsightScope, overlayView } from "../insight.server.ts";
import styles from "../styles/insight.css";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Overlay · Insight · Quality marks" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const scope = await orNotFound(loadInsightScope(actor, queryOf(url)));
  const evaluationIds = url.searchParams.getAll("e");
  const calibrateSchoolId = url.searchParams.get("school") || null;
  return json({
    choice: scope.choice,
    chosen: evaluationIds,
    calibrateSchoolId,
    overlay: await overlayView(scope, { evaluationIds, calibrateSchoolId }),
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Overlay = NonNullable<Data["overlay"]>;
type Row = Overlay["rows"][number];

function byArea(rows: Row[]): { title: string; rows: Row[] }[] {
  const areas: { title: string; rows: Row[] }[] = [];
  for (const row of rows) {
    const last = areas.at(-1);
    if (last && last.title === row.areaTitle) last.rows.push(row);
    else areas.push({ title: row.areaTitle, rows: [row] });
  }
  return areas;
}

function ChooseSeries({ data, overlay }: { data: Data; overlay: Overlay }) {
  const id = useId();
  return (
    <Form method="get" className="panel stack">
      <input type="hidden" name="framework" value={data.choice.frameworkId ?? ""} />
      <input type="hidden" name="cycle" value={data.choice.cycleId} />
      <input type="hidden" name="source" value={data.choice.source} />
      {data.calibrateSchoolId ? (
        <input type="hidden" name="school" value={data.calibrateSchoolId} />
      ) : null}
      <fieldset className="overlay-choices">
        <legend>{`Choose 2 to ${MAX_OVERLAY_SERIES} evaluations: schools, or one school's cycles`}</legend>
        <ul className="overlay-options">
          {overlay.options.map((o) => (
            <li key={o.id} className="checkbox">
              <input
                type="checkbox"
                id={`${id}-${o.id}`}
                name="e"
                value={o.id}
                defaultChecked={data.chosen.includes(o.id)}
              />
              <label htmlFor={`${id}-${o.id}`}>{o.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" className="button">
        Overlay
      </button>
    </Form>
  );
}

function LevelCell({ row, seriesIndex }: { row: Row; seriesIndex: number }) {
  const value = row.values[seriesIndex];
  const level = row.levels.find((l) => l.key === value.level);
  return (
    <td>
      {level ? (
        <>
          <span className="swatch" style={{ background: level.colour }} aria-hidden="true" />{" "}
          {level.label}
        </>
      ) : (
        // "Not applicable", or "Not judged yet" ("Not agreed yet"): as the heat map says it.
        <span className="muted">{value.text}</span>
      )}
    </td>
  );
}

function OverlayTable({
  title,
  rows,
  series,
}: {
  title: string;
  rows: Row[];
  series: Overlay["series"];
}) {
  return (
    <TableScroll label={title}>
      <table className="table overlay-table">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            {series.map((s, i) => (
              <th key={s.id} scope="col">
                <span aria-hidden="true" style={{ color: SERIES_STYLE[i].colour }}>
                  {SERIES_STYLE[i].mark}
                </span>{" "}
                {s.label}
              </th>
            ))}
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.criterionId} className={row.differs ? "overlay-differs" : undefined}>
              <th scope="row">
                <span className="code">{row.code}</span> {row.statement}
              </th>
              {series.map((s, i) => (
                <LevelCell key={s.id} row={row} seriesIndex={i} />
              ))}
              <td>
                {row.differs ? (
                  <strong>{row.difference}</strong>
                ) : (
                  <span className="muted">{row.difference}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Comparison({ overlay }: { overlay: Overlay }) {
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="overlay-heading" className="stack">
      <h2 id="overlay-heading">Side by side</h2>
      <p>{overlay.differenceSummary}</p>
      <ul className="legend" aria-label="Evaluations compared">
        {overlay.series.map((s, i) => (
          <li key={s.id}>
            <span aria-hidden="true" style={{ color: SERIES_STYLE[i].colour }}>
              {SERIES_STYLE[i].mark}
            </span>{" "}
            {`${s.label} (${SERIES_STYLE[i].name})`}
          </li>
        ))}
      </ul>
      {byArea(overlay.rows).map((area) => (
        <div key={area.title} className="insight-area">
          <h3>{area.title}</h3>
          {hydrated ? (
            <div className="insight-chart">
              <OverlayChart
                title={`${area.title}: the evaluations side by side`}
                levels={area.rows[0].levels}
                seriesCount={overlay.series.length}
                rows={area.rows.map((r) => ({
                  code: r.code,
                  differs: r.differs,
                  ranks: r.values.map((v) => v.rank),
                }))}
              />
            </div>
          ) : null}
          <OverlayTable
            title={`${area.title}: the evaluations side by side`}
            rows={area.rows}
            series={overlay.series}
          />
        </div>
      ))}
    </section>
  );
}

function Calibration({ data, overlay }: { data: Data; overlay: Overlay }) {
  const id = useId();
  const s = overlay.summary;
  const school = overlay.school;
  return (
    <section aria-labelledby="calibration-heading" className="stack">
      <h2 id="calibration-heading">
        Calibration: schools&apos; own judgements and the agreed ones
      </h2>
      {s.compared === 0 ? (
        <p className="empty-state">
          No judgement has been agreed in validation yet, so there is nothing to compare. This fills
          in as validations agree judgements.
        </p>
      ) : (
        <ul className="plain-list">
          {calibrationSentences(s, overlay.schoolsCompared).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      <Form method="get" className="insight-filters">
        <input type="hidden" name="framework" value={data.choice.frameworkId ?? ""} />
        <input type="hidden" name="cycle" value={data.choice.cycleId} />
        <input type="hidden" name="source" value={data.choice.source} />
        {data.chosen.map((e) => (
          <input key={e} type="hidden" name="e" value={e} />
        ))}
        <div className="field">
          <label htmlFor={`${id}-school`}>
            One school&apos;s self-evaluation against its agreed judgements
          </label>
          <select id={`${id}-school`} name="school" defaultValue={data.calibrateSchoolId ?? ""}>
            <option value="">Choose a school</option>
            {overlay.schools.map((sc) => (
              <option key={sc.id} value={sc.id}>
                {sc.agreed ? sc.name : `${sc.name} (nothing agreed yet)`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Compare
        </button>
      </Form>
      {school ? (
        <div className="stack">
          <h3>{school.schoolName}</h3>
          {school.calibration.compared === 0 ? (
            <p className="empty-state">
              Nothing has been agreed for this school yet: its own judgements will be compared once
              its validation agrees some.
            </p>
          ) : (
            <>
              <p>
                {`Of ${school.calibration.compared} judgements agreed, ${school.calibration.same} matched the school's own; ${school.calibration.above} were placed higher by the school and ${school.calibration.below} lower.`}
              </p>
              <OverlayTable
                title={`${school.schoolName}: its own judgements and the agreed ones`}
                rows={school.rows}
                series={[
                  { id: "self", label: "Self-evaluation" },
                  { id: "agreed", label: "Agreed in validation" },
                ]}
              />
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

export default function OverlayPage() {
  const data = useLoaderData<typeof loader>();
  const overlay = data.overlay;
  return (
    <div className="page wide">
      <h1>Overlay</h1>
      <p className="lede">
        Evaluations on the same axes, criterion by criterion, with the differences marked: to start
        a conversation about practice, not to score.
      </p>
      <InsightHeader choice={data.choice} view="overlay" />
      {!overlay ? (
        <NoFramework />
      ) : overlay.options.length === 0 ? (
        <p className="empty-state">
          No school has an evaluation of this framework yet. Once two have, you can overlay them
          here.
        </p>
      ) : (
        <>
          <ChooseSeries data={data} overlay={overlay} />
          {overlay.tooMany ? (
            <p className="notice">{`Only the first ${MAX_OVERLAY_SERIES} evaluations chosen are shown.`}</p>
          ) : null}
          {overlay.series.length >= 2 ? (
            <Comparison overlay={overlay} />
          ) : (
            <p className="empty-state">
              Choose at least two evaluations above to see them side by side.
            </p>
          )}
          <Calibration data={data} overlay={overlay} />
        </>
      )}
    </div>
  );
}
