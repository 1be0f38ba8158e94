import { describe, expect, it } from "vitest";
import {
  DOCUMENT_KINDS,
  clientsMayWrite,
  documentName,
  parseDocumentName,
} from "../../collab/document-name.ts";

const ID = "0123456789abcdef01234567";

describe("parseDocumentName", () => {
  it.each(["evaluation", "discussion", "meeting", "record", "workspace", "framework"])(
    "accepts %s.<id>",
    (kind) => {
      expect(parseDocumentName(`${kind}.${ID}`)).toEqual({ kind, id: ID });
    },
  );

  it.each([
    "",
    "evaluation",
    `evaluation.`,
    `evaluation.${ID}0`,
    `evaluation.${ID.slice(1)}`,
    `evaluation.${ID.toUpperCase()}`,
    `Evaluation.${ID}`,
    `notes.${ID}`,
    `evaluation.${ID}\0session`,
    ` evaluation.${ID}`,
    `evaluation..${ID}`,
    `evaluation.${ID}/../x`,
  ])("refuses %j", (name) => {
    expect(parseDocumentName(name)).toBeNull();
  });

  it("refuses things that are not strings", () => {
    expect(parseDocumentName(undefined)).toBeNull();
    expect(parseDocumentName({ toString: () => `evaluation.${ID}` })).toBeNull();
  });

  it("builds names only from valid ids", () => {
    expect(documentName("meeting", ID)).toBe(`meeting.${ID}`);
    expect(() => documentName("meeting", "x")).toThrow();
  });
});

describe("clientsMayWrite", () => {
  it("keeps the record and the discussion for the server alone", () => {
    expect(DOCUMENT_KINDS.filter((kind) => !clientsMayWrite(kind))).toEqual([
      "discussion",
      "record",
    ]);
  });
});
