import { Document, Text, View } from "@react-pdf/renderer";
import type { PrintedAgreement, ValidationReportData } from "../report-data.ts";
import { Cover, LevelBadge, ReportPage } from "./layout.tsx";
import { RichText } from "./rich-text.tsx";
import { styles } from "./styles.ts";

function Agreement({ item, schoolTitle }: { item: PrintedAgreement; schoolTitle: string }) {
  const { agreed } = item;
  return (
    <View style={styles.criterion} wrap={false}>
      <Text style={styles.h3}>{`${item.code} ${item.statement}`}</Text>
      <Text style={{ fontSize: 9 }}>
        {`${schoolTitle}: ${item.schoolJudgement?.label ?? "not judged"}`}
      </Text>
      {item.schoolJudgementNow ? (
        <Text style={{ fontSize: 9, fontWeight: "bold" }}>{item.schoolJudgementNow}</Text>
      ) : null}
      {agreed ? (
        <>
          <LevelBadge label={`Agreed: ${agreed.level.label}`} colour={agreed.level.colour} />
          <Text style={{ marginTop: 3 }}>
            <Text style={{ fontWeight: "bold" }}>Rationale: </Text>
            {agreed.rationale || "none given"}
          </Text>
          <Text style={{ fontSize: 9, color: "#555555" }}>
            {`Agreed by ${agreed.agreedBy}, ${agreed.agreedAt}. ${
              agreed.confirmedBy
                ? `Confirmed by ${agreed.confirmedBy}, ${agreed.confirmedAt}.`
                : "Not yet confirmed by the school."
            }`}
          </Text>
        </>
      ) : (
        <Text style={styles.muted}>Not agreed in this validation.</Text>
      )}
    </View>
  );
}

/**
 * The award as the report names it: the mark, the framework version it is of, worded as the
 * cover names the version ("version 2"; none for awards made before it was recorded, ADR 070),
 * its tier, expiry and certificate code.
 */
function awardLine(award: NonNullable<ValidationReportData["award"]>): string {
  const version = award.frameworkVersion === null ? "" : `, version ${award.frameworkVersion}`;
  const tier = award.tier ? ` (${award.tier})` : "";
  return `Award: ${award.markName}${version}${tier}, valid until ${award.validUntil}. Certificate code ${award.code}.`;
}

/** The validation report: agreed judgements, the outcome, who took part, and the minutes. */
export function ValidationReport({ data }: { data: ValidationReportData }) {
  const footer = `${data.schoolName} · Validation of ${data.evaluationTitle}`;
  return (
    <Document
      title={`Validation · ${data.schoolName}`}
      author={data.trustName}
      subject={`Validation report: ${data.frameworkName} (v${data.frameworkVersion})`}
      creator="Quality marks workspace"
      producer="Quality marks workspace"
      language="en-GB"
    >
      <ReportPage footer={footer}>
        <Cover
          trustName={data.trustName}
          title="Validation report"
          subject={data.schoolName}
          facts={[
            ["Evaluation", data.evaluationTitle],
            ["Framework", `${data.frameworkName} (version ${data.frameworkVersion})`],
            ["Cycle", data.cycleName ?? "Not part of a cycle"],
            ["Submitted", data.submitted],
            ["Meeting", data.meetingAt ?? "Not scheduled"],
            ["Outcome", data.outcome?.result ?? "Not recorded yet"],
            ["Date", data.generatedAt],
          ]}
        />
        <Text style={styles.h2}>Who took part</Text>
        <Text>
          {`Validator${data.validators.length === 1 ? "" : "s"}: ${data.validators.join(", ") || "none assigned"}`}
        </Text>
        <Text style={{ marginTop: 2 }}>
          {`For the school: ${data.forTheSchool.join(", ") || "nobody has confirmed an agreed judgement yet"}`}
        </Text>
        <Text style={{ marginTop: 2 }}>
          {data.observers === null
            ? "Observers: the meeting does not record who observed it."
            : `Observers: ${data.observers.join(", ") || "none"}`}
        </Text>
      </ReportPage>
      <ReportPage footer={footer} bookmark="Outcome and agreed judgements">
        <Text style={styles.h1}>Outcome</Text>
        {data.outcome ? (
          <View>
            <Text style={{ fontSize: 13, fontWeight: "bold" }}>{data.outcome.result}</Text>
            {data.outcome.lines.map((line, i) => (
              <Text key={i}>{line}</Text>
            ))}
            <Text style={styles.muted}>
              {`Recorded by ${data.outcome.recordedBy}, ${data.outcome.recordedAt}.`}
            </Text>
          </View>
        ) : (
          <Text style={styles.muted}>The outcome has not been recorded yet.</Text>
        )}
        {data.award ? <Text style={{ marginTop: 6 }}>{awardLine(data.award)}</Text> : null}
        <Text style={styles.h1} break>
          Agreed judgements
        </Text>
        {data.areas.map((area, i) => (
          <View key={i}>
            <Text style={styles.h2}>{area.title}</Text>
            {area.criteria.map((item, j) => (
              <Agreement key={j} item={item} schoolTitle={data.schoolJudgementTitle} />
            ))}
          </View>
        ))}
      </ReportPage>
      <ReportPage footer={footer} bookmark="Minutes">
        <Text style={styles.h1}>Minutes of the meeting</Text>
        <RichText blocks={data.minutes} empty="No minutes were written." />
      </ReportPage>
    </Document>
  );
}
