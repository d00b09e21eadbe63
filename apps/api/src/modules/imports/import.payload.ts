import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error.js";
import { ImportJobType } from "./import.type.js";

const JOB = "The job as it stands now; null when refused.";
const ERRORS =
  "Problems with the input; empty when the change was made. When not empty, nothing was written.";

@ObjectType({ description: "Result of importJobCreate." })
export class ImportJobCreatePayload {
  @Field(() => ImportJobType, { nullable: true, description: JOB })
  importJob: ImportJobType | null;

  @Field(() => [UserError], { description: ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of importJobAppend." })
export class ImportJobAppendPayload {
  @Field(() => ImportJobType, { nullable: true, description: JOB })
  importJob: ImportJobType | null;

  @Field(() => [UserError], { description: ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of importJobStart." })
export class ImportJobStartPayload {
  @Field(() => ImportJobType, { nullable: true, description: JOB })
  importJob: ImportJobType | null;

  @Field(() => [UserError], { description: ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of importJobResume." })
export class ImportJobResumePayload {
  @Field(() => ImportJobType, { nullable: true, description: JOB })
  importJob: ImportJobType | null;

  @Field(() => [UserError], { description: ERRORS })
  userErrors: UserError[];
}
