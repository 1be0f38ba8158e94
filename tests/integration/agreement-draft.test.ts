import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgreementDraftModel, agreementDraftId } from "../../models/validation/agreement-draft.ts";
import { saveMeetingSchedule } from "../../models/validation/meeting.ts";
import type { Validation } from "../../models/validation/validation.ts";
import type { AppServer } from "../../server/app.ts";
import { deviceOf as openDevice, postDraft } from "../support/agreement-draft-http.ts";
import { useTestDatabase } from "../support/database.ts";
import { buildUser, buildValidation, buildWorld } from "../support/factories.ts";
import type { HttpSession } from "../support/http.ts";
import { startTestServer } from "../support/server.ts";

// The validator's draft of an agreement (level and rationale not yet recorded), kept on the
// server so that it follows them from one device to another: theirs alone, checked like the
// agreement it becomes, and gone once that agreement is recorded.

useTestDatabase();
let server: AppServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let validation: Validation;
let meetingPath: string;
let draftPath: string;
let otherValidatorId: string;

// On the agenda first, so the meeting page draws its agreement form on the server.
const ITEM = { id: "incl-1", code: "2.1" };

/** A device of `userId`'s, signed in afresh (its own cookies), with a form token. */
const deviceOf = (userId: string) => openDevice(server.url, userId);
/** Posts a draft of the item's agreement (another criterion where `fields` says so). */
const saveDraft = (http: HttpSession, fields: Record<string, string>) =>
  postDraft(http, draftPath, { criterionId: ITEM.id, ...fields });

const stored = (userId = world.people.validator.id, criterionId = ITEM.id) =>
  AgreementDraftModel.findOne({
    _id: agreementDraftId(validation.id, criterionId, userId),
  }).lean();

/** What the meeting page's agreement form for the item holds: the rationale and the level. */
function formOf(html: string) {
  const text = new RegExp(`<textarea[^>]*id="rationale-${ITEM.id}"[^>]*>([^<]*)</textarea>`).exec(
    html,
  );
  const checked = /<input[^>]*name="level"[^>]*>/g;
  const level = [...html.matchAll(checked)]
    .map((m) => m[0])
    .find((input) => / checked=""/.test(input));
  return {
    shown: text !== null,
    rationale: text?.[1] ?? null,
    level: level ? (/value="([^"]*)"/.exec(level)?.[1] ?? null) : null,
  };
}

beforeAll(async () => {
  world = await buildWorld();
  validation = await buildValidation(
    world.evaluation,
    [world.people.validator.id],
    world.people.trustAdmin.id,
  );
  // A validator of the same trust, not assigned to this validation.
  otherValidatorId = (await buildUser("validator", world.trust, undefined, "Olu Other")).id;
  await saveMeetingSchedule(
    validation,
    {
      scheduledAt: new Date(Date.now() - 60_000),
      videoLink: "https://meet.example.org/validation",
      agendaCriterionIds: [ITEM.id],
    },
    Object.keys(world.evaluation.levelsByCriterion),
    world.people.validator.id,
  );
  server = await startTestServer();
  meetingPath = `/validations/${validation.id}/meeting`;
  draftPath = `/validations/${validation.id}/agreement-draft`;
});
afterAll(() => server.close());

describe("the validator's draft of an agreement", () => {
  it("is saved as they type and opens with the meeting on another device, level and all", async () => {
    const laptop = await deviceOf(world.people.validator.id);
    const first = await saveDraft(laptop, {
      level: "strong",
      rationale: "Plans are reviewed each",
      basedOn: "0",
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ intent: "draft", done: true });
    // Saved again as the typing goes on: the same draft, now longer (an upsert, not a second one).
    const second = await saveDraft(laptop, {
      level: "strong",
      rationale: "Plans are reviewed each term and acted on ",
      basedOn: "0",
      // Whose draft it is comes from the session, whatever the form says.
      userId: otherValidatorId,
    });
    expect(second.status).toBe(200);
    const draft = await stored();
    expect(draft).toMatchObject({
      criterionId: ITEM.id,
      level: "strong",
      rationale: "Plans are reviewed each term and acted on ",
      basedOn: 0,
    });
    expect(String(draft!.userId)).toBe(world.people.validator.id);
    expect(String(draft!.validationId)).toBe(validation.id);
    expect(await AgreementDraftModel.countDocuments({ criterionId: ITEM.id })).toBe(1);
    expect(await stored(otherValidatorId)).toBeNull();
    const savedAt = (second.body as { draft: { updatedAt: string } }).draft.updatedAt;
    expect(new Date(savedAt).getTime()).toBe(draft!.updatedAt.getTime());

    // The tablet: another sign-in, nothing in its browser. The meeting opens with the draft.
    const tablet = await deviceOf(world.people.validator.id);
    const page = await tablet.get(meetingPath);
    expect(page.status).toBe(200);
    expect(formOf(page.html)).toEqual({
      shown: true,
      rationale: "Plans are reviewed each term and acted on ",
      level: "strong",
    });

    // A level taken back and the text emptied: no draft is left.
    const emptied = await saveDraft(tablet, { level: "", rationale: "", basedOn: "0" });
    expect(emptied.status).toBe(200);
    expect(emptied.body).toMatchObject({ draft: null });
    expect(await stored()).toBeNull();
    expect(formOf((await tablet.get(meetingPath)).html)).toEqual({
      shown: true,
      rationale: "",
      level: null,
    });
  });

  it("keeps one draft when twenty saves of a first draft arrive at once", async () => {
    const laptop = await deviceOf(world.people.validator.id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveDraft(laptop, { level: "expected", rationale: `Typed ${i}`, basedOn: "0" }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(await AgreementDraftModel.countDocuments({ criterionId: ITEM.id })).toBe(1);
    expect((await stored())?.rationale).toMatch(/^Typed \d+$/);
  });

  it("is the validator's alone: the school's head and another validator are refused and change nothing", async () => {
    const laptop = await deviceOf(world.people.validator.id);
    await saveDraft(laptop, { level: "strong", rationale: "Mine, not yet agreed", basedOn: "0" });
    const before = await stored();
    const count = await AgreementDraftModel.countDocuments();

    // The school's head reads the validation, but may not draft its agreements.
    const head = await deviceOf(world.people.schoolLeader.id);
    const byHead = await saveDraft(head, {
      level: "exceptional",
      rationale: "We think exceptional",
      basedOn: "0",
    });
    expect(byHead.status).toBe(403);
    expect(byHead.body).toMatchObject({
      formError: "Only the assigned validators keep a draft of an agreed judgement.",
    });
    // Nor does their meeting page show them the validator's draft.
    const headsPage = (await head.get(meetingPath)).html;
    expect(headsPage).not.toContain("Mine, not yet agreed");
    expect(formOf(headsPage).shown).toBe(false);

    // A trust leader observes: refused too.
    const observer = await deviceOf(world.people.trustLeader.id);
    expect(
      (await saveDraft(observer, { level: "strong", rationale: "Observed", basedOn: "0" })).status,
    ).toBe(403);

    // A validator not assigned to this validation does not even find it.
    const other = await deviceOf(otherValidatorId);
    const byOther = await saveDraft(other, {
      level: "strong",
      rationale: "Someone else's view",
      basedOn: "0",
    });
    expect(byOther.status).toBe(404);
    expect((await other.get(meetingPath)).status).toBe(404);

    expect(await AgreementDraftModel.countDocuments()).toBe(count);
    expect(await stored()).toEqual(before);
    for (const id of [world.people.schoolLeader.id, world.people.trustLeader.id, otherValidatorId])
      expect(await stored(id)).toBeNull();
  });

  it("answers bad input with 400 and the field's message, and keeps the draft as it was", async () => {
    const laptop = await deviceOf(world.people.validator.id);
    await saveDraft(laptop, { level: "strong", rationale: "Before the bad input", basedOn: "0" });
    const before = await stored();
    const count = await AgreementDraftModel.countDocuments();
    const cases: [Record<string, string>, string, string][] = [
      [
        { criterionId: "no-such-criterion", level: "strong", rationale: "x", basedOn: "0" },
        "criterionId",
        "Choose a criterion of this evaluation.",
      ],
      [
        { criterionId: "../../etc", level: "strong", rationale: "x", basedOn: "0" },
        "criterionId",
        "Choose a criterion of this evaluation.",
      ],
      [
        { level: "outstanding", rationale: "Not a level of the scale", basedOn: "0" },
        "level",
        "Choose a level of this criterion's scale.",
      ],
      [
        // Safeguarding's scale is Met / Not met: a level of another scale is not in it.
        { criterionId: "sg-1", level: "strong", rationale: "Wrong scale", basedOn: "0" },
        "level",
        "Choose a level of this criterion's scale.",
      ],
      [
        { level: "strong", rationale: "a".repeat(2001), basedOn: "0" },
        "rationale",
        "Keep the rationale under 2,000 characters.",
      ],
      [
        { level: "strong", rationale: "Based on nothing", basedOn: "-1" },
        "basedOn",
        "Reload the page and try again.",
      ],
    ];
    for (const [fields, field, message] of cases) {
      const answer = await saveDraft(laptop, fields);
      expect(answer.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(answer.body).toMatchObject({ fieldErrors: { [field]: message } });
    }
    expect(await stored()).toEqual(before);
    expect(await AgreementDraftModel.countDocuments()).toBe(count);
    // As long as the agreement allows (2,000 characters once trimmed) is fine.
    const longest = `${"a".repeat(2000)}  `;
    expect((await saveDraft(laptop, { level: "", rationale: longest, basedOn: "0" })).status).toBe(
      200,
    );
    expect((await stored())?.rationale).toBe(longest);
  });

  it("goes in the same command that records the agreement, and stays while the agreement is refused", async () => {
    const laptop = await deviceOf(world.people.validator.id);
    await saveDraft(laptop, {
      level: "strong",
      rationale: "Plans are reviewed and acted on every term",
      basedOn: "0",
    });
    await laptop.get(meetingPath);
    // Refused (too short a rationale): nothing is recorded, the draft stays.
    const refused = await laptop.post(meetingPath, {
      intent: "agree",
      criterionId: ITEM.id,
      level: "strong",
      rationale: "ok",
      basedOn: "0",
    });
    expect(refused.status).toBe(400);
    expect((await stored())?.rationale).toBe("Plans are reviewed and acted on every term");

    const agreed = await laptop.post(meetingPath, {
      intent: "agree",
      criterionId: ITEM.id,
      level: "strong",
      rationale: "Plans are reviewed and acted on every term",
      basedOn: "0",
    });
    expect(agreed.status).toBe(200);
    expect(await stored()).toBeNull();
    // The next device opens a correction form with nothing in it.
    const tablet = await deviceOf(world.people.validator.id);
    const form = formOf((await tablet.get(meetingPath)).html);
    expect(form).toEqual({ shown: true, rationale: "", level: null });
  });
});
