// What the two-factor set-up page needs (kept apart from models.server.ts so this feature
// does not touch the shared barrel). Server-only.
import QRCode from "qrcode";
import type { Actor } from "../../../models/permissions/roles.ts";
import { requiresSecondFactor } from "../../../models/permissions/second-factor.ts";
import { RECOVERY_CODE_COUNT } from "../../../models/second-factor/recovery-codes.ts";
import {
  enrolmentSecret,
  secondFactorStatus,
} from "../../../models/second-factor/second-factor.ts";
import { groupedSecret, otpauthUri } from "../../../models/second-factor/totp.ts";
import { getUser } from "../../../models/user/user.ts";
import { secondFactorKey } from "../../utils/second-factor-key.server.ts";

export type SetUpPage =
  | { kind: "on"; enrolledAt: string; recoveryCodesLeft: number; of: number; required: boolean }
  | { kind: "setUp"; required: boolean; qrCode: string; secret: string; account: string };

/**
 * The person's second factor as the page shows it: on (with how many recovery codes are left),
 * or a secret to set up, as a QR code drawn here on the server (no third party sees the secret)
 * and as text to type into an app by hand.
 */
export async function setUpPage(actor: Actor): Promise<SetUpPage> {
  const required = requiresSecondFactor(actor);
  const status = await secondFactorStatus(actor.userId);
  if (status) {
    return {
      kind: "on",
      enrolledAt: status.enrolledAt.toISOString(),
      recoveryCodesLeft: status.recoveryCodesLeft,
      of: RECOVERY_CODE_COUNT,
      required,
    };
  }
  const secret = await enrolmentSecret(secondFactorKey(), actor.userId);
  const account = (await getUser(actor.userId))?.email ?? actor.name;
  const svg = await QRCode.toString(otpauthUri(secret!, account), {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
  });
  return {
    kind: "setUp",
    required,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    secret: groupedSecret(secret!),
    account,
  };
}
