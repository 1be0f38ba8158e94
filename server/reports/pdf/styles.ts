import { StyleSheet } from "@react-pdf/renderer";
import { BODY_FONT, MONO_FONT } from "./fonts.ts";

/** The reports' typography and colours: plain, printable, readable in black and white. */
export const INK = "#1b1b1b";
export const MUTED = "#555555";
export const RULE = "#c8c8c8";
export const HELPING = "#1d6f42";
export const HINDERING = "#a4262c";
export const LINK = "#1f4fa0";

export const styles = StyleSheet.create({
  page: {
    fontFamily: BODY_FONT,
    fontSize: 10,
    lineHeight: 1.4,
    color: INK,
    paddingTop: 48,
    paddingBottom: 56,
    paddingHorizontal: 44,
  },
  footer: {
    position: "absolute",
    bottom: 24,
    left: 44,
    right: 44,
    fontSize: 8,
    color: MUTED,
    flexDirection: "row",
    justifyContent: "space-between",
  },
  coverTrust: { fontSize: 12, color: MUTED, marginTop: 120 },
  coverTitle: { fontSize: 26, fontWeight: "bold", marginTop: 12 },
  coverSchool: { fontSize: 18, marginTop: 8 },
  coverFacts: { marginTop: 36, borderTopWidth: 1, borderTopColor: RULE, paddingTop: 12 },
  fact: { flexDirection: "row", marginBottom: 4 },
  factName: { width: 130, color: MUTED },
  factValue: { flex: 1 },
  h1: { fontSize: 18, fontWeight: "bold", marginBottom: 8 },
  h2: { fontSize: 14, fontWeight: "bold", marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 11.5, fontWeight: "bold", marginTop: 10, marginBottom: 4 },
  label: { fontSize: 9, fontWeight: "bold", color: MUTED, marginTop: 8, marginBottom: 2 },
  muted: { color: MUTED },
  paragraph: { marginBottom: 5 },
  criterion: { marginTop: 10, paddingTop: 8, borderTopWidth: 1, borderTopColor: RULE },
  badge: {
    alignSelf: "flex-start",
    color: "#ffffff",
    fontWeight: "bold",
    paddingHorizontal: 6,
    paddingVertical: 2,
    borderRadius: 3,
    marginTop: 4,
  },
  mono: { fontFamily: MONO_FONT, fontSize: 9 },
  table: { borderTopWidth: 1, borderTopColor: RULE, marginTop: 4 },
  row: {
    flexDirection: "row",
    borderBottomWidth: 1,
    borderBottomColor: RULE,
    paddingVertical: 3,
  },
  headRow: { fontWeight: "bold", backgroundColor: "#f0f0f0" },
  cell: { paddingHorizontal: 3 },
  link: { color: LINK, textDecoration: "underline" },
});
