import {
  AppealBody,
  AppealOutcome,
  DecisionKind,
  MeasureAdvice,
  type MeasureTypeRules,
  NotificationMethod,
  RecommendationKind,
  RecommendationOutcome,
  ReviewOutcome,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { enumCheck, id, recorded, version } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { riskAssessments } from "../assessments/assessment.table.js";
import { placements } from "../detention/detention.table.js";
import { establishments, establishmentUnits } from "../establishments/establishment.table.js";
import { persons } from "../persons/person.table.js";
import { informationReports } from "../reports/report.table.js";

/** A type of individual security measure, with its rules as data (packages/domain/src/measures.ts). */
export const measureTypes = pgTable("measure_types", {
  id: id(),
  code: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull(),
  legalBasis: text().notNull(),
  rules: jsonb().notNull().$type<MeasureTypeRules>(),
  active: boolean().notNull().default(true),
  ...recorded(),
});

/** CelEx's recommendation on an inmate's regime or measures; the evidence it rests on is linked. */
export const recommendations = pgTable(
  "recommendations",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    kind: text().notNull().$type<RecommendationKind>(),
    establishmentId: uuid().references(() => establishments.id),
    unitId: uuid().references(() => establishmentUnits.id),
    measureTypeId: uuid().references(() => measureTypes.id),
    /** For a measure: the terms and the duration proposed. */
    terms: text(),
    months: integer(),
    rationale: text().notNull(),
    recommendedOn: date({ mode: "string" }).notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("recommendations_kind_check", t.kind, Object.values(RecommendationKind)),
    check(
      "recommendations_target_complete",
      sql`(${t.kind} = 'SECURITY_MEASURE' and ${t.measureTypeId} is not null and ${t.establishmentId} is null and ${t.unitId} is null)
        or (${t.kind} <> 'SECURITY_MEASURE' and ${t.measureTypeId} is null and ${t.establishmentId} is not null)`,
    ),
    index("recommendations_person_idx").on(t.personId, t.recommendedOn),
  ],
);

/** The reports and assessments a recommendation cites. */
export const recommendationEvidence = pgTable(
  "recommendation_evidence",
  {
    id: id(),
    recommendationId: uuid()
      .notNull()
      .references(() => recommendations.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    reportId: uuid().references(() => informationReports.id),
    assessmentId: uuid().references(() => riskAssessments.id),
  },
  (t) => [
    check("recommendation_evidence_one_item", sql`(${t.reportId} is null) <> (${t.assessmentId} is null)`),
    index("recommendation_evidence_recommendation_idx").on(t.recommendationId),
  ],
);

/**
 * An individual security measure. Its history is its decisions (imposition, reviews); the columns
 * after `startsOn` are the current state, kept with each decision for the queues.
 */
export const securityMeasures = pgTable(
  "security_measures",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    measureTypeId: uuid()
      .notNull()
      .references(() => measureTypes.id),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    legalBasis: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    endsOn: date({ mode: "string" }).notNull(),
    liftedOn: date({ mode: "string" }),
    nextReviewOn: date({ mode: "string" }),
    terms: text(),
    /** The release that ended the detention it was imposed in: nothing is in force after it. */
    endedOn: date({ mode: "string" }),
    ...recorded(),
    version: version(),
  },
  (t) => [
    check("security_measures_valid_interval", sql`${t.endsOn} > ${t.startsOn}`),
    index("security_measures_person_idx").on(t.personId, t.startsOn),
    index("security_measures_review_idx").on(t.nextReviewOn),
  ],
);

/**
 * A decision: on a regime, imposing a measure, or reviewing one. Every decision has reasons and a
 * decider; a decision on a recommendation stays linked to it (one each).
 */
export const decisions = pgTable(
  "decisions",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    kind: text().notNull().$type<DecisionKind>(),
    recommendationId: uuid().references(() => recommendations.id),
    recommendationOutcome: text().$type<RecommendationOutcome>(),
    measureId: uuid().references(() => securityMeasures.id),
    reviewOutcome: text().$type<ReviewOutcome>(),
    placementId: uuid().references(() => placements.id),
    reasons: text().notNull(),
    reasonsClassified: boolean().notNull().default(false),
    decidedOn: date({ mode: "string" }).notNull(),
    effectiveOn: date({ mode: "string" }).notNull(),
    /** Imposition and prolongation: the measure's (exclusive) end from this decision. */
    endsOn: date({ mode: "string" }),
    nextReviewOn: date({ mode: "string" }),
    terms: text(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("decisions_kind_check", t.kind, Object.values(DecisionKind)),
    enumCheck(
      "decisions_recommendation_outcome_check",
      t.recommendationOutcome,
      Object.values(RecommendationOutcome),
    ),
    enumCheck("decisions_review_outcome_check", t.reviewOutcome, Object.values(ReviewOutcome)),
    check("decisions_reasons_given", sql`length(btrim(${t.reasons})) > 0`),
    check(
      "decisions_recommendation_answered",
      sql`(${t.recommendationId} is null) = (${t.recommendationOutcome} is null)`,
    ),
    check(
      "decisions_review_complete",
      sql`(${t.kind} = 'MEASURE_REVIEWED') = (${t.reviewOutcome} is not null)`,
    ),
    check(
      "decisions_measure_linked",
      sql`${t.kind} = 'REGIME' or ${t.measureId} is not null or ${t.recommendationOutcome} = 'REJECTED'`,
    ),
    uniqueIndex("decisions_one_per_recommendation_idx")
      .on(t.recommendationId)
      .where(sql`${t.recommendationId} is not null`),
    index("decisions_person_idx").on(t.personId, t.decidedOn),
    index("decisions_measure_idx").on(t.measureId, t.decidedOn),
  ],
);

/** When and how the inmate was told of a decision, and what reasons they were given. */
export const decisionNotifications = pgTable(
  "decision_notifications",
  {
    id: id(),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    notifiedOn: date({ mode: "string" }).notNull(),
    method: text().notNull().$type<NotificationMethod>(),
    reasonsGiven: text().notNull(),
    interpreter: boolean().notNull().default(false),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("decision_notifications_method_check", t.method, Object.values(NotificationMethod)),
    index("decision_notifications_decision_idx").on(t.decisionId),
  ],
);

/** An appeal or complaint against a decision, and its outcome once answered. */
export const appeals = pgTable(
  "appeals",
  {
    id: id(),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    body: text().notNull().$type<AppealBody>(),
    lodgedOn: date({ mode: "string" }).notNull(),
    grounds: text(),
    outcome: text().$type<AppealOutcome>(),
    outcomeOn: date({ mode: "string" }),
    outcomeSummary: text(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
    version: version(),
  },
  (t) => [
    enumCheck("appeals_body_check", t.body, Object.values(AppealBody)),
    enumCheck("appeals_outcome_check", t.outcome, Object.values(AppealOutcome)),
    check(
      "appeals_outcome_complete",
      sql`(${t.outcome} is null) = (${t.outcomeOn} is null) and (${t.outcome} is null) = (${t.outcomeSummary} is null)`,
    ),
    check("appeals_outcome_after_lodging", sql`${t.outcomeOn} is null or ${t.outcomeOn} >= ${t.lodgedOn}`),
    index("appeals_decision_idx").on(t.decisionId),
  ],
);

/** A periodic evaluation a measure type requires (e.g. the psychosocial service's monthly one). */
export const measureEvaluations = pgTable(
  "measure_evaluations",
  {
    id: id(),
    measureId: uuid()
      .notNull()
      .references(() => securityMeasures.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    evaluatedOn: date({ mode: "string" }).notNull(),
    advice: text().notNull().$type<MeasureAdvice>(),
    summary: text().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("measure_evaluations_advice_check", t.advice, Object.values(MeasureAdvice)),
    index("measure_evaluations_measure_idx").on(t.measureId, t.evaluatedOn),
  ],
);
