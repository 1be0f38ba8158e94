import type { ActionFunctionArgs } from "@remix-run/node";
import {
  liveblocksActor,
  refusal,
  requireLiveblocks,
  roomFrom,
} from "../utils/liveblocks.server.ts";

/**
 * Liveblocks' auth endpoint (ADR 021): the browser's Liveblocks client asks here before it
 * enters a room. Our one policy path decides (collab/document-access.ts → `can`); a read-only
 * person's room permission is read + presence; a refused document gets no token (403). The
 * ID token carries name, colour and role as user info, so presence identity is the server's.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const liveblocks = requireLiveblocks(context.liveblocks);
  const actor = await liveblocksActor(request);
  if (actor instanceof Response) return actor;
  const body = await roomFrom(request, {});
  if (body instanceof Response) return body;
  const answer = await liveblocks.authorize(actor, body.room);
  if (answer.status === 403) return refusal(403, "reason" in answer ? answer.reason : "Forbidden");
  return new Response("body" in answer ? answer.body : "", {
    status: answer.status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
