import { json, type ServerBuild } from "@remix-run/node";
import { RETRY_AFTER_SECONDS, UNAVAILABLE } from "../app/utils/unavailable.ts";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "../models/database-health.ts";

function wantsHtml(request: Request): boolean {
  return /\btext\/html\b/.test(request.headers.get("Accept") ?? "");
}

/**
 * The one answer when the database did not answer: 503 with Retry-After. Remix shows it on a
 * page through the root error boundary; form posts made with fetch (evidence uploads) read
 * `formError` from the JSON; a resource route opened in a tab gets a short HTML page.
 */
export function unavailableResponse(request: Request, resourceRoute: boolean): Response {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (resourceRoute && wantsHtml(request)) {
    const page =
      `<!doctype html><html lang="en-GB"><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${UNAVAILABLE.title}</title><h1>${UNAVAILABLE.title}</h1>` +
      `<p>${UNAVAILABLE.message}</p><p><a href="">Try again</a></p></html>`;
    return new Response(page, {
      status: 503,
      headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    });
  }
  return json(
    { formError: UNAVAILABLE.message, message: UNAVAILABLE.message },
    { status: 503, headers },
  );
}

function guard<A extends { request: Request }, R>(fn: (args: A) => R, resourceRoute: boolean) {
  return async (args: A): Promise<Awaited<R>> => {
    try {
      return await fn(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      reportDatabaseUnavailable(error);
      throw unavailableResponse(args.request, resourceRoute);
    }
  };
}

/**
 * The Remix build with every loader and action guarded: a database that did not answer in time
 * (driver timeouts, see server/database/connect.ts) becomes a thrown 503 response instead of a
 * 500 "Something went wrong". One place for every route; see docs/decisions/007.
 */
export function answerUnavailableDatabase(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    // A route without a component answers with its own response, not a page.
    const resourceRoute = route.module.default === undefined;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: guard(loader, resourceRoute) } : {}),
        ...(action ? { action: guard(action, resourceRoute) } : {}),
      },
    };
  }
  return { ...build, routes };
}

/** The raw HTTP answer to a /collab handshake when the database did not answer in time. */
export function unavailableUpgrade(): string {
  return (
    "HTTP/1.1 503 Service Unavailable\r\n" +
    `Retry-After: ${RETRY_AFTER_SECONDS}\r\n` +
    "Content-Type: text/plain; charset=utf-8\r\n" +
    "Connection: close\r\n\r\n" +
    UNAVAILABLE.message
  );
}
