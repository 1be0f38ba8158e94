import { connectBaselineClient } from "./baseline-client.ts";
import { connectAll } from "./connect-all.ts";
import type { BenchClient } from "./system.ts";

/**
 * How to connect one document's clients: plain data, so that a load process (load-worker.ts)
 * can connect them without the system that made it.
 */
export interface DocumentPlan {
  name: string;
  /**
   * collab: Hocuspocus providers with our durability handshake; yjs: the unmodified y-websocket
   * client on /yjs/; baseline: the minimal y-websocket client of the bare server.
   */
  client: "collab" | "yjs" | "baseline";
  /** Its server processes: the document's clients alternate between them. */
  urls: string[];
  /** The session cookie every client sends (ours), or null. */
  cookie: string | null;
  /** Mixed: the path whose figures this document also counts toward. */
  path?: string;
}

/** Connects `count` clients to one document, a batch at a time, each synced. */
export async function connectDocument(plan: DocumentPlan, count: number): Promise<BenchClient[]> {
  if (plan.client === "yjs") {
    // Each y-websocket provider listens for the process's exit (to say goodbye): hundreds do.
    process.setMaxListeners(process.getMaxListeners() + count);
  }
  return connectAll(count, (index) => {
    const onProcess = index % plan.urls.length;
    return connectOne(plan, plan.urls[onProcess], onProcess);
  });
}

async function connectOne(
  plan: DocumentPlan,
  url: string,
  onProcess: number,
): Promise<BenchClient> {
  if (plan.client === "baseline") return connectBaselineClient(url, plan.name);
  if (plan.client === "yjs") {
    const { connectYjs } = await import("../support/yjs-client.ts");
    const client = connectYjs(url, plan.name, { cookie: plan.cookie ?? undefined });
    await client.synced;
    return {
      doc: client.doc,
      moveCursor: (index) => client.provider.awareness.setLocalStateField("cursor", { index }),
      destroy: () => client.destroy(),
    };
  }
  const { connectClient } = await import("../support/collab-client.ts");
  const client = connectClient(url, plan.name, plan.cookie);
  await Promise.all([client.authenticated, client.synced]);
  return {
    doc: client.doc,
    process: onProcess,
    moveCursor: (index) => client.provider.setAwarenessField("cursor", { index }),
    durability: {
      editCount: () => client.tracker.editCount,
      durableCount: () => client.tracker.durableCount,
      subscribe: (listener) => client.tracker.subscribe(listener),
    },
    destroy: () => client.destroy(),
  };
}
