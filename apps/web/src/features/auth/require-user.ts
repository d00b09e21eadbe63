import "server-only";
import type { ShellUserFragment } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { type ApiError, hasCode } from "@/lib/graphql/errors";

/**
 * The signed-in user, or a redirect to the login page. Pages call this with the `me` they queried
 * together with their own data (one round trip); layouts never check authentication.
 */
export function requireUser(
  me: ShellUserFragment | null | undefined,
  errors: readonly ApiError[],
  locale: Locale,
): ShellUserFragment {
  if (!me || hasCode(errors, "UNAUTHENTICATED")) {
    return redirect({ href: "/login", locale });
  }
  return me;
}
