import { stringify } from "csv-stringify/sync";

// A cell starting with = + - @ (or a tab/return) is run as a formula by spreadsheet programs:
// prefix it so an evaluation title can never execute in someone's Excel (CSV injection).
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV file (UTF-8 with BOM, so Excel shows accents and dashes) from a header and rows. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === "string" ? neutralise(cell) : (cell ?? ""))),
  );
  return `\uFEFF${stringify([header, ...cells])}`;
}
