/**
 * Collaborative document names: `<kind>.<24 hex id>`, one Y.Doc per permission boundary
 * (shared/ARCHITECTURE.md). Parsed here and nowhere else.
 */
export const DOCUMENT_KINDS = [
  "evaluation",
  "discussion",
  "meeting",
  "record",
  "workspace",
  "framework",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Documents only the server writes, each change after a command has checked it (the validation
 * record; the discussion, whose comments carry the author the server stamps). Every client
 * connection to them is read-only, whatever the person may do through the commands.
 */
const WRITTEN_BY_SERVER: ReadonlySet<DocumentKind> = new Set(["record", "discussion"]);

/** Whether a client connection to a document of this kind may ever send it updates. */
export function clientsMayWrite(kind: DocumentKind): boolean {
  return !WRITTEN_BY_SERVER.has(kind);
}

export interface DocumentName {
  kind: DocumentKind;
  id: string;
}

const PATTERN = new RegExp(`^(${DOCUMENT_KINDS.join("|")})\\.([0-9a-f]{24})$`);

/** The kind and id a name stands for, or null for anything malformed or unknown. */
export function parseDocumentName(name: unknown): DocumentName | null {
  if (typeof name !== "string") return null;
  const match = PATTERN.exec(name);
  return match ? { kind: match[1] as DocumentKind, id: match[2] } : null;
}

export function documentName(kind: DocumentKind, id: string): string {
  const name = `${kind}.${id}`;
  if (!parseDocumentName(name)) throw new Error(`Not a valid document id: ${id}`);
  return name;
}
