import type { Colleague } from "../evaluation/use-colleagues-at.ts";

const names = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/** The marker's id for the row whose text input has `inputId`: the input is described by it. */
export const colleaguesEditingId = (inputId: string) => `${inputId}-colleagues`;

/**
 * "Priya Shah is editing this factor": said in words on a factor or action that someone else is
 * working in (`useColleaguesAt`), marked in their colour, so two people do not type into one
 * short field unawares. The row's text input names `id` in its description while it shows, so
 * a screen reader says it on focusing the field too.
 */
export function ColleaguesEditing({
  id,
  colleagues,
  what,
}: {
  id: string;
  colleagues: Colleague[];
  what: "factor" | "action";
}) {
  if (colleagues.length === 0) return null;
  return (
    <p id={id} className="colleagues-editing" style={{ borderColor: colleagues[0].colour }}>
      {colleagues.map((c) => (
        <span
          key={c.userId}
          className="colleague-dot"
          style={{ backgroundColor: c.colour }}
          aria-hidden="true"
        />
      ))}
      <span>
        {`${names.format(colleagues.map((c) => c.name))} ${colleagues.length === 1 ? "is" : "are"} editing this ${what}`}
      </span>
    </p>
  );
}
