import type { ActionFunctionArgs, LoaderFunctionArgs, UploadHandler } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
} from "@remix-run/node";
import { z } from "zod";
import { documentName } from "../../collab/document-name.ts";
import { attachEvidence, forgetEvidence } from "../../collab/shapes/evidence.ts";
import type { EvidenceItem } from "../../models/evidence/evidence.ts";
import type { EvidenceListData, EvidenceListItem } from "../components/evidence/types.ts";
import {
  addEvidenceLink,
  checkEvidenceLink,
  deleteEvidenceItem,
  labelOfContentType,
  listEvidenceOfEvaluation,
  MAX_EVIDENCE_BYTES,
  sniffEvidenceFile,
  storeEvidenceFile,
} from "../evidence.server.ts";
import { can, evaluationResource, findEvaluationById, getUsers } from "../models.server.ts";
import { notFound, requireActor } from "../utils/auth.server.ts";
import { requireCsrf } from "../utils/csrf.server.ts";
import { parseForm } from "../utils/forms.ts";
import { parseMultipartForm } from "../utils/multipart.server.ts";

/**
 * The evidence of one evaluation, as JSON for its criterion panels (loader), and the changes to
 * it (action): upload a file, add a link, delete an item. Attaching an existing item to another
 * criterion is a live edit of the evaluation document (collab/shapes/evidence.ts).
 */
async function evaluationFor(request: Request, evaluationId: string | undefined) {
  const actor = await requireActor(request);
  const evaluation = await findEvaluationById(evaluationId ?? "");
  const resource = evaluation && (await evaluationResource(evaluation));
  if (!evaluation || !resource || !can(actor, "read", resource)) throw notFound();
  return { actor, evaluation, canWrite: can(actor, "write", resource) };
}

function toListItem(item: EvidenceItem, names: Map<string, string>): EvidenceListItem {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    url: item.kind === "link" ? item.url : null,
    downloadUrl: item.kind === "file" ? `/evidence/${item.id}/download` : null,
    typeLabel: item.kind === "link" ? "Link" : labelOfContentType(item.contentType ?? ""),
    size: item.size,
    fileName: item.fileName,
    addedBy: names.get(item.uploadedBy) ?? "",
    createdAt: item.createdAt.toISOString(),
  };
}

async function listItems(items: EvidenceItem[]): Promise<EvidenceListItem[]> {
  const users = await getUsers([...new Set(items.map((i) => i.uploadedBy))]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return items.map((i) => toListItem(i, names));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { evaluation } = await evaluationFor(request, params.evaluationId);
  const items = await listEvidenceOfEvaluation(evaluation.trustId, evaluation.id);
  const data: EvidenceListData = { items: await listItems(items), maxBytes: MAX_EVIDENCE_BYTES };
  return json(data, { headers: { "Cache-Control": "private, no-store" } });
}

const TOO_LARGE =
  "This file is larger than 20 MB. Make it smaller (for example, save a PDF at a lower image quality, or split it) and try again.";
const TEXT_FIELD_LIMIT = 16 * 1024;

class ExtraFileError extends Error {}

/**
 * Holds at most one file (field "file", at most 20 MB) and small text fields in memory. A
 * larger file stops the parse as soon as its 20 MB + 1st byte arrives, before anything is
 * checked or stored.
 */
function evidenceUploadHandler(): UploadHandler {
  const file = unstable_createMemoryUploadHandler({ maxPartSize: MAX_EVIDENCE_BYTES });
  const text = unstable_createMemoryUploadHandler({ maxPartSize: TEXT_FIELD_LIMIT });
  let files = 0;
  return async (part) => {
    if (typeof part.filename !== "string") return text(part);
    if (part.name !== "file" || ++files > 1) throw new ExtraFileError();
    return file(part);
  };
}

const uploadFields = z.object({
  criterionId: z.string().max(60).optional(),
});

type Evaluation = NonNullable<Awaited<ReturnType<typeof findEvaluationById>>>;
type Uploaded =
  | { refused: Response }
  | { refused: null; item: EvidenceItem; duplicate: boolean; criterionId: string | null };

const refuse = (status: number, body: object, headers?: HeadersInit): Uploaded => ({
  refused: json({ intent: "upload", ...body }, { status, headers }),
});

/** Receives, checks and stores one uploaded file; nothing is stored unless every check passes. */
async function upload(request: Request, evaluation: Evaluation, userId: string): Promise<Uploaded> {
  let form: FormData;
  try {
    form = await parseMultipartForm(request, evidenceUploadHandler());
  } catch (error) {
    // The rest of the body is not read: close the connection rather than reuse it.
    if (error instanceof MaxPartSizeExceededError) {
      const body =
        error.field === "file"
          ? { errors: { file: TOO_LARGE } }
          : { formError: "Part of the form was too long." };
      return refuse(413, body, { Connection: "close" });
    }
    if (error instanceof ExtraFileError)
      return refuse(
        400,
        { errors: { file: "Upload one file at a time." } },
        { Connection: "close" },
      );
    // A malformed or interrupted upload: nothing was stored.
    return refuse(400, { errors: { file: "The file did not arrive complete. Try again." } });
  }
  await requireCsrf(request, form);
  const fields = parseForm(form, uploadFields);
  const criterionId = fields.data?.criterionId || null;
  if (!fields.data || (criterionId && !(criterionId in evaluation.levelsByCriterion))) {
    return refuse(400, { formError: "This criterion is not part of the evaluation." });
  }
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name))
    return refuse(400, { errors: { file: "Choose a file to upload." } });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const verdict = await sniffEvidenceFile(bytes, file.name);
  if (!verdict.ok) return refuse(415, { errors: { file: verdict.reason } });

  const { item, duplicate } = await storeEvidenceFile(evaluation, {
    uploadedBy: userId,
    fileName: file.name,
    bytes,
    contentType: verdict.contentType,
  });
  return { refused: null, item, duplicate, criterionId };
}

const linkFields = z.object({
  url: z.string().superRefine((value, ctx) => {
    const check = checkEvidenceLink(value);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.reason });
  }),
  title: z.string().trim().max(200, "Keep the title under 200 characters").optional(),
  criterionId: z.string().max(60).optional(),
});

const deleteFields = z.object({ itemId: z.string().regex(/^[0-9a-f]{24}$/) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, evaluation, canWrite } = await evaluationFor(request, params.evaluationId);
  if (!canWrite) {
    return json(
      { formError: "Only the school's team can change this evaluation's evidence." },
      { status: 403 },
    );
  }
  const name = documentName("evaluation", evaluation.id);

  if (/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const stored = await upload(request, evaluation, actor.userId);
    if (stored.refused) return stored.refused;
    const { item, duplicate, criterionId } = stored;
    if (criterionId)
      await context.collab.change(name, (doc) => attachEvidence(doc, criterionId, item.id));
    const [listed] = await listItems([item]);
    return json(
      { ok: true, intent: "upload", item: listed, duplicate },
      { status: duplicate ? 200 : 201 },
    );
  }

  const form = await request.formData();
  await requireCsrf(request, form);
  const intent = form.get("intent");

  if (intent === "addLink") {
    const parsed = parseForm(form, linkFields);
    if (!parsed.data) return json({ intent, errors: parsed.errors }, { status: 400 });
    const criterionId = parsed.data.criterionId || null;
    if (criterionId && !(criterionId in evaluation.levelsByCriterion)) {
      return json(
        { intent, formError: "This criterion is not part of the evaluation." },
        { status: 400 },
      );
    }
    const item = await addEvidenceLink(evaluation, {
      uploadedBy: actor.userId,
      url: parsed.data.url,
      title: parsed.data.title,
    });
    if (criterionId)
      await context.collab.change(name, (doc) => attachEvidence(doc, criterionId, item.id));
    const [listed] = await listItems([item]);
    return json({ ok: true, intent, item: listed }, { status: 201 });
  }

  if (intent === "delete") {
    const parsed = parseForm(form, deleteFields);
    if (
      !parsed.data ||
      !(await deleteEvidenceItem(evaluation.trustId, evaluation.id, parsed.data.itemId))
    ) {
      return json({ intent, formError: "That evidence is no longer here." }, { status: 404 });
    }
    const { itemId } = parsed.data;
    await context.collab.change(name, (doc) => forgetEvidence(doc, itemId));
    return json({ ok: true, intent });
  }

  return json({ formError: "Unknown request." }, { status: 400 });
}
