import { stampEditor } from "../models/document-log/editors.ts";
import type { CollabContext } from "./context.ts";

/** At most one stamp per person and document in this long (the last edit is stamped after it). */
export const STAMP_WINDOW_MS = 30_000;

/** The person whose connection sent an update, or null (the server, another process, a test). */
export function editorOf(origin: unknown): string | null {
  const o = origin as { source?: string; connection?: { context?: CollabContext } } | null;
  if (!o || o.source !== "connection") return null;
  return o.connection?.context?.owner?.userId ?? null;
}

/**
 * Stamps who edits a document (models/document-log/editors.ts) off the per-edit path: the first
 * edit of a person is stamped at once, later ones at most once per window (the latest time, at
 * the window's end), so typing costs one small write per person per half minute, not one per
 * keystroke. A failed stamp is logged and forgotten: it is a hint for "What's new", not a record.
 */
export class EditorStamps {
  private last = new Map<string, number>();
  private waiting = new Map<string, { at: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly window = STAMP_WINDOW_MS,
    private readonly onError: (error: unknown) => void = console.error,
    private readonly stamp: (
      documentName: string,
      userId: string,
      at: Date,
    ) => Promise<void> = stampEditor,
  ) {}

  note(documentName: string, userId: string, now = Date.now()): void {
    const key = `${documentName}\n${userId}`;
    const pending = this.waiting.get(key);
    if (pending) {
      pending.at = now;
      return;
    }
    const last = this.last.get(key);
    if (last === undefined || now - last >= this.window) {
      this.write(key, now);
      return;
    }
    const timer = setTimeout(
      () => {
        const at = this.waiting.get(key)?.at ?? now;
        this.waiting.delete(key);
        this.write(key, at);
      },
      last + this.window - now,
    );
    timer.unref?.();
    this.waiting.set(key, { at: now, timer });
  }

  private write(key: string, at: number): Promise<void> {
    this.last.set(key, at);
    const [documentName, userId] = key.split("\n");
    return this.stamp(documentName, userId, new Date(at)).catch(this.onError);
  }

  /** Writes every waiting stamp now (on shutdown). */
  async flush(): Promise<void> {
    const waiting = [...this.waiting.entries()];
    this.waiting.clear();
    await Promise.all(
      waiting.map(([key, { at, timer }]) => {
        clearTimeout(timer);
        return this.write(key, at);
      }),
    );
  }
}
