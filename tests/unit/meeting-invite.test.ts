import { describe, expect, it } from "vitest";
import { meetingInvite } from "../../models/validation/meeting-invite.ts";

const base = {
  validationId: "65a1b2c3d4e5f6a7b8c9d0e1",
  schoolName: "St Mary's Church of England Primary School, Riverside; Upper Site",
  meetingUrl: "https://marks.example.org/validations/65a1b2c3d4e5f6a7b8c9d0e1/meeting",
  host: "marks.example.org",
};
const schedule = {
  scheduledAt: new Date("2026-07-02T09:30:00Z"),
  durationMinutes: 90,
  videoLink: "https://meet.example.org/abc-defg-hij?pwd=1,2;3",
  sequence: 0,
};

/** The content lines, unfolded (RFC 5545 §3.1: CRLF followed by one space or tab continues). */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
}
const field = (ics: string, name: string) =>
  unfold(ics)
    .find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    ?.slice(name.length + 1);

describe("the meeting's calendar invitation", () => {
  it("is one VEVENT in UTC with a stable UID, the school in its summary and the links in its description", () => {
    const ics = meetingInvite({ ...base, schedule });
    const lines = unfold(ics);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-1)).toBe("END:VCALENDAR");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(field(ics, "UID")).toBe("validation-meeting-65a1b2c3d4e5f6a7b8c9d0e1@marks.example.org");
    expect(field(ics, "DTSTART")).toBe("20260702T093000Z");
    expect(field(ics, "DTEND")).toBe("20260702T110000Z");
    expect(field(ics, "DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(field(ics, "SEQUENCE")).toBe("0");
    // Commas and semicolons in text are escaped.
    expect(field(ics, "SUMMARY")).toBe(
      "Validation meeting: St Mary's Church of England Primary School\\, Riverside\\; Upper Site",
    );
    expect(field(ics, "LOCATION")).toBe("https://meet.example.org/abc-defg-hij?pwd=1\\,2\\;3");
    const description = field(ics, "DESCRIPTION")!;
    expect(description).toContain("https://meet.example.org/abc-defg-hij?pwd=1\\,2\\;3");
    expect(description).toContain(base.meetingUrl);
  });

  it("folds every line to 75 octets and ends lines with CRLF", () => {
    const ics = meetingInvite({ ...base, schedule });
    expect(ics).toContain("\r\n");
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/\n/);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // The long description was folded, not cut.
    expect(ics.split("\r\n").some((l) => /^[ \t]/.test(l))).toBe(true);
  });

  it("keeps the UID and raises SEQUENCE when the meeting is rescheduled", () => {
    const first = meetingInvite({ ...base, schedule });
    const moved = meetingInvite({
      ...base,
      schedule: { ...schedule, scheduledAt: new Date("2026-07-03T13:00:00Z"), sequence: 1 },
    });
    expect(field(moved, "UID")).toBe(field(first, "UID"));
    expect(Number(field(moved, "SEQUENCE"))).toBeGreaterThan(Number(field(first, "SEQUENCE")));
    expect(field(moved, "DTSTART")).toBe("20260703T130000Z");
  });
});

describe("the shared meeting parts (ADR 022)", () => {
  it("counts a change of time, length or link as a reschedule, and nothing else", async () => {
    const { nextSequence } = await import("../../models/meeting/schedule.ts");
    const before = { ...schedule, sequence: 2 };
    expect(nextSequence(null, schedule)).toBe(0);
    expect(nextSequence(before, schedule)).toBe(2);
    expect(nextSequence(before, { ...schedule, durationMinutes: 60 })).toBe(3);
    expect(nextSequence(before, { ...schedule, videoLink: "https://meet.example.org/x" })).toBe(3);
  });

  it("a workspace meeting's invitation carries its agenda after the links", async () => {
    const { calendarInvite, inviteFileName } = await import("../../models/meeting/invite.ts");
    const ics = calendarInvite({
      uid: "workspace-meeting-65a1b2c3d4e5f6a7b8c9d0e1",
      productId: "quality-marks/workspace-meeting",
      title: "Phonics review (Reading together)",
      schedule,
      pageUrl: "https://marks.example.org/workspaces/w/meetings/m",
      host: "marks.example.org",
      more: ["Agenda:", "1. Decodable books"],
    });
    expect(field(ics, "UID")).toBe("workspace-meeting-65a1b2c3d4e5f6a7b8c9d0e1@marks.example.org");
    expect(field(ics, "SUMMARY")).toBe("Phonics review (Reading together)");
    expect(field(ics, "DESCRIPTION")).toContain("Agenda:\\n1. Decodable books");
    expect(inviteFileName("workspace-meeting", "Phonics review: Year 1!")).toBe(
      "workspace-meeting-phonics-review-year-1.ics",
    );
    expect(inviteFileName("validation-meeting", "★", "school")).toBe(
      "validation-meeting-school.ics",
    );
  });
});
