import {
  AgencyKind,
  AppealBody,
  AppealOutcome,
  appealAnswerDueOn,
  DecisionKind,
  MeasureAdvice,
  type MeasureState,
  MeasureStatus,
  NotificationMethod,
  needsNotification,
  notificationDueOn,
  type PersonAccess,
  RecommendationKind,
  RecommendationOutcome,
  ReviewOutcome,
  Role,
} from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import type { CaseObject } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import type {
  AppealRecord,
  DecisionRecord,
  EvaluationRecord,
  MeasureRecord,
  MeasureTypeRecord,
  NotificationRecord,
  RecommendationRecord,
} from "./measure.repository.js";

@ObjectType("MeasureAllowance", {
  description: "Who may impose or prolong a measure type, and for how long.",
})
export class MeasureAllowanceType {
  @Field(() => AgencyKind, { description: "The agency kind." })
  agencyKind: AgencyKind;

  @Field(() => Role, { description: "The role within it." })
  role: Role;

  @Field(() => Int, { description: "The longest period they may set, in months." })
  maxMonths: number;
}

@ObjectType("MeasureEvaluationRule", { description: "A periodic evaluation a measure type requires." })
export class MeasureEvaluationRuleType {
  @Field(() => AgencyKind, { description: "The agency kind that evaluates." })
  agencyKind: AgencyKind;

  @Field(() => Role, { description: "The role within it." })
  role: Role;

  @Field(() => Int, { description: "How often, in days." })
  everyDays: number;
}

@ObjectType("MeasureType", {
  implements: Node,
  description: "A type of individual security measure, with its rules as data (reference data).",
})
export class MeasureTypeType extends Node {
  uuid: string;

  @Field({ description: "Stable code, e.g. INDIVIDUAL_SPECIAL_SECURITY_REGIME." })
  code: string;

  @Field({ description: "Name." })
  name: string;

  @Field({ description: "What the measure consists of." })
  description: string;

  @Field({ description: "The legal basis a measure of this type cites by default." })
  legalBasis: string;

  @Field(() => [MeasureAllowanceType], { description: "Who may impose it, and for how long." })
  impose: MeasureAllowanceType[];

  @Field(() => [MeasureAllowanceType], { description: "Who may prolong it, and by periods of how long." })
  prolong: MeasureAllowanceType[];

  @Field(() => Int, { description: "A review is due within this many months of each decision." })
  reviewWithinMonths: number;

  @Field(() => [MeasureEvaluationRuleType], { description: "The periodic evaluations it requires." })
  evaluations: MeasureEvaluationRuleType[];

  @Field({ description: "False once withdrawn: no new measures of this type." })
  active: boolean;

  static from(r: MeasureTypeRecord): MeasureTypeType {
    return Object.assign(new MeasureTypeType(), {
      id: toGlobalId("MeasureType", r.id),
      uuid: r.id,
      code: r.code,
      name: r.name,
      description: r.description,
      legalBasis: r.legalBasis,
      impose: r.rules.impose,
      prolong: r.rules.prolong,
      reviewWithinMonths: r.rules.reviewWithinMonths,
      evaluations: r.rules.evaluations,
      active: r.active,
    });
  }
}

@ObjectType("Recommendation", {
  implements: Node,
  description:
    "CelEx's recommendation on an inmate's regime or a measure, with the evidence it cites (MEASURES data).",
})
export class RecommendationType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  establishmentUuid: string | null;
  unitUuid: string | null;
  measureTypeUuid: string | null;
  agencyUuid: string;
  authorUuid: string | null;

  @Field(() => RecommendationKind, { description: "What is recommended." })
  kind: RecommendationKind;

  @Field({ description: "Why: the analysis it rests on." })
  rationale: string;

  @Field(() => String, { nullable: true, description: "A measure: the terms proposed." })
  terms: string | null;

  @Field(() => Int, { nullable: true, description: "A measure: the duration proposed, in months." })
  months: number | null;

  @Field(() => DateScalar, { description: "The day of the recommendation." })
  recommendedOn: string;

  static from(r: RecommendationRecord, access: PersonAccess): RecommendationType {
    return Object.assign(new RecommendationType(), {
      id: toGlobalId("Recommendation", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      establishmentUuid: r.establishmentId,
      unitUuid: r.unitId,
      measureTypeUuid: r.measureTypeId,
      agencyUuid: r.agencyId,
      authorUuid: r.createdBy,
      kind: r.kind,
      rationale: r.rationale,
      terms: r.terms,
      months: r.months,
      recommendedOn: r.recommendedOn,
    });
  }
}

@ObjectType("Decision", {
  implements: Node,
  description:
    "A decision on an inmate's regime or a measure (imposition or review), with its reasons, its decider, " +
    "how the inmate was told, and any appeal (MEASURES data).",
})
export class DecisionType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  recommendationUuid: string | null;
  measureUuid: string | null;
  placementUuid: string | null;
  agencyUuid: string;
  deciderUuid: string | null;

  @Field(() => DecisionKind, { description: "What the decision is about." })
  kind: DecisionKind;

  @Field(() => RecommendationOutcome, {
    nullable: true,
    description: "The answer to the recommendation it decides, if it decides one.",
  })
  recommendationOutcome: RecommendationOutcome | null;

  @Field(() => ReviewOutcome, { nullable: true, description: "A review's outcome." })
  reviewOutcome: ReviewOutcome | null;

  @Field({ description: "The reasons, in full." })
  reasons: string;

  @Field({ description: "Whether the reasons are classified: the inmate is given a summary." })
  reasonsClassified: boolean;

  @Field(() => DateScalar, { description: "The day of the decision." })
  decidedOn: string;

  @Field(() => DateScalar, { description: "The day it takes effect." })
  effectiveOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Imposition or prolongation: the measure's end from then.",
  })
  endsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The review date it set." })
  nextReviewOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Imposition or easing: the measure's terms from then.",
  })
  terms: string | null;

  @Field({ description: "Whether the inmate must be told (all but rejected recommendations)." })
  needsNotification: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The day by which the inmate must have been told; null when no notice is needed.",
  })
  notificationDueOn: string | null;

  static from(r: DecisionRecord, access: PersonAccess): DecisionType {
    const needed = needsNotification(r);
    return Object.assign(new DecisionType(), {
      id: toGlobalId("Decision", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      recommendationUuid: r.recommendationId,
      measureUuid: r.measureId,
      placementUuid: r.placementId,
      agencyUuid: r.agencyId,
      deciderUuid: r.createdBy,
      kind: r.kind,
      recommendationOutcome: r.recommendationOutcome,
      reviewOutcome: r.reviewOutcome,
      reasons: r.reasons,
      reasonsClassified: r.reasonsClassified,
      decidedOn: r.decidedOn,
      effectiveOn: r.effectiveOn,
      endsOn: r.endsOn,
      nextReviewOn: r.nextReviewOn,
      terms: r.terms,
      needsNotification: needed,
      notificationDueOn: needed ? notificationDueOn(r) : null,
    });
  }
}

@ObjectType("SecurityMeasure", {
  implements: Node,
  description:
    "An individual security measure and where it stands on a date (today, or the register's date): " +
    "its history is its decisions (MEASURES data).",
})
export class SecurityMeasureType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  measureTypeUuid: string;
  establishmentUuid: string;

  @Field({ description: "The legal basis cited." })
  legalBasis: string;

  @Field(() => DateScalar, { description: "The day the state below describes." })
  asOf: string;

  @Field(() => MeasureStatus, { description: "Where it stands on asOf." })
  status: MeasureStatus;

  @Field(() => DateScalar, { description: "First day." })
  startsOn: string;

  @Field(() => DateScalar, {
    description: "Exclusive end as known on asOf: it lapses that day without a prolongation.",
  })
  endsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "First day without it, when lifted." })
  liftedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The review date in force on asOf." })
  nextReviewOn: string | null;

  @Field({ description: "In force on asOf with its review date passed." })
  reviewOverdue: boolean;

  @Field(() => String, { nullable: true, description: "The terms in force on asOf." })
  terms: string | null;

  @Field(() => Int, { description: "Changes with each review: give it back as expectedVersion." })
  version: number;

  static from(
    r: MeasureRecord,
    state: MeasureState,
    asOf: string,
    access: PersonAccess,
  ): SecurityMeasureType {
    return Object.assign(new SecurityMeasureType(), {
      id: toGlobalId("SecurityMeasure", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      measureTypeUuid: r.measureTypeId,
      establishmentUuid: r.establishmentId,
      legalBasis: r.legalBasis,
      asOf,
      ...state,
      version: r.version,
    });
  }
}

@ObjectType("DecisionNotification", {
  implements: Node,
  description: "When and how the inmate was told of a decision, and the reasons they were given.",
})
export class DecisionNotificationType extends Node {
  agencyUuid: string;
  recorderUuid: string | null;

  @Field(() => DateScalar, { description: "The day the inmate was told." })
  notifiedOn: string;

  @Field(() => NotificationMethod, { description: "How." })
  method: NotificationMethod;

  @Field({ description: "The reasons given (a summary where they are classified)." })
  reasonsGiven: string;

  @Field({ description: "Whether an interpreter was present." })
  interpreter: boolean;

  static from(r: NotificationRecord): DecisionNotificationType {
    return Object.assign(new DecisionNotificationType(), {
      id: toGlobalId("DecisionNotification", r.id),
      agencyUuid: r.agencyId,
      recorderUuid: r.createdBy,
      notifiedOn: r.notifiedOn,
      method: r.method,
      reasonsGiven: r.reasonsGiven,
      interpreter: r.interpreter,
    });
  }
}

@ObjectType("Appeal", {
  implements: Node,
  description: "An appeal or complaint against a decision, and its answer.",
})
export class AppealType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  decisionUuid: string;

  @Field(() => AppealBody, { description: "Where it was lodged." })
  body: AppealBody;

  @Field(() => DateScalar, { description: "The day it was lodged." })
  lodgedOn: string;

  @Field(() => String, { nullable: true, description: "The grounds, in short." })
  grounds: string | null;

  @Field(() => AppealOutcome, { nullable: true, description: "The answer; null while pending." })
  outcome: AppealOutcome | null;

  @Field(() => DateScalar, { nullable: true, description: "The day of the answer." })
  outcomeOn: string | null;

  @Field(() => String, { nullable: true, description: "What the body decided, in short." })
  outcomeSummary: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "When an answer is due (14 days for the commissions); null where no deadline applies.",
  })
  answerDueOn: string | null;

  @Field(() => Int, { description: "Changes when answered." })
  version: number;

  static from(r: AppealRecord, access: PersonAccess): AppealType {
    return Object.assign(new AppealType(), {
      id: toGlobalId("Appeal", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      decisionUuid: r.decisionId,
      body: r.body,
      lodgedOn: r.lodgedOn,
      grounds: r.grounds,
      outcome: r.outcome,
      outcomeOn: r.outcomeOn,
      outcomeSummary: r.outcomeSummary,
      answerDueOn: appealAnswerDueOn(r),
      version: r.version,
    });
  }
}

@ObjectType("MeasureEvaluation", {
  implements: Node,
  description: "A periodic evaluation of a measure (e.g. the psychosocial service's monthly one).",
})
export class MeasureEvaluationType extends Node {
  agencyUuid: string;

  @Field(() => DateScalar, { description: "The day of the evaluation." })
  evaluatedOn: string;

  @Field(() => MeasureAdvice, { description: "What the evaluator advised." })
  advice: MeasureAdvice;

  @Field({ description: "The evaluation, in short." })
  summary: string;

  static from(r: EvaluationRecord): MeasureEvaluationType {
    return Object.assign(new MeasureEvaluationType(), {
      id: toGlobalId("MeasureEvaluation", r.id),
      agencyUuid: r.agencyId,
      evaluatedOn: r.evaluatedOn,
      advice: r.advice,
      summary: r.summary,
    });
  }
}

@ObjectType("EvaluationDue", {
  description: "A periodic evaluation a measure in force requires, and when it is due.",
})
export class EvaluationDueType {
  @Field(() => AgencyKind, { description: "The agency kind that evaluates." })
  agencyKind: AgencyKind;

  @Field(() => Role, { description: "The role within it." })
  role: Role;

  @Field(() => DateScalar, { nullable: true, description: "The last evaluation by that service." })
  lastEvaluatedOn: string | null;

  @Field(() => DateScalar, { description: "When the next one is due." })
  dueOn: string;

  @Field({ description: "Whether it is past due." })
  overdue: boolean;
}
