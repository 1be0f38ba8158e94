import { Link, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { RichBlock, RichInline, RichMark } from "../../../collab/shapes/rich-text.ts";
import { MONO_FONT } from "./fonts.ts";
import { LINK, MUTED, RULE, styles } from "./styles.ts";

const MARK_STYLES: Record<RichMark, Style> = {
  bold: { fontWeight: "bold" },
  italic: { fontStyle: "italic" },
  underline: { textDecoration: "underline" },
  strike: { textDecoration: "line-through" },
  code: { fontFamily: MONO_FONT, fontSize: 9 },
};

function styleOf(marks: RichMark[]): Style {
  return Object.assign({}, ...marks.map((m) => MARK_STYLES[m])) as Style;
}

function Inline({ content }: { content: RichInline[] }) {
  return (
    <>
      {content.map((run, i) => {
        // Plain text needs no node of its own: fewer nodes lay out faster.
        if (run.type === "break") return "\n";
        if (!run.href && run.marks.length === 0) return run.text;
        if (run.href)
          return (
            <Link key={i} src={run.href} style={{ ...styleOf(run.marks), color: LINK }}>
              {run.text}
            </Link>
          );
        return (
          <Text key={i} style={styleOf(run.marks)}>
            {run.text}
          </Text>
        );
      })}
    </>
  );
}

// Below the criterion's own heading (11.5 pt): a narrative's headings sit inside it.
const HEADING_SIZES: Record<number, number> = { 1: 11, 2: 11, 3: 10.5, 4: 10, 5: 10, 6: 10 };

function ListItems(props: { items: RichBlock[][]; marker: (index: number) => string }) {
  return (
    <View style={{ marginBottom: 4 }}>
      {props.items.map((item, i) => (
        <View key={i} style={{ flexDirection: "row" }} wrap={false}>
          <Text style={{ width: 18, textAlign: "right", marginRight: 5 }}>{props.marker(i)}</Text>
          <View style={{ flex: 1 }}>
            <RichText blocks={item} />
          </View>
        </View>
      ))}
    </View>
  );
}

function Block({ block }: { block: RichBlock }) {
  switch (block.type) {
    case "paragraph":
      return (
        <Text style={styles.paragraph}>
          <Inline content={block.content} />
        </Text>
      );
    case "heading":
      return (
        <Text
          style={{
            fontSize: HEADING_SIZES[block.level] ?? 11,
            fontWeight: "bold",
            marginTop: 4,
            marginBottom: 3,
          }}
        >
          <Inline content={block.content} />
        </Text>
      );
    case "bulletList":
      return <ListItems items={block.items} marker={() => "•"} />;
    case "orderedList":
      return <ListItems items={block.items} marker={(i) => `${block.start + i}.`} />;
    case "blockquote":
      return (
        <View style={{ borderLeftWidth: 2, borderLeftColor: RULE, paddingLeft: 8, color: MUTED }}>
          <RichText blocks={block.content} />
        </View>
      );
    case "codeBlock":
      return (
        <Text style={{ ...styles.mono, backgroundColor: "#f4f4f4", padding: 4, marginBottom: 5 }}>
          {block.text}
        </Text>
      );
    case "rule":
      return <View style={{ borderBottomWidth: 1, borderBottomColor: RULE, marginVertical: 6 }} />;
  }
}

/** Rich text (headings, paragraphs, lists, quotes, code; bold, italic, links) as PDF elements. */
export function RichText({ blocks, empty }: { blocks: RichBlock[]; empty?: string }) {
  if (blocks.length === 0)
    return empty ? <Text style={{ ...styles.paragraph, color: MUTED }}>{empty}</Text> : null;
  return (
    <>
      {blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </>
  );
}
