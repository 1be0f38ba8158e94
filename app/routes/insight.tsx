import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { choiceSearch, queryOf } from "../../models/insight/query.ts";
import { NOT_APPLICABLE } from "../../models/insight/words.ts";
import { InsightHeader, LevelMark, NoFramework } from "../components/insight/insight-header.tsx";
import { ReportForm } from "../components/report/report-form.tsx";
import { TableScroll } from "../components/table-scroll.tsx";
import {
  listComparableSchools,
  loadInsightScope,
  reportOffer,
  schoolPlaceView,
  trustWhere,
} from "../insight.server.ts";
import styles from "../styles/insight.css";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.kind === "school" ? "Where we stand" : "Insight"} · Quality marks` },
];

/**
 * Trust leaders and admins: the insight hub (choose framework, cycle and whose judgement counts;
 * the views and the trust overview report). A school's leaders and staff: their school's place
 * in the trust, with every other school anonymous. Everyone else: not found.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (trustWhere(actor, "oversee")) {
    const scope = await orNotFound(loadInsightScope(actor, queryOf(new URL(request.url))));
    const { current } = await scope.evaluations("current");
    return json({
      kind: "trust" as const,
      choice: scope.choice,
      hasContent: scope.content !== null,
      schools: current.length,
      withAgreed: current.filter((e) => Object.keys(e.agreed).length > 0).length,
      report: scope.choice.cycleId
        ? reportOffer("trust", scope.choice.cycleId, scope.choice.source)
        : null,
    });
  }
  const schools = await listComparableSchools(actor);
  if (schools.length === 0) throw notFound();
  const places = await Promise.all(schools.map((s) => orNotFound(schoolPlaceView(actor, s.id))));
  return json({ kind: "school" as const, places });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type TrustData = Extract<Data, { kind: "trust" }>;
type SchoolData = Extract<Data, { kind: "school" }>;

const VIEWS = [
  {
    path: "/insight/stack",
    title: "Stack",
    text: "For each area and criterion, how many schools sit at each level. Open a level to see which schools are there.",
  },
  {
    path: "/insight/heat-map",
    title: "Heat map",
    text: "Every school across the areas, with the change since its previous cycle. Open a cell to go to that school's evaluation.",
  },
  {
    path: "/insight/overlay",
    title: "Overlay",
    text: "Two to six evaluations side by side, with the differences marked; and how closely schools' own judgements matched the agreed ones.",
  },
  {
    path: "/insight/trends",
    title: "Trends",
    text: "For each area, how the trust's schools were spread across the levels cycle by cycle.",
  },
  {
    path: "/insight/expertise",
    title: "Centres of expertise",
    text: "Schools with strong practice to share, and suggested pairings with schools that would benefit from support.",
  },
];

function TrustHub({ data }: { data: TrustData }) {
  return (
    <div className="page wide">
      <h1>Insight</h1>
      <p className="lede">
        Where the trust&apos;s schools stand, to plan support and share practice. Nothing here ranks
        schools.
      </p>
      <InsightHeader choice={data.choice} view="hub" />
      {!data.hasContent ? (
        <NoFramework />
      ) : (
        <>
          <p>
            {data.schools === 0
              ? "No school has an evaluation in this cycle yet: the views fill in as schools make their judgements."
              : `${data.schools} ${data.schools === 1 ? "school" : "schools"} in this view, ${data.withAgreed} with judgements agreed in validation.`}
          </p>
          <ul className="card-list">
            {VIEWS.map((v) => (
              <li key={v.path} className="card">
                <h2>
                  <Link to={`${v.path}${choiceSearch(data.choice)}`}>{v.title}</Link>
                </h2>
                <p>{v.text}</p>
              </li>
            ))}
          </ul>
          <section aria-labelledby="report-heading" className="panel">
            <h2 id="report-heading">Trust overview report</h2>
            {data.report ? (
              <>
                <p>
                  The heat map, the Stack, centres of expertise and pairings for{" "}
                  {data.choice.cycleName}, as a PDF to share with governors.
                </p>
                <ReportForm offer={data.report} label="Download trust overview report (PDF)" />
              </>
            ) : (
              <p className="muted">Choose a cycle above to make its trust overview report.</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function SchoolPlace({ place }: { place: SchoolData["places"][number] }) {
  const headingId = `place-${place.schoolId}`;
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{place.schoolName}</h2>
      {!place.place ? (
        <p className="empty-state">
          Your school has no evaluation yet. Once it starts one, you can see here where it stands
          beside the trust&apos;s other schools.
        </p>
      ) : (
        <>
          <p className="muted">
            {`${place.place.frameworkName} · ${place.place.cycleName ?? "each school's newest evaluation"} · ${place.place.schools} ${place.place.schools === 1 ? "school" : "schools"} in the trust's picture. Agreed judgements count where there are some, otherwise each school's own.`}
          </p>
          <TableScroll label={`${place.schoolName} beside the trust`}>
            <table className="table place-table">
              <caption className="visually-hidden">{`${place.schoolName} beside the trust, area by area`}</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Your school</th>
                  <th scope="col">Schools across the trust at each level</th>
                </tr>
              </thead>
              <tbody>
                {place.place.areas.map((area) => (
                  <tr key={area.areaId}>
                    <th scope="row">{area.title}</th>
                    <td>
                      {area.myLevel ? (
                        <LevelMark label={area.myLevel.label} colour={area.myLevel.colour} />
                      ) : (
                        <span className="muted">
                          {area.notApplicable ? NOT_APPLICABLE : "Not judged yet"}
                        </span>
                      )}
                    </td>
                    <td>
                      {area.notApplicable ? (
                        <span className="muted">{area.notApplicable}</span>
                      ) : (
                        <ul className="place-bars">
                          {area.bars.map((bar) => (
                            <li key={bar.level.key} className={bar.mine ? "place-mine" : undefined}>
                              <LevelMark label={bar.level.label} colour={bar.level.colour} />
                              {": "}
                              {bar.count === null ? (
                                <span className="muted">
                                  a few (not shown, so no school can be identified)
                                </span>
                              ) : (
                                `${bar.count} ${bar.count === 1 ? "school" : "schools"}`
                              )}
                              {bar.mine ? <strong> (including yours)</strong> : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

export default function Insight() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "trust") return <TrustHub data={data} />;
  return (
    <div className="page">
      <h1>Where we stand</h1>
      <p className="lede">
        Your school beside the trust&apos;s other schools, area by area. Other schools are not
        named: only how many sit at each level, and never a count small enough to tell who they are.
      </p>
      {data.places.map((place) => (
        <SchoolPlace key={place.schoolId} place={place} />
      ))}
    </div>
  );
}
