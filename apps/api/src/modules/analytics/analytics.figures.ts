import {
  AgeBand,
  DisengagementLevel,
  LanguageCommunity,
  LegacyCategory,
  ListingLabel,
  NationalityGroup,
  ReleaseType,
  SentenceBand,
  Sex,
} from "@continuum/domain";

// What each figure counts, how it is asked and what it can be broken down by: the one list the
// schema's descriptions, the validation and docs/analytics.md follow.

export const AnalyticsFigure = {
  LISTED_PERSONS: "LISTED_PERSONS",
  LIST_COMPARISON: "LIST_COMPARISON",
  DETAINED_PERSONS: "DETAINED_PERSONS",
  DRADEX_OCCUPANCY: "DRADEX_OCCUPANCY",
  SENTENCE_LENGTHS: "SENTENCE_LENGTHS",
  RELEASES: "RELEASES",
  UPCOMING_RELEASE_DATES: "UPCOMING_RELEASE_DATES",
  PROGRAMME_PARTICIPATION: "PROGRAMME_PARTICIPATION",
  DISENGAGEMENT_EVALUATIONS: "DISENGAGEMENT_EVALUATIONS",
  MEASURES_IN_FORCE: "MEASURES_IN_FORCE",
  MEASURE_REVIEWS: "MEASURE_REVIEWS",
  DECISION_NOTIFICATIONS: "DECISION_NOTIFICATIONS",
  RECIDIVISM: "RECIDIVISM",
} as const;
export type AnalyticsFigure = keyof typeof AnalyticsFigure;

export const AnalyticsDimension = {
  CATEGORY: "CATEGORY",
  LABEL: "LABEL",
  SEX: "SEX",
  AGE_BAND: "AGE_BAND",
  NATIONALITY_GROUP: "NATIONALITY_GROUP",
  LANGUAGE_COMMUNITY: "LANGUAGE_COMMUNITY",
  RETURNEE: "RETURNEE",
  FAILED_TRAVELLER: "FAILED_TRAVELLER",
  ESTABLISHMENT: "ESTABLISHMENT",
  SENTENCE_BAND: "SENTENCE_BAND",
  RELEASE_TYPE: "RELEASE_TYPE",
  PROVIDER: "PROVIDER",
  LIST: "LIST",
  UNIT: "UNIT",
  LISTED: "LISTED",
  YEAR: "YEAR",
  EVALUATION_LEVEL: "EVALUATION_LEVEL",
  EVALUATION_STAGE: "EVALUATION_STAGE",
  DISENGAGEMENT_SIGNS: "DISENGAGEMENT_SIGNS",
  MEASURE_TYPE: "MEASURE_TYPE",
  TIMELINESS: "TIMELINESS",
  OUTCOME: "OUTCOME",
  FOLLOW_UP_WINDOW: "FOLLOW_UP_WINDOW",
} as const;
export type AnalyticsDimension = keyof typeof AnalyticsDimension;

const YES_NO = ["YES", "NO"] as const;

const TIMELINESS_VALUES = ["ON_TIME", "LATE", "OUTSTANDING", "NOT_YET_DUE"] as const;

/** Dimensions with a fixed set of cells, each shown even when zero; the others list what the data holds. */
export const DIMENSION_CELLS: Partial<Record<AnalyticsDimension, readonly string[]>> = {
  CATEGORY: Object.values(LegacyCategory),
  LABEL: Object.values(ListingLabel),
  SEX: Object.values(Sex),
  AGE_BAND: Object.values(AgeBand),
  NATIONALITY_GROUP: Object.values(NationalityGroup),
  LANGUAGE_COMMUNITY: Object.values(LanguageCommunity),
  RETURNEE: YES_NO,
  FAILED_TRAVELLER: YES_NO,
  SENTENCE_BAND: Object.values(SentenceBand),
  RELEASE_TYPE: Object.values(ReleaseType),
  LIST: ["CELEX", "INTELLIGENCE", "BOTH"],
  LISTED: YES_NO,
  EVALUATION_LEVEL: Object.values(DisengagementLevel),
  EVALUATION_STAGE: ["IN_PRISON", "RELEASED"],
  DISENGAGEMENT_SIGNS: YES_NO,
  TIMELINESS: TIMELINESS_VALUES,
  OUTCOME: ["REOFFENDED", "NOT_REOFFENDED"],
  FOLLOW_UP_WINDOW: ["COMPLETE", "INCOMPLETE"],
};

/** STOCK: counted on each period's first day (or `on`); FLOW: counted over each period. */
export type FigureTiming = "STOCK" | "FLOW" | "ON_DAY";

export type FigureUnit = "PERSONS" | "MEASURES" | "REVIEWS" | "DECISIONS";

export interface FigureDefinition {
  time: FigureTiming;
  unit: FigureUnit;
  /** What is counted (the cells), and over what (the total, the denominator of each share). */
  definition: string;
  dimensions: readonly AnalyticsDimension[];
  /** Cells whose denominator is not the total (a unit's places, an establishment's population). */
  denominator?: string;
  /** What `mean` holds in each cell, where the figure has one. */
  mean?: string;
}

const PERSON_DIMENSIONS = [
  "SEX",
  "AGE_BAND",
  "NATIONALITY_GROUP",
  "LANGUAGE_COMMUNITY",
  "RETURNEE",
  "FAILED_TRAVELLER",
] as const satisfies readonly AnalyticsDimension[];

export const FIGURES: Record<AnalyticsFigure, FigureDefinition> = {
  LISTED_PERSONS: {
    time: "STOCK",
    unit: "PERSONS",
    definition:
      "Persons on the CelEx list on the day (a listing period covers it), each counted once; by category, label " +
      "(a person with two labels is in both cells, once in the total), sex, age band on the day, nationality group, " +
      "language community, returnee, failed traveller, or the establishment holding them that day (NONE: not held).",
    dimensions: ["CATEGORY", "LABEL", ...PERSON_DIMENSIONS, "ESTABLISHMENT"],
  },
  LIST_COMPARISON: {
    time: "STOCK",
    unit: "PERSONS",
    definition:
      "Persons on the CelEx list and on the intelligence service's broader list of radicalised or vulnerable " +
      "inmates on the day (the paper's Figure 2): cells CELEX, INTELLIGENCE and BOTH; the total counts each person " +
      "on either list once.",
    dimensions: ["LIST", ...PERSON_DIMENSIONS],
  },
  DETAINED_PERSONS: {
    time: "STOCK",
    unit: "PERSONS",
    definition:
      "Persons in a detention episode on the day, each counted once; LISTED says whether they were on the CelEx " +
      "list that day. The basis of the what-if projections.",
    dimensions: ["LISTED", "CATEGORY", ...PERSON_DIMENSIONS, "ESTABLISHMENT", "SENTENCE_BAND"],
  },
  DRADEX_OCCUPANCY: {
    time: "STOCK",
    unit: "PERSONS",
    definition:
      "Persons placed in a D-Rad:Ex unit on the day, per unit (ESTABLISHMENT/UNIT codes); each cell's denominator " +
      "is the unit's places, its share the occupancy rate.",
    dimensions: ["UNIT", "CATEGORY", ...PERSON_DIMENSIONS],
    denominator: "the unit's places",
  },
  SENTENCE_LENGTHS: {
    time: "STOCK",
    unit: "PERSONS",
    definition:
      "Persons on the CelEx list and in a detention episode on the day, by the sentence of that episode: under 5 " +
      "years (< 60 months), 5 to 10 years (60–120 months), over 10 years, or no fixed term (preventive detention, " +
      "internment, life). Each cell's mean is the mean sentence in months of its persons with a fixed term.",
    dimensions: ["SENTENCE_BAND", "CATEGORY", ...PERSON_DIMENSIONS, "ESTABLISHMENT"],
    mean: "mean sentence in months (fixed terms only)",
  },
  RELEASES: {
    time: "FLOW",
    unit: "PERSONS",
    definition:
      "Persons released in the period (a detention episode ended) who were on the CelEx list the day before, " +
      "each counted once per period; by the category they had then, the release type, the establishment that " +
      "released them, or the person's attributes on the release day.",
    dimensions: ["CATEGORY", "LABEL", "RELEASE_TYPE", ...PERSON_DIMENSIONS, "ESTABLISHMENT"],
  },
  UPCOMING_RELEASE_DATES: {
    time: "ON_DAY",
    unit: "PERSONS",
    definition:
      "Persons on the CelEx list and detained on the day whose conditional-release eligibility (or end of " +
      "sentence, with `dateKind`) falls on or after the day, by year: the date as known on the day (the rule's " +
      "date, or the latest override recorded by then).",
    dimensions: ["YEAR", "CATEGORY", ...PERSON_DIMENSIONS, "ESTABLISHMENT"],
  },
  PROGRAMME_PARTICIPATION: {
    time: "FLOW",
    unit: "PERSONS",
    definition:
      "Of the persons on the CelEx list at any time in the period (the total, the denominator), those who took " +
      "part in a disengagement programme in it (a participation overlapping the period that had started, i.e. " +
      "been ACTIVE, by its end): cells per provider agency code, ANY (any provider) and NONE (no programme).",
    dimensions: ["PROVIDER", "CATEGORY", "LABEL", ...PERSON_DIMENSIONS],
  },
  DISENGAGEMENT_EVALUATIONS: {
    time: "STOCK",
    unit: "PERSONS",
    definition:
      "Persons with a disengagement evaluation by the threat-analysis body on or before the day, by their latest " +
      "evaluation's result (level, or signs YES/NO) and stage (evaluated in prison or after release).",
    dimensions: ["DISENGAGEMENT_SIGNS", "EVALUATION_LEVEL", "EVALUATION_STAGE", ...PERSON_DIMENSIONS],
  },
  MEASURES_IN_FORCE: {
    time: "STOCK",
    unit: "MEASURES",
    definition:
      "Individual security measures in force on the day (started, not ended, lifted or ended by a release), by " +
      "measure type code and establishment; counts measures, not persons.",
    dimensions: ["MEASURE_TYPE", "ESTABLISHMENT", ...PERSON_DIMENSIONS],
  },
  MEASURE_REVIEWS: {
    time: "FLOW",
    unit: "REVIEWS",
    definition:
      "Reviews of measures due in the period (the review date set by a decision, the measure still in force " +
      "then), by whether the next review came by that date (ON_TIME), after it (LATE), not at all (OUTSTANDING) " +
      "or is not due yet (NOT_YET_DUE); counts reviews.",
    dimensions: ["TIMELINESS", "MEASURE_TYPE", "ESTABLISHMENT", ...PERSON_DIMENSIONS],
  },
  DECISION_NOTIFICATIONS: {
    time: "FLOW",
    unit: "DECISIONS",
    definition:
      "Decisions on regimes and measures taking effect in the period that the inmate must be told of, by whether " +
      "they were notified within the grace days after taking effect or being taken (ON_TIME), later (LATE), not " +
      "yet though due (OUTSTANDING), or not due yet (NOT_YET_DUE); counts decisions.",
    dimensions: ["TIMELINESS", ...PERSON_DIMENSIONS],
  },
  RECIDIVISM: {
    time: "FLOW",
    unit: "PERSONS",
    definition:
      "Persons released in the period who were on the CelEx list the day before (the total, the denominator; a " +
      "person's first release in the period; transfers abroad and deaths in custody left out), by whether they " +
      "committed a new offence (terrorist, or any with `reoffence: ANY`) within `withinMonths` months of that " +
      "release, on or before today as recorded now. FOLLOW_UP_WINDOW " +
      "tells whether those months have all passed (COMPLETE): filter on it for a rate over full windows.",
    dimensions: ["OUTCOME", "FOLLOW_UP_WINDOW", "CATEGORY", "RELEASE_TYPE", ...PERSON_DIMENSIONS],
  },
};
