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

/** How often an upsert is run, at most, while it keeps losing races to insert its key. */
const UPSERT_ATTEMPTS = 5;

/**
 * Runs an upsert, and again each time it lost a race to insert the same key (the record existed
 * by then, so the next run updates it). Once is not always enough: the record another request
 * inserted may be deleted again before the next run (a draft refused and cleared by its own
 * save), and then the next run races a third request's insert. Any other error is thrown, and
 * the duplicate after the last attempt.
 */
export async function upsertRacing<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= UPSERT_ATTEMPTS) throw error;
    }
  }
}
