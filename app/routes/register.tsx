import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { StackedTable } from "../components/stacked-table.tsx";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { awardResource, can, longDate, registerOf, todayInEngland } from "../award.server.ts";
import { CertificateLink } from "../components/award/award-list.tsx";
import { RenewLink } from "../components/award/renew-link.tsx";
import { StandingBadge } from "../components/award/standing-badge.tsx";
import { getTrust } from "../models.server.ts";
import certificateStyles from "../styles/certificate.css";
import { requireTrust } from "../utils/trust.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: certificateStyles }];

export const meta: MetaFunction = () => [{ title: "Register · Quality marks" }];

/**
 * The trust's register: each school's latest award for each mark, soonest expiry first, with the
 * framework version it was accredited against (schools may hold a mark of an older version).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, trustId } = await requireTrust(request, "oversee");
  const mark = new URL(request.url).searchParams.get("mark") ?? "";
  const [rows, trust] = await Promise.all([
    registerOf(trustId, todayInEngland()),
    getTrust(trustId),
  ]);
  const marks = new Map(rows.map((r) => [r.award.frameworkId, r.award.frameworkName]));
  const shown = rows.filter((r) => !mark || r.award.frameworkId === mark);
  return json({
    trustName: trust?.name ?? "",
    mark: marks.has(mark) ? mark : "",
    marks: [...marks]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),

    renewalDue: shown.filter((r) => r.standing === "renewalDue").length,
    expired: shown.filter((r) => r.standing === "expired").length,
    rows: shown.map(({ award, schoolName, standing }) => ({
      id: award.id,
      canRenew: can(actor, "renew", awardResource(award)),
      schoolId: award.schoolId,
      schoolName,
      markName: award.frameworkName,
      // The framework version the award is of (null: made before awards recorded it, ADR 070).
      frameworkVersion: award.frameworkVersion,
      tier: award.tier,
      startDate: award.startDate,
      startLabel: longDate(award.startDate),
      expiryDate: award.expiryDate,
      expiryLabel: longDate(award.expiryDate),
      standing,
    })),
  });
}

const ROW_CLASS = {
  renewalDue: "row-renewal-due",
  expired: "row-expired",
  current: undefined,
  superseded: undefined,
} as const;

export default function Register() {
  const data = useLoaderData<typeof loader>();
  const csv = data.mark ? `/register.csv?mark=${encodeURIComponent(data.mark)}` : "/register.csv";
  return (
    <div className="page wide">
      <h1>Register</h1>
      <p className="lede">
        {data.trustName}: the current award of each school for each quality mark. Awards in their
        renewal window (the last three months before expiry) are flagged.
      </p>
      {data.marks.length > 0 ? (
        <Form method="get" className="register-filter">
          <div className="field">
            <label htmlFor="register-mark">Mark</label>
            <select id="register-mark" name="mark" defaultValue={data.mark}>
              <option value="">All marks</option>
              {data.marks.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Show
          </button>
        </Form>
      ) : null}
      {data.rows.length === 0 ? (
        <p className="notice">
          {data.mark
            ? "No school holds this mark."
            : "No awards yet. A school appears here once a validator records the outcome “accredited”."}
        </p>
      ) : (
        <>
          <p role="status">
            {`${data.rows.length} ${data.rows.length === 1 ? "award" : "awards"}`}
            {data.renewalDue ? ` · ${data.renewalDue} renewal due` : ""}
            {data.expired ? ` · ${data.expired} expired` : ""}
            {" · "}
            <a href={csv} download>
              Download as CSV
            </a>
          </p>
          <StackedTable
            label="Awards"
            caption="Awards, soonest expiry first"
            className="register-table"
            columns={[
              { label: "School" },
              { label: "Mark" },
              { label: "Version" },
              { label: "Tier" },
              { label: "Awarded" },
              { label: "Expires" },
              { label: "Status" },
              { label: "Certificate" },
            ]}
            rows={data.rows.map((r) => ({
              key: r.id,
              className: ROW_CLASS[r.standing],
              cells: [
                <Link key="school" to={`/schools/${r.schoolId}`}>
                  {r.schoolName}
                </Link>,
                r.markName,
                r.frameworkVersion ?? "—",
                r.tier ?? "—",
                <time key="awarded" dateTime={r.startDate}>
                  {r.startLabel}
                </time>,
                <time key="expires" dateTime={r.expiryDate}>
                  {r.expiryLabel}
                </time>,
                <>
                  <StandingBadge standing={r.standing} />
                  {r.canRenew && (r.standing === "renewalDue" || r.standing === "expired") ? (
                    <RenewLink awardId={r.id} of={`${r.schoolName}, ${r.markName}`} />
                  ) : null}
                </>,
                <CertificateLink
                  key="certificate"
                  awardId={r.id}
                  markName={r.markName}
                  school={r.schoolName}
                />,
              ],
            }))}
          />
        </>
      )}
    </div>
  );
}
