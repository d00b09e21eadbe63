import {
  AgencyKind,
  AppealBody,
  AppealOutcome,
  MeasureAdvice,
  NotificationMethod,
  RecommendationKind,
  RecommendationOutcome,
  ReviewOutcome,
  Role,
} from "@continuum/domain";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";

/** At most this many reports and assessments cited by one recommendation. */
export const RECOMMENDATION_MAX_EVIDENCE = 50;

@InputType({ description: "CelEx's recommendation on an inmate's regime or an individual security measure." })
export class RecommendationWriteInput {
  @Field(() => ID, { description: "The inmate (detained)." })
  personId: string;

  @Field(() => RecommendationKind, { description: "What is recommended." })
  kind: RecommendationKind;

  @Field(() => ID, {
    nullable: true,
    description: "Regime and transfer: the establishment where the inmate should be held.",
  })
  establishmentId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Regime and transfer: the unit (a D-Rad:Ex unit for DRADEX_PLACEMENT; none or an ordinary unit otherwise).",
  })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: "SECURITY_MEASURE: the type of measure." })
  measureTypeId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "SECURITY_MEASURE: the terms proposed (what exactly).",
  })
  terms?: string | null;

  @Field(() => Int, { nullable: true, description: "SECURITY_MEASURE: the duration proposed, in months." })
  months?: number | null;

  @Field(() => String, { description: "Why: the analysis the recommendation rests on." })
  rationale: string;

  @Field(() => DateScalar, { description: "The day of the recommendation; not in the future." })
  recommendedOn: string;

  @Field(() => [ID], {
    nullable: true,
    description: `Information reports on this person that the recommendation cites (at most ${RECOMMENDATION_MAX_EVIDENCE} items with the assessments).`,
  })
  reportIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Risk assessments of this person that it cites." })
  assessmentIds?: string[] | null;
}

@InputType({ description: "The term of a measure: legal basis, terms, end and first review." })
export class MeasureTermInput {
  @Field(() => String, {
    nullable: true,
    description: "The legal basis; the measure type's own when left out.",
  })
  legalBasis?: string | null;

  @Field(() => String, { nullable: true, description: "What exactly the measure consists of." })
  terms?: string | null;

  @Field(() => DateScalar, {
    description: "Exclusive end: without an approved prolongation it lapses that day.",
  })
  endsOn: string;

  @Field(() => DateScalar, {
    description: "Mandatory review date, within the period and the type's review interval.",
  })
  nextReviewOn: string;
}

@InputType({ description: "The Director General's decision on a recommendation." })
export class RecommendationDecideInput {
  @Field(() => ID, { description: "The recommendation (undecided)." })
  recommendationId: string;

  @Field(() => RecommendationOutcome, { description: "Accept, amend or reject." })
  outcome: RecommendationOutcome;

  @Field(() => String, { description: "The reasons for the decision (required, also for a rejection)." })
  reasons: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Whether the reasons are classified: the inmate is then given a summary.",
  })
  reasonsClassified: boolean;

  @Field(() => DateScalar, { description: "The day of the decision; not in the future." })
  decidedOn: string;

  @Field(() => DateScalar, {
    description: "The day it takes effect (the move, or the measure's start); not before the decision.",
  })
  effectiveOn: string;

  @Field(() => ID, {
    nullable: true,
    description: "AMENDED regime or transfer: the establishment decided instead.",
  })
  establishmentId?: string | null;

  @Field(() => ID, { nullable: true, description: "AMENDED regime or transfer: the unit decided instead." })
  unitId?: string | null;

  @Field(() => MeasureTermInput, {
    nullable: true,
    description: "SECURITY_MEASURE, when accepted or amended: the measure's term.",
  })
  measure?: MeasureTermInput | null;
}

@InputType({
  description:
    "Imposes an individual security measure directly (a prison director, or the Director General).",
})
export class SecurityMeasureImposeInput {
  @Field(() => ID, { description: "The inmate (detained)." })
  personId: string;

  @Field(() => ID, { description: "The type of measure." })
  measureTypeId: string;

  @Field(() => String, { description: "The reasons (required)." })
  reasons: string;

  @Field(() => Boolean, { defaultValue: false, description: "Whether the reasons are classified." })
  reasonsClassified: boolean;

  @Field(() => DateScalar, { description: "The day of the decision; not in the future." })
  decidedOn: string;

  @Field(() => DateScalar, { description: "The measure's first day; not before the decision." })
  effectiveOn: string;

  @Field(() => MeasureTermInput, { description: "The term." })
  measure: MeasureTermInput;
}

@InputType({
  description: "A review of a measure, a decision of its own: maintained, eased, lifted or prolonged.",
})
export class SecurityMeasureReviewInput {
  @Field(() => ID, { description: "The measure (in force)." })
  measureId: string;

  @Field(() => ReviewOutcome, { description: "The outcome." })
  outcome: ReviewOutcome;

  @Field(() => String, { description: "The reasons (required)." })
  reasons: string;

  @Field(() => Boolean, { defaultValue: false, description: "Whether the reasons are classified." })
  reasonsClassified: boolean;

  @Field(() => DateScalar, { description: "The day of the review; not in the future." })
  decidedOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "LIFTED: the first day without the measure (defaults to the day of the review).",
  })
  effectiveOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "PROLONGED: the new exclusive end." })
  endsOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The next review date (all outcomes but LIFTED).",
  })
  nextReviewOn?: string | null;

  @Field(() => String, { nullable: true, description: "EASED: the new, lighter terms." })
  terms?: string | null;

  @Field(() => Int, {
    description: "The measure's version as read: a review decided meanwhile makes this one a CONFLICT.",
  })
  expectedVersion: number;
}

@InputType({ description: "When and how the inmate was told of a decision." })
export class DecisionNotifyInput {
  @Field(() => ID, { description: "The decision." })
  decisionId: string;

  @Field(() => DateScalar, {
    description: "The day the inmate was told; not before the decision, not in the future.",
  })
  notifiedOn: string;

  @Field(() => NotificationMethod, { description: "How." })
  method: NotificationMethod;

  @Field(() => String, {
    description:
      "The reasons the inmate was given: the decision's reasons, or a summary where they are classified.",
  })
  reasonsGiven: string;

  @Field(() => Boolean, { defaultValue: false, description: "Whether an interpreter was present." })
  interpreter: boolean;
}

@InputType({ description: "An appeal or complaint the inmate lodged against a decision." })
export class AppealRecordInput {
  @Field(() => ID, { description: "The decision appealed against." })
  decisionId: string;

  @Field(() => AppealBody, { description: "Where." })
  body: AppealBody;

  @Field(() => DateScalar, {
    description: "The day it was lodged; not before the decision, not in the future.",
  })
  lodgedOn: string;

  @Field(() => String, { nullable: true, description: "The grounds, in short." })
  grounds?: string | null;
}

@InputType({ description: "The answer to an appeal." })
export class AppealAnswerInput {
  @Field(() => ID, { description: "The appeal (not yet answered)." })
  appealId: string;

  @Field(() => AppealOutcome, { description: "The answer." })
  outcome: AppealOutcome;

  @Field(() => DateScalar, {
    description: "The day of the answer; not before the appeal, not in the future.",
  })
  decidedOn: string;

  @Field(() => String, { description: "What the body decided, in short." })
  summary: string;
}

@InputType({ description: "A periodic evaluation that a measure's type requires." })
export class MeasureEvaluationRecordInput {
  @Field(() => ID, { description: "The measure (in force on the day of the evaluation)." })
  measureId: string;

  @Field(() => DateScalar, { description: "The day of the evaluation; not in the future." })
  evaluatedOn: string;

  @Field(() => MeasureAdvice, { description: "What the evaluator advises." })
  advice: MeasureAdvice;

  @Field(() => String, { description: "The evaluation, in short." })
  summary: string;
}

@InputType({ description: "Who may impose or prolong a measure type, and for how long." })
export class MeasureAllowanceInput {
  @Field(() => AgencyKind, { description: "The agency kind." })
  agencyKind: AgencyKind;

  @Field(() => Role, { description: "The role within it." })
  role: Role;

  @Field(() => Int, { description: "The longest period they may set, in months." })
  maxMonths: number;
}

@InputType({ description: "A periodic evaluation a measure type requires." })
export class MeasureEvaluationRuleInput {
  @Field(() => AgencyKind, { description: "The agency kind that evaluates." })
  agencyKind: AgencyKind;

  @Field(() => Role, { description: "The role within it." })
  role: Role;

  @Field(() => Int, { description: "How often, in days." })
  everyDays: number;
}

@InputType({ description: "Defines a type of individual security measure with its rules (administrators)." })
export class MeasureTypeDefineInput {
  @Field(() => String, {
    description: "A stable code in capitals (e.g. WORK_RESTRICTION); a new code adds a type.",
  })
  code: string;

  @Field(() => String, { description: "The name shown to users." })
  name: string;

  @Field(() => String, { description: "What the measure consists of." })
  description: string;

  @Field(() => String, { description: "The legal basis a measure of this type cites by default." })
  legalBasis: string;

  @Field(() => [MeasureAllowanceInput], { description: "Who may impose it, and for how long." })
  impose: MeasureAllowanceInput[];

  @Field(() => [MeasureAllowanceInput], { description: "Who may prolong it, and by periods of how long." })
  prolong: MeasureAllowanceInput[];

  @Field(() => Int, { description: "A review is due within this many months of each decision." })
  reviewWithinMonths: number;

  @Field(() => [MeasureEvaluationRuleInput], { description: "The periodic evaluations it requires." })
  evaluations: MeasureEvaluationRuleInput[];

  @Field(() => Boolean, { defaultValue: true, description: "False withdraws the type from new measures." })
  active: boolean;
}
