import { CaseAction, CaseStage, DataClass, Language, Place, PurposeCode } from "@continuum/domain";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { connectionOf } from "../graphql/connection.js";
import { toGlobalId } from "../graphql/global-id.js";
import { Node } from "../graphql/node.js";
import { DateTimeScalar } from "../graphql/scalars.js";
import { UserError } from "../graphql/user-error.js";
import { UserType } from "../modules/users/user.type.js";
import { ApiTokenScope } from "./api-token-scope.js";
import type { ApiTokenRecord } from "./auth.repository.js";

@InputType({ description: "Why this session opens personal data." })
export class PurposeInput {
  @Field(() => PurposeCode, {
    description: "One of the purposes your agency may state (viewer.purposesAvailable).",
  })
  code: PurposeCode;

  @Field(() => String, {
    nullable: true,
    description: "Free text, at most 500 characters (e.g. the case or request concerned).",
  })
  note?: string | null;
}

@ObjectType("Purpose", { description: "A stated purpose." })
export class PurposeType {
  @Field(() => PurposeCode, { description: "The purpose." })
  code: PurposeCode;

  @Field(() => String, { nullable: true, description: "The free text given with it." })
  note: string | null;
}

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

  @Field({ description: "The session waits for the code of the user's authenticator app (loginVerifyTotp)." })
  secondFactorRequired: boolean;

  @Field({
    description:
      "The account reads intelligence or clinical data and must enrol an authenticator app (totpEnroll).",
  })
  secondFactorEnrolmentRequired: boolean;

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

  @Field(() => [DataClass], {
    description: "The data classes the token may read or feed, within what its account's roles give.",
  })
  dataClasses: DataClass[];

  @Field({ description: "Whether the token may send only the operations registered for it." })
  trustedOperationsOnly: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "The token this one replaced by rotation (apiTokenRotate); null for an issued token.",
  })
  replacesId: string | null;

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
      dataClasses: r.dataClasses,
      trustedOperationsOnly: r.trustedOperationsOnly,
      replacesId: r.replacesId === null ? null : toGlobalId("ApiToken", r.replacesId),
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

  @Field(() => PurposeInput, {
    description: "Why the token opens personal data; recorded with everything it reads.",
  })
  purpose: PurposeInput;

  @Field(() => [DataClass], {
    nullable: true,
    description:
      "The data classes the token is limited to; IDENTITY is required (every record names its person). Default: every class the account's roles give.",
  })
  dataClasses?: DataClass[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Accept only the operations registered for the token (persistedOperationsRegister). Default false; an administrator can change it later.",
  })
  trustedOperationsOnly?: boolean | null;
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

@InputType({ description: "The 6-digit code shown by an authenticator app." })
export class TotpCodeInput {
  @Field({ description: "6 digits." })
  code: string;
}

@ObjectType({ description: "Result of loginVerifyTotp and totpConfirm." })
export class TotpPayload {
  @Field({ description: "True when the code was accepted." })
  ok: boolean;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType({
  description: "Result of totpEnroll: scan the URI (or type the secret) into an authenticator app.",
})
export class TotpEnrolmentPayload {
  @Field(() => String, { nullable: true, description: "Base32 secret; shown once." })
  secret: string | null;

  @Field(() => String, { nullable: true, description: "otpauth:// URI for a QR code; shown once." })
  uri: string | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of sessionPurposeSet." })
export class SessionPurposePayload {
  @Field(() => PurposeType, { nullable: true, description: "The purpose now stated; null when refused." })
  purpose: PurposeType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType("StageAccess", { description: "Which cases you see at one stage, under the access matrix." })
export class StageAccessType {
  @Field(() => CaseStage, { description: "The stage." })
  stage: CaseStage;

  @Field(() => [Place], { description: "Where you see persons at this stage (empty: nowhere)." })
  places: Place[];

  @Field(() => [DataClass], {
    description: "The data classes you may read there (empty with places: the information card only).",
  })
  dataClasses: DataClass[];

  @Field(() => [DataClass], {
    description:
      "Of those, the classes you read in full; the others you read as their summary only (e.g. CLINICAL: " +
      "the final judgement and dates).",
  })
  detailedDataClasses: DataClass[];
}

@ObjectType("Viewer", { description: "You: your account, your session's purpose and what you may see." })
export class ViewerType {
  @Field(() => UserType, { description: "Your account." })
  user: UserType;

  @Field(() => PurposeType, {
    nullable: true,
    description: "The purpose stated for this session (or token); null until stated.",
  })
  purpose: PurposeType | null;

  @Field(() => [PurposeCode], { description: "The purposes your agency may state." })
  purposesAvailable: PurposeCode[];

  @Field({ description: "An authenticator app is enrolled for this account." })
  secondFactorEnabled: boolean;

  @Field({ description: "This account must use a second factor (it reads intelligence or clinical data)." })
  secondFactorRequired: boolean;

  @Field(() => [StageAccessType], { description: "Which cases you see at each stage." })
  caseAccess: StageAccessType[];

  @Field(() => [CaseAction], {
    description:
      "The kinds of change your agency and role may make. On a given person you also need consult-and-feed " +
      "on the class the change writes (Person.access).",
  })
  caseActions: CaseAction[];

  @Field({ description: "You may review the audit trail and break-the-glass access (oversight, DPO)." })
  auditReviewer: boolean;

  @Field({ description: "You administer accounts and API tokens." })
  administrator: boolean;
}

@InputType({
  description: "Disables or re-enables an account; disabling ends its sessions and tokens at once.",
})
export class UserSetDisabledInput {
  @Field(() => ID, { description: "The account." })
  userId: string;

  @Field({ description: "True to disable, false to enable." })
  disabled: boolean;
}

@ObjectType({ description: "Result of userSetDisabled." })
export class UserSetDisabledPayload {
  @Field(() => UserType, { nullable: true, description: "The account after the change." })
  user: UserType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
