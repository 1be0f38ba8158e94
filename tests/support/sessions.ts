import { createSession } from "../../models/session/session.ts";
import { sessionCookie } from "../../app/utils/session.server.ts";

/** A Cookie header value signing `userId` in, exactly as the sign-in action would. */
export async function cookieFor(userId: string): Promise<string> {
  const { token } = await createSession(userId, "test");
  const setCookie = await sessionCookie().serialize(token);
  return setCookie.split(";")[0];
}
