import { HttpSession } from "./http.ts";
import { cookieFor } from "./sessions.ts";

/** A signed-in device of `userId` that has opened `path` (so it holds its form token). */
export async function deviceOf(serverUrl: string, userId: string, path = "/home") {
  const http = new HttpSession(serverUrl);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

/** Saves a validator's draft of an agreement as the meeting page does; its status and JSON body. */
export async function saveDraft(
  http: HttpSession,
  draftPath: string,
  criterionId: string,
  rationale: string,
) {
  const answer = await http.post(draftPath, {
    criterionId,
    level: "strong",
    rationale,
    basedOn: "0",
  });
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(answer.html) as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { status: answer.status, body };
}
