import { type IndicatorRating, RiskJudgement } from "@continuum/domain";

import { boolean, date, index, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { persons } from "../persons/person.table.js";

/**
 * Risk-assessment instruments are data, not code: VERA-2R, ERG22+ and TRAP-18 share this model.
 * Only codes and neutral short names are shipped; an administrator loads the licensed item texts.
 */
export const assessmentInstruments = pgTable(
  "assessment_instruments",
  {
    id: id(),
    code: text().notNull(),
    version: text().notNull(),
    name: text().notNull(),
    /** Ratings this instrument allows for an indicator (NOT_RATED is always allowed with a reason). */
    ratingScale: text().array().notNull().$type<IndicatorRating[]>(),
    active: boolean().notNull().default(true),
    ...recorded(),
  },
  (t) => [unique("assessment_instruments_version_unique").on(t.code, t.version)],
);

export const instrumentDomains = pgTable(
  "instrument_domains",
  {
    id: id(),
    instrumentId: uuid()
      .notNull()
      .references(() => assessmentInstruments.id),
    code: text().notNull(),
    name: text().notNull(),
    position: integer().notNull(),
  },
  (t) => [unique("instrument_domains_code_unique").on(t.instrumentId, t.code)],
);

export const instrumentIndicators = pgTable(
  "instrument_indicators",
  {
    id: id(),
    domainId: uuid()
      .notNull()
      .references(() => instrumentDomains.id),
    code: text().notNull(),
    /** Neutral short name shipped with the structure. */
    name: text().notNull(),
    required: boolean().notNull().default(true),
    position: integer().notNull(),
  },
  (t) => [unique("instrument_indicators_code_unique").on(t.domainId, t.code)],
);

/** The licensed item texts, loaded by an administrator; readable by clinical readers only (RLS). */
export const instrumentIndicatorTexts = pgTable("instrument_indicator_texts", {
  indicatorId: uuid()
    .primaryKey()
    .references(() => instrumentIndicators.id),
  text: text().notNull(),
  ...recorded(),
});

/**
 * An assessment's summary row: instrument, dates, assessor and the final judgement. Readable as a
 * clinical SUMMARY (CelEx); the narrative, ratings and domain summaries are clinical detail.
 */
export const riskAssessments = pgTable(
  "risk_assessments",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    instrumentId: uuid()
      .notNull()
      .references(() => assessmentInstruments.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    assessedOn: date({ mode: "string" }).notNull(),
    finalJudgement: text().notNull().$type<RiskJudgement>(),
    nextReviewOn: date({ mode: "string" }).notNull(),
    ...recorded(),
  },
  (t) => [
    enumCheck("risk_assessments_judgement_check", t.finalJudgement, Object.values(RiskJudgement)),
    index("risk_assessments_person_idx").on(t.personId, t.assessedOn),
  ],
);

export const riskAssessmentDetails = pgTable("risk_assessment_details", {
  assessmentId: uuid()
    .primaryKey()
    .references(() => riskAssessments.id),
  personId: uuid()
    .notNull()
    .references(() => persons.id),
  narrative: text().notNull(),
});

export const riskAssessmentRatings = pgTable(
  "risk_assessment_ratings",
  {
    assessmentId: uuid()
      .notNull()
      .references(() => riskAssessments.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    indicatorId: uuid()
      .notNull()
      .references(() => instrumentIndicators.id),
    rating: text().notNull().$type<IndicatorRating>(),
    notRatedReason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.indicatorId] }),
    enumCheck("risk_assessment_ratings_rating_check", t.rating, [
      "PRESENT",
      "PARTLY_PRESENT",
      "ABSENT",
      "NOT_RATED",
    ]),
  ],
);

export const riskAssessmentDomainSummaries = pgTable(
  "risk_assessment_domain_summaries",
  {
    assessmentId: uuid()
      .notNull()
      .references(() => riskAssessments.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    domainId: uuid()
      .notNull()
      .references(() => instrumentDomains.id),
    summary: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.domainId] })],
);
