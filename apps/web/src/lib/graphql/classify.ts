import type { ApiError } from "./errors";

/**
 * What a page does with the errors of its read. Checked in this order:
 * - `unauthenticated`: not (or no longer) logged in → the login page;
 * - `secondFactorRequired`: the account must enrol an authenticator app first → the enrolment page;
 * - `purposeRequired`: the session has not stated its purpose → the purpose page;
 * - `busy`: the API could not answer now (RATE_LIMITED: the user's request budget is spent;
 *   UNAVAILABLE: the database is briefly out of reach; TIMEOUT: the read took too long) → the page
 *   that says so and offers to try again;
 * - `notFound`: the record asked for is unknown or out of scope (NOT_FOUND, or a malformed ID) → 404;
 * - `partial`: only field-level refusals (FORBIDDEN deeper than a root field: a data class the user
 *   may not read). The rest of the data is good; the page renders it and leaves those fields out;
 * - `failed`: anything else → the error page.
 */
export type ErrorClass =
  | { kind: "ok" }
  | { kind: "partial"; denied: ApiError[] }
  | { kind: "unauthenticated" }
  | { kind: "secondFactorRequired" }
  | { kind: "purposeRequired" }
  | { kind: "busy"; reason: BusyReason; retryAfterSeconds: number | null }
  | { kind: "notFound" }
  | { kind: "failed"; errors: ApiError[] };

export const BUSY_REASONS = ["RATE_LIMITED", "UNAVAILABLE", "TIMEOUT"] as const;
export type BusyReason = (typeof BUSY_REASONS)[number];

export const PURPOSE_REQUIRED = "PURPOSE_REQUIRED";
export const SECOND_FACTOR_REQUIRED = "SECOND_FACTOR_REQUIRED";

/** A FORBIDDEN error on a field inside a result (a data class the user may not read), not on a root field. */
export function isFieldDenial(error: ApiError): boolean {
  return error.code === "FORBIDDEN" && error.reason === null && error.path.length > 1;
}

export function classifyErrors(
  errors: readonly ApiError[],
  options: { notFoundAt?: string } = {},
): ErrorClass {
  if (errors.length === 0) return { kind: "ok" };
  if (errors.some((e) => e.code === "UNAUTHENTICATED")) return { kind: "unauthenticated" };
  if (errors.some((e) => e.reason === SECOND_FACTOR_REQUIRED)) return { kind: "secondFactorRequired" };
  if (errors.some((e) => e.reason === PURPOSE_REQUIRED)) return { kind: "purposeRequired" };
  const busy = errors.find((e) => (BUSY_REASONS as readonly (string | null)[]).includes(e.code));
  if (busy !== undefined)
    return {
      kind: "busy",
      reason: busy.code as BusyReason,
      retryAfterSeconds: busy.retryAfterSeconds ?? null,
    };
  const root = options.notFoundAt;
  if (
    root !== undefined &&
    errors.some(
      (e) =>
        (e.code === "NOT_FOUND" || e.code === "BAD_USER_INPUT") && e.path.length === 1 && e.path[0] === root,
    )
  )
    return { kind: "notFound" };
  if (errors.every(isFieldDenial)) return { kind: "partial", denied: [...errors] };
  return { kind: "failed", errors: errors.filter((e) => !isFieldDenial(e)) };
}
