/** Someone named in words about a factor or action ("Alex Staff is editing this factor"). */
interface Named {
  userId: string;
  name: string;
}

export type RowKind = "factor" | "action";

const list = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });
const names = (people: Named[]) => list.format(people.map((p) => p.name));
const isAre = (people: Named[]) => (people.length === 1 ? "is" : "are");
const hasHave = (people: Named[]) => (people.length === 1 ? "has" : "have");

/** "Alex Staff is editing this factor", "Alex Staff and Sam Leader are editing this action". */
export function editingWords(colleagues: Named[], what: RowKind): string {
  return `${names(colleagues)} ${isAre(colleagues)} editing this ${what}`;
}

/**
 * What changed between two readings of who else is in a factor or action, as one sentence for a
 * screen reader ("Alex Staff is now editing this factor too."), or "" when nobody came or went
 * (the same people, whatever order or colour they come in).
 */
export function arrivalWords(before: Named[], after: Named[], what: RowKind): string {
  const had = new Set(before.map((p) => p.userId));
  const has = new Set(after.map((p) => p.userId));
  const came = after.filter((p) => !had.has(p.userId));
  const went = before.filter((p) => !has.has(p.userId));
  return [
    came.length ? `${names(came)} ${isAre(came)} now editing this ${what} too.` : "",
    went.length ? `${names(went)} ${hasHave(went)} stopped editing this ${what}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}
