import { DataClass } from "@continuum/domain";
import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { PurposeType } from "../auth/auth.types.js";
import { connectionOf } from "../graphql/connection.js";
import { toGlobalId } from "../graphql/global-id.js";
import { Node } from "../graphql/node.js";
import { DateScalar, DateTimeScalar } from "../graphql/scalars.js";
import { UserError } from "../graphql/user-error.js";
import { AgencyType } from "../modules/agencies/agency.type.js";
import { PersonType } from "../modules/persons/person.type.js";
import type { BreakGlassGrantRecord } from "./break-glass.repository.js";
import { BREAK_GLASS_VERDICTS, type BreakGlassVerdict } from "./break-glass.table.js";

const VerdictEnum = Object.fromEntries(BREAK_GLASS_VERDICTS.map((v) => [v, v])) as Record<
  BreakGlassVerdict,
  BreakGlassVerdict
>;
registerEnumType(VerdictEnum, {
  name: "BreakGlassVerdict",
  description: "Oversight's judgement of a break-the-glass access.",
  valuesConfig: {
    JUSTIFIED: { description: "The access was justified." },
    UNJUSTIFIED: { description: "The access was not justified (to be followed up)." },
  },
});

@ObjectType("BreakGlassGrant", {
  implements: Node,
  description:
    "Access to a case outside the access matrix, given on a written justification, for a limited time.",
})
export class BreakGlassGrantType extends Node {
  userUuid: string;
  agencyUuid: string;
  personUuid: string;
  reviewedByUuid: string | null;
  record: BreakGlassGrantRecord;

  @Field(() => ID, { description: "The person opened (global ID); the grant itself shows no case content." })
  personId: string;

  @Field({ description: "Why the case was opened, as written by the user." })
  justification: string;

  @Field(() => DateTimeScalar, { description: "When access was granted." })
  grantedAt: Date;

  @Field(() => DateTimeScalar, { description: "When access ends." })
  expiresAt: Date;

  @Field(() => VerdictEnum, {
    nullable: true,
    description: "Oversight's verdict; null while waiting for review.",
  })
  verdict: BreakGlassVerdict | null;

  @Field(() => String, { nullable: true, description: "Oversight's note." })
  reviewNote: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was reviewed." })
  reviewedAt: Date | null;

  static from(r: BreakGlassGrantRecord): BreakGlassGrantType {
    return Object.assign(new BreakGlassGrantType(), {
      id: toGlobalId("BreakGlassGrant", r.id),
      record: r,
      userUuid: r.userId,
      agencyUuid: r.agencyId,
      personUuid: r.personId,
      reviewedByUuid: r.reviewedBy,
      personId: toGlobalId("Person", r.personId),
      justification: r.justification,
      grantedAt: r.grantedAt,
      expiresAt: r.expiresAt,
      verdict: r.verdict,
      reviewNote: r.reviewNote,
      reviewedAt: r.reviewedAt,
    });
  }
}

export const BreakGlassGrantConnection = connectionOf(
  BreakGlassGrantType,
  "BreakGlassGrant",
  "A page of break-the-glass grants, newest first.",
);

@InputType({ description: "Asks for access to a case outside your scope." })
export class BreakGlassOpenInput {
  @Field(() => ID, { description: "The person (for example from a hit in personLookup)." })
  personId: string;

  @Field({ description: "Why you must open this case now: 20 to 2000 characters. Oversight reviews it." })
  justification: string;
}

@ObjectType({ description: "Result of breakGlassOpen." })
export class BreakGlassOpenPayload {
  @Field(() => BreakGlassGrantType, { nullable: true, description: "The grant; null when refused." })
  grant: BreakGlassGrantType | null;

  @Field(() => PersonType, {
    nullable: true,
    description: "The person, read-only, for the grant's duration.",
  })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Oversight's verdict on a break-the-glass access." })
export class BreakGlassReviewInput {
  @Field(() => ID, { description: "The grant." })
  grantId: string;

  @Field(() => VerdictEnum, { description: "Justified or not." })
  verdict: BreakGlassVerdict;

  @Field(() => String, { nullable: true, description: "A note, at most 2000 characters." })
  note?: string | null;
}

@ObjectType({ description: "Result of breakGlassReview." })
export class BreakGlassReviewPayload {
  @Field(() => BreakGlassGrantType, { nullable: true, description: "The grant after review." })
  grant: BreakGlassGrantType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@InputType({ description: "Hit / no-hit: who is asked about." })
export class PersonLookupInput {
  @Field({ description: "Family name, exactly (accents and case ignored)." })
  familyName: string;

  @Field({ description: "Given names, exactly (accents and case ignored)." })
  givenNames: string;

  @Field(() => DateScalar, { description: "Date of birth." })
  dateOfBirth: string;
}

@ObjectType("PersonLookupResult", {
  description: "The answer of a hit / no-hit look-up: known or not, and whom to contact. Nothing else.",
})
export class PersonLookupResultType {
  @Field({ description: "True when a matching person is known and you may know it." })
  known: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "The person's ID when known (to open it, or to ask for access).",
  })
  personId: string | null;

  @Field({ description: "You may already open this person." })
  accessible: boolean;

  @Field(() => AgencyType, { nullable: true, description: "Whom to contact about this person." })
  contact: AgencyType | null;
}

@InputType({ description: "Narrows the audit trail." })
export class AuditEventFilterInput {
  @Field(() => ID, { nullable: true, description: "Entries about this person (global ID)." })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: "Entries by this user (global ID)." })
  userId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Entries of this operation (READ, SEARCH, LOOKUP, CREATE, …).",
  })
  operation?: string | null;

  @Field(() => Boolean, { nullable: true, description: "True: only entries made under break-the-glass." })
  breakGlass?: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "From this instant (inclusive)." })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Before this instant." })
  to?: Date | null;
}

@ObjectType("AuditEvent", { description: "One entry of the audit trail (append-only, hash-chained)." })
export class AuditEventType {
  userUuid: string | null;
  agencyUuid: string | null;
  recipientAgencyUuid: string | null;

  @Field(() => ID, { description: "The entry's number in the chain." })
  id: string;

  @Field(() => DateTimeScalar, { description: "When it happened." })
  occurredAt: Date;

  @Field({ description: "What was done: READ, SEARCH, LOOKUP, CREATE, UPDATE, LOGIN, BREAK_GLASS_OPEN, …" })
  operation: string;

  @Field(() => ID, { nullable: true, description: "The person concerned (global ID), if any." })
  personId: string | null;

  @Field(() => [DataClass], { description: "The data classes read or changed." })
  dataClasses: DataClass[];

  @Field(() => PurposeType, { nullable: true, description: "The purpose the actor had stated." })
  purpose: PurposeType | null;

  @Field({ description: "Made under a break-the-glass grant." })
  breakGlass: boolean;

  @Field(() => GraphQLJSONObject, { description: "What was asked or changed (search terms, mutation, …)." })
  details: Record<string, unknown>;

  @Field({ description: "The request it was part of." })
  requestId: string;
}

export const AuditEventConnection = connectionOf(
  AuditEventType,
  "AuditEvent",
  "A page of audit entries, newest first.",
);

@ObjectType("AuditChainVerification", {
  description: "The result of re-computing the audit trail's hash chain.",
})
export class AuditChainVerificationType {
  @Field({ description: "True when every entry matches its hash and links to the one before." })
  ok: boolean;

  @Field(() => Int, { description: "How many entries were checked." })
  checked: number;

  @Field(() => ID, {
    nullable: true,
    description: "The first entry found broken (edited, or after a deleted one).",
  })
  firstBrokenEventId: string | null;

  @Field(() => String, { nullable: true, description: "What is wrong." })
  reason: string | null;
}
