/** A GraphQL error as the API sends it, reduced to what the portal acts on. */
export interface ApiError {
  message: string;
  /** extensions.code: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, … */
  code: string | null;
  /** extensions.reason, for some FORBIDDEN errors: PURPOSE_REQUIRED, SECOND_FACTOR_REQUIRED. */
  reason: string | null;
  path: readonly (string | number)[];
  /** extensions.retryAfterSeconds, with RATE_LIMITED: when the user's request budget refills (else absent). */
  retryAfterSeconds?: number | null;
}

interface RawError {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; reason?: unknown; retryAfterSeconds?: unknown } | null;
}

/** Reads the `errors` array of a GraphQL response body, whatever shape it arrived in. */
export function readErrors(raw: unknown): ApiError[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item: RawError) => ({
    message: typeof item?.message === "string" ? item.message : "GraphQL error",
    code: typeof item?.extensions?.code === "string" ? item.extensions.code : null,
    reason: typeof item?.extensions?.reason === "string" ? item.extensions.reason : null,
    path: Array.isArray(item?.path)
      ? item.path.filter((p) => typeof p === "string" || typeof p === "number")
      : [],
    ...(typeof item?.extensions?.retryAfterSeconds === "number"
      ? { retryAfterSeconds: item.extensions.retryAfterSeconds }
      : {}),
  }));
}

export function hasCode(errors: readonly ApiError[], code: string, field?: string): boolean {
  return errors.some((e) => e.code === code && (field === undefined || e.path[0] === field));
}

export function hasReason(errors: readonly ApiError[], reason: string): boolean {
  return errors.some((e) => e.reason === reason);
}

/** Thrown when the API answers with errors a page does not handle itself (rendered by error.tsx). */
export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(readonly errors: readonly ApiError[]) {
    super(`The API answered with errors: ${errors.map((e) => e.code ?? e.message).join(", ")}`);
  }
}
