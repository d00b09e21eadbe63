import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../graphql/user-error.js";
import { ApiTokenType } from "./auth.types.js";

@InputType({
  description: "Rotates an API token: a successor is issued and the old one is retired after an overlap.",
})
export class ApiTokenRotateInput {
  @Field(() => ID, { description: "The token to rotate (a token may rotate itself)." })
  apiTokenId: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Hours the old token keeps working, 0 to 168 (default 24): the window to deploy the new one.",
  })
  overlapHours?: number | null;
}

@ObjectType({ description: "Result of apiTokenRotate." })
export class ApiTokenRotatePayload {
  @Field(() => ApiTokenType, {
    nullable: true,
    description: "The successor token's record; null when refused.",
  })
  apiToken: ApiTokenType | null;

  @Field(() => String, {
    nullable: true,
    description: "The successor token to send as 'Authorization: Bearer <token>'. Shown this once only.",
  })
  token: string | null;

  @Field(() => ApiTokenType, {
    nullable: true,
    description: "The old token, with its expiry shortened to the end of the overlap.",
  })
  replacedApiToken: ApiTokenType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Limits an API token to its registered operations, or lifts the limit." })
export class ApiTokenTrustedOperationsSetInput {
  @Field(() => ID, { description: "The token to change." })
  apiTokenId: string;

  @Field({ description: "True: only the operations registered for the token are accepted." })
  trustedOperationsOnly: boolean;
}

@ObjectType({ description: "Result of apiTokenTrustedOperationsSet." })
export class ApiTokenTrustedOperationsSetPayload {
  @Field(() => ApiTokenType, { nullable: true, description: "The token; null when refused." })
  apiToken: ApiTokenType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
