// The evidence model functions routes may call (kept apart from models.server.ts so the
// evidence feature can grow without touching the shared barrel). Server-only.
export {
  addEvidenceLink,
  deleteEvidenceItem,
  findEvidenceItemOfTrust,
  listEvidenceOfEvaluation,
  openEvidenceFile,
  storeEvidenceFile,
} from "../models/evidence/evidence.ts";
export {
  extensionOfContentType,
  labelOfContentType,
  MAX_EVIDENCE_BYTES,
  sniffEvidenceFile,
} from "../models/evidence/sniff.ts";
export { checkEvidenceLink } from "../models/evidence/link.ts";
export { attachmentDisposition, downloadFileName } from "../models/evidence/file-name.ts";
export {
  UnacceptableFileError,
  addEvidenceLink as addEvidenceLinkCommand,
  deleteEvidence,
  uploadEvidence,
} from "../server/commands/evidence.ts";
export { loadEvaluation, loadEvidenceItem } from "../models/permissions/loaders.ts";
export { getUsers } from "../models/user/user.ts";
