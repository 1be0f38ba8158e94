/** One evidence item as the evidence route lists it (JSON), for the criterion panels. */
export interface EvidenceListItem {
  id: string;
  kind: "file" | "link";
  title: string;
  /** Links: the http(s) address. */
  url: string | null;
  /** Files: where to download it (always as an attachment). */
  downloadUrl: string | null;
  /** "PDF", "Word", "Link"… */
  typeLabel: string;
  size: number | null;
  fileName: string | null;
  addedBy: string;
  createdAt: string;
}

export interface EvidenceListData {
  items: EvidenceListItem[];
  /** The largest file the server accepts, in bytes. */
  maxBytes: number;
}

/** What the evidence route's action answers. */
export type EvidenceActionData =
  | { ok: true; intent: string; item?: EvidenceListItem; duplicate?: boolean }
  | {
      ok?: false;
      intent?: string;
      fieldErrors?: Record<string, string>;
      formError?: string | null;
      done?: string | null;
    };

export const evidenceRoute = (evaluationId: string) => `/evaluations/${evaluationId}/evidence`;

/** "840 KB", "3.2 MB". */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the file picker offers; the server decides from the contents anyway. */
export const ACCEPT_ATTRIBUTE =
  ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";
