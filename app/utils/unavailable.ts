/**
 * What a person is told when the database does not answer in time (answered 503): the server
 * (server/unavailable.ts) and the page's error boundary (app/root.tsx) say the same thing.
 */
export const UNAVAILABLE = {
  title: "Not responding just now",
  message: "The service is not responding just now. Your work is safe: try again in a moment.",
} as const;

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;
