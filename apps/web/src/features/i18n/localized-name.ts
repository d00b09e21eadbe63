/** Reference data named in the three portal languages (instrument indicators, condition and measure types). */
export interface NamedInThreeLanguages {
  nameEn: string;
  nameFr: string;
  nameNl: string;
}

/** The name in the page's language (English for any other). */
export function nameInLocale(named: NamedInThreeLanguages, locale: string): string {
  if (locale === "fr") return named.nameFr;
  if (locale === "nl") return named.nameNl;
  return named.nameEn;
}
