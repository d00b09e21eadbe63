import { defineEnum, type EnumValue } from "./enum.js";

/** The five legacy CelEx categories used since 2015. A person has at most one at a time. */
export const LegacyCategory = defineEnum(["A", "B", "C", "D", "E"] as const);
export type LegacyCategory = EnumValue<typeof LegacyCategory>;

export const LEGACY_CATEGORY_DESCRIPTIONS: Record<LegacyCategory, string> = {
  A: "Terrorist convict: convicted of a terrorist offence.",
  B: "Terrorist assimilated: case linked to terrorism, or behaviour clearly linked to violent extremism.",
  C: "Terrorist fighter: foreign fighter or homegrown fighter.",
  D: "Radicalised: non-terrorist conviction with signs of radicalisation.",
  E: "Hate preacher.",
};

/** The nominal, combinable labels CelEx uses since 2020, kept beside the legacy category. */
export const ListingLabel = defineEnum([
  "TERRORIST_CONVICT",
  "FOREIGN_FIGHTER",
  "HOMEGROWN_FIGHTER",
  "HATE_PREACHER",
  "RADICALISED",
  "ASSIMILATED",
] as const);
export type ListingLabel = EnumValue<typeof ListingLabel>;

export const LISTING_LABEL_DESCRIPTIONS: Record<ListingLabel, string> = {
  TERRORIST_CONVICT: "Convicted of a terrorist offence.",
  FOREIGN_FIGHTER: "Travelled to a conflict zone to join a terrorist group.",
  HOMEGROWN_FIGHTER: "Prepared or committed violence at home on behalf of a terrorist group.",
  HATE_PREACHER: "Propagates an extremist ideology to incite hatred or violence.",
  RADICALISED: "Shows signs of radicalisation without a terrorist conviction.",
  ASSIMILATED: "Assimilated to terrorism through the case or clearly extremist behaviour.",
};

/** The label that a legacy category implies when no other label was recorded (used for migrated history). */
export const DEFAULT_LABEL_FOR_CATEGORY: Record<LegacyCategory, ListingLabel> = {
  A: "TERRORIST_CONVICT",
  B: "ASSIMILATED",
  C: "FOREIGN_FIGHTER",
  D: "RADICALISED",
  E: "HATE_PREACHER",
};

export const Ideology = defineEnum(["JIHADIST", "FAR_RIGHT", "FAR_LEFT", "OTHER"] as const);
export type Ideology = EnumValue<typeof Ideology>;

export const IDEOLOGY_DESCRIPTIONS: Record<Ideology, string> = {
  JIHADIST: "Jihadist violent extremism.",
  FAR_RIGHT: "Far-right violent extremism.",
  FAR_LEFT: "Far-left violent extremism.",
  OTHER: "Other or mixed ideology.",
};

/** Sorted, de-duplicated labels: the canonical form stored and compared. */
export function normaliseLabels(labels: readonly ListingLabel[]): ListingLabel[] {
  return [...new Set(labels)].sort();
}

export function sameLabels(a: readonly ListingLabel[], b: readonly ListingLabel[]): boolean {
  const x = normaliseLabels(a);
  const y = normaliseLabels(b);
  return x.length === y.length && x.every((label, i) => label === y[i]);
}

/** The intelligence service's broader list of inmates, kept beside the CelEx list (the paper's Figure 2). */
export const WatchlistStatus = defineEnum(["RADICALISED", "VULNERABLE"] as const);
export type WatchlistStatus = EnumValue<typeof WatchlistStatus>;

export const WATCHLIST_STATUS_DESCRIPTIONS: Record<WatchlistStatus, string> = {
  RADICALISED: "Considered radicalised by the intelligence service.",
  VULNERABLE: "Considered vulnerable to radicalisation.",
};
