import type { RefObject } from "react";
import { ColleagueDots } from "../../collab/colleague-dots.tsx";
import type { Colleague } from "../evaluation/use-colleagues-at.ts";
import { editingWords, type RowKind } from "./colleague-words.ts";
import { useArrivalsSaid } from "./use-arrivals-said.ts";

/** The marker's id for the row whose text input has `inputId`: the input is described by it. */
export const colleaguesEditingId = (inputId: string) => `${inputId}-colleagues`;

/**
 * "Priya Shah is editing this factor": said in words on a factor or action that someone else is
 * working in (`useColleaguesAt`), marked in their colour, so two people do not type into one
 * short field unawares. The row's text input names `id` in its description while it shows, so
 * a screen reader says it on focusing the field too; and to whoever is already in the row
 * (focus inside `row`), someone coming or going is said politely as it happens.
 */
export function ColleaguesEditing({
  id,
  colleagues,
  what,
  row,
}: {
  id: string;
  colleagues: Colleague[];
  what: RowKind;
  row: RefObject<HTMLElement>;
}) {
  const said = useArrivalsSaid(colleagues, row, what);
  return (
    <>
      {colleagues.length ? (
        <p id={id} className="colleagues-editing" style={{ borderColor: colleagues[0].colour }}>
          <ColleagueDots people={colleagues} />
          <span>{editingWords(colleagues, what)}</span>
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        <span key={said.n}>{said.text}</span>
      </p>
    </>
  );
}
