import { HttpSession } from "./http.ts";
import { cookieFor } from "./sessions.ts";

/** A signed-in device of `userId` that has opened `path` (so it holds its form token). */
export async function deviceOf(serverUrl: string, userId: string, path = "/home") {
  const http = new HttpSession(serverUrl);
  http.setCookie(await cookieFor(userId));
  await http.get(path);
  return http;
}

/** Posts a draft of an agreement with these fields, as they are; its status and JSON body. */
export async function postDraft(
  http: HttpSession,
  draftPath: string,
  fields: Record<string, string>,
) {
  const answer = await http.post(draftPath, fields);
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(answer.html) as Record<string, unknown>;
  } catch {
    body = null;
  }
  return { status: answer.status, body };
}

/** Saves a validator's draft of an agreement as the meeting page does; its status and JSON body. */
export function saveDraft(
  http: HttpSession,
  draftPath: string,
  criterionId: string,
  rationale: string,
) {
  return postDraft(http, draftPath, { criterionId, level: "strong", rationale, basedOn: "0" });
}
