import { ColleagueDots } from "../../collab/colleague-dots.tsx";
import { useDesigner } from "./designer-context.ts";

/** Small marks for the other people working on an item right now. */
export function PeopleHere({ id }: { id: string }) {
  const people = useDesigner().peopleAt(id);
  if (people.length === 0) return null;
  const names = people.map((p) => p.name).join(", ");
  return (
    <span
      className="people-here"
      title={`${names} ${people.length === 1 ? "is" : "are"} working here`}
    >
      <ColleagueDots people={people} />
      <span className="sr-only">
        {names} {people.length === 1 ? "is" : "are"} working here
      </span>
    </span>
  );
}
