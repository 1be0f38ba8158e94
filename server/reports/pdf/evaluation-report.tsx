import { Document, Link, Text, View } from "@react-pdf/renderer";
import type {
  EvaluationReportData,
  PrintedAction,
  PrintedCriterion,
  PrintedEvidence,
} from "../report-data.ts";
import { ForceFieldDiagram, ForceList } from "./force-field.tsx";
import { bookmark, Cover, LevelBadge, ReportPage } from "./layout.tsx";
import { RichText } from "./rich-text.tsx";
import { styles } from "./styles.ts";

function EvidenceLine({ item }: { item: PrintedEvidence }) {
  const kind = item.kind === "link" ? "Link" : "File";
  return (
    <Text style={{ fontSize: 9, marginBottom: 1 }}>
      {`${kind}: `}
      {item.href ? (
        <Link src={item.href} style={styles.link}>
          {item.title}
        </Link>
      ) : (
        <Text style={{ fontWeight: "bold" }}>{item.title}</Text>
      )}
      {item.detail && item.detail !== item.title ? ` (${item.detail})` : ""}
    </Text>
  );
}

function Criterion({ criterion }: { criterion: PrintedCriterion }) {
  const { judgement } = criterion;
  return (
    <View style={styles.criterion} {...bookmark(`${criterion.code} ${criterion.statement}`)}>
      <View wrap={false}>
        <Text style={styles.h3}>{`${criterion.code} ${criterion.statement}`}</Text>
        {judgement ? (
          <>
            <LevelBadge label={`Judgement: ${judgement.label}`} colour={judgement.colour} />
            {judgement.descriptor ? (
              <Text style={{ marginTop: 3, fontSize: 9 }}>
                <Text style={{ fontWeight: "bold" }}>{`What ${judgement.label} looks like: `}</Text>
                {judgement.descriptor}
              </Text>
            ) : null}
          </>
        ) : (
          <Text style={styles.muted}>Judgement: not judged yet</Text>
        )}
      </View>
      <Text style={styles.label}>Narrative</Text>
      <RichText blocks={criterion.narrative} empty="No narrative written." />
      <Text style={styles.label}>Evidence summary</Text>
      <RichText blocks={criterion.evidenceSummary} empty="No evidence summary written." />
      {criterion.evidence.length ? (
        <>
          <Text style={styles.label}>Evidence attached</Text>
          {criterion.evidence.map((item, i) => (
            <EvidenceLine key={i} item={item} />
          ))}
        </>
      ) : null}
      {criterion.forces.length ? (
        <>
          <ForceFieldDiagram
            title={`Force-field for ${criterion.code}`}
            forces={criterion.forces}
          />
          <ForceList forces={criterion.forces} />
        </>
      ) : null}
    </View>
  );
}

const COLUMNS: { title: string; width: string; value: (a: PrintedAction) => string }[] = [
  { title: "Criterion", width: "8%", value: (a) => a.criterionCode },
  { title: "What", width: "24%", value: (a) => a.what || "(not described yet)" },
  { title: "Owner", width: "12%", value: (a) => a.owner },
  { title: "Due", width: "10%", value: (a) => a.due },
  { title: "Status", width: "10%", value: (a) => a.status },
  { title: "Success measure", width: "18%", value: (a) => a.successMeasure || "—" },
  {
    title: "Addresses (hindering factor)",
    width: "18%",
    value: (a) => (a.addresses.length ? a.addresses.join("; ") : "—"),
  },
];

function ActionPlan({ actions }: { actions: PrintedAction[] }) {
  if (actions.length === 0) return <Text style={styles.muted}>No actions planned yet.</Text>;
  return (
    <View style={styles.table}>
      <View style={[styles.row, styles.headRow]} fixed>
        {COLUMNS.map((c) => (
          <Text key={c.title} style={[styles.cell, { width: c.width, fontSize: 8.5 }]}>
            {c.title}
          </Text>
        ))}
      </View>
      {actions.map((action, i) => (
        <View key={i} style={styles.row} wrap={false}>
          {COLUMNS.map((c) => (
            <Text key={c.title} style={[styles.cell, { width: c.width, fontSize: 8.5 }]}>
              {c.value(action)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The evaluation report: cover, every area and criterion, the action plan and the evidence. */
export function EvaluationReport({ data }: { data: EvaluationReportData }) {
  const footer = `${data.schoolName} · ${data.title} · ${data.asOf}`;
  return (
    <Document
      title={`${data.title} · ${data.schoolName}`}
      author={data.trustName}
      subject={`Evaluation report: ${data.frameworkName} (v${data.frameworkVersion})`}
      creator="Quality marks workspace"
      producer="Quality marks workspace"
      language="en-GB"
    >
      <ReportPage footer={footer}>
        <Cover
          trustName={data.trustName}
          title="Evaluation report"
          subject={data.schoolName}
          facts={[
            ["Evaluation", data.title],
            ["Framework", `${data.frameworkName} (version ${data.frameworkVersion})`],
            ["Cycle", data.cycleName ?? "Not part of a cycle"],
            ["Status", data.status],
            ["Content", data.asOf],
            ["Date", data.generatedAt],
          ]}
          note="Levels are places on a journey, not verdicts: each judgement is the school's own, checked against the framework's descriptors."
        />
      </ReportPage>
      {/* One page run per area: each starts on a new page, and laying out several short runs
          is much quicker than one long one (pagination re-lays out what is left of a run). */}
      {data.areas.map((area, i) => (
        <ReportPage key={i} footer={footer} bookmark={area.title}>
          <Text style={styles.h1}>{area.title}</Text>
          {area.summary ? <Text style={styles.muted}>{area.summary}</Text> : null}
          {area.criteria.map((criterion, j) => (
            <Criterion key={j} criterion={criterion} />
          ))}
        </ReportPage>
      ))}
      <ReportPage footer={footer} orientation="landscape" bookmark="Action plan">
        <Text style={styles.h1}>Action plan</Text>
        <ActionPlan actions={data.actions} />
      </ReportPage>
      <ReportPage footer={footer} bookmark="Evidence">
        <Text style={styles.h1}>Evidence</Text>
        {data.evidence.length === 0 ? (
          <Text style={styles.muted}>No evidence has been added yet.</Text>
        ) : (
          data.evidence.map((item, i) => (
            <View key={i} style={{ marginBottom: 3 }} wrap={false}>
              <EvidenceLine item={item} />
              <Text style={{ fontSize: 8, color: "#555555", marginLeft: 8 }}>
                {item.criteria.length
                  ? `Attached to ${item.criteria.join(", ")}`
                  : "Not attached to a criterion"}
              </Text>
            </View>
          ))
        )}
      </ReportPage>
    </Document>
  );
}
