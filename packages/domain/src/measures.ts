import { z } from "zod";
import { type AgencyKind, AgencyKind as AgencyKinds, type Role, Role as Roles } from "./agency.js";
import { addDaysToDate, addMonthsToDate, type IsoDate, isoDateSchema, maxDate } from "./dates.js";
import { defineEnum, type EnumValue } from "./enum.js";
import type { RuleIssue } from "./screening.js";
import { optionalText } from "./text.js";

/** What CelEx recommends for an inmate. */
export const RecommendationKind = defineEnum([
  "ORDINARY_REGIME",
  "DRADEX_PLACEMENT",
  "TRANSFER",
  "SECURITY_MEASURE",
] as const);
export type RecommendationKind = EnumValue<typeof RecommendationKind>;

export const RECOMMENDATION_KIND_DESCRIPTIONS: Record<RecommendationKind, string> = {
  ORDINARY_REGIME: "Dispersal in the ordinary regime (the default), for example leaving a D-Rad:Ex unit.",
  DRADEX_PLACEMENT: "Placement in a D-Rad:Ex unit (Ittre or Hasselt).",
  TRANSFER: "Transfer to another establishment.",
  SECURITY_MEASURE: "An individual security measure.",
};

/** The kinds that move the inmate (a placement); the other kind imposes a measure. */
export function isRegimeKind(kind: RecommendationKind): boolean {
  return kind !== "SECURITY_MEASURE";
}

/** The Director General's answer to a recommendation. */
export const RecommendationOutcome = defineEnum(["ACCEPTED", "AMENDED", "REJECTED"] as const);
export type RecommendationOutcome = EnumValue<typeof RecommendationOutcome>;

export const RECOMMENDATION_OUTCOME_DESCRIPTIONS: Record<RecommendationOutcome, string> = {
  ACCEPTED: "Accepted as recommended.",
  AMENDED: "Accepted with changes (another place, unit, duration or terms).",
  REJECTED: "Rejected: nothing changes for the inmate.",
};

/** What a decision is. */
export const DecisionKind = defineEnum(["REGIME", "MEASURE_IMPOSED", "MEASURE_REVIEWED"] as const);
export type DecisionKind = EnumValue<typeof DecisionKind>;

export const DECISION_KIND_DESCRIPTIONS: Record<DecisionKind, string> = {
  REGIME: "A regime decision: ordinary regime, D-Rad:Ex placement or transfer (or its rejection).",
  MEASURE_IMPOSED: "An individual security measure imposed (or a recommended one rejected).",
  MEASURE_REVIEWED: "A review of a measure: maintained, eased, lifted or prolonged.",
};

/** The outcome of a measure's review; each review is a decision of its own. */
export const ReviewOutcome = defineEnum(["MAINTAINED", "EASED", "LIFTED", "PROLONGED"] as const);
export type ReviewOutcome = EnumValue<typeof ReviewOutcome>;

export const REVIEW_OUTCOME_DESCRIPTIONS: Record<ReviewOutcome, string> = {
  MAINTAINED: "Maintained as it is until its end date; a next review date is set.",
  EASED: "Maintained in a lighter form (new terms).",
  LIFTED: "Lifted from the effective date.",
  PROLONGED: "Prolonged to a new end date (before it lapses).",
};

/** Where a measure stands on a date. */
export const MeasureStatus = defineEnum(["NOT_STARTED", "ACTIVE", "LIFTED", "LAPSED", "ENDED"] as const);
export type MeasureStatus = EnumValue<typeof MeasureStatus>;

export const MEASURE_STATUS_DESCRIPTIONS: Record<MeasureStatus, string> = {
  NOT_STARTED: "Decided, not yet in force.",
  ACTIVE: "In force.",
  LIFTED: "Lifted by a decision.",
  LAPSED: "Reached its end date without an approved prolongation.",
  ENDED: "Ended with the detention it was imposed in (a release).",
};

/** How the inmate was told of a decision. */
export const NotificationMethod = defineEnum(["ORAL", "WRITTEN", "ORAL_AND_WRITTEN"] as const);
export type NotificationMethod = EnumValue<typeof NotificationMethod>;

export const NOTIFICATION_METHOD_DESCRIPTIONS: Record<NotificationMethod, string> = {
  ORAL: "Told in person.",
  WRITTEN: "Handed the written decision.",
  ORAL_AND_WRITTEN: "Told in person and handed the written decision.",
};

/** Where an inmate appealed or complained. */
export const AppealBody = defineEnum([
  "COMPLAINTS_COMMISSION",
  "APPEAL_COMMISSION",
  "COURT",
  "COUNCIL_OF_STATE",
] as const);
export type AppealBody = EnumValue<typeof AppealBody>;

export const APPEAL_BODY_DESCRIPTIONS: Record<AppealBody, string> = {
  COMPLAINTS_COMMISSION: "The prison's complaints commission (since October 2020).",
  APPEAL_COMMISSION: "The appeal commission of the Central Prison Supervisory Council.",
  COURT: "A court (for example summary proceedings before the court of first instance).",
  COUNCIL_OF_STATE: "The Council of State.",
};

/**
 * Days within which a body is expected to answer; null where no deadline applies. The commissions'
 * 14 days follow the Prison Act's complaint procedure; courts set their own calendar.
 */
export const APPEAL_ANSWER_DAYS: Record<AppealBody, number | null> = {
  COMPLAINTS_COMMISSION: 14,
  APPEAL_COMMISSION: 14,
  COURT: null,
  COUNCIL_OF_STATE: null,
};

export const AppealOutcome = defineEnum([
  "UPHELD",
  "PARTLY_UPHELD",
  "DISMISSED",
  "INADMISSIBLE",
  "WITHDRAWN",
] as const);
export type AppealOutcome = EnumValue<typeof AppealOutcome>;

export const APPEAL_OUTCOME_DESCRIPTIONS: Record<AppealOutcome, string> = {
  UPHELD: "The appeal succeeded: the decision was annulled or must be changed.",
  PARTLY_UPHELD: "The appeal partly succeeded.",
  DISMISSED: "The appeal was dismissed on its merits.",
  INADMISSIBLE: "The appeal was declared inadmissible.",
  WITHDRAWN: "The inmate withdrew the appeal.",
};

/** What a measure type's periodic evaluation looks like (e.g. a monthly psychosocial evaluation). */
export const MeasureAdvice = defineEnum(["MAINTAIN", "EASE", "LIFT"] as const);
export type MeasureAdvice = EnumValue<typeof MeasureAdvice>;

export const MEASURE_ADVICE_DESCRIPTIONS: Record<MeasureAdvice, string> = {
  MAINTAIN: "The evaluator advises maintaining the measure.",
  EASE: "The evaluator advises easing it.",
  LIFT: "The evaluator advises lifting it.",
};

/** An inmate is told of a decision at the latest this many days after it takes effect. */
export const NOTIFICATION_GRACE_DAYS = 2;

export const REASONS_MAX_LENGTH = 4000;

const allowanceSchema = z.object({
  agencyKind: z.enum(AgencyKinds),
  role: z.enum(Roles),
  maxMonths: z.number().int().min(1).max(24),
});

/**
 * A measure type's rules, stored as data with the type: who may impose it and for how long, who may
 * prolong it and by periods of how long, how soon after each decision it must be reviewed, and
 * which periodic evaluations it requires.
 */
export const measureTypeRulesSchema = z.object({
  impose: z
    .array(allowanceSchema)
    .min(1, { message: "name at least one agency and role that may impose it" }),
  prolong: z.array(allowanceSchema),
  reviewWithinMonths: z.number().int().min(1).max(12),
  evaluations: z.array(
    z.object({
      agencyKind: z.enum(AgencyKinds),
      role: z.enum(Roles),
      everyDays: z.number().int().min(1).max(365),
    }),
  ),
});
export type MeasureTypeRules = z.infer<typeof measureTypeRulesSchema>;

type Decider = { agencyKind: AgencyKind; roles: readonly Role[] };

/** The longest period (in months) the decider may set, or null when the rules do not allow them. */
export function allowanceOf(allowances: MeasureTypeRules["impose"], decider: Decider): number | null {
  const months = allowances
    .filter((a) => a.agencyKind === decider.agencyKind && decider.roles.includes(a.role))
    .map((a) => a.maxMonths);
  return months.length === 0 ? null : Math.max(...months);
}

/**
 * Checks the term of an imposition or a prolongation against the type's rules: the decider is
 * allowed, the period [from, until) is no longer than they may set, and the review date falls
 * before the exclusive end and within the review interval from `reviewFrom` (a prolongation's
 * review counts from the day it is decided, not from the old end). Empty when it passes.
 */
export function checkMeasureTerm(
  rules: MeasureTypeRules,
  decider: Decider,
  term: {
    kind: "IMPOSE" | "PROLONG";
    from: IsoDate;
    until: IsoDate;
    reviewOn: IsoDate;
    /** Where the review interval starts: the start of an imposed measure, the day a prolongation is decided. */
    reviewFrom?: IsoDate;
  },
): RuleIssue[] {
  const allowances = term.kind === "IMPOSE" ? rules.impose : rules.prolong;
  const verb = term.kind === "IMPOSE" ? "impose" : "prolong";
  const maxMonths = allowanceOf(allowances, decider);
  if (maxMonths === null)
    return [
      {
        field: term.kind === "IMPOSE" ? "measureTypeId" : "outcome",
        message: `your agency and role may not ${verb} this type of measure`,
      },
    ];
  const issues: RuleIssue[] = [];
  if (term.until <= term.from) issues.push({ field: "endsOn", message: `must be after ${term.from}` });
  else if (term.until > addMonthsToDate(term.from, maxMonths))
    issues.push({
      field: "endsOn",
      message: `you may ${verb} this measure for at most ${maxMonths} month${maxMonths > 1 ? "s" : ""} (until ${addMonthsToDate(term.from, maxMonths)})`,
    });
  const reviewFrom = term.reviewFrom ?? term.from;
  const latestReview = addMonthsToDate(reviewFrom, rules.reviewWithinMonths);
  // The end is exclusive: on `until` the measure has lapsed and can no longer be reviewed.
  if (term.reviewOn < reviewFrom || term.reviewOn >= term.until)
    issues.push({
      field: "nextReviewOn",
      message: `must fall on or after ${reviewFrom} and before ${term.until}`,
    });
  else if (term.reviewOn > latestReview)
    issues.push({
      field: "nextReviewOn",
      message: `this type must be reviewed within ${rules.reviewWithinMonths} month${rules.reviewWithinMonths > 1 ? "s" : ""} (by ${latestReview})`,
    });
  return issues;
}

/** One decision in a measure's history, as the state on a date is folded from it. */
export interface MeasureEvent {
  kind: "MEASURE_IMPOSED" | "MEASURE_REVIEWED";
  reviewOutcome: ReviewOutcome | null;
  decidedOn: IsoDate;
  effectiveOn: IsoDate;
  /** Imposition and prolongation: the new (exclusive) end. */
  endsOn: IsoDate | null;
  nextReviewOn: IsoDate | null;
  terms: string | null;
}

export interface MeasureState {
  status: MeasureStatus;
  startsOn: IsoDate;
  /** Exclusive end as known on the date (after the prolongations decided by then). */
  endsOn: IsoDate;
  liftedOn: IsoDate | null;
  nextReviewOn: IsoDate | null;
  reviewOverdue: boolean;
  terms: string | null;
}

/**
 * A measure's state on a date, from the decisions taken up to that date: the imposition sets the
 * start, end, review date and terms; prolongations move the end; easing changes the terms; lifting
 * ends it. Without a prolongation, it lapses at its end. A release (`detentionEndedOn`) ends what is
 * still in force then. A review is overdue on `on` when the measure is in force and the review date
 * has passed with no later decision.
 */
export function measureStateOn(
  events: readonly MeasureEvent[],
  on: IsoDate,
  detentionEndedOn: IsoDate | null = null,
): MeasureState | null {
  const known = [...events]
    .filter((e) => e.decidedOn <= on)
    .sort((a, b) => (a.decidedOn === b.decidedOn ? 0 : a.decidedOn < b.decidedOn ? -1 : 1));
  const imposed = known.find((e) => e.kind === "MEASURE_IMPOSED");
  if (imposed === undefined || imposed.endsOn === null) return null;
  let endsOn = imposed.endsOn;
  let nextReviewOn = imposed.nextReviewOn;
  let terms = imposed.terms;
  let liftedOn: IsoDate | null = null;
  for (const e of known) {
    if (e.kind !== "MEASURE_REVIEWED") continue;
    if (e.reviewOutcome === "LIFTED") liftedOn = e.effectiveOn;
    if (e.reviewOutcome === "PROLONGED" && e.endsOn !== null) endsOn = e.endsOn;
    if (e.reviewOutcome === "EASED" && e.terms !== null) terms = e.terms;
    nextReviewOn = e.reviewOutcome === "LIFTED" ? null : e.nextReviewOn;
  }
  // Whichever came first ends it: a lifting, the end date (lapse), or the release.
  const endings: [IsoDate, MeasureStatus][] = [
    ...(liftedOn === null ? [] : ([[liftedOn, "LIFTED"]] as [IsoDate, MeasureStatus][])),
    [endsOn, "LAPSED"],
    ...(detentionEndedOn === null ? [] : ([[detentionEndedOn, "ENDED"]] as [IsoDate, MeasureStatus][])),
  ];
  const ended = endings.filter(([day]) => day <= on).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[0];
  const status: MeasureStatus =
    ended !== undefined ? ended[1] : on < imposed.effectiveOn ? "NOT_STARTED" : "ACTIVE";
  return {
    status,
    startsOn: imposed.effectiveOn,
    endsOn,
    liftedOn,
    nextReviewOn,
    reviewOverdue: status === "ACTIVE" && nextReviewOn !== null && nextReviewOn < on,
    terms,
  };
}

/** Whether the inmate must be told of a decision: every decision that changes or keeps a measure or a regime; not a rejected recommendation. */
export function needsNotification(decision: {
  recommendationOutcome: RecommendationOutcome | null;
}): boolean {
  return decision.recommendationOutcome !== "REJECTED";
}

/** The day by which the inmate must have been told: a few days after the decision is taken or takes effect, whichever is later. */
export function notificationDueOn(decision: { decidedOn: IsoDate; effectiveOn: IsoDate }): IsoDate {
  return addDaysToDate(maxDate(decision.effectiveOn, decision.decidedOn), NOTIFICATION_GRACE_DAYS);
}

/** When an answer to an appeal is due, or null where the body has no deadline. */
export function appealAnswerDueOn(appeal: { body: AppealBody; lodgedOn: IsoDate }): IsoDate | null {
  const days = APPEAL_ANSWER_DAYS[appeal.body];
  return days === null ? null : addDaysToDate(appeal.lodgedOn, days);
}

/** When the next periodic evaluation of a measure is due, from the last one (or the start). */
export function evaluationDueOn(
  requirement: { everyDays: number },
  state: { startsOn: IsoDate },
  lastEvaluatedOn: IsoDate | null,
): IsoDate {
  return addDaysToDate(lastEvaluatedOn ?? state.startsOn, requirement.everyDays);
}

const reasons = z
  .string()
  .trim()
  .min(1, { message: "give the reasons for the decision" })
  .max(REASONS_MAX_LENGTH, { message: `must be at most ${REASONS_MAX_LENGTH} characters` });

export const recommendationSchema = z.object({
  kind: z.enum(RecommendationKind),
  recommendedOn: isoDateSchema,
  rationale: z
    .string()
    .trim()
    .min(1, { message: "explain the recommendation" })
    .max(REASONS_MAX_LENGTH, { message: `must be at most ${REASONS_MAX_LENGTH} characters` }),
  terms: optionalText(1000),
  months: z.number().int().min(1).max(24).nullable(),
});

export const decisionReasonsSchema = z.object({
  reasons,
  reasonsClassified: z.boolean(),
  decidedOn: isoDateSchema,
  effectiveOn: isoDateSchema,
});

export const measureTermSchema = z.object({
  legalBasis: z
    .string()
    .trim()
    .min(1, { message: "give the legal basis" })
    .max(500, { message: "must be at most 500 characters" }),
  terms: optionalText(1000),
  endsOn: isoDateSchema,
  nextReviewOn: isoDateSchema,
});

export const notificationSchema = z.object({
  notifiedOn: isoDateSchema,
  method: z.enum(NotificationMethod),
  reasonsGiven: z
    .string()
    .trim()
    .min(1, { message: "say what reasons the inmate was given (a summary where they are classified)" })
    .max(REASONS_MAX_LENGTH, { message: `must be at most ${REASONS_MAX_LENGTH} characters` }),
  interpreter: z.boolean(),
});

export const appealSchema = z.object({
  body: z.enum(AppealBody),
  lodgedOn: isoDateSchema,
  grounds: optionalText(REASONS_MAX_LENGTH),
});

export const appealOutcomeSchema = z.object({
  outcome: z.enum(AppealOutcome),
  decidedOn: isoDateSchema,
  summary: z
    .string()
    .trim()
    .min(1, { message: "summarise the answer" })
    .max(REASONS_MAX_LENGTH, { message: `must be at most ${REASONS_MAX_LENGTH} characters` }),
});
