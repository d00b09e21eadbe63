import { Redis } from "ioredis";
import type { Logger } from "pino";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { Actor } from "../auth/actor.js";
import type { Config } from "../config.js";
import { rateLimited } from "./errors.js";

/**
 * Bounds on what one actor may ask of the API, besides graphql-armor's bounds on one operation
 * (server.ts) and the statement timeout of each request's transaction (database-session.ts).
 * Every limit, its setting and what a client gets: docs/limits.md.
 */

/**
 * Whose budget a request spends: its API token's, else its user's, else (anonymous: logging in)
 * the client address's. A user's sessions share one budget; each token of an account has its own.
 */
export function rateLimitKey(actor: Actor | null, clientAddress: string): string {
  if (actor?.tokenId) return `token:${actor.tokenId}`;
  if (actor !== null) return `user:${actor.userId}`;
  return `address:${clientAddress}`;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * RATE_LIMIT_PER_MINUTE requests per actor per window (a fixed window of RATE_LIMIT_WINDOW_SECONDS,
 * a minute, that opens with the actor's first request). Without REDIS_URL, counted in this
 * process's memory: several replicas each keep their own count. With REDIS_URL, counted in Redis,
 * so that replicas share each actor's budget; while Redis cannot be reached, each replica falls
 * back to counting in its own memory (rate-limiter-flexible's insurance limiter) rather than
 * refusing or waving through every request.
 */
export class RequestRateLimiter {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | null = null;

  constructor(limit: Config["rateLimit"], logger?: Logger) {
    const options = { points: limit.points, duration: limit.windowSeconds };
    const memory = new RateLimiterMemory({ ...options, keyPrefix: "graphql" });
    if (limit.redisUrl === null) {
      this.limiter = memory;
      return;
    }
    const redis = new Redis(limit.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on("error", (error: Error) => logger?.warn({ err: error }, "rate limit store (Redis) unreachable"));
    this.redis = redis;
    this.limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      keyPrefix: "continuum:graphql",
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }

  /** Spends one request of the key's budget, or says how long to wait when none is left. */
  async consume(key: string): Promise<RateDecision> {
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  }

  /** Lets go of Redis, if any (no more reconnection attempts). */
  close(): void {
    this.redis?.disconnect();
  }
}

/** The body of a request refused for its rate (HTTP 429 with Retry-After). */
export function rateLimitedBody(retryAfterSeconds: number) {
  return { errors: [rateLimited(retryAfterSeconds).toJSON()] };
}

/** Postgres's query_canceled: here, a statement that ran past the request's statement_timeout. */
const QUERY_CANCELED = "57014";

/**
 * Whether an error (or what it wraps: GraphQL's originalError, Drizzle's cause) is a statement
 * cancelled by the request's statement timeout. Answered TIMEOUT (HTTP 503, `retryable: false`):
 * the same request would take as long again; the client must ask for less.
 */
export function isStatementTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    const { code, originalError, cause } = current as {
      code?: unknown;
      originalError?: unknown;
      cause?: unknown;
    };
    if (code === QUERY_CANCELED) return true;
    current = originalError ?? cause;
  }
  return false;
}

export const TIMEOUT_MESSAGE =
  "The request took too long and was stopped: ask for less (fewer rows, a shorter period or fewer fields).";
