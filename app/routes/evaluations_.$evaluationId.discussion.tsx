import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { CommandContext } from "../../server/commands/context.ts";
import {
  DeleteCommentInput,
  EditCommentInput,
  MarkThreadReadInput,
  ReplyToThreadInput,
  ResolveThreadInput,
  StartThreadInput,
  deleteComment,
  editComment,
  markThreadRead,
  replyToThread,
  resolveThread,
  startThread,
} from "../discussion.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { failed, parseInput, readForm, run } from "../utils/command.server.ts";

/**
 * The comment threads of an evaluation, changed only through here (POST only; the page reads
 * them live from `discussion.<evaluationId>`, which only the server writes). Each intent is one
 * command; the answer is JSON for the discussion's own fetch calls.
 */
type Command = (ctx: CommandContext, form: FormData, extra: Record<string, unknown>) => unknown;

const COMMANDS = new Map<string, Command>([
  ["start", (ctx, form, extra) => startThread(ctx, parseInput(form, StartThreadInput, { extra }))],
  [
    "reply",
    (ctx, form, extra) => replyToThread(ctx, parseInput(form, ReplyToThreadInput, { extra })),
  ],
  [
    "resolve",
    (ctx, form, extra) => resolveThread(ctx, parseInput(form, ResolveThreadInput, { extra })),
  ],
  ["edit", (ctx, form, extra) => editComment(ctx, parseInput(form, EditCommentInput, { extra }))],
  [
    "delete",
    (ctx, form, extra) => deleteComment(ctx, parseInput(form, DeleteCommentInput, { extra })),
  ],
  [
    "markRead",
    (ctx, form, extra) => markThreadRead(ctx, parseInput(form, MarkThreadReadInput, { extra })),
  ],
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const command = COMMANDS.get(intent);
  if (!command) return failed({ intent, formError: "Unknown request." }, 400);
  const ctx: CommandContext = { actor, collab: context.collab };
  const result = await run(
    async () => command(ctx, form, { evaluationId: params.evaluationId ?? "" }),
    intent,
  );
  return result instanceof Response ? result : json({ intent, done: true, result });
}
