import { Language } from "@continuum/domain";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { connectionOf } from "../graphql/connection.js";
import { toGlobalId } from "../graphql/global-id.js";
import { Node } from "../graphql/node.js";
import { DateTimeScalar } from "../graphql/scalars.js";
import { UserError } from "../graphql/user-error.js";
import { UserType } from "../modules/users/user.type.js";
import { ApiTokenScope } from "./api-token-scope.js";
import type { ApiTokenRecord } from "./auth.repository.js";

@InputType({ description: "E-mail address and password." })
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@ObjectType({ description: "Result of login. On success the response sets the session cookie." })
export class LoginPayload {
  @Field(() => UserType, { nullable: true, description: "The logged-in user; null when refused." })
  user: UserType | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: "Result of logout." })
export class LogoutPayload {
  @Field({ description: "True when a session was ended." })
  loggedOut: boolean;
}

@InputType({ description: "Your own preferences." })
export class UserPreferencesUpdateInput {
  @Field(() => Language, { description: "Portal language, remembered across sessions." })
  language: Language;
}

@ObjectType({ description: "Result of userPreferencesUpdate." })
export class UserPreferencesUpdatePayload {
  @Field(() => UserType, { nullable: true })
  user: UserType | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType("ApiToken", {
  implements: Node,
  description: "An API token (its secret is shown once at creation and never stored).",
})
export class ApiTokenType extends Node {
  accountUuid: string;
  createdByUuid: string | null;

  @Field()
  name: string;

  @Field({ description: "The token's first characters, to recognise it." })
  tokenPrefix: string;

  @Field(() => [ApiTokenScope])
  scopes: ApiTokenScope[];

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Approximate (updated at most once a minute).",
  })
  lastUsedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  static from(r: ApiTokenRecord): ApiTokenType {
    return Object.assign(new ApiTokenType(), {
      id: toGlobalId("ApiToken", r.id),
      accountUuid: r.userId,
      createdByUuid: r.createdBy,
      name: r.name,
      tokenPrefix: r.tokenPrefix,
      scopes: r.scopes,
      expiresAt: r.expiresAt,
      revokedAt: r.revokedAt,
      lastUsedAt: r.lastUsedAt,
      createdAt: r.createdAt,
    });
  }
}

export const ApiTokenConnection = connectionOf(
  ApiTokenType,
  "ApiToken",
  "A page of API tokens, newest first.",
);

@InputType({ description: "Issues an API token for an account." })
export class ApiTokenCreateInput {
  @Field(() => ID, { description: "The account the token acts as (its agency and roles apply)." })
  userId: string;

  @Field({ description: "What the token is for, 1 to 100 characters." })
  name: string;

  @Field(() => [ApiTokenScope])
  scopes: ApiTokenScope[];

  @Field(() => DateTimeScalar, { description: "In the future, at most 366 days ahead." })
  expiresAt: Date;
}

@ObjectType({ description: "Result of apiTokenCreate." })
export class ApiTokenCreatePayload {
  @Field(() => ApiTokenType, { nullable: true })
  apiToken: ApiTokenType | null;

  @Field(() => String, {
    nullable: true,
    description: "The token to send as 'Authorization: Bearer <token>'. Shown this once only.",
  })
  token: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@InputType({ description: "Revokes an API token at once." })
export class ApiTokenRevokeInput {
  @Field(() => ID)
  apiTokenId: string;
}

@ObjectType({ description: "Result of apiTokenRevoke." })
export class ApiTokenRevokePayload {
  @Field(() => ApiTokenType, { nullable: true })
  apiToken: ApiTokenType | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
