import type { RichBlock } from "../../collab/shapes/rich-text.ts";

/**
 * What each report says, as plain data: gathered on the server's main thread (database, live
 * documents, names) and handed to the render worker, which only lays it out. Every string here
 * is already in the words the reader sees (labels, names, dates), so the renderer decides
 * nothing and reads nothing.
 */
export type ReportKind = "evaluation" | "validation" | "trust";

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  evaluation: "Evaluation report",
  validation: "Validation report",
  trust: "Trust overview report",
};

/** A level as printed: its label, and its colour as a second carrier (never the only one). */
export interface PrintedLevel {
  label: string;
  colour: string;
}

export interface PrintedForce {
  side: "helping" | "hindering";
  text: string;
  strength: number;
  priority: boolean;
  inOurControl: boolean;
}

export interface PrintedEvidence {
  kind: "file" | "link";
  title: string;
  /** The link's address, or the file's name. */
  detail: string;
  /** Links only: where the title points (http/https). */
  href: string | null;
  /** Codes of the criteria it is attached to. */
  criteria: string[];
}

export interface PrintedCriterion {
  code: string;
  statement: string;
  judgement: (PrintedLevel & { descriptor: string }) | null;
  narrative: RichBlock[];
  evidenceSummary: RichBlock[];
  evidence: PrintedEvidence[];
  forces: PrintedForce[];
}

export interface PrintedAction {
  criterionCode: string;
  what: string;
  owner: string;
  due: string;
  status: string;
  successMeasure: string;
  /** The hindering factors it addresses, in words. */
  addresses: string[];
}

export interface EvaluationReportData {
  kind: "evaluation";
  trustName: string;
  schoolName: string;
  title: string;
  frameworkName: string;
  frameworkVersion: number;
  cycleName: string | null;
  status: string;
  /** "As now (live), 12 Mar 2027, 10:04" or "As submitted 3 Mar 2027, 14:05". */
  asOf: string;
  generatedAt: string;
  areas: { title: string; summary: string; criteria: PrintedCriterion[] }[];
  actions: PrintedAction[];
  evidence: PrintedEvidence[];
}

export interface PrintedAgreement {
  code: string;
  statement: string;
  /** The judgement the validators reviewed: as submitted, named as then (ADRs 062, 063). */
  schoolJudgement: PrintedLevel | null;
  /** "Now Strong standard: changed since submission on 3 Dec 2026"; null where unchanged. */
  schoolJudgementNow: string | null;
  agreed: {
    level: PrintedLevel;
    rationale: string;
    agreedBy: string;
    agreedAt: string;
    confirmedBy: string | null;
    confirmedAt: string | null;
  } | null;
}

export interface ValidationReportData {
  kind: "validation";
  trustName: string;
  schoolName: string;
  evaluationTitle: string;
  frameworkName: string;
  frameworkVersion: number;
  cycleName: string | null;
  generatedAt: string;
  meetingAt: string | null;
  /** "3 Dec 2026, 14:05 by Jo Bloggs", or that it was never submitted and is shown live. */
  submitted: string;
  /** "School's judgement as submitted", or "School's judgement (live)" if never submitted. */
  schoolJudgementTitle: string;
  /** Each assigned validator (and anyone else who agreed or recorded), with what the record says they did. */
  validators: string[];
  /** The school's people the record names (who confirmed agreed judgements), with what they did. */
  forTheSchool: string[];
  /** Null: the meeting does not record who observed (said so in the report). */
  observers: string[] | null;
  areas: { title: string; criteria: PrintedAgreement[] }[];
  outcome: {
    result: string;
    lines: string[];
    recordedBy: string;
    recordedAt: string;
  } | null;
  award: {
    markName: string;
    /** The framework version the award is of (null: made before awards recorded it, ADR 070). */
    frameworkVersion: number | null;
    tier: string | null;
    code: string;
    validUntil: string;
  } | null;
  minutes: RichBlock[];
}

export type Trend = "up" | "down" | "same" | null;

export interface TrustReportData {
  kind: "trust";
  trustName: string;
  cycleName: string;
  frameworkName: string;
  frameworkVersion: number;
  generatedAt: string;
  /** Whose judgements count, in words ("Agreed in validation"), as on the page that asked. */
  source: string;
  /** The same, short, for the file's name: "agreed judgements". */
  sourceShort: string;
  /** How the heat map's note reads a level resting on some criteria only: "2 of 4 judged". */
  partlyExample: string;
  /** In the heat map page's words (models/insight/heat-map.ts), cell by cell. */
  heatMap: {
    columns: string[];
    rows: {
      schoolName: string;
      status: string;
      awarded: boolean;
      cells: {
        /** The level, "Not applicable", or "Not judged yet" ("Not agreed yet"). */
        text: string;
        /** Under a level resting on some of the criteria only: "2 of 4 judged". */
        partly: string | null;
        /** The level's colour, when there is a level. */
        level: PrintedLevel | null;
        trend: Trend;
      }[];
    }[];
  };
  /** In the Stack page's words (models/insight/stack.ts). */
  stack: {
    areaTitle: string;
    levels: PrintedLevel[];
    /** What `unjudged` counts: "Not judged yet" ("Not agreed yet"). */
    notYet: string;
    /** "Not applicable at 1 of the 4 schools." */
    notApplicable: string | null;
    /** "1 school's level for the area rests on some of its criteria only: Riverside (1 of 4 judged)." */
    partlyNote: string | null;
    rows: {
      code: string;
      label: string;
      counts: number[];
      /** Of each count (the area overall's), those resting on part of the area: "1 partly judged". */
      partly: (string | null)[];
      unjudged: number;
    }[];
  }[];
  centres: { schoolName: string; areaTitle: string; level: string; basis: string }[];
  /** Said where there is no centre of expertise, or no pairing to suggest, for this basis. */
  noCentres: string;
  noPairings: string;
  suggestedPairings: { areaTitle: string; explanation: string }[];
  acceptedPairings: { areaTitle: string; explanation: string; acceptedAt: string }[];
}

export type ReportData = EvaluationReportData | ValidationReportData | TrustReportData;
