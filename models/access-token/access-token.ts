import { createHash, randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { isDuplicateKey } from "../errors.ts";
import { loadActor } from "../membership/membership.ts";
import { defineModel, isObjectId, op } from "../mongoose.ts";
import type { Actor } from "../permissions/roles.ts";
import { signInStage } from "../permissions/second-factor.ts";
import { hasSecondFactor } from "../second-factor/second-factor.ts";
import { TOKEN_PREFIX, TOKEN_SCOPES, type TokenScope } from "./rules.ts";

export * from "./rules.ts";

/**
 * Personal access tokens (ADR 019): a person's own credential for their tools (an MIS import,
 * a script, another Yjs editor) on the y-websocket endpoint and the read API. Each is scoped
 * to one trust, read-only or read-write, and expires; only a hash is stored, the token itself
 * is shown once.
 */
export interface AccessToken {
  id: string;
  userId: string;
  trustId: string;
  name: string;
  scope: TokenScope;
  /** The first characters of the token, to tell tokens apart in the list (not a secret). */
  hint: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

interface AccessTokenDoc {
  tokenHash: string;
  userId: Types.ObjectId;
  trustId: Types.ObjectId;
  name: string;
  scope: TokenScope;
  hint: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const accessTokenSchema = new Schema<AccessTokenDoc>({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  trustId: { type: Schema.Types.ObjectId, required: true },
  name: { type: String, required: true },
  scope: { type: String, required: true, enum: TOKEN_SCOPES },
  hint: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
  expiresAt: { type: Date, required: true },
  revokedAt: { type: Date, default: null },
  lastUsedAt: { type: Date, default: null },
});

export const AccessTokenModel = defineModel<AccessTokenDoc>("AccessToken", accessTokenSchema);

// 256 random bits: a plain SHA-256 is enough to make a stolen table useless (no dictionary to
// try), and a lookup by hash stays one indexed query (ADR 019).
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function toAccessToken(doc: { _id: Types.ObjectId } & AccessTokenDoc): AccessToken {
  return {
    id: doc._id.toString(),
    userId: doc.userId.toString(),
    trustId: doc.trustId.toString(),
    name: doc.name,
    scope: doc.scope,
    hint: doc.hint,
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    revokedAt: doc.revokedAt ?? null,
    lastUsedAt: doc.lastUsedAt ?? null,
  };
}

export function isLiveToken(token: Pick<AccessToken, "revokedAt" | "expiresAt">): boolean {
  return !token.revokedAt && token.expiresAt.getTime() > Date.now();
}

/** Creates a token; returns the secret (never stored, shown once) with its record. */
export async function createAccessToken(input: {
  userId: string;
  trustId: string;
  name: string;
  scope: TokenScope;
  expiresAt: Date;
}): Promise<{ secret: string; token: AccessToken }> {
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const doc = await AccessTokenModel.create({
    tokenHash: hashToken(secret),
    userId: input.userId,
    trustId: input.trustId,
    name: input.name,
    scope: input.scope,
    hint: secret.slice(0, TOKEN_PREFIX.length + 6),
    expiresAt: input.expiresAt,
  });
  return { secret, token: toAccessToken(doc.toObject()) };
}

/** A person's tokens, newest first, live or not (revoked ones are kept for the record). */
export async function listAccessTokens(userId: string): Promise<AccessToken[]> {
  if (!isObjectId(userId)) return [];
  const docs = await AccessTokenModel.find({ userId }).sort({ createdAt: -1 }).limit(200).lean();
  return docs.map(toAccessToken);
}

export async function countLiveTokens(userId: string): Promise<number> {
  if (!isObjectId(userId)) return 0;
  return AccessTokenModel.countDocuments({
    userId,
    revokedAt: null,
    expiresAt: op({ $gt: new Date() }),
  });
}

// One row per revoked token, unique by token: a conditional update is not atomic on the
// embedded FerretDB (ADR 011), so this key is what makes "revoked" (and its audit) happen once.
const revocationSchema = new Schema<{ tokenId: Types.ObjectId; at: Date }>({
  tokenId: { type: Schema.Types.ObjectId, required: true, unique: true },
  at: { type: Date, default: () => new Date() },
});
export const TokenRevocationModel = defineModel("AccessTokenRevocation", revocationSchema);

/**
 * Revokes one of a person's own tokens. Null if it is not theirs; else the token, and whether
 * this call revoked it (false: revoked already, by an earlier or a simultaneous call).
 */
export async function revokeAccessToken(
  userId: string,
  tokenId: string,
): Promise<{ token: AccessToken; revokedNow: boolean } | null> {
  const token = await getAccessToken(userId, tokenId);
  if (!token) return null;
  if (token.revokedAt) return { token, revokedNow: false };
  let revokedNow = true;
  try {
    await TokenRevocationModel.create({ tokenId });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    revokedNow = false;
  }
  // Also when not first: the first call may have stopped before this write.
  await AccessTokenModel.updateOne({ _id: tokenId, revokedAt: null }, { revokedAt: new Date() });
  return { token, revokedNow };
}

/** One of a person's own tokens, live or not; null if it is not theirs. */
export async function getAccessToken(userId: string, tokenId: string): Promise<AccessToken | null> {
  if (!isObjectId(userId) || !isObjectId(tokenId)) return null;
  const doc = await AccessTokenModel.findOne({ _id: tokenId, userId }).lean();
  return doc ? toAccessToken(doc) : null;
}

/** Revokes every live token a person holds for one trust (signed out everywhere by its admin). */
export async function revokeTokensOfUserInTrust(
  userId: string,
  trustId: string,
): Promise<string[]> {
  if (!isObjectId(userId) || !isObjectId(trustId)) return [];
  const live = await AccessTokenModel.find({ userId, trustId, revokedAt: null }, { _id: 1 }).lean();
  const ids = live.map((doc) => doc._id.toString());
  if (ids.length > 0) {
    try {
      await TokenRevocationModel.insertMany(
        ids.map((id) => ({ tokenId: id })),
        { ordered: false },
      );
    } catch (error) {
      // Some were being revoked by their owner at the same moment: revoked either way.
      if (!isDuplicateKey(error)) throw error;
    }
    await AccessTokenModel.updateMany(
      { _id: op({ $in: ids }), revokedAt: null },
      { revokedAt: new Date() },
    );
  }
  return ids;
}

/** The live token for a secret, or null (unknown, revoked, expired, malformed). */
export async function findLiveToken(secret: string): Promise<AccessToken | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null;
  const doc = await AccessTokenModel.findOne({ tokenHash: hashToken(secret) }).lean();
  const token = doc ? toAccessToken(doc) : null;
  return token && isLiveToken(token) ? token : null;
}

/** The token with this id if it is still live, else null (what open sockets ask again). */
export async function findLiveTokenById(tokenId: string): Promise<AccessToken | null> {
  if (!isObjectId(tokenId)) return null;
  const doc = await AccessTokenModel.findById(tokenId).lean();
  const token = doc ? toAccessToken(doc) : null;
  return token && isLiveToken(token) ? token : null;
}

/** Which of these tokens are still live: one query for all the sockets a process holds. */
export async function liveTokenIds(tokenIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(tokenIds.filter(isObjectId))];
  if (ids.length === 0) return new Set();
  const docs = await AccessTokenModel.find(
    { _id: op({ $in: ids }) },
    { revokedAt: 1, expiresAt: 1 },
  ).lean();
  return new Set(docs.filter((d) => isLiveToken(d)).map((doc) => doc._id.toString()));
}

const LAST_USED_GRANULARITY_MS = 60_000;

/** Notes that a token was used (at most one write a minute per token). */
export async function touchToken(token: AccessToken): Promise<void> {
  if (token.lastUsedAt && Date.now() - token.lastUsedAt.getTime() < LAST_USED_GRANULARITY_MS) {
    return;
  }
  await AccessTokenModel.updateOne({ _id: token.id }, { lastUsedAt: new Date() });
}

/**
 * Who a live token acts as, as the database says now: the person's current grants in the
 * token's trust only, and read-only if the token is. Null when the person is gone, holds no
 * role in that trust any more, or their roles now require a second factor they have not set up
 * (a token never stands in for a second factor they were never asked for).
 */
export async function tokenActor(token: AccessToken): Promise<Actor | null> {
  const [actor, hasFactor] = await Promise.all([
    loadActor(token.userId),
    hasSecondFactor(token.userId),
  ]);
  if (!actor) return null;
  const grants = actor.grants.filter((g) => g.trustId === token.trustId);
  if (grants.length === 0) return null;
  const scoped: Actor = {
    userId: actor.userId,
    name: actor.name,
    grants,
    ...(token.scope === "read" ? { readOnly: true } : {}),
  };
  // A token was made from a session that had passed the second factor, when one was set up.
  const stage = signInStage(scoped, { hasSecondFactor: hasFactor, passedSecondFactor: true });
  return stage === "complete" ? scoped : null;
}
