import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Every environment variable the app reads, checked once at start (README lists them). */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  MONGODB_URI: z.string().url().optional(),
  MONGODB_DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("quality-marks"),
  DATA_DIR: z.string().default("./data"),
  SESSION_SECRET: z.string().min(32).optional(),
  /** Encrypts second-factor secrets; derived from SESSION_SECRET when absent (ADR 008). */
  SECOND_FACTOR_KEY: z.string().min(32).optional(),
  COOKIE_SECURE: flag.default(true),
  SEED_DEMO: flag.default(true),
  COLLAB_STORE_DEBOUNCE_MS: z.coerce.number().int().min(0).default(2000),
  COLLAB_STORE_MAX_DEBOUNCE_MS: z.coerce.number().int().min(0).default(10_000),
  COLLAB_SESSION_SWEEP_MS: z.coerce.number().int().min(100).default(30_000),
  // How often sockets are pinged; one silent for a whole interval is cut off (collab/heartbeat.ts).
  COLLAB_HEARTBEAT_MS: z.coerce.number().int().min(100).default(5_000),
  COLLAB_LOG_TRIM_MS: z.coerce.number().int().min(10).default(30_000),
  /** How long accepted updates wait to be written to the log together; 60 ms when unset. */
  COLLAB_LOG_FLUSH_MS: z.coerce.number().int().min(0).max(10_000).optional(),
  /** How long relayed updates wait, at most, for a check against the log (ADR 041); 5 min. */
  COLLAB_RELAYED_CHECK_MS: z.coerce.number().int().min(100).max(600_000).optional(),
  /** How often the whole audit chain is read and checked (ADR 055); hourly. */
  AUDIT_CHECK_EVERY_MS: z.coerce.number().int().min(1000).default(3_600_000),
  TRUST_PROXY: flag.default(false),
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  /** tldraw's licence key for the whiteboard: needed in production, not on localhost. */
  TLDRAW_LICENSE_KEY: z.string().trim().min(1).optional(),
  /** Redis for several processes (ADR 018): relays documents, signals and rate limits. */
  REDIS_URL: z.string().url().optional(),
  /** Namespace of every Redis key and channel, so several deployments can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default("qm"),
  /** When set, /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Which server runs the live documents (ADR 021): our Hocuspocus, or Liveblocks' rooms. */
  COLLAB_BACKEND: z.enum(["hocuspocus", "liveblocks"]).default("hocuspocus"),
  /** Liveblocks' secret key (sk_…; `sk_localdev` for its dev server). */
  LIVEBLOCKS_SECRET_KEY: z.string().startsWith("sk_").optional(),
  /** Liveblocks' address: its dev server's (e.g. http://127.0.0.1:1153), else Liveblocks' own. */
  LIVEBLOCKS_BASE_URL: z.string().url().optional(),
  /** The signing secret (whsec_…) of the webhook Liveblocks calls at /collab/liveblocks-webhook. */
  LIVEBLOCKS_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string };

let env: Env | null = null;

// Without SESSION_SECRET, one is made once and kept (0600) beside the data, so sessions
// survive restarts and nobody has to invent a secret to try the app.
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function getEnv(): Env {
  if (env) return env;
  const parsed = schema.safeParse(process.env);
  if (
    parsed.success &&
    parsed.data.COLLAB_BACKEND === "liveblocks" &&
    !parsed.data.LIVEBLOCKS_SECRET_KEY
  ) {
    throw new Error(
      "Invalid environment variables:\n  COLLAB_BACKEND=liveblocks needs LIVEBLOCKS_SECRET_KEY",
    );
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${problems.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  env = {
    ...parsed.data,
    DATA_DIR: dataDir,
    SESSION_SECRET: parsed.data.SESSION_SECRET ?? persistedSecret(dataDir),
  };
  return env;
}

/**
 * The only settings the browser may see (pages pass them to the components that need them).
 * Everything else in `getEnv()` stays on the server.
 */
const PUBLIC_KEYS = ["TLDRAW_LICENSE_KEY"] as const satisfies readonly (keyof Env)[];
export type PublicEnv = Pick<Env, (typeof PUBLIC_KEYS)[number]>;

export function publicEnv(): PublicEnv {
  const all = getEnv();
  return Object.fromEntries(PUBLIC_KEYS.map((key) => [key, all[key]])) as PublicEnv;
}
