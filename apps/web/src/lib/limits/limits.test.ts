import {
  appealOutcomeSchema,
  BREAK_GLASS_HOURS as DOMAIN_BREAK_GLASS_HOURS,
  NOTIFICATION_GRACE_DAYS as DOMAIN_NOTIFICATION_GRACE_DAYS,
  REASSESSMENT_MAX_MONTHS as DOMAIN_REASSESSMENT_MAX_MONTHS,
  SCREENING_INTERVAL_MONTHS as DOMAIN_SCREENING_INTERVAL_MONTHS,
  disengagementEvaluationSchema,
  incidentSchema,
  informationReportSchema,
  JUSTIFICATION_MAX_LENGTH,
  JUSTIFICATION_MIN_LENGTH,
  measureTermSchema,
  NARRATIVE_MAX_LENGTH,
  PURPOSE_NOTE_MAX_LENGTH,
  programmeContactSchema,
  programmeStatusChangeSchema,
  RATIONALE_MAX_LENGTH,
  REASONS_MAX_LENGTH,
  REPORT_TEXT_MAX_LENGTH,
  REPORT_TITLE_MAX_LENGTH,
  recommendationSchema,
  riskAssessmentSchema,
} from "@continuum/domain";
import { describe, expect, it } from "vitest";
import {
  BREAK_GLASS_HOURS,
  CONTACT_MINUTES_MAX,
  CONTACT_NOTE_MAX,
  DOMAIN_SUMMARY_MAX,
  EVALUATION_RATIONALE_MAX,
  HANDLING_CONDITIONS_MAX,
  INCIDENT_DESCRIPTION_MAX,
  JUSTIFICATION_MAX,
  JUSTIFICATION_MIN,
  LEGAL_BASIS_MAX,
  MEASURE_TERMS_MAX,
  NARRATIVE_MAX,
  NOT_RATED_REASON_MAX,
  NOTIFICATION_GRACE_DAYS,
  PROGRAMME_NOTE_MAX,
  PURPOSE_NOTE_MAX,
  RATIONALE_MAX,
  REASONS_MAX,
  REASSESSMENT_MAX_MONTHS,
  RECOMMENDATION_MAX_MONTHS,
  REPORT_TEXT_MAX,
  REPORT_TITLE_MAX,
  SCREENING_INTERVAL_MONTHS,
  SOURCE_DETAILS_MAX,
} from "./limits";

describe("input limits", () => {
  it("match the domain's", () => {
    expect(PURPOSE_NOTE_MAX).toBe(PURPOSE_NOTE_MAX_LENGTH);
    expect(JUSTIFICATION_MIN).toBe(JUSTIFICATION_MIN_LENGTH);
    expect(JUSTIFICATION_MAX).toBe(JUSTIFICATION_MAX_LENGTH);
    expect(BREAK_GLASS_HOURS).toBe(DOMAIN_BREAK_GLASS_HOURS);
    expect(RATIONALE_MAX).toBe(RATIONALE_MAX_LENGTH);
    expect(SCREENING_INTERVAL_MONTHS).toBe(DOMAIN_SCREENING_INTERVAL_MONTHS);
    expect(REPORT_TITLE_MAX).toBe(REPORT_TITLE_MAX_LENGTH);
    expect(REPORT_TEXT_MAX).toBe(REPORT_TEXT_MAX_LENGTH);
    expect(NARRATIVE_MAX).toBe(NARRATIVE_MAX_LENGTH);
    expect(REASSESSMENT_MAX_MONTHS).toBe(DOMAIN_REASSESSMENT_MAX_MONTHS);
  });

  it("match the limits inside the domain's input schemas", () => {
    const report = {
      observedOn: "2026-01-01",
      title: "Title",
      body: "Body",
      sourceReliability: "B",
      informationCredibility: "2",
      classification: "UNCLASSIFIED",
      handlingCode: "SHARE_LAW_ENFORCEMENT",
    };
    const reportAccepts = (extra: Record<string, string>) =>
      informationReportSchema.safeParse({ ...report, ...extra }).success;
    expect(reportAccepts({ sourceDetails: "x".repeat(SOURCE_DETAILS_MAX) })).toBe(true);
    expect(reportAccepts({ sourceDetails: "x".repeat(SOURCE_DETAILS_MAX + 1) })).toBe(false);
    expect(reportAccepts({ handlingConditions: "x".repeat(HANDLING_CONDITIONS_MAX) })).toBe(true);
    expect(reportAccepts({ handlingConditions: "x".repeat(HANDLING_CONDITIONS_MAX + 1) })).toBe(false);

    const assessment = (summary: string, reason: string) =>
      riskAssessmentSchema.safeParse({
        assessedOn: "2026-01-01",
        finalJudgement: "LOW",
        narrative: "Narrative",
        nextReviewOn: "2026-06-01",
        ratings: [{ indicatorCode: "BAI-1", rating: "NOT_RATED", notRatedReason: reason }],
        domainSummaries: [{ domainCode: "BAI", summary }],
      }).success;
    expect(assessment("x".repeat(DOMAIN_SUMMARY_MAX), "x".repeat(NOT_RATED_REASON_MAX))).toBe(true);
    expect(assessment("x".repeat(DOMAIN_SUMMARY_MAX + 1), "reason")).toBe(false);
    expect(assessment("summary", "x".repeat(NOT_RATED_REASON_MAX + 1))).toBe(false);
  });

  it("match the limits of recommendations, decisions and measures", () => {
    expect(REASONS_MAX).toBe(REASONS_MAX_LENGTH);
    expect(NOTIFICATION_GRACE_DAYS).toBe(DOMAIN_NOTIFICATION_GRACE_DAYS);
    const term = (extra: Record<string, string>) =>
      measureTermSchema.safeParse({
        legalBasis: "Art. 112",
        terms: null,
        endsOn: "2026-03-01",
        nextReviewOn: "2026-02-01",
        ...extra,
      }).success;
    expect(term({ legalBasis: "x".repeat(LEGAL_BASIS_MAX) })).toBe(true);
    expect(term({ legalBasis: "x".repeat(LEGAL_BASIS_MAX + 1) })).toBe(false);
    expect(term({ terms: "x".repeat(MEASURE_TERMS_MAX) })).toBe(true);
    expect(term({ terms: "x".repeat(MEASURE_TERMS_MAX + 1) })).toBe(false);
    const recommendation = (months: number) =>
      recommendationSchema.safeParse({
        kind: "SECURITY_MEASURE",
        recommendedOn: "2026-01-01",
        rationale: "Why",
        terms: null,
        months,
      }).success;
    expect(recommendation(RECOMMENDATION_MAX_MONTHS)).toBe(true);
    expect(recommendation(RECOMMENDATION_MAX_MONTHS + 1)).toBe(false);
    const answer = (summary: string) =>
      appealOutcomeSchema.safeParse({ outcome: "DISMISSED", decidedOn: "2026-01-01", summary }).success;
    expect(answer("x".repeat(REASONS_MAX))).toBe(true);
    expect(answer("x".repeat(REASONS_MAX + 1))).toBe(false);
  });

  it("match the limits of programmes, evaluations and incidents", () => {
    const change = (note: string) =>
      programmeStatusChangeSchema.safeParse({ status: "ACCEPTED", on: "2026-01-01", note }).success;
    expect(change("x".repeat(PROGRAMME_NOTE_MAX))).toBe(true);
    expect(change("x".repeat(PROGRAMME_NOTE_MAX + 1))).toBe(false);
    const contact = (note: string, minutes: number | null) =>
      programmeContactSchema.safeParse({
        contactedOn: "2026-01-01",
        components: ["TRAUMA"],
        minutes,
        note,
      }).success;
    expect(contact("x".repeat(CONTACT_NOTE_MAX), CONTACT_MINUTES_MAX)).toBe(true);
    expect(contact("x".repeat(CONTACT_NOTE_MAX + 1), null)).toBe(false);
    expect(contact("note", CONTACT_MINUTES_MAX + 1)).toBe(false);
    const evaluation = (rationale: string) =>
      disengagementEvaluationSchema.safeParse({ evaluatedOn: "2026-01-01", level: "NO_SIGNS", rationale })
        .success;
    expect(evaluation("x".repeat(EVALUATION_RATIONALE_MAX))).toBe(true);
    expect(evaluation("x".repeat(EVALUATION_RATIONALE_MAX + 1))).toBe(false);
    const incident = (description: string) =>
      incidentSchema.safeParse({ occurredOn: "2026-01-01", kind: "OTHER", ideological: "NO", description })
        .success;
    expect(incident("x".repeat(INCIDENT_DESCRIPTION_MAX))).toBe(true);
    expect(incident("x".repeat(INCIDENT_DESCRIPTION_MAX + 1))).toBe(false);
  });
});
