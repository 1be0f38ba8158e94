import type { LoaderFunctionArgs } from "@remix-run/node";
import { meetingInviteFor } from "../components/meeting/meeting.server.ts";
import { requireActor } from "../utils/auth.server.ts";
import { calendarResponse } from "../utils/calendar.server.ts";
import { orNotFound } from "../utils/command.server.ts";

/** The validation meeting as a calendar invitation, for the people who may join or watch it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return calendarResponse(
    await orNotFound(
      meetingInviteFor(actor, params.validationId ?? "", new URL(request.url).origin),
    ),
  );
}
