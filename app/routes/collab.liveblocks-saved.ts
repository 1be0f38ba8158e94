import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import {
  liveblocksActor,
  refusal,
  requireLiveblocks,
  roomFrom,
} from "../utils/liveblocks.server.ts";

/** A browser's Yjs snapshot (state vector and deletions), base64; large documents stay small. */
const snapshot = z
  .string()
  .max(1_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * "Are my edits saved?" with Liveblocks (ADR 021): pulls the room's document over REST into
 * MongoDB (log + projection) and answers whether what is stored now covers the browser's
 * snapshot. The save indicator says "Saved" only on `durable: true`. Also the trigger that
 * brings each edit to MongoDB when no webhook does (Liveblocks' dev server sends none).
 * Only people who may write the document may ask (a pull stores whatever the room holds);
 * asks arriving together for one document share a pull (`LiveblocksBackend.pull`).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const liveblocks = requireLiveblocks(context.liveblocks);
  const actor = await liveblocksActor(request);
  if (actor instanceof Response) return actor;
  const body = await roomFrom(request, { snapshot });
  if (body instanceof Response) return body;
  try {
    const bytes = Uint8Array.from(Buffer.from(body.snapshot, "base64"));
    const durable = await liveblocks.durable(actor, body.room, bytes);
    if (durable === "no access") return refusal(403, "You do not have access to this document.");
    if (durable === "read only") {
      return refusal(403, "You may only read this document: there are no edits of yours to save.", {
        readOnly: true,
      });
    }
    return json({ durable }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // A snapshot that does not decode is the browser's mistake, not ours.
    if (error instanceof RangeError || error instanceof TypeError) {
      return refusal(400, "The snapshot could not be read.");
    }
    throw error;
  }
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
