import "server-only";
import { MUNICIPALITIES } from "@continuum/domain";
import { cache } from "react";
import { handleReadErrors } from "@/features/auth/viewer";
import { nameInLocale } from "@/features/i18n/localized-name";
import {
  type CaseFilePersonFragment,
  CaseReleaseDocument,
  ReleaseFormReferenceDocument,
  type ShellViewerFragment,
} from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { serverQuery } from "@/lib/graphql/server";
import type { ConditionChoices } from "./ConditionTermsFields";
import { ReleaseFollowUpSection } from "./ReleaseFollowUpSection";
import { type ReleaseFormContext, ReleasePreparationSection } from "./ReleasePreparationSection";
import { imposeRelease, supervisingAgencies } from "./release-form";
import { NO_RELEASE_FORMS, releaseFormsFor, releaseReads } from "./release-rules";

/**
 * The case file's release part: a read of its own (React's per-request cache: one audited read per
 * view), asked only for what the viewer reads on this case.
 */
export const loadCaseRelease = cache(
  (id: string, on: string, episodes: boolean, conditions: boolean, followUp: boolean) =>
    serverQuery(CaseReleaseDocument, { id, on, episodes, conditions, followUp }),
);

/** The municipalities Continuum knows (the API refuses others), in the page's alphabetical order. */
export function knownMunicipalities(locale: Locale): string[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return MUNICIPALITIES.map((m) => m.name).sort(collator.compare);
}

async function conditionChoices(locale: Locale): Promise<ConditionChoices> {
  const { data } = await serverQuery(ReleaseFormReferenceDocument, {});
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return {
    types: (data?.conditionTypes ?? [])
      .map((type) => ({
        code: type.code,
        name: nameInLocale(type, locale),
        requiresDetails: type.requiresDetails,
      }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    agencies: supervisingAgencies(data?.agencies ?? [], locale).map((a) => ({ id: a.id, name: a.name })),
  };
}

/**
 * The release preparation (a detained person) and the follow-up after release (a released one),
 * each null where it does not apply or the viewer does not read it. `asOf`: the case file's day —
 * conditions as they stood then, and no forms.
 */
export async function loadReleaseParts(
  viewer: ShellViewerFragment,
  person: CaseFilePersonFragment,
  context: { asOf: string | null; today: string; returnTo: string; locale: Locale },
): Promise<{ preparation: React.ReactNode; followUp: React.ReactNode }> {
  const none = { preparation: null, followUp: null };
  const reads = releaseReads(person.access);
  const stage = person.access.stage;
  if (!reads.episodes && !reads.conditions) return none;
  const { asOf, today, returnTo, locale } = context;
  // Released at least once: the stage says so, or (for a person detained again) a closed episode.
  const releasedBefore =
    stage !== "IN_PRISON" || (person.detentionEpisodes ?? []).some((e) => e.releasedOn !== null);
  const { data, errors } = await loadCaseRelease(
    person.id,
    asOf ?? today,
    reads.episodes,
    reads.conditions,
    releasedBefore,
  );
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  const found = data?.person;
  if (!found) return none;
  const open = found.detentionEpisodes?.find((e) => e.releasedOn === null) ?? null;
  const forms = releaseFormsFor(viewer, { access: person.access, detained: open !== null, asOf });
  const anyForm = Object.values(forms).some(Boolean);
  const municipalities = anyForm ? knownMunicipalities(locale) : [];
  // A supervisor imposes a condition after a release with conditions (from the latest episode).
  const imposing = forms.supervise && open === null ? imposeRelease(found.detentionEpisodes ?? null) : null;
  const choices =
    forms.prepare || forms.release || imposing !== null
      ? await conditionChoices(locale)
      : { types: [], agencies: [] };
  const conditions = found.releaseConditions ?? null;

  let preparation: React.ReactNode = null;
  if (open !== null) {
    const placement = person.placements?.find((p) => p.validTo === null) ?? null;
    const formContext: ReleaseFormContext | null =
      forms.prepare || forms.release
        ? { forms, choices, municipalities, placedOn: placement?.validFrom ?? null, today, returnTo }
        : null;
    preparation = (
      <ReleasePreparationSection
        personId={person.id}
        episode={open}
        conditions={conditions}
        asOf={asOf}
        context={formContext}
      />
    );
  }

  let followUp: React.ReactNode = null;
  if (open === null && releasedBefore) {
    followUp = (
      <ReleaseFollowUpSection
        personId={person.id}
        conditions={conditions}
        residences={found.residences ?? null}
        responsibilities={found.responsibilities ?? []}
        asOf={asOf}
        forms={anyForm ? forms : NO_RELEASE_FORMS}
        impose={imposing ? { releasedOn: imposing.releasedOn, choices } : null}
        context={forms.supervise || forms.handOver ? { municipalities, today, returnTo } : null}
      />
    );
  }
  return { preparation, followUp };
}
