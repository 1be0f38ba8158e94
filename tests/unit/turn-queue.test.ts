import { describe, expect, it } from "vitest";
import { TurnQueue } from "../../collab/turn-queue.ts";

/** A write that records when it ran and finishes when the test says so. */
function writes() {
  let running = 0;
  let most = 0;
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const write =
    (label: string, fail = false) =>
    async () => {
      running += 1;
      most = Math.max(most, running);
      started.push(label);
      await new Promise<void>((resolve) => finish.set(label, resolve));
      running -= 1;
      if (fail) throw new Error(`${label} failed`);
    };
  return {
    write,
    started,
    done: (label: string) => finish.get(label)?.(),
    get most() {
      return most;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("the turn queue", () => {
  it("runs at most its concurrency of writes at once across documents, then the rest", async () => {
    const queue = new TurnQueue(2);
    const w = writes();
    const all = ["a", "b", "c", "d", "e"].map((doc) => queue.schedule(doc, w.write(doc)));
    await settle();
    expect(w.started).toEqual(["a", "b"]);
    w.done("a");
    await settle();
    expect(w.started).toEqual(["a", "b", "c"]);
    for (const doc of ["b", "c", "d", "e"]) {
      w.done(doc);
      await settle();
    }
    await Promise.all(all);
    expect(w.started).toEqual(["a", "b", "c", "d", "e"]);
    expect(w.most).toBe(2);
    expect(queue.documents).toBe(0);
  });

  it("never overlaps two writes of one document, and runs them in the order scheduled", async () => {
    const queue = new TurnQueue(4);
    const w = writes();
    const first = queue.schedule("a", w.write("a1"));
    await settle();
    // a1 has started; a2 is scheduled behind it (a store after a1 read the document).
    const second = queue.schedule("a", w.write("a2"));
    await settle();
    expect(w.started).toEqual(["a1"]);
    w.done("a1");
    await first;
    await settle();
    expect(w.started).toEqual(["a1", "a2"]);
    w.done("a2");
    await second;
    expect(w.most).toBe(1);
  });

  it("folds stores made while a document's write waits into that write", async () => {
    const queue = new TurnQueue(1);
    const w = writes();
    const busy = queue.schedule("other", w.write("other"));
    const joined = [1, 2, 3].map((n) => queue.schedule("a", w.write(`a${n}`)));
    expect(joined[1]).toBe(joined[0]);
    expect(joined[2]).toBe(joined[0]);
    await settle();
    w.done("other");
    await busy;
    await settle();
    w.done("a1");
    await Promise.all(joined);
    expect(w.started).toEqual(["other", "a1"]);
  });

  it("goes on after a failed write, and its caller hears of the failure", async () => {
    const queue = new TurnQueue(1);
    const w = writes();
    const failing = queue.schedule("a", w.write("a1", true));
    const next = queue.schedule("b", w.write("b1"));
    await settle();
    w.done("a1");
    await expect(failing).rejects.toThrow("a1 failed");
    await settle();
    w.done("b1");
    await next;
    expect(w.started).toEqual(["a1", "b1"]);
    expect(queue.documents).toBe(0);
  });

  it("is idle only once every write has run, those scheduled while it waited included", async () => {
    const queue = new TurnQueue(1);
    const w = writes();
    void queue.schedule("a", w.write("a1")).catch(() => {});
    let idle = false;
    const waiting = queue.idle().then(() => (idle = true));
    await settle();
    void queue.schedule("b", w.write("b1", true)).catch(() => {});
    w.done("a1");
    await settle();
    expect(idle).toBe(false);
    w.done("b1");
    await waiting;
    expect(w.started).toEqual(["a1", "b1"]);
    expect(queue.documents).toBe(0);
    // Nothing scheduled: idle at once.
    await queue.idle();
  });
});
