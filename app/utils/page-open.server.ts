import { redirect } from "@remix-run/node";

/**
 * Whether the browser is opening this address as a page (typed, followed, bookmarked), not
 * fetching it for a page's scripts. Browsers say so in `Sec-Fetch-Dest`; a client that does not
 * send it is taken to be fetching.
 */
function openedAsPage(request: Request): boolean {
  return request.headers.get("Sec-Fetch-Dest") === "document";
}

/**
 * For an address that only serves a page's scripts (JSON for a panel): someone who opens it
 * themselves is taken to the page it belongs to instead of shown raw data.
 */
export function toPageIfOpened(request: Request, page: string): void {
  if (openedAsPage(request)) throw redirect(page, { headers: { "Cache-Control": "no-store" } });
}
