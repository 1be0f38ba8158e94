import { describe, expect, it } from "vitest";
import { upsertRacing } from "../../models/errors.ts";

// An upsert that loses the race to insert its key runs again as an update. Under three saves of
// one draft at once it can lose twice: the first winner's record deleted (its save refused and
// cleared) before the retry, which then races a third insert. A save of 20 racing an
// unassignment answered 500 that way (tests/integration/agreement-draft-unassign.test.ts).

const duplicate = () => Object.assign(new Error("E11000 duplicate key"), { code: 11000 });

/** A write that loses `losses` races, then succeeds; counts its runs. */
function writeLosing(losses: number) {
  let runs = 0;
  const write = async () => {
    runs++;
    if (runs <= losses) throw duplicate();
    return "written";
  };
  return { write, runs: () => runs };
}

describe("upsertRacing", () => {
  it("runs again after losing the race twice, and writes", async () => {
    const racing = writeLosing(2);
    expect(await upsertRacing(racing.write)).toBe("written");
    expect(racing.runs()).toBe(3);
  });

  it("gives up, with the duplicate, after five runs that all lost", async () => {
    const racing = writeLosing(100);
    await expect(upsertRacing(racing.write)).rejects.toMatchObject({ code: 11000 });
    expect(racing.runs()).toBe(5);
  });

  it("throws any other error at once", async () => {
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error("connection closed");
    };
    await expect(upsertRacing(failing)).rejects.toThrow("connection closed");
    expect(runs).toBe(1);
  });
});
