/**
 * Input limits the API enforces (packages/domain), repeated here so that client components do not
 * pull the domain package (and its validation library) into the browser. A unit test checks that
 * they match.
 */
export const PURPOSE_NOTE_MAX = 500;
export const JUSTIFICATION_MIN = 20;
export const JUSTIFICATION_MAX = 2000;
export const REVIEW_NOTE_MAX = 2000;
export const BREAK_GLASS_HOURS = 4;
export const TOKEN_NAME_MAX = 100;
export const TOKEN_MAX_DAYS = 366;
/** Case work: screenings, information reports, risk assessments. */
export const RATIONALE_MAX = 2000;
export const SCREENING_INTERVAL_MONTHS = 2;
/** How many reports a screening may cite (the API's limit, apps/api screening.input.ts). */
export const SCREENING_MAX_SOURCE_REPORTS = 50;
export const REPORT_TITLE_MAX = 200;
export const REPORT_TEXT_MAX = 10_000;
export const SOURCE_DETAILS_MAX = 2000;
export const HANDLING_CONDITIONS_MAX = 1000;
export const CORRECTION_REASON_MAX = 2000;
export const NARRATIVE_MAX = 10_000;
export const DOMAIN_SUMMARY_MAX = 4000;
export const NOT_RATED_REASON_MAX = 1000;
export const REASSESSMENT_MAX_MONTHS = 12;
/** The queues' "due within N days" (the API accepts 0 to 366). */
export const DUE_WITHIN_MAX_DAYS = 366;
/** Recommendations, decisions and measures (packages/domain measures.ts, apps/api measure.input.ts). */
export const REASONS_MAX = 4000;
export const MEASURE_TERMS_MAX = 1000;
export const LEGAL_BASIS_MAX = 500;
export const RECOMMENDATION_MAX_EVIDENCE = 50;
export const RECOMMENDATION_MAX_MONTHS = 24;
/** An inmate is told of a decision at the latest this many days after it takes effect. */
export const NOTIFICATION_GRACE_DAYS = 2;
/** Disengagement programmes, evaluations and incidents (packages/domain programmes.ts). */
export const PROGRAMME_NOTE_MAX = 2000;
export const CONTACT_NOTE_MAX = 10_000;
export const CONTACT_MINUTES_MAX = 600;
export const EVALUATION_RATIONALE_MAX = 4000;
export const INCIDENT_DESCRIPTION_MAX = 4000;
