/** Someone drawn as a dot: whoever it is, in their presence colour. */
export interface Dotted {
  name: string;
  colour: string;
}

/**
 * A small dot per other person working on an item, in the colour the presence list gives them.
 * Decoration only (hidden from screen readers): whoever draws the dots says who in words too.
 */
export function ColleagueDots({ people }: { people: Dotted[] }) {
  return (
    <>
      {people.map((p, i) => (
        <span
          key={`${i}-${p.name}`}
          className="colleague-dot"
          style={{ backgroundColor: p.colour }}
          aria-hidden="true"
        />
      ))}
    </>
  );
}
