import { z } from "zod";
import {
  MAX_LIVE_TOKENS,
  TOKEN_LIFETIMES_DAYS,
  TOKEN_SCOPES,
  countLiveTokens,
  createAccessToken,
  revokeAccessToken,
} from "../../models/access-token/access-token.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidFieldsError, InvalidInputError, NotFoundError } from "../../models/errors.ts";
import { trustIdsOf } from "../../models/permissions/can.ts";
import type { CommandContext } from "./context.ts";
import { parse, type Raw } from "./input.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export const CreateAccessTokenInput = z.object({
  name: z
    .string({ error: "Give the token a name" })
    .trim()
    .min(1, "Give the token a name")
    .max(60, "Use at most 60 characters"),
  scope: z.enum(TOKEN_SCOPES, { error: "Choose what the token may do" }),
  trustId: z.string({ error: "Choose a trust" }).regex(/^[0-9a-f]{24}$/, "Choose a trust"),
  lifetimeDays: z.coerce
    .number({ error: "Choose when the token expires" })
    .refine((days) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days), {
      message: "Choose when the token expires",
    }),
});

/**
 * A signed-in person makes a personal access token for their own tools (ADR 019): for one of
 * their trusts, read-only or read-write, expiring. Returns the secret, shown once and never
 * stored. Audited in that trust.
 */
export async function createToken(ctx: CommandContext, raw: Raw<typeof CreateAccessTokenInput>) {
  const input = parse(CreateAccessTokenInput, raw);
  if (!trustIdsOf(ctx.actor).includes(input.trustId)) {
    throw new InvalidFieldsError({ trustId: "Choose one of your trusts" });
  }
  if ((await countLiveTokens(ctx.actor.userId)) >= MAX_LIVE_TOKENS) {
    throw new InvalidInputError(
      `You already have ${MAX_LIVE_TOKENS} tokens. Revoke one you no longer use first.`,
    );
  }
  const { secret, token } = await createAccessToken({
    userId: ctx.actor.userId,
    trustId: input.trustId,
    name: input.name,
    scope: input.scope,
    expiresAt: new Date(Date.now() + input.lifetimeDays * DAY_MS),
  });
  await recordAudit({
    trustId: token.trustId,
    actorId: ctx.actor.userId,
    action: "accessTokenCreated",
    subject: `user:${ctx.actor.userId}`,
    details: { tokenId: token.id, name: token.name, scope: token.scope, days: input.lifetimeDays },
  });
  return { secret, token };
}

export const RevokeAccessTokenInput = z.object({
  tokenId: z.string().regex(/^[0-9a-f]{24}$/, "Choose a token"),
});

/**
 * A person revokes one of their own tokens: refused from then on, and every socket using it
 * closes at once. Audited once: revoking it again (or twice at once) changes nothing more;
 * someone else's token is not found.
 */
export async function revokeToken(ctx: CommandContext, raw: Raw<typeof RevokeAccessTokenInput>) {
  const input = parse(RevokeAccessTokenInput, raw);
  const revoked = await revokeAccessToken(ctx.actor.userId, input.tokenId);
  // Not theirs, or no such token.
  if (!revoked) throw new NotFoundError();
  // Also when already revoked: closing sockets twice is harmless, and the first may not have.
  await ctx.collab.endSessions({ tokenIds: [input.tokenId] });
  const { token, revokedNow } = revoked;
  if (!revokedNow) return token;
  await recordAudit({
    trustId: token.trustId,
    actorId: ctx.actor.userId,
    action: "accessTokenRevoked",
    subject: `user:${ctx.actor.userId}`,
    details: { tokenId: token.id, name: token.name },
  });
  return token;
}
