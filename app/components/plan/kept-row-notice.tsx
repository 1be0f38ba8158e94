import type { RowKind } from "./colleague-words.ts";

/** The id of a kept row's words, for its text fields to be described by. */
export const keptRowNoticeId = (inputId: string) => `${inputId}-kept`;

/**
 * On a factor or action kept on this person's screen after someone else removed it
 * (kept-rows.ts): what happened, that their typing is kept, and their two choices.
 */
export function KeptRowNotice({
  id,
  what,
  name,
  onPutBack,
  onLeaveRemoved,
}: {
  id: string;
  what: RowKind;
  /** "helping factor 1", for the buttons' names. */
  name: string;
  onPutBack(): void;
  onLeaveRemoved(): void;
}) {
  return (
    <div className="plan-kept">
      <p id={id}>
        {`This ${what} was removed while you were working on it. What you type stays here, for you only, until you put it back or leave it removed.`}
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
