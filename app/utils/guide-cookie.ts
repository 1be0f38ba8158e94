// Who, in this browser, has done with the evaluation page's "How this works" (put it away, or
// judged a criterion): their user ids in one cookie, so the page is served with the guide or
// without it (no guide flashing up, or away, as scripts start). Nothing secret is in it: it only
// changes what the page shows first, and anyone can open the guide again.

export const GUIDE_COOKIE = "qm_guide_done";
/** People remembered per browser (a shared staffroom computer): the oldest are forgotten first. */
const KEPT = 20;
const USER_ID = /^[0-9a-f]{24}$/;

function idsIn(cookies: string | null | undefined): string[] {
  for (const part of (cookies ?? "").split(";")) {
    const [name, value = ""] = part.trim().split("=");
    if (name === GUIDE_COOKIE) return value.split(".").filter((id) => USER_ID.test(id));
  }
  return [];
}

/** Whether `userId` has done with the guide, by the request's (or the document's) cookies. */
export function guideDoneFor(cookies: string | null | undefined, userId: string): boolean {
  return idsIn(cookies).includes(userId);
}

/** Remembers in this browser that `userId` has done with the guide (browser only). */
export function rememberGuideDone(userId: string): void {
  if (!USER_ID.test(userId) || guideDoneFor(document.cookie, userId)) return;
  const ids = [...idsIn(document.cookie), userId].slice(-KEPT);
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  // 400 days: the longest a browser keeps a cookie.
  document.cookie = `${GUIDE_COOKIE}=${ids.join(".")}; Path=/; Max-Age=34560000; SameSite=Lax${secure}`;
}
