import type { ActorProfile } from "./access.js";
import { visibilityOf } from "./access.js";
import { addMonthsToDate, ageOn, type IsoDate } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";

// Analytics: figures over many cases, asked as of a date or per period. The rules here are shared by
// the API (which computes and protects the figures) and the portal (which shows them).

/**
 * Whose cases a figure counts. Readers of cases count what they may read (row-level security
 * decides, as for any read); statisticians, who read no case, count every case but get small
 * counts suppressed. Everyone else gets no figures.
 */
export const AnalyticsScope = defineEnum(["VISIBLE_CASES", "ALL_CASES_PROTECTED"] as const);
export type AnalyticsScope = EnumValue<typeof AnalyticsScope>;

export function analyticsScopeOf(actor: Pick<ActorProfile, "agencyKind" | "roles">): AnalyticsScope | null {
  const visibility = visibilityOf(actor);
  if (Object.values(visibility).some((stage) => stage.places.length > 0)) return "VISIBLE_CASES";
  return actor.roles.includes("STATISTICIAN") ? "ALL_CASES_PROTECTED" : null;
}

/** Only readers of cases may go from a figure to the persons behind it (each read audited). */
export function mayDrillDown(scope: AnalyticsScope): boolean {
  return scope === "VISIBLE_CASES";
}

/** The length of the periods of a series. */
export const AnalyticsInterval = defineEnum(["MONTH", "QUARTER", "YEAR"] as const);
export type AnalyticsInterval = EnumValue<typeof AnalyticsInterval>;

const INTERVAL_MONTHS: Record<AnalyticsInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** A series has at most this many periods (twenty years by month). */
export const ANALYTICS_MAX_PERIODS = 240;

/** A period [start, end): a calendar month, quarter or year. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** The first day of the calendar month, quarter or year that holds the date. */
export function periodStartOf(date: IsoDate, interval: AnalyticsInterval): IsoDate {
  const [year, month] = date.split("-").map(Number) as [number, number];
  const months = INTERVAL_MONTHS[interval];
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  return `${String(year).padStart(4, "0")}-${String(firstMonth).padStart(2, "0")}-01`;
}

/** The calendar periods from the one holding `from` to the one holding `to`, both included. */
export function periodsBetween(from: IsoDate, to: IsoDate, interval: AnalyticsInterval): Period[] | null {
  if (to < from) return null;
  const months = INTERVAL_MONTHS[interval];
  const periods: Period[] = [];
  for (let start = periodStartOf(from, interval); start <= to; start = addMonthsToDate(start, months)) {
    if (periods.length === ANALYTICS_MAX_PERIODS) return null;
    periods.push({ start, end: addMonthsToDate(start, months) });
  }
  return periods;
}

/** Age on the day, in bands (the paper: 29% in their twenties, 48% in their thirties). */
export const AgeBand = defineEnum([
  "UNDER_20",
  "FROM_20_TO_29",
  "FROM_30_TO_39",
  "FROM_40_TO_49",
  "FROM_50",
] as const);
export type AgeBand = EnumValue<typeof AgeBand>;

export const AGE_BAND_DESCRIPTIONS: Record<AgeBand, string> = {
  UNDER_20: "Under 20 years old.",
  FROM_20_TO_29: "In their twenties.",
  FROM_30_TO_39: "In their thirties.",
  FROM_40_TO_49: "In their forties.",
  FROM_50: "50 or older.",
};

export function ageBandOf(dateOfBirth: IsoDate, on: IsoDate): AgeBand {
  const age = ageOn(dateOfBirth, on);
  if (age < 20) return "UNDER_20";
  if (age < 30) return "FROM_20_TO_29";
  if (age < 40) return "FROM_30_TO_39";
  if (age < 50) return "FROM_40_TO_49";
  return "FROM_50";
}

/** Nationality in three groups: Belgian (whatever else the person holds), another EU country, outside the EU. */
export const NationalityGroup = defineEnum(["BELGIAN", "OTHER_EU", "NON_EU"] as const);
export type NationalityGroup = EnumValue<typeof NationalityGroup>;

export const NATIONALITY_GROUP_DESCRIPTIONS: Record<NationalityGroup, string> = {
  BELGIAN: "Holds Belgian nationality (alone or with another).",
  OTHER_EU: "Not Belgian; holds the nationality of another EU member state.",
  NON_EU: "Holds no EU nationality (or none recorded).",
};

/** The other member states of the European Union (ISO 3166-1 alpha-2). */
export const OTHER_EU_COUNTRIES: readonly string[] = [
  "AT",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
];

export function nationalityGroupOf(nationalities: readonly string[]): NationalityGroup {
  if (nationalities.includes("BE")) return "BELGIAN";
  return nationalities.some((n) => OTHER_EU_COUNTRIES.includes(n)) ? "OTHER_EU" : "NON_EU";
}

/** Sentence length in bands (the paper: about 20% under 5 years, 50% under 10). */
export const SentenceBand = defineEnum([
  "UNDER_5_YEARS",
  "FROM_5_TO_10_YEARS",
  "OVER_10_YEARS",
  "NO_FIXED_TERM",
] as const);
export type SentenceBand = EnumValue<typeof SentenceBand>;

export const SENTENCE_BAND_DESCRIPTIONS: Record<SentenceBand, string> = {
  UNDER_5_YEARS: "Under 5 years (less than 60 months).",
  FROM_5_TO_10_YEARS: "From 5 to 10 years (60 to 120 months).",
  OVER_10_YEARS: "Over 10 years (more than 120 months).",
  NO_FIXED_TERM: "No sentence in months: preventive detention, internment or life.",
};

/** Under 60 months; 60 to 120 months; over 120; no sentence in months (preventive detention, internment, life). */
export function sentenceBandOf(sentenceMonths: number | null): SentenceBand {
  if (sentenceMonths === null) return "NO_FIXED_TERM";
  if (sentenceMonths < 60) return "UNDER_5_YEARS";
  return sentenceMonths <= 120 ? "FROM_5_TO_10_YEARS" : "OVER_10_YEARS";
}

// Disclosure control for statisticians (scope ALL_CASES_PROTECTED).

/** A count of persons from 1 to this minus one is never shown to a statistician. */
export const SMALL_COUNT_THRESHOLD = 5;

/** Why a count is not shown. */
export const Suppression = defineEnum(["NONE", "SMALL_COUNT", "REVEALS_SMALL_COUNT"] as const);
export type Suppression = EnumValue<typeof Suppression>;

export function isSmallCount(count: number): boolean {
  return count > 0 && count < SMALL_COUNT_THRESHOLD;
}

/**
 * A count with what an asker could subtract it from: for each filter of the question, the count
 * of the same cell with that one filter reversed (the rest kept). Two questions that differ by one
 * filter differ by exactly that complement.
 */
export interface ProtectableCount {
  count: number;
  complements: readonly number[];
}

/** Counts shown to a statistician are rounded to a multiple of this. */
export const ROUNDING_BASE = 5;

/** The nearest multiple of ROUNDING_BASE (17 → 15, 18 → 20; 0 stays 0). */
export function roundToBase(count: number): number {
  return Math.round(count / ROUNDING_BASE) * ROUNDING_BASE;
}

/** What a statistician is shown of a count: a rounded value, or nothing and why. */
export interface ProtectedCount {
  value: number | null;
  suppression: Suppression;
}

/** How a count is shown: the number, or "<5" for a small one, or "x" for one that would reveal a small one. */
export function displayOf(value: number | null, suppression: Suppression): string {
  if (suppression === "SMALL_COUNT") return `<${SMALL_COUNT_THRESHOLD}`;
  if (suppression === "REVEALS_SMALL_COUNT" || value === null) return "x";
  return String(value);
}

/**
 * What a statistician may see of one count (a cell, or a total).
 * 1. A count from 1 to 4 is suppressed ("<5").
 * 2. A count whose complement for one of the question's filters is from 1 to 4 is suppressed
 *    ("x"): the same question without that filter, minus this one, would give the small count.
 * 3. Every other count is rounded to the nearest multiple of 5. A total minus the cells shown, a
 *    figure with several values per person (lists, providers, labels) minus another, or a longer
 *    period minus a shorter one then give no exact small count, however the suppressed cells fall.
 */
export function protectCount(value: ProtectableCount): ProtectedCount {
  if (isSmallCount(value.count)) return { value: null, suppression: "SMALL_COUNT" };
  if (value.complements.some(isSmallCount)) return { value: null, suppression: "REVEALS_SMALL_COUNT" };
  return { value: roundToBase(value.count), suppression: "NONE" };
}
