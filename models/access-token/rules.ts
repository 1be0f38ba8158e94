/** What a personal access token may be (ADR 019): pure, for the server and the account page. */
export const TOKEN_SCOPES = ["read", "readWrite"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  read: "Read only",
  readWrite: "Read and write",
};

/** How long a new token may last, in days (the form offers these). */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const;

/** Live (unrevoked, unexpired) tokens one person may hold at once. */
export const MAX_LIVE_TOKENS = 20;

/** Every token starts so, so that secret scanners and people can tell what it is. */
export const TOKEN_PREFIX = "qmt_";
