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
  @Field({ description: "E-mail address of the account (case ignored)." })
  email: string;

  @Field({ description: "Password." })
  password: string;
}

@ObjectType({ description: "Result of login. On success the response sets the session cookie." })
export class LoginPayload {
  @Field(() => UserType, { nullable: true, description: "The logged-in user; null when refused." })
  user: UserType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
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
  @Field(() => UserType, { nullable: true, description: "You, after the change; null when refused." })
  user: UserType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType("ApiToken", {
  implements: Node,
  description: "An API token (its secret is shown once at creation and never stored).",
})
export class ApiTokenType extends Node {
  accountUuid: string;
  createdByUuid: string | null;

  @Field({ description: "What the token is for." })
  name: string;

  @Field({ description: "The token's first characters, to recognise it." })
  tokenPrefix: string;

  @Field(() => [ApiTokenScope], { description: "What the token may do." })
  scopes: ApiTokenScope[];

  @Field(() => DateTimeScalar, { description: "When the token stops working." })
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was revoked; null while valid." })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Approximate (updated at most once a minute).",
  })
  lastUsedAt: Date | null;

  @Field(() => DateTimeScalar, { description: "When it was issued." })
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

  @Field(() => [ApiTokenScope], { description: "What the token may do (READ, WRITE); at least one." })
  scopes: ApiTokenScope[];

  @Field(() => DateTimeScalar, { description: "In the future, at most 366 days ahead." })
  expiresAt: Date;
}

@ObjectType({ description: "Result of apiTokenCreate." })
export class ApiTokenCreatePayload {
  @Field(() => ApiTokenType, { nullable: true, description: "The new token's record; null when refused." })
  apiToken: ApiTokenType | null;

  @Field(() => String, {
    nullable: true,
    description: "The token to send as 'Authorization: Bearer <token>'. Shown this once only.",
  })
  token: string | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Revokes an API token at once." })
export class ApiTokenRevokeInput {
  @Field(() => ID, { description: "The token to revoke." })
  apiTokenId: string;
}

@ObjectType({ description: "Result of apiTokenRevoke." })
export class ApiTokenRevokePayload {
  @Field(() => ApiTokenType, { nullable: true, description: "The revoked token; null when refused." })
  apiToken: ApiTokenType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
