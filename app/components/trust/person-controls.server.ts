import { json } from "@remix-run/node";
import { NotFoundError } from "../../../models/errors.ts";
import { ROLE_LABELS } from "../../../models/permissions/roles.ts";
import type { CommandContext } from "../../../server/commands/context.ts";
import {
  RemoveRoleInput,
  RevokeSessionsInput,
  removeRole,
  revokeSessions,
} from "../../commands.server.ts";
import { parseInput, refusal } from "../../utils/command.server.ts";
import { PERSON_CONTROL_INTENTS } from "./person-controls.tsx";

/**
 * The trust page's action for the per-person controls (person-controls.tsx), or null when the
 * form is another one. Answers in the trust page's shape, with the person the answer concerns
 * (`personId` only places the message on the page; the commands trust nothing from it).
 */
export async function personControlAction(
  form: FormData,
  ctx: CommandContext,
): Promise<Response | null> {
  const intent = String(form.get("intent"));
  if (!(PERSON_CONTROL_INTENTS as readonly string[]).includes(intent)) return null;
  const personId = String(form.get("personId") ?? "");
  const answer = (body: { done?: string; formError?: string | null }, status = 200) =>
    json({ intent, personId, errors: {}, formError: null, done: null, ...body }, { status });

  try {
    if (intent === "removeRole") {
      const input = parseInput(form, RemoveRoleInput, { intent });
      const { membership, person } = await removeRole(ctx, input);
      const role = ROLE_LABELS[membership.role].toLowerCase();
      return answer({ done: `${person?.name ?? "The person"} is no longer ${role} here.` });
    }
    const input = parseInput(form, RevokeSessionsInput, { intent });
    const { person } = await revokeSessions(ctx, input);
    return answer({ done: `${person.name} has been signed out everywhere.` });
  } catch (error) {
    if (error instanceof NotFoundError) {
      const gone = "That person or role is no longer in this trust. Reload the page to see who is.";
      return answer({ formError: gone }, 404);
    }
    // A refusal from the input schema (400) or from the command (403, 400, 409).
    const refused = refusal(error, intent);
    const body = (await refused.json()) as {
      formError?: string | null;
      fieldErrors?: Record<string, string>;
    };
    const message = body.formError ?? Object.values(body.fieldErrors ?? {})[0] ?? null;
    return answer({ formError: message }, refused.status);
  }
}
