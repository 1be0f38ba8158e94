import { formatDay, formatMeetingTime, todayInEngland } from "../../models/dates.ts";
import { getEvaluations, type Evaluation } from "../../models/evaluation/evaluation.ts";
import type { Actor } from "../../models/permissions/roles.ts";
import { getSchools, type School } from "../../models/school/school.ts";
import { findMeetingSchedules } from "../../models/validation/meeting.ts";
import { OUTCOME_LABELS } from "../../models/validation/outcome.ts";
import { listRecordEntriesOf } from "../../models/validation/record.ts";
import { recordState, type RecordEntry } from "../../models/validation/record-state.ts";
import type { Validation } from "../../models/validation/validation.ts";
import { CYCLE_STATUS_LABELS, progressOf } from "../models.server.ts";
import { can, meetingResource } from "../validation.server.ts";
import { groupBy } from "./group-by.ts";

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
function outcomeOf(entries: RecordEntry[]): ValidationRow["outcome"] {
  const outcome = recordState(entries).outcome;
  return outcome
    ? {
        label: OUTCOME_LABELS[outcome.result],
        at: outcome.at,
        // The day in England it was recorded on (a moment's UTC day can be the day before).
        when: formatDay(todayInEngland(new Date(outcome.at))),
      }
    : null;
}

/** What the caller has already read: not read again (ADR 050: read once, pass it on). */
export interface KnownRecords {
  evaluations?: Iterable<Evaluation>;
  schools?: Iterable<School>;
}

/** The records of `trustId` in `held` under `ids`, with those not held read by `read` in one go. */
async function ofTrust<T extends { trustId: string }>(
  trustId: string,
  ids: string[],
  held: Map<string, T>,
  read: (trustId: string, ids: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const missing: string[] = [];
  for (const id of ids) {
    const record = held.get(id);
    // A record of another trust is "not found", as when each was read by itself.
    if (record?.trustId === trustId) found.set(id, record);
    else missing.push(id);
  }
  for (const [id, record] of await read(trustId, missing)) found.set(id, record);
  return found;
}

/**
 * What a list of validations shows: school, evaluation, status and its meeting. Read per trust,
 * not per validation (a trust leader's Home lists every school's): the evaluations, schools and
 * meetings in one read each (none for what the caller passes in `known`), then the records of
 * the finished ones in one more.
 */
export async function validationRows(
  actor: Actor,
  validations: Validation[],
  now = new Date(),
  known: KnownRecords = {},
): Promise<ValidationRow[]> {
  const evaluations = new Map([...(known.evaluations ?? [])].map((e) => [e.id, e]));
  const schools = new Map([...(known.schools ?? [])].map((s) => [s.id, s]));
  const rows = (
    await Promise.all(
      [...groupBy(validations, (v) => v.trustId)].map(async ([trustId, listed]) => {
        const [evaluationsOf, schoolsOf, schedules] = await Promise.all([
          ofTrust(
            trustId,
            listed.map((v) => v.evaluationId),
            evaluations,
            getEvaluations,
          ),
          ofTrust(
            trustId,
            listed.map((v) => v.schoolId),
            schools,
            getSchools,
          ),
          findMeetingSchedules(
            trustId,
            listed.map((v) => v.id),
          ),
        ]);
        const read = listed.map((v) => {
          const evaluation = evaluationsOf.get(v.evaluationId) ?? null;
          const status = evaluation ? progressOf(evaluation, now).status : null;
          return {
            v,
            evaluation,
            school: schoolsOf.get(v.schoolId) ?? null,
            schedule: schedules.get(v.id) ?? null,
            status,
            done: status === "validated" || status === "accredited",
          };
        });
        // Only a finished validation has an outcome: the others need not read their record.
        const records = await listRecordEntriesOf(
          trustId,
          read.filter((r) => r.done).map((r) => r.v.id),
        );
        return read.map((r) => ({ ...r, entries: records.get(r.v.id) ?? [] }));
      }),
    )
  ).flat();
  const rowOf = new Map(rows.map((r) => [r.v, r]));
  return validations.map((v) => {
    const { evaluation, school, schedule, status, done, entries } = rowOf.get(v)!;
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
      outcome: done ? outcomeOf(entries) : null,
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
  });
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
