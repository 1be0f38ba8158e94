import type { RowKind } from "./colleague-words.ts";

/** The id of a kept row's words, for its text fields to be described by. */
export const keptRowNoticeId = (inputId: string) => `${inputId}-kept`;

/**
 * On a factor or action kept on this person's screen after someone else removed it
 * (kept-rows.ts): who did, that their typing is kept, and their two choices. It is the one notice
 * they see of it, beside the field they are typing in (the page's status region says it to a
 * screen reader once, removed-by-colleague.tsx), so nothing is ever drawn over that field.
 */
export function KeptRowNotice({
  id,
  what,
  by,
  name,
  onPutBack,
  onLeaveRemoved,
}: {
  id: string;
  what: RowKind;
  /** Who removed it ("Alex Staff", "A colleague"), once known. */
  by: string | null;
  /** "helping factor 1", for the buttons' names. */
  name: string;
  onPutBack(): void;
  onLeaveRemoved(): void;
}) {
  return (
    <div className="plan-kept">
      <p id={id}>
        {`${by ? `${by} removed this ${what}` : `This ${what} was removed`} while you were working on it. What you type stays here, for you only, until you put it back or leave it removed.`}
      </p>
      <div className="plan-confirm-buttons">
        <button type="button" className="plan-add" onClick={onPutBack}>
          Put it back<span className="visually-hidden"> ({name})</span>
        </button>
        <button type="button" className="plan-remove" onClick={onLeaveRemoved}>
          Leave it removed<span className="visually-hidden"> ({name})</span>
        </button>
      </div>
    </div>
  );
}
