import { GraphQLError } from "graphql";

/** The only `extensions.code` values a client ever sees. */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  /** A statement ran past DATABASE_STATEMENT_TIMEOUT_MS (HTTP 503, `retryable: false`): ask for less. */
  TIMEOUT: "TIMEOUT",
  /** The database cannot be reached for a moment (HTTP 503, `retryable: true`): retry the request. */
  UNAVAILABLE: "UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

function error(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const unauthenticated = (message = "Authentication required: log in or send a valid API token.") =>
  error("UNAUTHENTICATED", message);
/** For credentials refused before the operation runs: also answered with HTTP 401. */
export const credentialsRejected = (message: string) =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
export const forbidden = (message = "You are not allowed to do this.", extra: Record<string, unknown> = {}) =>
  error("FORBIDDEN", message, extra);
export const notFound = (what = "record") => error("NOT_FOUND", `No ${what} with this ID.`);
export const badUserInput = (message: string, field?: string) =>
  error("BAD_USER_INPUT", message, field === undefined ? {} : { field });
export const conflict = (message: string) => error("CONFLICT", message);
/** Past the actor's request budget (graphql/limits.ts); over HTTP also answered 429 with Retry-After. */
export const rateLimited = (retryAfterSeconds: number) =>
  error("RATE_LIMITED", `Too many requests: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
