/** The certificate's facts as the loader sends them: dates already written out. */
export interface CertificateFacts {
  trustName: string;
  schoolName: string;
  markName: string;
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
      <p className="certificate-trust">{certificate.trustName}</p>
      <h1 id="certificate-title" className="certificate-title">
        Certificate of accreditation
      </h1>
      <p className="certificate-line">This certifies that</p>
      <p className="certificate-school">{certificate.schoolName}</p>
      <p className="certificate-line">has been accredited with the</p>
      <p className="certificate-mark">{certificate.markName}</p>
      {certificate.tier ? <p className="certificate-tier">{certificate.tier} tier</p> : null}
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
