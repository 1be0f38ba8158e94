import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { evidenceField, judgementsOf, narrativeField } from "../../collab/shapes/evaluation.ts";
import {
  addAction,
  addForce,
  actionsOf,
  readActions,
  readForces,
} from "../../collab/shapes/plan.ts";
import { copyForRenewal } from "../../collab/shapes/renewal.ts";

function paragraph(doc: Y.Doc, field: string, text: string) {
  const p = new Y.XmlElement("paragraph");
  const t = new Y.XmlText();
  p.insert(0, [t]);
  doc.getXmlFragment(field).push([p]);
  t.insert(0, text, { bold: true });
}

function lastCycle() {
  const doc = new Y.Doc();
  doc.transact(() => {
    judgementsOf(doc).set("kept", "strong");
    judgementsOf(doc).set("reworded", "expected");
    judgementsOf(doc).set("rescaled", "gold");
    judgementsOf(doc).set("removed", "strong");
    paragraph(doc, narrativeField("kept"), "Inclusion is led well");
    paragraph(doc, evidenceField("kept"), "SEND audit 2024");
    paragraph(doc, narrativeField("reworded"), "Curriculum mapped");
    paragraph(doc, narrativeField("removed"), "Gone next time");
  });
  const helping = addForce(doc, "kept", "helping", "Strong SENCO", 4);
  const hindering = addForce(doc, "kept", "hindering", "Staff turnover", 3);
  const elsewhere = addForce(doc, "removed", "hindering", "Old issue", 2);
  const action = addAction(doc, "kept", "Induction for new staff");
  const ids = actionsOf(doc).get(action)!.get("forceIds") as Y.Array<string>;
  ids.push([hindering, elsewhere]);
  addAction(doc, "removed", "Dropped with its criterion");
  return { doc, helping, hindering, elsewhere, action };
}

const scope = {
  levelsByCriterion: {
    kept: ["needsAttention", "expected", "strong"],
    reworded: ["needsAttention", "expected", "strong"],
    rescaled: ["bronze", "silver"],
    added: ["needsAttention", "expected", "strong"],
  },
  freshJudgementOf: ["reworded"],
};

describe("copying the last cycle into a renewal", () => {
  it("carries judgements, rich text, forces and actions of the criteria that remain", () => {
    const old = lastCycle();
    const renewal = new Y.Doc();
    const copied = copyForRenewal(old.doc, renewal, scope);

    expect(judgementsOf(renewal).toJSON()).toEqual({ kept: "strong" });
    expect(renewal.getXmlFragment(narrativeField("kept")).toString()).toBe(
      "<paragraph><bold>Inclusion is led well</bold></paragraph>",
    );
    expect(renewal.getXmlFragment(evidenceField("kept")).toString()).toContain("SEND audit 2024");
    // Reworded: its text carries over, its judgement waits for a fresh look.
    expect(renewal.getXmlFragment(narrativeField("reworded")).toString()).toContain(
      "Curriculum mapped",
    );
    expect(renewal.getXmlFragment(narrativeField("removed")).length).toBe(0);

    // Order keys are per side, so helping and hindering factors are compared by side.
    const forces = readForces(renewal).map((f) => [f.side, f.id, f.text, f.strength]);
    expect(forces.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["helping", old.helping, "Strong SENCO", 4],
      ["hindering", old.hindering, "Staff turnover", 3],
    ]);
    const actions = readActions(renewal);
    expect(actions.map((a) => a.what)).toEqual(["Induction for new staff"]);
    expect(actions[0].forceIds).toEqual([old.hindering]);
    expect(copied).toEqual({ judgements: 1, fragments: 3, forces: 2, actions: 1 });
  });

  it("starts from the judgement agreed in validation where there is one, else the school's own", () => {
    const old = lastCycle();
    const renewal = new Y.Doc();
    copyForRenewal(old.doc, renewal, {
      ...scope,
      // "kept": the school said strong, validation agreed expected. "reworded" waits regardless.
      agreed: { kept: "expected", reworded: "strong", removed: "expected" },
    });
    expect(judgementsOf(renewal).toJSON()).toEqual({ kept: "expected" });

    const unvalidated = new Y.Doc();
    copyForRenewal(old.doc, unvalidated, { ...scope, agreed: {} });
    expect(judgementsOf(unvalidated).toJSON()).toEqual({ kept: "strong" });
  });

  it("leaves the last cycle untouched and shares nothing with it", () => {
    const old = lastCycle();
    const before = Y.encodeStateVector(old.doc);
    const renewal = new Y.Doc();
    copyForRenewal(old.doc, renewal, scope);
    renewal.getXmlFragment(narrativeField("kept")).delete(0, 1);
    expect(old.doc.getXmlFragment(narrativeField("kept")).toString()).toContain(
      "Inclusion is led well",
    );
    expect(Y.encodeStateVector(old.doc)).toEqual(before);
  });

  it("is safe to repeat: nothing is duplicated or overwritten", () => {
    const old = lastCycle();
    const renewal = new Y.Doc();
    copyForRenewal(old.doc, renewal, scope);
    judgementsOf(renewal).set("kept", "expected");
    expect(copyForRenewal(old.doc, renewal, scope)).toEqual({
      judgements: 0,
      fragments: 0,
      forces: 0,
      actions: 0,
    });
    expect(judgementsOf(renewal).get("kept")).toBe("expected");
    expect(renewal.getXmlFragment(narrativeField("kept")).length).toBe(1);
  });

  it("travels as an update, like the change the server broadcasts", () => {
    const old = lastCycle();
    const renewal = new Y.Doc();
    copyForRenewal(old.doc, renewal, scope);
    const browser = new Y.Doc();
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(renewal));
    expect(browser.getXmlFragment(narrativeField("kept")).toString()).toContain(
      "Inclusion is led well",
    );
    expect(readActions(browser)[0].forceIds).toEqual([old.hindering]);
  });
});
