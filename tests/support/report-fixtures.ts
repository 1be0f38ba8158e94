import type { RichBlock } from "../../collab/shapes/rich-text.ts";
import { scaleOf } from "../../models/framework/applicable.ts";
import { ofsted2025SelfEvaluation } from "../../models/framework/starters/ofsted-2025.ts";
import type {
  EvaluationReportData,
  PrintedForce,
  TrustReportData,
  ValidationReportData,
} from "../../server/reports/report-data.ts";

// Report data built without a database: for rendering tests and the report benchmark.

const SENTENCES = [
  "Leaders know the school well and check the quality of provision through regular, planned visits.",
  "Pupils with special educational needs are identified early and their plans are reviewed each term.",
  "Staff share a clear understanding of what pupils should know and remember in each subject.",
  "Governors challenge leaders about attendance and ask for evidence that actions make a difference.",
  "Parents say communication has improved since the new weekly bulletin and the termly forums began.",
];

/** About `bytes` characters of narrative: a heading, paragraphs with marks, a list and a link. */
export function narrativeOf(bytes: number, seed = 0): RichBlock[] {
  const blocks: RichBlock[] = [
    { type: "heading", level: 3, content: [{ type: "text", text: "Where we are", marks: [] }] },
  ];
  let length = 12;
  let i = seed;
  while (length < bytes) {
    const sentence = SENTENCES[i % SENTENCES.length];
    if (i % 4 === 3) {
      blocks.push({
        type: "bulletList",
        items: [
          [{ type: "paragraph", content: [{ type: "text", text: sentence, marks: [] }] }],
          [
            {
              type: "paragraph",
              content: [
                { type: "text", text: "Termly review with the ", marks: [] },
                { type: "text", text: "SENCO", marks: ["bold"] },
              ],
            },
          ],
        ],
      });
    } else {
      blocks.push({
        type: "paragraph",
        content: [
          { type: "text", text: `${sentence} `, marks: [] },
          { type: "text", text: "This is secure.", marks: ["italic"] },
          { type: "text", text: " See the ", marks: [] },
          {
            type: "text",
            text: "published report",
            marks: [],
            href: "https://school.example/reports",
          },
          { type: "text", text: ".", marks: [] },
        ],
      });
    }
    length += sentence.length + 40;
    i++;
  }
  return blocks;
}

const FORCES: PrintedForce[] = [
  { side: "helping", text: "Experienced SENCO", strength: 4, priority: true, inOurControl: true },
  {
    side: "helping",
    text: "Supportive governors",
    strength: 3,
    priority: false,
    inOurControl: false,
  },
  {
    side: "hindering",
    text: "High staff turnover",
    strength: 5,
    priority: true,
    inOurControl: false,
  },
  {
    side: "hindering",
    text: "Limited specialist space",
    strength: 4,
    priority: false,
    inOurControl: true,
  },
];

/**
 * The Ofsted 2025 starter's 35 criteria, every one judged, with `narrativeBytes` of narrative
 * spread over them, a force-field and an action each.
 */
export function evaluationReportFixture(narrativeBytes = 8_000): EvaluationReportData {
  const content = ofsted2025SelfEvaluation;
  const criteria = content.areas.flatMap((a) => a.criteria);
  const perCriterion = Math.ceil(narrativeBytes / criteria.length);
  let n = 0;
  return {
    kind: "evaluation",
    trustName: "Riverside Learning Trust",
    schoolName: "Oakfield Primary Academy",
    title: "Self-evaluation 2026–27",
    frameworkName: content.name,
    frameworkVersion: 1,
    cycleName: "Autumn 2026",
    status: "In progress",
    asOf: "As now (live), 12 Mar 2027, 10:04",
    generatedAt: "12 March 2027",
    areas: content.areas.map((area) => {
      const scale = scaleOf(content, area);
      return {
        title: area.title,
        summary: area.summary,
        criteria: area.criteria.map((c) => {
          const level = scale.levels[Math.min(scale.levels.length - 1, 2)];
          n++;
          return {
            code: c.code,
            statement: c.statement,
            judgement: {
              label: level.label,
              colour: level.colour,
              descriptor: c.descriptors[level.key] ?? "",
            },
            narrative: narrativeOf(perCriterion, n),
            evidenceSummary: [
              {
                type: "paragraph",
                content: [{ type: "text", text: "Termly data and visit notes.", marks: [] }],
              },
            ],
            evidence: [
              {
                kind: "link",
                title: "Attendance dashboard",
                detail: "https://school.example/attendance",
                href: "https://school.example/attendance",
                criteria: [c.code],
              },
            ],
            forces: FORCES,
          };
        }),
      };
    }),
    actions: criteria.map((c) => ({
      criterionCode: c.code,
      what: "Weekly phonics catch-up groups",
      owner: "Alex Morgan",
      due: "31 Mar 2027",
      status: "In progress",
      successMeasure: "Reading ages rise by a year",
      addresses: ["High staff turnover"],
    })),
    evidence: [
      {
        kind: "link",
        title: "Attendance dashboard",
        detail: "https://school.example/attendance",
        href: "https://school.example/attendance",
        criteria: ["1.1"],
      },
      {
        kind: "file",
        title: "SEND audit 2026",
        detail: "send-audit.pdf",
        href: null,
        criteria: [],
      },
    ],
  };
}

export function validationReportFixture(): ValidationReportData {
  return {
    kind: "validation",
    trustName: "Riverside Learning Trust",
    schoolName: "Oakfield Primary Academy",
    evaluationTitle: "Self-evaluation 2026–27",
    frameworkName: "Inclusion Excellence",
    frameworkVersion: 2,
    cycleName: null,
    generatedAt: "12 March 2027",
    meetingAt: "3 Mar 2027, 14:00",
    submitted: "24 Feb 2027, 16:10 by Sam Taylor",
    schoolJudgementTitle: "School's judgement as submitted",
    validators: ["Helen Wright"],
    forTheSchool: ["Sam Taylor (confirmed 1 agreed judgement)"],
    observers: null,
    areas: [
      {
        title: "Inclusion",
        criteria: [
          {
            code: "1.1",
            statement: "Pupils with SEND are identified early",
            schoolJudgement: { label: "Strong standard", colour: "#0f6e5a" },
            schoolJudgementNow: null,
            agreed: {
              level: { label: "Expected standard", colour: "#1f5fa8" },
              rationale: "Plans are reviewed but not yet consistently",
              agreedBy: "Helen Wright",
              agreedAt: "3 Mar 2027, 14:20",
              confirmedBy: "Sam Taylor",
              confirmedAt: "3 Mar 2027, 14:25",
            },
          },
        ],
      },
    ],
    outcome: {
      result: "Accredited",
      lines: ["Valid from 3 March 2027 to 3 March 2030"],
      recordedBy: "Helen Wright",
      recordedAt: "3 Mar 2027, 15:00",
    },
    award: {
      markName: "Inclusion Excellence",
      frameworkVersion: 2,
      tier: null,
      code: "QM-ABCD-EFGH",
      validUntil: "3 March 2030",
    },
    minutes: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "The school will share its audit.", marks: [] }],
      },
    ],
  };
}

export function trustReportFixture(): TrustReportData {
  const levels = [
    { label: "Needs attention", colour: "#8a4b00" },
    { label: "Expected standard", colour: "#1f5fa8" },
    { label: "Strong standard", colour: "#0f6e5a" },
  ];
  return {
    kind: "trust",
    trustName: "Riverside Learning Trust",
    cycleName: "Autumn 2026",
    frameworkName: "Inclusion Excellence",
    frameworkVersion: 2,
    generatedAt: "12 March 2027",
    source: "Latest available (agreed where there is one)",
    sourceShort: "latest judgements",
    partlyExample: "2 of 4 judged",
    heatMap: {
      columns: ["Inclusion", "Curriculum and teaching"],
      rows: [
        {
          schoolName: "Hillcrest Primary School",
          status: "Submitted",
          awarded: false,
          cells: [
            { text: levels[0].label, partly: null, level: levels[0], trend: "down" },
            { text: "Not judged yet", partly: null, level: null, trend: null },
          ],
        },
        {
          schoolName: "Oakfield Primary Academy",
          status: "Validated",
          awarded: true,
          cells: [
            { text: levels[2].label, partly: null, level: levels[2], trend: "up" },
            { text: levels[1].label, partly: "3 of 4 judged", level: levels[1], trend: "same" },
          ],
        },
      ],
    },
    stack: [
      {
        areaTitle: "Inclusion",
        levels,
        notYet: "Not judged yet",
        notApplicable: null,
        partlyNote: null,
        rows: [
          {
            code: "",
            label: "Inclusion overall",
            counts: [1, 0, 1],
            partly: [null, null, null],
            unjudged: 0,
          },
          {
            code: "1.1",
            label: "Pupils with SEND are identified early",
            counts: [1, 1, 0],
            partly: [null, null, null],
            unjudged: 0,
          },
        ],
      },
    ],
    centres: [
      {
        schoolName: "Oakfield Primary Academy",
        areaTitle: "Inclusion",
        level: "Strong standard",
        basis: "agreed 3 Mar 2027",
      },
    ],
    noCentres: "No centre of expertise by the latest judgements (agreed where there is one) yet.",
    noPairings: "No pairing to suggest by the latest judgements (agreed where there is one).",
    suggestedPairings: [
      {
        areaTitle: "Inclusion",
        explanation:
          "Oakfield Primary Academy is Strong standard in Inclusion (agreed 3 Mar 2027); Hillcrest Primary School's Inclusion is Needs attention",
      },
    ],
    acceptedPairings: [],
  };
}
