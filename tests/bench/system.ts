import type { CommandTotals } from "./database-commands.ts";
import type { DocumentPlan } from "./document-clients.ts";
import type { LoopDelay } from "./server-loop.ts";
import type * as Y from "yjs";

/**
 * ours: Hocuspocus clients on /collab; yjs: y-websocket clients on /yjs/ of the same server;
 * mixed: that server with half the documents on each path, typed into in the same window;
 * hocuspocus: a bare in-memory Hocuspocus server for the same providers (the library's floor);
 * baseline: a bare in-memory y-websocket server.
 */
export type SystemName = "ours" | "yjs" | "mixed" | "hocuspocus" | "baseline";

/** One connected client as the load sees it, whichever server it talks to. */
export interface BenchClient {
  doc: Y.Doc;
  /** Which server process it is connected to, when there are several (0 otherwise). */
  process?: number;
  /** Publishes this client's cursor (awareness), as the editor does on every keystroke. */
  moveCursor(index: number): void;
  /** Our durability handshake; absent for the baseline, which has no such thing. */
  durability?: {
    /** Local edits so far (the number of the edit just made, right after making it). */
    editCount(): number;
    /** How many of them the server confirmed durable. */
    durableCount(): number;
    subscribe(listener: () => void): () => void;
  };
  destroy(): void;
}

/** A server under test, and how to connect each document's clients to it. */
export interface RunningSystem {
  name: SystemName;
  label: string;
  /** Processes whose CPU and memory we report, e.g. { server: pid, database: pid }. */
  pids: Record<string, number | undefined>;
  documents: DocumentPlan[];
  /** Ours: the database commands its processes have sent so far (read from /metrics). */
  databaseCommands?(): Promise<CommandTotals>;
  /** Ours: each server process's event-loop delay since its /metrics was last read. */
  loopDelay?(): Promise<LoopDelay[]>;
  /** Stops everything this system started (the clients are the load processes'). */
  stop(): Promise<void>;
}
