import { createHash, randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { Schema } from "mongoose";
import { op, defineModel } from "../mongoose.ts";

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

/** Starts a session; returns the secret token for the cookie (never stored as is). */
export async function createSession(
  userId: string,
  userAgent = "",
  options: { secondFactorAt?: Date | null } = {},
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString("base64url");
  const doc = await SessionModel.create({
    tokenHash: hashToken(token),
    userId,
    csrfToken: randomBytes(24).toString("base64url"),
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
    userAgent: userAgent.slice(0, 300),
    secondFactorAt: options.secondFactorAt ?? null,
  });
  // FerretDB v1 has no TTL indexes: expired sessions are swept when new ones start.
  await SessionModel.deleteMany({ expiresAt: op({ $lt: new Date() }) });
  return { token, session: toSession(doc.toObject()) };
}

/** The live session for a cookie token, or null if unknown, expired or revoked. */
export async function findSession(token: string): Promise<Session | null> {
  if (!token || token.length > 100) return null;
  const doc = await SessionModel.findOne({ tokenHash: hashToken(token) }).lean();
  if (!doc || doc.revokedAt || doc.expiresAt.getTime() < Date.now()) return null;
  return toSession(doc);
}

export async function revokeSession(token: string): Promise<void> {
  await SessionModel.updateOne({ tokenHash: hashToken(token) }, { revokedAt: new Date() });
}

/** Signs a person out everywhere (e.g. after a role is removed or a password reset). */
export async function revokeSessionsOfUser(userId: string): Promise<number> {
  const result = await SessionModel.updateMany(
    { userId, revokedAt: null },
    { revokedAt: new Date() },
  );
  return result.modifiedCount;
}
