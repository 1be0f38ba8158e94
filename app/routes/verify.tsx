import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { certificateOf, findAwardByCode, longDate, todayInEngland } from "../award.server.ts";
import { publicStanding, STANDING_LABELS } from "../components/award/standing.ts";
import certificateStyles from "../styles/certificate.css";
import { limitVerification } from "../utils/verify-limit.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: certificateStyles }];

export const meta: MetaFunction = () => [
  { title: "Check a certificate · Quality marks" },
  { name: "robots", content: "noindex" },
];

// Long enough for a code typed with spaces or dashes; anything longer is not a code.
const MAX_CODE_INPUT = 40;
const HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/**
 * Public, no sign-in: anyone holding a certificate can check its code. A code that matches
 * nothing gets the same 200 and the same sentence whatever was wrong with it, so the page
 * tells a guesser nothing; lookups are rate-limited per address.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const code = (url.searchParams.get("code") ?? "").trim();
  if (!code) return json({ code, result: null }, { headers: HEADERS });
  const wait = await limitVerification(context.clientAddress);
  if (wait !== null)
    return json(
      { code, result: { kind: "limited" as const, minutes: wait } },
      { status: 429, headers: HEADERS },
    );
  const award = code.length <= MAX_CODE_INPUT ? await findAwardByCode(code) : null;
  if (!award) return json({ code, result: { kind: "none" as const } }, { headers: HEADERS });
  const { certificate, standing } = await certificateOf(award, url.origin, todayInEngland());
  return json(
    {
      code,
      result: {
        kind: "valid" as const,
        trustName: certificate.trustName,
        schoolName: certificate.schoolName,
        markName: certificate.markName,
        frameworkVersion: certificate.frameworkVersion,
        tier: certificate.tier,
        startDate: certificate.startDate,
        startLabel: longDate(certificate.startDate),
        expiryDate: certificate.expiryDate,
        expiryLabel: longDate(certificate.expiryDate),
        code: certificate.code,
        standing: publicStanding(standing),
      },
    },
    { headers: HEADERS },
  );
}

type Valid = Extract<
  NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["result"]>,
  { kind: "valid" }
>;

const STANDING_TEXT: Record<Valid["standing"], (r: Valid) => string> = {
  current: (r) => `Valid until ${r.expiryLabel}.`,
  expired: (r) => `It expired on ${r.expiryLabel} and is no longer a current award.`,
  superseded: () =>
    "A later award or a corrected outcome replaced it. Ask the school for its current certificate.",
};

function ValidCertificate({ result }: { result: Valid }) {
  return (
    <section className={`verify-result verify-${result.standing}`} aria-labelledby="verify-heading">
      <h2 id="verify-heading">
        {result.standing === "current"
          ? "This certificate is genuine and current"
          : "This certificate is genuine"}
      </h2>
      <p className="verify-standing">
        <strong>{STANDING_LABELS[result.standing]}.</strong>{" "}
        {STANDING_TEXT[result.standing](result)}
      </p>
      <dl className="verify-facts">
        <dt>School</dt>
        <dd>{result.schoolName}</dd>
        <dt>Mark</dt>
        <dd>{result.markName}</dd>
        {result.frameworkVersion !== null ? (
          <>
            <dt>Framework version</dt>
            <dd>{result.frameworkVersion}</dd>
          </>
        ) : null}
        <dt>Tier</dt>
        <dd>{result.tier ?? "None"}</dd>
        <dt>Awarded by</dt>
        <dd>{result.trustName}</dd>
        <dt>Awarded</dt>
        <dd>
          <time dateTime={result.startDate}>{result.startLabel}</time>
        </dd>
        <dt>Expires</dt>
        <dd>
          <time dateTime={result.expiryDate}>{result.expiryLabel}</time>
        </dd>
        <dt>Code</dt>
        <dd>
          <code>{result.code}</code>
        </dd>
      </dl>
    </section>
  );
}

export default function Verify() {
  const { code, result } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "loading";
  return (
    <div className="page verify-page">
      <h1>Check a certificate</h1>
      <p className="lede">
        Every certificate carries a verification code, like QM-7KD4-P2XQ-9M3H. Enter it to see what
        the certificate was awarded for and whether it is still current.
      </p>
      <Form method="get" className="verify-form">
        <div className="field">
          <label htmlFor="verify-code">Enter a certificate code</label>
          <input
            id="verify-code"
            name="code"
            defaultValue={code}
            key={code}
            maxLength={MAX_CODE_INPUT}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Checking…" : "Check"}
        </button>
      </Form>
      {result?.kind === "valid" ? <ValidCertificate result={result} /> : null}
      {result?.kind === "none" ? (
        <section className="verify-result verify-none" aria-labelledby="verify-heading">
          <h2 id="verify-heading">No certificate has this code</h2>
          <p>
            Check the code against the certificate: it starts with QM and has three groups of four
            letters and digits.
          </p>
        </section>
      ) : null}
      {result?.kind === "limited" ? (
        <p className="form-error" role="alert">
          {`Too many checks from your network. Try again in ${result.minutes} ${result.minutes === 1 ? "minute" : "minutes"}.`}
        </p>
      ) : null}
    </div>
  );
}
