import { useRef, type KeyboardEvent } from "react";
import type { RecordState } from "../../../models/validation/record-state.ts";
import { dragHandleProps, dropPosition, useDropTarget } from "../reorder/drag.ts";
import { focusWhenDrawn } from "../focus-when-drawn.ts";
import type { MeetingCriterion } from "./types.ts";

const LIST = "meeting-agenda";
export const agendaButtonId = (criterionId: string) => `agenda-button-${criterionId}`;
const moveButtonId = (criterionId: string, direction: -1 | 1) =>
  `agenda-move-${direction < 0 ? "up" : "down"}-${criterionId}`;

function statusOf(agreed: RecordState["agreed"][string] | undefined, final: boolean): string {
  if (!agreed) return final ? "Not agreed" : "Not agreed yet";
  if (agreed.confirmedBy) return "Agreed and confirmed";
  // Confirming is over once the outcome is recorded (ADR 068): it waits for nobody.
  return final ? "Agreed, not confirmed" : "Agreed, awaiting confirmation";
}

function AgendaEntry(props: {
  item: MeetingCriterion;
  index: number;
  count: number;
  focused: boolean;
  current: boolean;
  agreed: RecordState["agreed"][string] | undefined;
  /** The outcome is recorded: nothing is agreed or confirmed any more. */
  final: boolean;
  leads: boolean;
  /** Undefined until the page's scripts run: the button is disabled rather than dead. */
  onShow?: () => void;
  onKey(event: KeyboardEvent<HTMLButtonElement>): void;
  onMove(position: number, how: "drag" | "button", direction?: -1 | 1): void;
}) {
  const { item, index, count } = props;
  const code = item.criterion.code;
  const row = useRef<HTMLLIElement>(null);
  const { dropSide, dropProps } = useDropTarget(LIST, index, (_id, slot) =>
    props.onMove(slot, "drag"),
  );
  const classes = [
    "agenda-entry",
    props.focused ? "agenda-entry-focused" : "",
    props.current ? "agenda-entry-current" : "",
    dropSide ? `agenda-drop-${dropSide}` : "",
  ];
  return (
    <li ref={row} className={classes.filter(Boolean).join(" ")} {...(props.leads ? dropProps : {})}>
      {props.leads ? (
        <span
          className="drag-handle"
          aria-hidden="true"
          title={`Drag to move ${code}`}
          {...dragHandleProps(LIST, item.criterion.id, () => row.current, { label: code })}
        >
          ⠿
        </span>
      ) : null}
      <button
        type="button"
        id={agendaButtonId(item.criterion.id)}
        className="agenda-entry-button"
        aria-current={props.focused ? "step" : undefined}
        disabled={!props.onShow}
        onClick={props.onShow}
        onKeyDown={props.onKey}
      >
        <span className="agenda-entry-title">
          <span className="code">{code}</span> {item.criterion.statement}
        </span>
        <span className="agenda-entry-status">
          {props.current ? <strong className="now-badge">Now discussing</strong> : null}{" "}
          {statusOf(props.agreed, props.final)}
        </span>
      </button>
      {props.leads ? (
        <span className="agenda-reorder" role="group" aria-label={`Order of ${code}`}>
          <button
            type="button"
            id={moveButtonId(item.criterion.id, -1)}
            className="icon-button"
            disabled={index === 0}
            onClick={() => props.onMove(index - 1, "button", -1)}
            aria-label={`Move ${code} up`}
            title={`Move ${code} up`}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            id={moveButtonId(item.criterion.id, 1)}
            className="icon-button"
            disabled={index >= count - 1}
            onClick={() => props.onMove(index + 1, "button", 1)}
            aria-label={`Move ${code} down`}
            title={`Move ${code} down`}
          >
            <span aria-hidden="true">↓</span>
          </button>
        </span>
      ) : null}
    </li>
  );
}

/**
 * The agenda as a list to move through: the item in front of this person is marked
 * (aria-current), the item everyone was brought to says "Now discussing", and each says
 * whether it is agreed. The validator reorders it (drag, or the move buttons) for everyone.
 */
export function AgendaNav(props: {
  items: MeetingCriterion[];
  focused: string | null;
  currentId: string | null;
  agreed: RecordState["agreed"];
  /** The outcome is recorded (the agenda's statuses are final). */
  final: boolean;
  leads: boolean;
  /** Undefined until the page's scripts run (the items' buttons wait, disabled, meanwhile). */
  onShow?: (criterionId: string) => void;
  /** Moves an item to `position` in the list (0-based, the item counted where it is now). */
  onMove(criterionId: string, position: number): void;
  announce(message: string): void;
  children?: React.ReactNode;
}) {
  const { items } = props;
  const ids = items.map((i) => i.criterion.id);
  const onShow = props.onShow;
  const keyNav = (index: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!onShow) return;
    const to =
      event.key === "ArrowDown"
        ? index + 1
        : event.key === "ArrowUp"
          ? index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? ids.length - 1
              : null;
    if (to === null || to < 0 || to >= ids.length) return;
    event.preventDefault();
    onShow(ids[to]);
    focusWhenDrawn([agendaButtonId(ids[to])]);
  };
  const move =
    (id: string, index: number) => (slot: number, how: "drag" | "button", direction?: -1 | 1) => {
      const position = how === "drag" ? dropPosition(index, slot) : slot;
      if (position === index || position < 0 || position >= ids.length) return;
      props.onMove(id, position);
      const code = items[index].criterion.code;
      props.announce(`Moved ${code} to position ${position + 1} of ${ids.length}.`);
      if (direction)
        focusWhenDrawn([moveButtonId(id, direction), moveButtonId(id, direction === -1 ? 1 : -1)]);
    };
  return (
    <nav className="agenda-nav" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      {props.children}
      {items.length ? (
        <ol className="agenda-list">
          {items.map((item, index) => (
            <AgendaEntry
              key={item.criterion.id}
              item={item}
              index={index}
              count={items.length}
              focused={props.focused === item.criterion.id}
              current={props.currentId === item.criterion.id}
              agreed={props.agreed[item.criterion.id]}
              final={props.final}
              leads={props.leads}
              onShow={onShow ? () => onShow(item.criterion.id) : undefined}
              onKey={keyNav(index)}
              onMove={move(item.criterion.id, index)}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">Nothing is on the agenda yet.</p>
      )}
    </nav>
  );
}
