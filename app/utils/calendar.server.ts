/** A calendar invitation as a download (both meeting kinds' `.ics` routes, ADR 022). */
export function calendarResponse(invite: { filename: string; body: string }): Response {
  return new Response(invite.body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${invite.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
