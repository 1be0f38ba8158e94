import { performance } from "node:perf_hooks";
import { createCookie } from "@remix-run/node";
import type { SessionRead } from "../../collab/owner-reading.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import type { SignInStage } from "../../models/permissions/second-factor.ts";
import { sessionPerson } from "../../models/session/sign-in-stage.ts";
import {
  SESSION_IDLE_MS,
  findSession,
  sessionNamedBy,
  type Session,
} from "../../models/session/session.ts";
import { getEnv } from "./env.server.ts";
import { memoOf, sharedRead } from "../../models/request-memo.ts";

let cookie: ReturnType<typeof createCookie> | null = null;

/** The session cookie: HttpOnly, SameSite=Lax, Secure and `__Host-` unless COOKIE_SECURE=false. */
export function sessionCookie() {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie(env.COOKIE_SECURE ? "__Host-qm_session" : "qm_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env.COOKIE_SECURE,
    path: "/",
    secrets: [env.SESSION_SECRET],
    maxAge: SESSION_IDLE_MS / 1000,
  });
  return cookie;
}

export async function sessionTokenFrom(
  cookieHeader: string | null | undefined,
): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = await sessionCookie().parse(cookieHeader);
  return typeof value === "string" ? value : null;
}

export interface SignedIn {
  session: Session;
  actor: Actor;
  token: string;
}

/** A session at any stage of signing in (see `signInStage` in models/permissions/). */
export interface SessionState extends SignedIn {
  stage: SignInStage;
}

/**
 * The session a request's cookie names and how far it has got through signing in, or null. The
 * one place the stage is worked out; only the sign-in steps themselves look at unfinished
 * sessions. Read once per page request, however many of its loaders ask (models/request-memo.ts).
 */
export function sessionFrom(request: Request): Promise<SessionState | null> {
  const cookieHeader = request.headers.get("Cookie");
  if (!cookieHeader) return Promise.resolve(null);
  return sharedRead(memoOf(request), `session:${cookieHeader}`, () => readSession(cookieHeader));
}

async function readSession(cookieHeader: string): Promise<SessionState | null> {
  const token = await sessionTokenFrom(cookieHeader);
  if (!token) return null;
  const session = await findSession(token);
  if (!session) return null;
  const person = await sessionPerson(session);
  return person ? { session, token, ...person } : null;
}

/**
 * The person signed in on a request, or null: a session still waiting for its second
 * factor (or for one to be set up) counts as nobody. Used by every loader and action; the
 * collab server asks the same of a socket's session (collab/current-actor.ts), so HTTP and
 * realtime agree on who someone is.
 */
export async function signedInFrom(request: Request): Promise<SignedIn | null> {
  const state = await sessionFrom(request);
  if (!state || state.stage !== "complete") return null;
  return { session: state.session, actor: state.actor, token: state.token };
}

/**
 * Whose session a Cookie header names, at any stage of signing in, or null: one read. For a
 * socket's upgrade only, which needs no more than the ids to hand the socket over, and the
 * session's record with when its read began: the collab server reads the person, their second
 * factor and their grants once the socket can be ended, and refuses a session not fully signed
 * in (collab/extensions/authentication.ts); it reads the session again unless this read is
 * recent and no session ended meanwhile (collab/owner-reading.ts). A session that has ended
 * (a page reconnecting after a sleep, say) is handed over without its record (`read` null):
 * the first document it asks for finds it ended, as for any socket whose session ends, and the
 * page is told so, with the way to sign in again, not that it has no access.
 */
export async function sessionOwnerFrom(
  cookieHeader: string | null | undefined,
): Promise<{ owner: { sessionId: string; userId: string }; read: SessionRead | null } | null> {
  const startedAt = performance.now();
  const token = await sessionTokenFrom(cookieHeader);
  const named = token ? await sessionNamedBy(token) : null;
  if (!named) return null;
  const { session, live } = named;
  return {
    owner: { sessionId: session.id, userId: session.userId },
    read: live ? { session, startedAt } : null,
  };
}
