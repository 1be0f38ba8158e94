import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "../utils/auth.server.ts";
import { calendarResponse } from "../utils/calendar.server.ts";
import { orNotFound } from "../utils/command.server.ts";
import { workspaceMeetingInviteFor } from "../workspace.server.ts";

/** A joint workspace meeting as a calendar invitation, for people who may read the workspace. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return calendarResponse(
    await orNotFound(
      workspaceMeetingInviteFor(
        actor,
        params.workspaceId ?? "",
        params.meetingId ?? "",
        new URL(request.url).origin,
      ),
    ),
  );
}
