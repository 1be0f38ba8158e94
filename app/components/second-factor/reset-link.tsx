import { Link } from "@remix-run/react";

/** In the trust's people list: whether a person has two-factor sign-in, and a way to reset it. */
export function SecondFactorReset({
  person,
}: {
  person: { id: string; name: string; secondFactor: boolean };
}) {
  return (
    <span className="second-factor-reset">
      <span className="muted">Two-factor sign-in: {person.secondFactor ? "on" : "off"}</span>{" "}
      <Link
        to={`/trust/people/${person.id}/two-factor`}
        aria-label={`Reset ${person.name}'s two-factor sign-in`}
      >
        Reset
      </Link>
    </span>
  );
}
