/** The certificate's facts as the loader sends them: dates already written out. */
export interface CertificateFacts {
  trustName: string;
  schoolName: string;
  markName: string;
  /** The framework version accredited against (null: not recorded, on older awards). */
  frameworkVersion: number | null;
  tier: string | null;
  startDate: string;
  startLabel: string;
  expiryDate: string;
  expiryLabel: string;
  code: string;
  verifyUrl: string;
}

/** The certificate itself, laid out like its PDF; app/styles/certificate.css prints it on one page. */
export function CertificateView({ certificate }: { certificate: CertificateFacts }) {
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      {/* Who awards it, above the title: the heading's own line, not a paragraph of its own. */}
      <header className="certificate-header">
        <p className="certificate-trust">{certificate.trustName}</p>
        <h1 id="certificate-title" className="certificate-title">
          Certificate of accreditation
        </h1>
      </header>
      {/* One sentence, read as one: its emphasised parts are words in it, not headings (a
          paragraph of large bold words would read as an unmarked heading, axe's p-as-heading). */}
      <p className="certificate-statement">
        <span className="certificate-line">This certifies that </span>
        <span className="certificate-school">{certificate.schoolName}</span>{" "}
        <span className="certificate-line">has been accredited with the </span>
        <span className="certificate-mark">{certificate.markName}</span>
        {certificate.tier ? (
          <span className="certificate-tier">
            <span className="visually-hidden">, </span>
            {certificate.tier} tier
          </span>
        ) : null}
        <span className="visually-hidden">.</span>
      </p>
      {certificate.frameworkVersion !== null ? (
        <p className="certificate-version">{`Framework version ${certificate.frameworkVersion}`}</p>
      ) : null}
      <p className="certificate-dates">
        Awarded <time dateTime={certificate.startDate}>{certificate.startLabel}</time>. Valid until{" "}
        <time dateTime={certificate.expiryDate}>{certificate.expiryLabel}</time>.
      </p>
      <footer className="certificate-footer">
        <p>
          Verification code: <strong className="certificate-code">{certificate.code}</strong>
        </p>
        <p className="certificate-verify">Check this certificate at {certificate.verifyUrl}</p>
      </footer>
    </article>
  );
}
