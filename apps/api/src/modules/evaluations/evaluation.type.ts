import { CaseStage, DisengagementLevel, type PersonAccess } from "@continuum/domain";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import type { CaseObject } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import type { EvaluationRecord } from "./evaluation.repository.js";

@ObjectType("DisengagementEvaluation", {
  implements: Node,
  description: "The threat-analysis body's evaluation of signs of disengagement (INTELLIGENCE data).",
})
export class DisengagementEvaluationType extends Node implements CaseObject {
  personUuid: string;
  access: PersonAccess;
  agencyUuid: string;

  @Field(() => DateScalar, { description: "The day evaluated." })
  evaluatedOn: string;

  @Field(() => DisengagementLevel, { description: "The signs of disengagement seen." })
  level: DisengagementLevel;

  @Field({ description: "Why." })
  rationale: string;

  @Field(() => CaseStage, { description: "Whether the person was in prison or released that day." })
  stage: CaseStage;

  static from(r: EvaluationRecord, access: PersonAccess): DisengagementEvaluationType {
    return Object.assign(new DisengagementEvaluationType(), {
      id: toGlobalId("DisengagementEvaluation", r.id),
      personUuid: r.personId,
      access,
      agencyUuid: r.agencyId,
      evaluatedOn: r.evaluatedOn,
      level: r.level,
      rationale: r.rationale,
      stage: r.stage as CaseStage,
    });
  }
}

@InputType({ description: "An evaluation of signs of disengagement, in prison or after release." })
export class DisengagementEvaluationRecordInput {
  @Field(() => ID, { description: "The person (detained now or before)." })
  personId: string;

  @Field(() => DateScalar, { description: "The day evaluated; not in the future." })
  evaluatedOn: string;

  @Field(() => DisengagementLevel, { description: "The signs seen." })
  level: DisengagementLevel;

  @Field({ description: "Why (required)." })
  rationale: string;
}

@ObjectType({ description: "Result of disengagementEvaluationRecord." })
export class DisengagementEvaluationPayload {
  @Field(() => DisengagementEvaluationType, {
    nullable: true,
    description: "The evaluation; null when refused.",
  })
  evaluation: DisengagementEvaluationType | null;

  @Field(() => PersonType, { nullable: true, description: "The person." })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
