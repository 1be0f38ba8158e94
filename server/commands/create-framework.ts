import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { readFramework } from "../../collab/shapes/framework.ts";
import { recordAudit } from "../../models/audit/audit.ts";
import { InvalidInputError } from "../../models/errors.ts";
import { emptyFramework } from "../../models/framework/blank.ts";
import { copyName } from "../../models/framework/copy-name.ts";
import {
  latestVersionOf,
  createFramework as store,
  type Framework,
} from "../../models/framework/framework.ts";
import { parseFrameworkFile, type ImportError } from "../../models/framework/schema.ts";
import { findStarter } from "../../models/framework/starters/index.ts";
import type { FrameworkContent } from "../../models/framework/types.ts";
import { objectId, requestId } from "../../models/input.ts";
import { loadFramework, loadTrustFor } from "../../models/permissions/loaders.ts";
import type { CommandContext } from "./context.ts";
import { idIn, parse, type Raw } from "./input.ts";

export const CreateFrameworkInput = z.object({
  starter: z.string().min(1, "Choose a starter, or a blank framework").max(100),
  requestId: requestId(),
});
export type CreateFrameworkInput = z.infer<typeof CreateFrameworkInput>;

export const ImportFrameworkInput = z.object({
  /** The file's text (the route reads the upload, at most a few MB). */
  text: z.string(),
  requestId: requestId(),
});
export type ImportFrameworkInput = z.infer<typeof ImportFrameworkInput>;

export const CopyFrameworkInput = z.object({
  frameworkId: objectId(),
  requestId: requestId(),
});
export type CopyFrameworkInput = z.infer<typeof CopyFrameworkInput>;

/** An imported file that is not a framework: each problem with the path of the bad field. */
export class ImportRefusedError extends InvalidInputError {
  constructor(readonly problems: ImportError[]) {
    super("Nothing was imported.", "file");
  }
}

/** A trust admin starts a framework draft from a starter or a blank page. */
export async function createFramework(
  ctx: CommandContext,
  raw: Raw<typeof CreateFrameworkInput>,
): Promise<Framework> {
  const { trustId } = await loadTrustFor(ctx.actor, "framework", "write");
  const input = parse(CreateFrameworkInput, raw);
  const starter =
    input.starter === "blank"
      ? { key: null, content: emptyFramework() }
      : findStarter(input.starter);
  if (!starter) throw new InvalidInputError("Choose one of the starters listed", "starter");
  return create(ctx, trustId, starter.content, starter.key, input.requestId);
}

/** A trust admin imports a framework file (exported from this app) as a new draft. */
export async function importFramework(
  ctx: CommandContext,
  raw: Raw<typeof ImportFrameworkInput>,
): Promise<Framework> {
  const { trustId } = await loadTrustFor(ctx.actor, "framework", "write");
  const input = parse(ImportFrameworkInput, raw);
  if (input.text.trim() === "")
    throw new ImportRefusedError([
      { path: "(file)", message: "choose a framework file (.json) to import" },
    ]);
  const parsed = parseFrameworkFile(input.text);
  if (parsed.errors) throw new ImportRefusedError(parsed.errors);
  return create(ctx, trustId, parsed.content, null, input.requestId);
}

/**
 * A trust admin starts a new draft as a copy of one of the trust's frameworks: its newest
 * published version or, before its first, its draft as everyone sees it now. One form sent
 * twice (a double-click, a retry) makes one copy: the request id is kept per framework copied,
 * since the list's copy buttons share one form showing.
 */
export async function copyFramework(
  ctx: CommandContext,
  raw: Raw<typeof CopyFrameworkInput>,
): Promise<Framework> {
  const { framework } = await loadFramework(ctx.actor, idIn(raw, "frameworkId"), "write");
  const input = parse(CopyFrameworkInput, raw);
  const latest = await latestVersionOf(framework.trustId, framework.id);
  const source =
    latest?.content ??
    readFramework(await ctx.collab.read(documentName("framework", framework.id)));
  const content = { ...structuredClone(source), name: copyName(source.name) };
  return create(ctx, framework.trustId, content, null, `${input.requestId}:copy:${framework.id}`, {
    from: `copy of framework:${framework.id}${latest ? ` v${latest.version}` : " (draft)"}`,
  });
}

async function create(
  ctx: CommandContext,
  trustId: string,
  content: FrameworkContent,
  starterKey: string | null,
  requestId: string,
  origin: { from: string } = { from: starterKey ?? "import or blank" },
): Promise<Framework> {
  const { framework, created } = await store(trustId, {
    content,
    starterKey,
    createdBy: ctx.actor.userId,
    requestId,
  });
  if (created) {
    await recordAudit({
      trustId,
      actorId: ctx.actor.userId,
      action: "frameworkCreated",
      subject: `framework:${framework.id}`,
      details: { name: framework.name, from: origin.from },
    });
  }
  return framework;
}
