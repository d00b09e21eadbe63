import { z } from "zod";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  API_HOST: z.string().min(1).default("0.0.0.0"),
  /** Set: Postgres through a `pg` pool. Unset: embedded PGlite in PGLITE_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Postgres cancels any statement of a request's transaction that runs longer (answered TIMEOUT). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
  /** Requests one actor (API token, user, or client address when anonymous) may send per window. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** The rate limit's window: a minute, shorter only in tests. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Set: replicas share each actor's rate-limit budget in this Redis. Unset: each counts in memory. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: "must be a redis:// or rediss:// URL" })
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).default("./.data"),
  /** Load the fictional demo population when the database is empty. */
  SEED_DEMO: booleanFromEnv.optional(),
  DEMO_PASSWORD: z.string().min(8, { message: "must be at least 8 characters" }).default("continuum-demo"),
  /** Absolute lifetime of a portal session. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Mark the session cookie Secure (set when the portal is served over HTTPS). */
  COOKIE_SECURE: booleanFromEnv.optional(),
  /**
   * Behind a trusted proxy (the portal), take the client address from the last X-Forwarded-For
   * entry, the one that proxy added. Off by default: a client could otherwise choose its address.
   */
  TRUST_PROXY: booleanFromEnv.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Require a second factor from accounts that read intelligence or clinical data. */
  MFA_ENFORCED: booleanFromEnv.default(true),
  /** Give up on in-flight requests this long after SIGTERM. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: { kind: "postgres"; url: string; poolSize: number } | { kind: "pglite"; dataDir: string | null };
  seedDemo: boolean;
  demoPassword: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  mfaEnforced: boolean;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
  shutdownGraceMs: number;
  statementTimeoutMs: number;
  rateLimit: { points: number; windowSeconds: number; redisUrl: string | null };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment once; every problem is listed with the variable it concerns. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in an env file) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.API_PORT,
    host: e.API_HOST,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: "pglite", dataDir: e.PGLITE_DATA_DIR },
    seedDemo: e.SEED_DEMO ?? e.DATABASE_URL === undefined,
    demoPassword: e.DEMO_PASSWORD,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === "production",
    trustProxy: e.TRUST_PROXY,
    mfaEnforced: e.MFA_ENFORCED,
    logLevel: e.LOG_LEVEL,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    rateLimit: {
      points: e.RATE_LIMIT_PER_MINUTE,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      redisUrl: e.REDIS_URL ?? null,
    },
  };
}
