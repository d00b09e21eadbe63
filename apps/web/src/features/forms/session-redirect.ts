import { PURPOSE_REQUIRED, SECOND_FACTOR_REQUIRED } from "@/lib/graphql/classify";
import type { ApiError } from "@/lib/graphql/errors";
import { withNext } from "../access/access";

/**
 * Where a refused request sends the user when the session itself is the problem: logged out, a
 * second factor to enrol, a purpose to state; null when the form should show its own failure.
 * `returnTo` is the locale-less path to come back to.
 */
export function sessionRedirect(errors: readonly ApiError[], returnTo: string): string | null {
  if (errors.some((e) => e.code === "UNAUTHENTICATED")) return withNext("/login", returnTo);
  if (errors.some((e) => e.reason === SECOND_FACTOR_REQUIRED)) return withNext("/second-factor", returnTo);
  if (errors.some((e) => e.reason === PURPOSE_REQUIRED)) return withNext("/purpose", returnTo);
  return null;
}
