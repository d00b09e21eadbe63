import "server-only";
import { cache } from "react";
import { classesInScope, sectionVisible } from "@/features/access/access";
import { handleReadErrors } from "@/features/auth/viewer";
import { type CaseFilePersonFragment, CaseFollowUpDocument, type ShellViewerFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { serverQuery } from "@/lib/graphql/server";
import { FollowUpSection } from "./FollowUpSection";
import { followUpFormsFor } from "./follow-up-form";

/** The case file's follow-up part: a read of its own (React's per-request cache: one audited read per view). */
export const loadCaseFollowUp = cache((id: string, on: string) =>
  serverQuery(CaseFollowUpDocument, { id, on }),
);

/**
 * The follow-up section, or null where the viewer does not read FOLLOW_UP on this case (left out
 * rather than marked unavailable, like the programmes). `asOf`: the case file's day — the measures
 * in force then, and no forms.
 */
export async function loadFollowUpPart(
  viewer: ShellViewerFragment,
  person: CaseFilePersonFragment,
  context: { asOf: string | null; today: string; returnTo: string; locale: Locale },
) {
  if (
    !classesInScope(viewer.caseAccess).has("FOLLOW_UP") ||
    !sectionVisible("followUp", person.access.classes)
  )
    return null;
  const on = context.asOf ?? context.today;
  const { data, errors } = await loadCaseFollowUp(person.id, on);
  handleReadErrors(classifyErrors(errors), context.locale, context.returnTo);
  const found = data?.person;
  if (!found) return null;
  const forms = followUpFormsFor(viewer, person.access, {
    detained: person.detentionStatus === "DETAINED",
    closed: found.closure?.inForce ?? false,
    asOf: context.asOf,
  });
  return (
    <FollowUpSection
      person={found}
      forms={forms}
      on={on}
      asOf={context.asOf}
      today={context.today}
      returnTo={context.returnTo}
    />
  );
}
