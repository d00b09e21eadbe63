import { establishmentName } from "@continuum/domain";
import type { EstablishmentNamesFragment } from "@/gql/graphql";
import { languageOfLocale } from "@/i18n/locale";
import type { Locale } from "@/i18n/routing";

/**
 * An establishment's name in the page's language (in English, its local official name), whatever
 * language the user stored: the page's locale is what the reader sees.
 */
export function establishmentLabel(establishment: EstablishmentNamesFragment, locale: Locale): string {
  return establishmentName(establishment, languageOfLocale(locale));
}

/** Establishments in alphabetical order for this locale. */
export function sortEstablishments<T extends EstablishmentNamesFragment>(
  establishments: readonly T[],
  locale: Locale,
): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return [...establishments].sort((a, b) =>
    collator.compare(establishmentLabel(a, locale), establishmentLabel(b, locale)),
  );
}
