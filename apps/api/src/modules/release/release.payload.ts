import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error.js";
import { DetentionEpisodeType } from "../detention/detention.type.js";
import { PersonType } from "../persons/person.type.js";
import { ConditionTypeType, ReleaseConditionType } from "./release.type.js";

const USER_ERRORS =
  "Problems with the input; empty when the change was made. When not empty, nothing was written.";

@ObjectType({ description: "Result of releaseDateOverride and releasePlanRecord." })
export class ReleasePreparationPayload {
  @Field(() => DetentionEpisodeType, { nullable: true, description: "The episode after the change." })
  episode: DetentionEpisodeType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of a change to a release condition." })
export class ReleaseConditionPayload {
  @Field(() => ReleaseConditionType, { nullable: true, description: "The condition after the change." })
  condition: ReleaseConditionType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of conditionTypeDefine." })
export class ConditionTypePayload {
  @Field(() => ConditionTypeType, { nullable: true, description: "The type; null when refused." })
  conditionType: ConditionTypeType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of caseHandOver." })
export class CaseHandOverPayload {
  @Field(() => PersonType, {
    nullable: true,
    description: "The person after the hand-over, if you still see them.",
  })
  person: PersonType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}
