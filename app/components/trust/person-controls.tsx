import { Form, useNavigation } from "@remix-run/react";
import { CsrfInput } from "../csrf-input.tsx";
import { FormError } from "../field.tsx";

export interface PersonWithRoles {
  id: string;
  name: string;
  /** Each role the person holds in this trust, as a trust admin reads it. */
  memberships: { id: string; label: string }[];
}

/** What the trust page's action answered, as far as these controls are concerned. */
export interface PersonControlsOutcome {
  intent?: string;
  personId?: string;
  formError?: string | null;
}

export const PERSON_CONTROL_INTENTS = ["removeRole", "signOutEverywhere"] as const;

/**
 * A trust admin's controls for one person on the trust page: remove one of their roles (after
 * a confirmation, since it takes effect at once, open documents included) and sign them out
 * everywhere. A refusal shows here, next to the person it concerns.
 */
export function PersonControls({
  person,
  outcome,
}: {
  person: PersonWithRoles;
  outcome: PersonControlsOutcome | undefined;
}) {
  const busy = useNavigation().state === "submitting";
  const mine =
    outcome?.personId === person.id &&
    (PERSON_CONTROL_INTENTS as readonly (string | undefined)[]).includes(outcome.intent);
  return (
    <div className="person-controls">
      <FormError message={mine ? outcome?.formError : null} />
      <ul className="role-list" aria-label={`Roles of ${person.name}`}>
        {person.memberships.map((m) => (
          <li key={m.id}>
            <span>{m.label}</span>
            <details className="confirm-removal">
              <summary>
                Remove role<span className="visually-hidden">: {m.label}</span>
              </summary>
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="removeRole" />
                <input type="hidden" name="membershipId" value={m.id} />
                <input type="hidden" name="personId" value={person.id} />
                <p>
                  Remove {person.name}&rsquo;s role as {m.label}? They lose what it gives at once,
                  including documents they have open now.
                </p>
                <button type="submit" className="button button-danger" disabled={busy}>
                  Yes, remove {m.label} from {person.name}
                </button>
              </Form>
            </details>
          </li>
        ))}
      </ul>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="signOutEverywhere" />
        <input type="hidden" name="userId" value={person.id} />
        <input type="hidden" name="personId" value={person.id} />
        <button type="submit" className="button-link" disabled={busy}>
          Sign out everywhere<span className="visually-hidden">: {person.name}</span>
        </button>
      </Form>
    </div>
  );
}
