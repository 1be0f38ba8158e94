import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { WebhookHandler } from "@liveblocks/node";
import { parseDocumentName } from "../../collab/document-name.ts";
import { refusal, requireLiveblocks } from "../utils/liveblocks.server.ts";

/**
 * Liveblocks' webhook (ADR 021): on `ydocUpdated` the room's document is pulled over REST into
 * MongoDB (log + projection). The signature is verified with LIVEBLOCKS_WEBHOOK_SECRET; a
 * missing or bad one is refused with 401 and changes nothing. Other events are acknowledged
 * and ignored. (Liveblocks' dev server sends no webhooks: see ADR 021 for what pulls then.)
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const liveblocks = requireLiveblocks(context.liveblocks);
  const secret = liveblocks.settings.webhookSecret;
  if (!secret) return refusal(401, "Webhooks are not configured.");
  const rawBody = await request.text();
  let event;
  try {
    event = new WebhookHandler(secret).verifyRequest({
      headers: Object.fromEntries(request.headers),
      rawBody,
    });
  } catch {
    return refusal(401, "The webhook signature is not valid.");
  }
  if (event.type === "ydocUpdated" && parseDocumentName(event.data.roomId)) {
    await liveblocks.pull(event.data.roomId);
    return json({ pulled: event.data.roomId });
  }
  return json({ ignored: event.type });
}

export function loader() {
  return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
}
