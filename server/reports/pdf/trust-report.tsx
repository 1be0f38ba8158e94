import { Document, Text, View } from "@react-pdf/renderer";
import type { Trend, TrustReportData } from "../report-data.ts";
import { Cover, ReportPage } from "./layout.tsx";
import { MUTED, RULE, styles } from "./styles.ts";

const TREND_MARKS: Record<Exclude<Trend, null>, string> = { up: "↑", down: "↓", same: "=" };

function HeatMap({ heatMap }: { heatMap: TrustReportData["heatMap"] }) {
  const width = `${Math.floor(78 / Math.max(1, heatMap.columns.length))}%`;
  return (
    <View style={styles.table}>
      <View style={[styles.row, styles.headRow]} fixed>
        <Text style={[styles.cell, { width: "22%", fontSize: 8 }]}>School</Text>
        {heatMap.columns.map((title) => (
          <Text key={title} style={[styles.cell, { width, fontSize: 7.5 }]}>
            {title}
          </Text>
        ))}
      </View>
      {heatMap.rows.map((row) => (
        <View key={row.schoolName} style={styles.row} wrap={false}>
          <View style={[styles.cell, { width: "22%" }]}>
            <Text style={{ fontSize: 8.5, fontWeight: "bold" }}>{row.schoolName}</Text>
            <Text style={{ fontSize: 7, color: MUTED }}>
              {`${row.status}${row.awarded ? " · holds the award" : ""}`}
            </Text>
          </View>
          {row.cells.map((cell, i) => (
            <View key={i} style={[styles.cell, { width }]}>
              {cell.level ? (
                <Text
                  style={{
                    backgroundColor: cell.level.colour,
                    color: "#ffffff",
                    fontSize: 7.5,
                    padding: 2,
                    borderRadius: 2,
                  }}
                >
                  {`${cell.text}${cell.trend ? ` ${TREND_MARKS[cell.trend]}` : ""}`}
                </Text>
              ) : (
                <Text style={{ fontSize: 7.5, color: MUTED }}>{cell.text}</Text>
              )}
              {cell.partly ? (
                <Text style={{ fontSize: 7, color: MUTED }}>{cell.partly}</Text>
              ) : null}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function StackArea({ area }: { area: TrustReportData["stack"][number] }) {
  return (
    <View style={{ marginBottom: 10 }} wrap={false}>
      <Text style={styles.h2}>{area.areaTitle}</Text>
      {area.notApplicable ? (
        <Text style={{ fontSize: 8, color: MUTED, marginBottom: 3 }}>{area.notApplicable}</Text>
      ) : null}
      {area.partlyNote ? (
        <Text style={{ fontSize: 8, marginBottom: 3 }}>{area.partlyNote}</Text>
      ) : null}
      {area.rows.map((row) => {
        const total = row.counts.reduce((a, b) => a + b, 0) + row.unjudged;
        const words = [
          ...area.levels.flatMap((level, i) =>
            row.counts[i]
              ? [`${level.label} ${row.counts[i]}${row.partly[i] ? ` (${row.partly[i]})` : ""}`]
              : [],
          ),
          ...(row.unjudged ? [`${area.notYet} ${row.unjudged}`] : []),
        ].join(" · ");
        return (
          <View key={`${row.code}${row.label}`} style={{ flexDirection: "row", marginBottom: 3 }}>
            <Text style={{ width: "30%", fontSize: 8, paddingRight: 4 }}>
              {row.code ? `${row.code} ${row.label}` : row.label}
            </Text>
            <View style={{ width: "70%" }}>
              <View
                style={{ flexDirection: "row", height: 11, borderWidth: 0.5, borderColor: RULE }}
              >
                {area.levels.map((level, i) =>
                  row.counts[i] ? (
                    <View
                      key={level.label}
                      style={{ flexGrow: row.counts[i], backgroundColor: level.colour }}
                    >
                      <Text style={{ color: "#ffffff", fontSize: 7, textAlign: "center" }}>
                        {String(row.counts[i])}
                      </Text>
                    </View>
                  ) : null,
                )}
                {row.unjudged ? (
                  <View style={{ flexGrow: row.unjudged, backgroundColor: "#eeeeee" }}>
                    <Text style={{ fontSize: 7, textAlign: "center" }}>{String(row.unjudged)}</Text>
                  </View>
                ) : null}
                {total === 0 ? <View style={{ flexGrow: 1 }} /> : null}
              </View>
              <Text style={{ fontSize: 7.5, color: MUTED }}>{words || "no schools yet"}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** The trust overview: where every school stands per area, the Stack, centres and pairings. */
export function TrustReport({ data }: { data: TrustReportData }) {
  const footer = `${data.trustName} · ${data.cycleName} · overview`;
  return (
    <Document
      title={`Trust overview · ${data.cycleName}`}
      author={data.trustName}
      subject={`Trust overview report: ${data.frameworkName} (v${data.frameworkVersion})`}
      creator="Quality marks workspace"
      producer="Quality marks workspace"
      language="en-GB"
    >
      <ReportPage footer={footer} orientation="landscape">
        <Cover
          trustName={data.trustName}
          title="Trust overview report"
          subject={data.cycleName}
          facts={[
            ["Framework", `${data.frameworkName} (version ${data.frameworkVersion})`],
            ["Schools", String(data.heatMap.rows.length)],
            ["Whose judgement counts", data.source],
            ["Date", data.generatedAt],
          ]}
          note="This overview is for deploying support and sharing practice across the trust. Schools are listed alphabetically; nothing here ranks them."
        />
      </ReportPage>
      <ReportPage footer={footer} orientation="landscape" bookmark="Heat map">
        <Text style={styles.h1}>Where each school stands, area by area</Text>
        <Text style={{ fontSize: 8.5, color: MUTED, marginBottom: 4 }}>
          Each cell names the area&apos;s level by secure fit: the lowest of its judged criteria. A
          note such as “{data.partlyExample}” under a level says it rests on only some of the
          area&apos;s criteria. ↑ higher than the school&apos;s previous cycle, ↓ lower, = the same.
        </Text>
        <HeatMap heatMap={data.heatMap} />
      </ReportPage>
      <ReportPage footer={footer} orientation="landscape" bookmark="The Stack">
        <Text style={styles.h1}>The Stack: how many schools sit at each level</Text>
        <Text style={{ fontSize: 8.5, color: MUTED, marginBottom: 4 }}>
          For each area as a whole and each criterion, the number of schools at each level, written
          beside every bar.
        </Text>
        {data.stack.map((area) => (
          <StackArea key={area.areaTitle} area={area} />
        ))}
      </ReportPage>
      <ReportPage
        footer={footer}
        orientation="landscape"
        bookmark="Centres of expertise and pairings"
      >
        <Text style={styles.h1}>Centres of expertise</Text>
        {data.centres.length === 0 ? (
          <Text style={styles.muted}>{data.noCentres}</Text>
        ) : (
          data.centres.map((c, i) => (
            <Text key={i}>{`${c.schoolName}: ${c.areaTitle}, ${c.level} (${c.basis})`}</Text>
          ))
        )}
        <Text style={{ ...styles.h1, marginTop: 16 }}>Suggested pairings to share practice</Text>
        {data.suggestedPairings.length === 0 ? (
          <Text style={styles.muted}>{data.noPairings}</Text>
        ) : (
          data.suggestedPairings.map((p, i) => (
            <Text key={i}>{`${p.areaTitle}: ${p.explanation}`}</Text>
          ))
        )}
        <Text style={styles.h2}>Pairings the trust has agreed</Text>
        {data.acceptedPairings.length === 0 ? (
          <Text style={styles.muted}>None recorded yet.</Text>
        ) : (
          data.acceptedPairings.map((p, i) => (
            <Text key={i}>{`${p.areaTitle}: ${p.explanation} (agreed ${p.acceptedAt})`}</Text>
          ))
        )}
      </ReportPage>
    </Document>
  );
}
