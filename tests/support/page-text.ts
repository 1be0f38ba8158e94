/**
 * What a server-rendered page shows, as plain text: Remix copies loader data into scripts, so
 * tests assert on the text people read, not on that copy.
 */
export function shownText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The markup of the first table row for the criterion with this code (`<span class="code">`). */
function rowOf(html: string, code: string): string {
  const rows = html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .split("<tr")
    .slice(1);
  return rows.find((r) => r.includes(`<span class="code">${code}</span>`)) ?? "";
}

/** The text of the table row for the criterion with this code. */
export function rowText(html: string, code: string): string {
  return shownText(rowOf(html, code));
}

/** The text of one cell (`<td>`, counted from 0) of the criterion's row, trimmed. */
export function cellText(html: string, code: string, cell: number): string {
  const cells = rowOf(html, code).split("<td").slice(1);
  return cells[cell] === undefined ? "" : shownText(`<td${cells[cell]}`).trim();
}
