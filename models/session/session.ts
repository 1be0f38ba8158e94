import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { Schema, Types } from "mongoose";
import { op, defineModel, isObjectId } from "../mongoose.ts";

/** Sessions last a school term's working fortnight without activity, then end. */
export const SESSION_IDLE_MS = 14 * 24 * 60 * 60 * 1000;

export interface Session {
  id: string;
  userId: string;
  /** Per-session secret that forms must echo back (CSRF). */
  csrfToken: string;
  expiresAt: Date;
  /**
   * When this session passed the second factor (null: password only). A session never gains
   * it later: passing the second step starts a new session (a new token) and ends this one.
   */
  secondFactorAt: Date | null;
}

interface SessionDoc {
  tokenHash: string;
  userId: Types.ObjectId;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  /**
   * The session that took this one's place in the same browser (the second step of signing in
   * passed, two-factor sign-in turned on), or null: ended by anything else.
   */
  replacedBy: Types.ObjectId | null;
  userAgent: string;
  secondFactorAt: Date | null;
}

const sessionSchema = new Schema<SessionDoc>({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, required: true, index: true },
  csrfToken: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
  expiresAt: { type: Date, required: true },
  revokedAt: { type: Date, default: null },
  replacedBy: { type: Schema.Types.ObjectId, default: null },
  userAgent: { type: String, default: "" },
  secondFactorAt: { type: Date, default: null },
});

export const SessionModel = defineModel<SessionDoc>("Session", sessionSchema);

// Only a hash of the token is stored, so a read of the sessions collection signs nobody in.
function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function toSession(doc: { _id: Types.ObjectId } & SessionDoc): Session {
  return {
    id: doc._id.toString(),
    userId: doc.userId.toString(),
    csrfToken: doc.csrfToken,
    expiresAt: doc.expiresAt,
    secondFactorAt: doc.secondFactorAt ?? null,
  };
}

/**
 * A session's token is `<session id>.<secret>` (ADR 031): the id finds its record by `_id`, the
 * one lookup the embedded FerretDB answers without reading every session, and the whole token's
 * hash, compared in constant time, proves it. Null for a token without an id in front.
 */
function sessionIdOf(token: string): string | null {
  const id = token.slice(0, 24);
  return token[24] === "." && isObjectId(id) ? id : null;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Starts a session; returns the secret token for the cookie (never stored as is). */
export async function createSession(
  userId: string,
  userAgent = "",
  options: { secondFactorAt?: Date | null } = {},
): Promise<{ token: string; session: Session }> {
  const _id = new Types.ObjectId();
  const token = `${_id.toString()}.${randomBytes(32).toString("base64url")}`;
  const doc = await SessionModel.create({
    _id,
    tokenHash: hashToken(token),
    userId,
    csrfToken: randomBytes(24).toString("base64url"),
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
    userAgent: userAgent.slice(0, 300),
    secondFactorAt: options.secondFactorAt ?? null,
  });
  // FerretDB v1 has no TTL indexes. The person's own expired sessions go as a new one starts
  // (read through the index on userId); everyone's, in the background (sweepExpiredSessions).
  await SessionModel.deleteMany({ userId, expiresAt: op({ $lt: new Date() }) });
  return { token, session: toSession(doc.toObject()) };
}

/**
 * Deletes every expired session; how many. It reads the whole collection on the embedded
 * FerretDB, so the server runs it in the background (server/housekeeping.ts, ADR 056), never
 * while someone signs in.
 */
export async function sweepExpiredSessions(): Promise<number> {
  const { deletedCount } = await SessionModel.deleteMany({ expiresAt: op({ $lt: new Date() }) });
  return deletedCount;
}

/** The record a token names, live or not, or null. */
async function sessionRecordOf(token: string) {
  if (!token || token.length > 100) return null;
  const hash = hashToken(token);
  const id = sessionIdOf(token);
  if (!id) {
    // A token issued before tokens carried their id: found by its hash, as it was then.
    return SessionModel.findOne({ tokenHash: hash }).lean();
  }
  const doc = await SessionModel.findOne({ _id: id }).lean();
  return doc && sameHash(doc.tokenHash, hash) ? doc : null;
}

/** The live session for a cookie token, or null if unknown, expired or revoked. */
export async function findSession(token: string): Promise<Session | null> {
  const named = await sessionNamedBy(token);
  return named?.live ? named.session : null;
}

/**
 * The session a cookie token proves, live or not (`live`: neither revoked nor expired), or null
 * for a token that proves none. For telling a browser whose session has ended so, rather than
 * treating it as someone who never signed in.
 */
export async function sessionNamedBy(
  token: string,
): Promise<{ session: Session; live: boolean } | null> {
  const doc = await sessionRecordOf(token);
  return doc ? { session: toSession(doc), live: isLive(doc) } : null;
}

export async function revokeSession(token: string): Promise<void> {
  const doc = await sessionRecordOf(token);
  if (doc) await SessionModel.updateOne({ _id: doc._id }, { revokedAt: new Date() });
}

/**
 * Ends the session of `token` because `replacementId` took its place in the same browser.
 * Returns the ended session's id (null for a token that names no live session), so its open
 * sockets can be told to reconnect with the browser's new cookie.
 */
export async function replaceSession(token: string, replacementId: string): Promise<string | null> {
  const doc = await sessionRecordOf(token);
  if (!doc || !isLive(doc)) return null;
  await SessionModel.updateOne(
    { _id: doc._id },
    { revokedAt: new Date(), replacedBy: replacementId },
  );
  return doc._id.toString();
}

/**
 * Signs a person out everywhere (a trust admin's "sign out everywhere", a role removed), or
 * everywhere but `except` (the session that changed the password). Returns how many ended.
 */
export async function revokeSessionsOfUser(
  userId: string,
  options: { except?: string } = {},
): Promise<number> {
  if (!isObjectId(userId)) return 0;
  const keep = options.except && isObjectId(options.except) ? options.except : null;
  const filter = keep
    ? { userId, revokedAt: null, _id: op({ $ne: keep }) }
    : { userId, revokedAt: null };
  const result = await SessionModel.updateMany(filter, { revokedAt: new Date() });
  return result.modifiedCount;
}

/** Ends one of a person's sessions (signing out). Ending an ended session changes nothing. */
export async function revokeSessionOf(userId: string, sessionId: string): Promise<void> {
  if (!isObjectId(userId) || !isObjectId(sessionId)) return;
  await SessionModel.updateOne(
    { _id: sessionId, userId, revokedAt: null },
    { revokedAt: new Date() },
  );
}

function isLive(doc: Pick<SessionDoc, "revokedAt" | "expiresAt">): boolean {
  return !doc.revokedAt && doc.expiresAt.getTime() >= Date.now();
}

/**
 * The session with this id if it is still live (not revoked, not expired), else null. The
 * collab server keeps a socket's session id (never its token) and asks this before trusting it.
 */
export async function findLiveSession(sessionId: string): Promise<Session | null> {
  if (!isObjectId(sessionId)) return null;
  const doc = await SessionModel.findById(sessionId).lean();
  return doc && isLive(doc) ? toSession(doc) : null;
}

/**
 * Which of these sessions are still live, and which of the others ended because a new session
 * took their place in the same browser: one query for all the sockets a process holds.
 */
export async function sessionStandings(
  sessionIds: string[],
): Promise<{ live: Set<string>; replaced: Set<string> }> {
  const ids = [...new Set(sessionIds.filter(isObjectId))];
  const standings = { live: new Set<string>(), replaced: new Set<string>() };
  if (ids.length === 0) return standings;
  const docs = await SessionModel.find(
    { _id: op({ $in: ids }) },
    { revokedAt: 1, expiresAt: 1, replacedBy: 1 },
  ).lean();
  for (const doc of docs) {
    if (isLive(doc)) standings.live.add(doc._id.toString());
    else if (doc.replacedBy && doc.expiresAt.getTime() >= Date.now()) {
      standings.replaced.add(doc._id.toString());
    }
  }
  return standings;
}

/** Whose sessions these are (each person once). */
export async function ownersOfSessions(sessionIds: string[]): Promise<string[]> {
  const ids = [...new Set(sessionIds.filter(isObjectId))];
  if (ids.length === 0) return [];
  const docs = await SessionModel.find({ _id: op({ $in: ids }) }, { userId: 1 }).lean();
  return [...new Set(docs.map((doc) => doc.userId.toString()))];
}

/** Whether the person has any session left that is live (not revoked, not expired). */
export async function hasLiveSession(userId: string): Promise<boolean> {
  if (!isObjectId(userId)) return false;
  const doc = await SessionModel.findOne(
    { userId, revokedAt: null, expiresAt: op({ $gte: new Date() }) },
    { _id: 1 },
  ).lean();
  return doc !== null;
}
