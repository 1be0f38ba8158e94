import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { styles } from "./styles.ts";

/**
 * A page run of a report with its running footer (what the report is). No "page x of y": a
 * dynamic footer makes the layout engine lay every page out twice (a quarter of the time of a
 * long report); the PDF's bookmarks (areas and criteria) are how a reader finds their way.
 */
export function ReportPage(props: {
  footer: string;
  orientation?: "portrait" | "landscape";
  /** Its entry in the PDF's bookmarks (the reader's table of contents). */
  bookmark?: string;
  children: ReactNode;
}) {
  return (
    <Page
      size="A4"
      orientation={props.orientation ?? "portrait"}
      style={styles.page}
      wrap
      bookmark={props.bookmark ? { title: props.bookmark, fit: true } : undefined}
    >
      {props.children}
      <View style={styles.footer} fixed>
        <Text>{props.footer}</Text>
      </View>
    </Page>
  );
}

/**
 * A bookmark on any element (react-pdf supports it on every node; its types list it on pages
 * only). Nested under the nearest bookmarked ancestor, e.g. criteria under their area's page.
 */
export function bookmark(title: string): object {
  return { bookmark: { title, fit: true } };
}

/** The cover's facts: a name and its value per line. */
export function Facts({ facts }: { facts: [string, string | null][] }) {
  return (
    <View style={styles.coverFacts}>
      {facts
        .filter((f): f is [string, string] => f[1] !== null && f[1] !== "")
        .map(([name, value]) => (
          <View key={name} style={styles.fact}>
            <Text style={styles.factName}>{name}</Text>
            <Text style={styles.factValue}>{value}</Text>
          </View>
        ))}
    </View>
  );
}

/** A cover: the trust, what the report is, the school (or trust), and its facts. */
export function Cover(props: {
  trustName: string;
  title: string;
  subject: string;
  facts: [string, string | null][];
  note?: string;
}) {
  return (
    <View>
      <Text style={styles.coverTrust}>{props.trustName}</Text>
      <Text style={styles.coverTitle}>{props.title}</Text>
      <Text style={styles.coverSchool}>{props.subject}</Text>
      <Facts facts={props.facts} />
      {props.note ? <Text style={{ ...styles.muted, marginTop: 24 }}>{props.note}</Text> : null}
    </View>
  );
}

/** A level as a coloured badge with its label written on it. */
export function LevelBadge({ label, colour }: { label: string; colour: string }) {
  return <Text style={{ ...styles.badge, backgroundColor: colour }}>{label}</Text>;
}
