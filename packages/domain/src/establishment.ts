import type { JudicialDistrict, Language } from "./agency.js";

const DUTCH_SPEAKING_DISTRICTS: ReadonlySet<JudicialDistrict> = new Set([
  "ANTWERP",
  "LIMBURG",
  "EAST_FLANDERS",
  "WEST_FLANDERS",
  "LEUVEN",
]);

/**
 * The name to show for an establishment: the user's language where it is French or Dutch, and in
 * English the local official name (Dutch in Flanders, French elsewhere, including Brussels).
 */
export function establishmentName(
  e: { nameFr: string; nameNl: string; judicialDistrict: JudicialDistrict },
  language: Language,
): string {
  if (language === "FR") return e.nameFr;
  if (language === "NL") return e.nameNl;
  return DUTCH_SPEAKING_DISTRICTS.has(e.judicialDistrict) ? e.nameNl : e.nameFr;
}

export function isDutchSpeakingDistrict(district: JudicialDistrict): boolean {
  return DUTCH_SPEAKING_DISTRICTS.has(district);
}
