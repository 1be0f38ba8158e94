import type { EvaluationFocus } from "../evaluation/focus.ts";
import { useColleaguesAt } from "../evaluation/use-colleagues-at.ts";

const names = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

/**
 * "Priya Shah is editing this factor": said in words on a factor or action that someone else is
 * working in, marked in their colour, so two people do not type into one short field unawares.
 */
export function ColleaguesEditing({
  focus,
  what,
}: {
  focus: EvaluationFocus;
  what: "factor" | "action";
}) {
  const colleagues = useColleaguesAt(focus);
  if (colleagues.length === 0) return null;
  return (
    <p className="colleagues-editing" style={{ borderColor: colleagues[0].colour }}>
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
