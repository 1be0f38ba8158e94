/** An audit entry's recorded facts (action, subject and details, ids as stored), as a list. */
export function AuditFacts({ facts }: { facts: [string, string][] }) {
  return (
    <details>
      <summary>Facts</summary>
      <dl className="audit-facts-list">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
