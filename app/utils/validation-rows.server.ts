import { formatDay, formatMeetingTime, todayInEngland } from "../../models/dates.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { OUTCOME_LABELS } from "../../models/validation/outcome.ts";
import { recordState } from "../../models/validation/record-state.ts";
import type { Validation } from "../../models/validation/validation.ts";
import { CYCLE_STATUS_LABELS, progressOf } from "../models.server.ts";
import {
  can,
  findMeetingSchedule,
  getEvaluation,
  getSchool,
  listRecordEntries,
  meetingResource,
} from "../validation.server.ts";

// A meeting has no end time: for this long after its start it is "on now", with its join link.
const MEETING_HOURS = 3;

export interface ValidationRow {
  id: string;
  evaluationId: string;
  school: string;
  title: string;
  status: string;
  /** Validated or accredited: the outcome is recorded. */
  done: boolean;
  /** The reader sets the meeting's date (an assigned validator). */
  canSchedule: boolean;
  /** The outcome in force, once recorded: e.g. "Accredited", and the day it was recorded. */
  outcome: { label: string; at: string; when: string } | null;
  meeting: {
    at: string;
    when: string;
    videoLink: string;
    /** Still to come, or on now, and no outcome yet: join links are offered. */
    upcoming: boolean;
    /** Its start time has passed. */
    held: boolean;
  } | null;
}

/** The outcome the validation's record holds now (a correction replaces it), or null. */
async function outcomeOf(v: Validation): Promise<ValidationRow["outcome"]> {
  const outcome = recordState(await listRecordEntries(v.trustId, v.id)).outcome;
  return outcome
    ? {
        label: OUTCOME_LABELS[outcome.result],
        at: outcome.at,
        // The day in England it was recorded on (a moment's UTC day can be the day before).
        when: formatDay(todayInEngland(new Date(outcome.at))),
      }
    : null;
}

/** What a list of validations shows: school, evaluation, status and its meeting. */
export async function validationRows(
  actor: Actor,
  validations: Validation[],
  now = new Date(),
): Promise<ValidationRow[]> {
  return Promise.all(
    validations.map(async (v) => {
      const [evaluation, school, schedule] = await Promise.all([
        getEvaluation(v.trustId, v.evaluationId),
        getSchool(v.trustId, v.schoolId),
        findMeetingSchedule(v.trustId, v.id),
      ]);
      const status = evaluation ? progressOf(evaluation, now).status : null;
      const done = status === "validated" || status === "accredited";
      const meeting = meetingResource(v, schedule, now);
      const seesMeeting = schedule && can(actor, "read", meeting);
      const start = schedule?.scheduledAt.getTime() ?? 0;
      return {
        id: v.id,
        evaluationId: v.evaluationId,
        school: school?.name ?? "",
        title: evaluation?.title ?? "",
        status: status ? CYCLE_STATUS_LABELS[status] : "",
        done,
        canSchedule: can(actor, "schedule", meeting),
        // Only a finished validation has one: the others need not read their record.
        outcome: done ? await outcomeOf(v) : null,
        meeting: seesMeeting
          ? {
              at: schedule.scheduledAt.toISOString(),
              when: formatMeetingTime(schedule.scheduledAt),
              videoLink: schedule.videoLink,
              // Once the outcome is recorded there is nothing left to join, whatever the date.
              upcoming: !done && start > now.getTime() - MEETING_HOURS * 3600_000,
              held: start <= now.getTime(),
            }
          : null,
      };
    }),
  );
}

/**
 * Soonest meetings first, then validations still waiting for a date, then finished ones (the
 * order a validator works in).
 */
export function byWhatComesNext(rows: ValidationRow[]): ValidationRow[] {
  const rank = (r: ValidationRow) => (r.done ? 2 : r.meeting?.upcoming ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? a.meeting!.at.localeCompare(b.meeting!.at) : 0) ||
      a.school.localeCompare(b.school),
  );
}

/** The next meeting among these validations (on now, or the soonest to come), or null. */
export function nextMeetingOf(rows: ValidationRow[]): ValidationRow | null {
  return byWhatComesNext(rows).find((r) => r.meeting?.upcoming && !r.done) ?? null;
}
