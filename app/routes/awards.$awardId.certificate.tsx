import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  can,
  certificateOf,
  loadAward,
  longDate,
  todayInEngland,
  trustResource,
} from "../award.server.ts";
import { CertificateView } from "../components/award/certificate-view.tsx";
import { RenewLink } from "../components/award/renew-link.tsx";
import { StandingBadge } from "../components/award/standing-badge.tsx";
import certificateStyles from "../styles/certificate.css";
import { requireActor } from "../utils/auth.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { useHydrated } from "../utils/use-hydrated.ts";
import { Breadcrumbs } from "../components/breadcrumbs.tsx";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: certificateStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.certificate.markName}: ${data.certificate.schoolName} · Certificate`
      : "Certificate · Quality marks",
  },
];

/**
 * The printable certificate, for the school's team, the trust's admins and leaders, and the
 * validators of the validation that gave it (read-only: they cannot renew it).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const { award, resource } = await orNotFound(loadAward(actor, params.awardId ?? ""));
  const { certificate, standing } = await certificateOf(
    award,
    new URL(request.url).origin,
    todayInEngland(),
  );
  return json(
    {
      awardId: award.id,
      schoolId: award.schoolId,
      standing,
      certificate: {
        ...certificate,
        issuedAt: undefined,
        startLabel: longDate(certificate.startDate),
        expiryLabel: longDate(certificate.expiryDate),
      },
      canRenew: can(actor, "renew", resource) && standing !== "superseded",
      seesRegister: can(actor, "oversee", trustResource(award.trustId)),
      // The way back for someone who may not open the school's page: the validation.
      seesSchool: can(actor, "read", {
        type: "school",
        trustId: award.trustId,
        schoolId: award.schoolId,
      }),
      validationId: award.validationId,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const NOTICES = {
  renewalDue: "This award is in its renewal window: it expires within three months.",
  expired: "This award has expired. The certificate is kept as a record.",
  superseded:
    "This award has been superseded by a later award or a corrected outcome. The certificate is kept as a record.",
} as const;

export default function CertificatePage() {
  const data = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  const { certificate, standing } = data;
  return (
    <div className="page certificate-page">
      <div className="certificate-tools">
        <Breadcrumbs
          trail={
            data.seesRegister
              ? [{ label: "Register", to: "/register" }]
              : data.seesSchool
                ? [{ label: certificate.schoolName, to: `/schools/${data.schoolId}` }]
                : [
                    { label: "Validations", to: "/validations" },
                    {
                      label: `${certificate.schoolName}: validation meeting`,
                      to: `/validations/${data.validationId}/meeting`,
                    },
                  ]
          }
        />
        <p>
          Status: <StandingBadge standing={standing} />
        </p>
        {standing !== "current" ? (
          <p
            className={standing === "renewalDue" ? "notice renewal-notice" : "notice"}
            role="status"
          >
            {NOTICES[standing]}
          </p>
        ) : null}
        <ul className="certificate-actions">
          <li>
            <a href={`/awards/${data.awardId}/certificate.pdf`} download>
              Download PDF
            </a>
          </li>
          {/* After the download, not before it: appearing when the scripts start, it moves nothing
              a person may be about to press. */}
          {hydrated ? (
            <li>
              <button type="button" className="button" onClick={() => window.print()}>
                Print
              </button>
            </li>
          ) : null}
          {data.canRenew ? (
            <li>
              <RenewLink awardId={data.awardId} />
            </li>
          ) : null}
        </ul>
      </div>
      <CertificateView certificate={certificate} />
    </div>
  );
}
