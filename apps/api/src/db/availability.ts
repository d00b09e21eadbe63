/**
 * Whether an error means "the database cannot be reached right now" (an outage, a restart, a
 * failover): such a request may simply be retried, so it is answered UNAVAILABLE (HTTP 503,
 * `retryable: true`, `Retry-After`) instead of INTERNAL_SERVER_ERROR. The one place that decides.
 */

/** Node's socket errors when the server is gone or the connection was cut. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** SQLSTATEs of a server shutting down or not yet accepting connections. */
const SHUTDOWN_STATES = new Set([
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
]);

/** Messages of node-postgres (and pg-pool) when a connection ends or cannot be had. */
const MESSAGES = [
  /connection terminated/i,
  /connection ended/i,
  /terminating connection/i,
  /client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function isUnavailableOne(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code) || SHUTDOWN_STATES.has(code)) return true;
    // Class 08: connection exception.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return typeof message === "string" && MESSAGES.some((pattern) => pattern.test(message));
}

/**
 * True when the error, or any error it wraps (`cause`, GraphQL's `originalError`, an
 * AggregateError's `errors`), says the database is unreachable.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    if (isUnavailableOne(current)) return true;
    const { cause, originalError, errors } = current as {
      cause?: unknown;
      originalError?: unknown;
      errors?: unknown;
    };
    pending.push(cause, originalError);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/** Seconds a client should wait before retrying (the `Retry-After` header). */
export const RETRY_AFTER_SECONDS = 1;

export const UNAVAILABLE_MESSAGE = "The database is unavailable for a moment. Retry the request.";
