import "server-only";
import { cache } from "react";
import { CurrentViewerDocument, type ShellViewerFragment } from "@/gql/graphql";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { busyPath, needsPurpose, needsSecondFactor, withNext } from "../access/access";

/**
 * Who is asking, their purpose and what they may see: one small read (not personal data), shared
 * by generateMetadata and the page of one request. Every page asks it first and decides from it
 * what to read next (the card or the sections, the caseload's columns, the navigation).
 */
export const loadViewer = cache(() => serverQuery(CurrentViewerDocument, {}));

/** Only the signed-in viewer, or null (anonymous, or a login still waiting for its second factor). */
export async function currentViewer(): Promise<ShellViewerFragment | null> {
  const { data } = await loadViewer();
  return data?.viewer ?? null;
}

export interface ViewerRequirements {
  /** The locale-less path of this page, to come back to after logging in or stating a purpose. */
  returnTo: string;
  /** Send a session without a purpose to the purpose page first (default true). */
  purpose?: boolean;
  /** Send an account that must enrol a second factor to the enrolment page first (default true). */
  secondFactor?: boolean;
}

/**
 * The signed-in viewer, or a redirect: to the login page when anonymous, to the second-factor
 * enrolment when the account needs one, to the purpose page when the session has not stated one.
 * Pages call it themselves; layouts never check authentication.
 */
export async function requireViewer(
  locale: Locale,
  options: ViewerRequirements,
): Promise<ShellViewerFragment> {
  const { data, errors } = await loadViewer();
  const viewer = data?.viewer ?? null;
  if (viewer === null) {
    const outcome = classifyErrors(errors);
    if (outcome.kind === "busy") return redirect({ href: busyPath(outcome, options.returnTo), locale });
    if (outcome.kind === "failed") throw new ApiRequestError(outcome.errors);
    return redirect({ href: withNext("/login", options.returnTo), locale });
  }
  if ((options.secondFactor ?? true) && needsSecondFactor(viewer))
    return redirect({ href: withNext("/second-factor", options.returnTo), locale });
  if ((options.purpose ?? true) && needsPurpose(viewer))
    return redirect({ href: withNext("/purpose", options.returnTo), locale });
  return viewer;
}

/**
 * Acts on the errors of a page's own read: a lost session, a missing second factor or purpose
 * become redirects (the API has the last word even when the viewer looked fine), not-found becomes
 * the 404 page (the caller passes `notFound`), field-level refusals are kept as partial data, and
 * anything else goes to the error page.
 */
export function handleReadErrors(
  outcome: ReturnType<typeof classifyErrors>,
  locale: Locale,
  returnTo: string,
  onNotFound?: () => never,
): void {
  switch (outcome.kind) {
    case "ok":
    case "partial":
      return;
    case "unauthenticated":
      redirect({ href: withNext("/login", returnTo), locale });
      return;
    case "secondFactorRequired":
      redirect({ href: withNext("/second-factor", returnTo), locale });
      return;
    case "purposeRequired":
      redirect({ href: withNext("/purpose", returnTo), locale });
      return;
    case "busy":
      redirect({ href: busyPath(outcome, returnTo), locale });
      return;
    case "notFound":
      if (onNotFound) onNotFound();
      throw new ApiRequestError([]);
    case "failed":
      throw new ApiRequestError(outcome.errors);
  }
}
