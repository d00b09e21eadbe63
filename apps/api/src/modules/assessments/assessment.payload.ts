import { Field, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import { RiskAssessmentType } from "./assessment.type.js";

@ObjectType({ description: "Result of riskAssessmentRecord." })
export class RiskAssessmentRecordPayload {
  @Field(() => RiskAssessmentType, { nullable: true, description: "The assessment; null when refused." })
  riskAssessment: RiskAssessmentType | null;

  @Field(() => PersonType, {
    nullable: true,
    description: "The person after the assessment (next due date).",
  })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of instrumentTextsLoad." })
export class InstrumentTextsLoadPayload {
  @Field(() => Int, { description: "How many texts were stored (new or replaced)." })
  loaded: number;

  @Field(() => [UserError], {
    description: "Problems with the input; empty when the texts were stored. When not empty, nothing was.",
  })
  userErrors: UserError[];
}
