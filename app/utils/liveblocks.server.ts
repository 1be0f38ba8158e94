import { json } from "@remix-run/node";
import { z } from "zod";
import { CLOSE } from "../../collab/close-codes.ts";
import { parseDocumentName } from "../../collab/document-name.ts";
import type { LiveblocksBackend } from "../../collab/liveblocks/backend.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { getSignedIn } from "./auth.server.ts";

/** Liveblocks' endpoints answer only when it is the backend (ADR 021); else they are not there. */
export function requireLiveblocks(backend: LiveblocksBackend | null): LiveblocksBackend {
  if (!backend) throw json({ error: "not found" }, { status: 404 });
  return backend;
}

/** The refusal every Liveblocks endpoint gives: no token, nothing stored, a reason to show. */
export function refusal(
  status: 400 | 401 | 403,
  reason: string,
  extra: { sessionEnded?: true; readOnly?: true } = {},
): Response {
  return json(
    { error: "forbidden", reason, ...extra },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

/**
 * The signed-in person asking (a session fully signed in), or a 403 refusal that says the
 * session has ended: the browser's Liveblocks room leaves its rooms on it (ADR 021).
 */
export async function liveblocksActor(request: Request): Promise<Actor | Response> {
  const signedIn = await getSignedIn(request);
  return signedIn
    ? signedIn.actor
    : refusal(403, CLOSE.sessionEnded.reason, { sessionEnded: true });
}

const roomBody = z.object({
  room: z.string().refine((name) => parseDocumentName(name) !== null, "Not a document name"),
});

/** The JSON body naming one of our documents, or a 400. */
export async function roomFrom<T extends z.ZodRawShape>(
  request: Request,
  extra: T,
): Promise<(z.infer<typeof roomBody> & z.infer<z.ZodObject<T>>) | Response> {
  const body = (await request.json().catch(() => null)) as unknown;
  const parsed = roomBody.extend(extra).safeParse(body);
  if (!parsed.success) return refusal(400, "The request does not name a document.");
  return parsed.data as z.infer<typeof roomBody> & z.infer<z.ZodObject<T>>;
}
