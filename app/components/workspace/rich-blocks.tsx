import type { RichBlock, RichInline } from "../../../collab/shapes/rich-text.ts";

/** Rich text as read from a document (collab/shapes/rich-text.ts), drawn read-only. */
function Inline({ run }: { run: RichInline }) {
  if (run.type === "break") return <br />;
  let node: React.ReactNode = run.text;
  if (run.marks.includes("code")) node = <code>{node}</code>;
  if (run.marks.includes("bold")) node = <strong>{node}</strong>;
  if (run.marks.includes("italic")) node = <em>{node}</em>;
  if (run.marks.includes("underline")) node = <u>{node}</u>;
  if (run.marks.includes("strike")) node = <s>{node}</s>;
  if (run.href)
    node = (
      <a href={run.href} rel="noopener noreferrer nofollow" target="_blank">
        {node}
      </a>
    );
  return <>{node}</>;
}

function Runs({ content }: { content: RichInline[] }) {
  return (
    <>
      {content.map((run, i) => (
        <Inline key={i} run={run} />
      ))}
    </>
  );
}

export function RichBlocks({ blocks }: { blocks: RichBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.type) {
          case "paragraph":
            return (
              <p key={i}>
                <Runs content={block.content} />
              </p>
            );
          case "heading":
            // Shared copies sit under a level-3 heading: their own headings come below it.
            return (
              <h4 key={i}>
                <Runs content={block.content} />
              </h4>
            );
          case "bulletList":
          case "orderedList": {
            const items = block.items.map((item, j) => (
              <li key={j}>
                <RichBlocks blocks={item} />
              </li>
            ));
            return block.type === "bulletList" ? (
              <ul key={i}>{items}</ul>
            ) : (
              <ol key={i} start={block.start}>
                {items}
              </ol>
            );
          }
          case "blockquote":
            return (
              <blockquote key={i}>
                <RichBlocks blocks={block.content} />
              </blockquote>
            );
          case "codeBlock":
            return (
              <pre key={i}>
                <code>{block.text}</code>
              </pre>
            );
          case "rule":
            return <hr key={i} />;
          default:
            return null;
        }
      })}
    </>
  );
}
