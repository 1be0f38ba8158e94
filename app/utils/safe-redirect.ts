// A placeholder origin to resolve targets against: only its sameness matters, never its name.
const OWN_ORIGIN = "http://this-site.invalid";

// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/evil.example" and
// "/\evil.example" become "//evil.example": another site. Refused raw or percent-encoded.
const DISGUISES = /[\u0000-\u001f\u007f\\]/;

/**
 * A redirect target that stays on this site (open-redirect safe): the target resolved against
 * our own origin must keep that origin, and what is returned is its normalised
 * path + query + fragment, never anything a browser could read as another host. Anything
 * else (absolute or protocol-relative URLs, `javascript:`, control characters, backslashes,
 * encoded slashes that would start with "//") gives `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (DISGUISES.test(decoded) || decoded.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can normalise into "//host" ("/.//evil.example").
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  return target;
}
