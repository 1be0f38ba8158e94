/**
 * A cycle's name folded for uniqueness: "Inclusion Excellence 2026–27" and "inclusion excellence
 * 2026-27" are one cycle. Pure, so the distribute page can tell as the name is typed whether it
 * names a cycle that already exists.
 */
export function cycleNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
