import { toCsv } from "./csv.server.ts";

/** A CSV download named after what it holds (letters, digits and dashes only). */
export function csvResponse(
  header: string[],
  rows: (string | number | null)[][],
  name: string,
): Response {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "insight";
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
