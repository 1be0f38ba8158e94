import { listMembershipsOfUser } from "../membership/membership.ts";
import { recordAudit } from "./audit.ts";
import type { AuditFacts } from "./chain.ts";
import type { AuditAction } from "./sentences.ts";

/**
 * Records a security event about a person (signing in, their second factor) in the log of
 * every trust they belong to, so each trust's admins see it; people of no trust get one
 * entry with no trust.
 */
export async function recordAuditOfPerson(
  userId: string,
  facts: Omit<AuditFacts, "at" | "trustId" | "action"> & { action: AuditAction },
): Promise<void> {
  const trusts = [...new Set((await listMembershipsOfUser(userId)).map((m) => m.trustId))];
  for (const trustId of trusts.length ? trusts : [null]) await recordAudit({ ...facts, trustId });
}
