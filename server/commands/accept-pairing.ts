import { z } from "zod";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError } from "../../models/errors.ts";
import { contentKey, judgementSource, objectId } from "../../models/input.ts";
import { centresOf, explain, needingSupport } from "../../models/insight/expertise.ts";
import { recordPairing, type AcceptedPairing } from "../../models/insight/pairing.ts";
import { loadInsightScope } from "../insight/scope.ts";
import type { CommandContext } from "./context.ts";
import { parse, type Raw } from "./input.ts";

export const AcceptPairingInput = z.object({
  frameworkId: objectId(),
  /** The cycle the suggestion was made for ("" for each school's newest evaluation). */
  cycleId: z.union([objectId(), z.literal("")]).default(""),
  /**
   * Whose judgement counted on the page that suggested it (models/insight/query.ts); a form from
   * before the page offered the choice counts the latest.
   */
  source: judgementSource(),
  areaId: contentKey("Choose an area of this framework."),
  supportedSchoolId: objectId(),
  centreSchoolId: objectId(),
});

const NO_LONGER =
  "This pairing is no longer suggested: the judgements have changed since the page was opened. Look at the new suggestions.";

/**
 * A trust leader or admin accepts a suggested pairing: recorded once (a double-click, or two
 * leaders at once, record one pairing and one audit entry). The pairing is checked against the
 * judgements as they are now, counted as on the page that suggested it (`source`): the
 * supported school still needs support in the area, and the centre is still a centre of
 * expertise there, and is another school.
 */
export async function acceptPairing(
  ctx: CommandContext,
  raw: Raw<typeof AcceptPairingInput>,
): Promise<{ pairing: AcceptedPairing; created: boolean }> {
  const frameworkId = typeof raw.frameworkId === "string" ? raw.frameworkId : null;
  const cycle = typeof raw.cycleId === "string" ? raw.cycleId : "";
  // Trust-wide: only the trust's oversight gets past this (everyone else: not found).
  const scope = await loadInsightScope(ctx.actor, {
    frameworkId,
    cycleId: cycle,
    source: "latest",
  });
  const input = parse(AcceptPairingInput, raw);
  const content = scope.content;
  if (!content) throw new InvalidInputError(NO_LONGER);
  if (input.supportedSchoolId === input.centreSchoolId)
    throw new InvalidInputError("A school cannot be paired with itself.");
  const { current } = await scope.evaluations("current");
  const supported = needingSupport(content, current, input.source).find(
    (n) => n.areaId === input.areaId && n.schoolId === input.supportedSchoolId,
  );
  const centre = centresOf(content, current, input.source).find(
    (c) => c.areaId === input.areaId && c.schoolId === input.centreSchoolId,
  );
  if (!supported || !centre) throw new InvalidInputError(NO_LONGER);

  const result = await recordPairing({
    trustId: scope.trustId,
    frameworkId: input.frameworkId,
    areaId: input.areaId,
    areaTitle: supported.areaTitle,
    supportedSchoolId: supported.schoolId,
    centreSchoolId: centre.schoolId,
    explanation: explain(centre, supported),
    acceptedBy: ctx.actor.userId,
  });
  if (result.created) {
    await recordAudit({
      trustId: scope.trustId,
      actorId: ctx.actor.userId,
      action: "pairingAccepted",
      subject: `pairing:${result.pairing.id}`,
      details: {
        areaTitle: supported.areaTitle,
        supportedSchoolId: supported.schoolId,
        centreSchoolId: centre.schoolId,
      },
    });
  }
  return result;
}
