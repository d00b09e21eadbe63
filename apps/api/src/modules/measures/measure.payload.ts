import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import { DecisionType, MeasureTypeType, RecommendationType, SecurityMeasureType } from "./measure.type.js";

const USER_ERRORS =
  "Problems with the input; empty when the change was made. When not empty, nothing was written.";

@ObjectType({ description: "Result of recommendationWrite." })
export class RecommendationPayload {
  @Field(() => RecommendationType, { nullable: true, description: "The recommendation; null when refused." })
  recommendation: RecommendationType | null;

  @Field(() => PersonType, { nullable: true, description: "The person." })
  person: PersonType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({
  description:
    "Result of a decision (recommendationDecide, securityMeasureImpose, securityMeasureReview) or of a notice " +
    "on one (decisionNotify, appealRecord, appealAnswer).",
})
export class DecisionPayload {
  @Field(() => DecisionType, { nullable: true, description: "The decision concerned; null when refused." })
  decision: DecisionType | null;

  @Field(() => PersonType, { nullable: true, description: "The person after the change." })
  person: PersonType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of measureEvaluationRecord." })
export class MeasureEvaluationPayload {
  @Field(() => SecurityMeasureType, {
    nullable: true,
    description: "The measure evaluated, as it stands today.",
  })
  measure: SecurityMeasureType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of measureTypeDefine." })
export class MeasureTypePayload {
  @Field(() => MeasureTypeType, { nullable: true, description: "The measure type as stored." })
  measureType: MeasureTypeType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}
