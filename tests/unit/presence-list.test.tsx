import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PresenceList } from "../../app/collab/presence-list.tsx";
import type { Present } from "../../app/collab/use-presence.ts";

const person = (over: Partial<Present>): Present => ({
  clientId: 1,
  userId: "u1",
  name: "Priya Shah",
  role: "Validator",
  colour: "#224488",
  observing: false,
  focus: null,
  isMe: false,
  ...over,
});

/** The visible detail line under each name (null where there is none). */
function detailsOf(present: Present[], where: string | null = null): (string | null)[] {
  const html = renderToStaticMarkup(<PresenceList present={present} describeFocus={() => where} />);
  const items = html.split('<li class="presence-person"').slice(1);
  return items.map((item) => /class="presence-detail">([^<]*)</.exec(item)?.[1] ?? null);
}

describe("the presence list", () => {
  it("joins role, observing and where someone works with one separator each", () => {
    expect(detailsOf([person({ observing: true })], "judging 2.1")).toEqual([
      "Validator · observing · judging 2.1",
    ]);
  });

  it("never starts a line with a bare separator when the role is not known", () => {
    expect(detailsOf([person({ role: "", observing: true })])).toEqual(["observing"]);
    expect(detailsOf([person({ role: "" })], "judging 2.1")).toEqual(["judging 2.1"]);
  });

  it("shows no empty detail line when there is nothing to say", () => {
    expect(detailsOf([person({ role: "" })])).toEqual([null]);
  });

  it("names the person, role and state for assistive technology in the same order", () => {
    const html = renderToStaticMarkup(
      <PresenceList
        present={[person({ role: "", observing: true, isMe: true })]}
        describeFocus={() => null}
      />,
    );
    expect(html).toContain('title="Priya Shah (you), observing"');
  });
});
