/**
 * The ways a request can be refused, as the domain sees them. Loaders and commands throw these;
 * the HTTP layer turns each into one status (app/utils/command.server.ts) and the collab server
 * into one close reason, so a refusal reads the same wherever it happens.
 */

/** Not there, or not the caller's to see: the two are answered alike (404), so ids leak nothing. */
export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The caller may see this, but may not do this to it (403). The message says who may. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The input is wrong (400). `field` names the form field to show the message next to. */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
  ) {
    super(message);
    this.name = "InvalidInputError";
  }
}

/** The request no longer fits what is stored, e.g. someone else decided first (409). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

/** True for a duplicate-key error from MongoDB or FerretDB: a unique key refused a second write. */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as {
    code?: number;
    writeErrors?: { code?: number; err?: { code?: number } }[];
  } | null;
  if (!e || typeof e !== "object") return false;
  if (e.code === 11000) return true;
  return (e.writeErrors ?? []).some((w) => (w.code ?? w.err?.code) === 11000);
}

/** Several fields are wrong (400): each field's first problem, to show next to it. */
export class InvalidFieldsError extends InvalidInputError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors)[0] ?? "Check the form.", Object.keys(fieldErrors)[0]);
    this.name = "InvalidFieldsError";
  }
}

/**
 * Runs an upsert, and once more if it lost a race to insert the same key: the record exists
 * now, so the second run is a plain update. Any other error is thrown.
 */
export async function upsertRacing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return write();
  }
}
