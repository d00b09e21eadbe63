import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import { ScreeningType } from "./screening.type.js";

@ObjectType({ description: "Result of screeningRecord." })
export class ScreeningRecordPayload {
  @Field(() => ScreeningType, { nullable: true, description: "The recorded screening; null when refused." })
  screening: ScreeningType | null;

  @Field(() => PersonType, {
    nullable: true,
    description: "The person after the screening (listing, next due date).",
  })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of screeningAssign." })
export class ScreeningAssignPayload {
  @Field(() => [PersonType], { description: "The persons after the change; empty when refused." })
  persons: PersonType[];

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
