import { Field, ObjectType, registerEnumType } from "type-graphql";

export enum UserErrorCode {
  INVALID = "INVALID",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
  RULE_VIOLATION = "RULE_VIOLATION",
  RATE_LIMITED = "RATE_LIMITED",
}
registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description: "Why a mutation's input was refused.",
  valuesConfig: {
    INVALID: { description: "The value is malformed, missing, too long or out of range." },
    NOT_FOUND: { description: "The referenced record does not exist or is not visible to you." },
    CONFLICT: {
      description: "The change conflicts with the current state (overlap, stale version, duplicate).",
    },
    RULE_VIOLATION: {
      description: "The change breaks a business rule (for example delisting someone not listed).",
    },
    RATE_LIMITED: { description: "Too many attempts; wait before trying again." },
  },
});

@ObjectType({
  description: "A problem with a mutation's input. Nothing was written when a payload carries any.",
})
export class UserError {
  @Field(() => String, {
    nullable: true,
    description:
      "The input field concerned, as a dotted path inside `input` (e.g. `familyName`, `aliases.2`).",
  })
  field: string | null;

  @Field(() => String, { description: "What is wrong, in English, for the person who entered the value." })
  message: string;

  @Field(() => UserErrorCode, { description: "Kind of problem." })
  code: UserErrorCode;
}

export function userError(
  field: string | null,
  message: string,
  code: UserErrorCode = UserErrorCode.INVALID,
): UserError {
  return Object.assign(new UserError(), { field, message, code });
}

/**
 * Thrown inside a mutation's transaction to roll it back and answer with userErrors instead.
 * The resolver layer catches it (see runMutation) and returns the errors in the payload.
 */
export class UserInputRejected extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => `${e.field ?? "input"}: ${e.message}`).join("; "));
    this.name = "UserInputRejected";
  }
}

export function reject(field: string | null, message: string, code?: UserErrorCode): never {
  throw new UserInputRejected([userError(field, message, code)]);
}
