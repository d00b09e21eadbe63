import { purposeAllowed, purposeSchema } from "@continuum/domain";
import { z } from "zod";
import { requireAdministrator, requireWriteScope } from "../access/policy.js";
import type { RequestContext } from "../graphql/context.js";
import { uuidOf } from "../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../graphql/mutation.js";
import { reject, UserErrorCode } from "../graphql/user-error.js";
import { parseInput } from "../graphql/validate.js";
import { userById } from "../modules/users/user.repository.js";
import { ApiTokenScope } from "./api-token-scope.js";
import { type ApiTokenRecord, findApiTokenById, insertApiToken, revokeApiToken } from "./auth.repository.js";
import { hashSecret, newApiToken } from "./secrets.js";

export const API_TOKEN_MAX_DAYS = 366;

const createSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(100, { message: "must be at most 100 characters" }),
  scopes: z.array(z.enum(ApiTokenScope)).min(1, { message: "give at least one scope" }),
  expiresAt: z.date(),
  purpose: purposeSchema,
});

export interface CreatedToken {
  record: ApiTokenRecord;
  /** The token itself: returned once, never stored. */
  secret: string;
}

/** An administrator issues a token that acts as an account, narrowed to its scopes, until it expires. */
export function createApiToken(
  ctx: RequestContext,
  input: {
    userId: string;
    name: string;
    scopes: ApiTokenScope[];
    expiresAt: Date;
    purpose: { code: string; note?: string | null };
  },
): Promise<MutationOutcome<CreatedToken>> {
  const admin = requireAdministrator(ctx);
  requireWriteScope(admin);
  return runMutation(ctx, async (tx) => {
    const data = parseInput(createSchema, {
      ...input,
      purpose: { code: input.purpose.code, note: input.purpose.note ?? null },
    });
    const now = Date.now();
    if (data.expiresAt.getTime() <= now) reject("expiresAt", "must be in the future");
    if (data.expiresAt.getTime() > now + API_TOKEN_MAX_DAYS * 86_400_000)
      reject("expiresAt", `must be at most ${API_TOKEN_MAX_DAYS} days ahead`);
    const accountId = uuidOf(input.userId, "User");
    const account = accountId === null ? null : await userById(tx, accountId);
    if (account === null) return reject("userId", "no user with this ID", UserErrorCode.NOT_FOUND);
    if (account.disabledAt !== null)
      reject("userId", "the account is disabled", UserErrorCode.RULE_VIOLATION);
    const agency = await ctx.loaders.agency.load(account.agencyId);
    if (agency === null || !purposeAllowed(agency.kind, data.purpose.code))
      reject("purpose.code", "is not a purpose the account's agency may state", UserErrorCode.RULE_VIOLATION);
    const secret = newApiToken();
    const record = await insertApiToken(tx, {
      userId: account.id,
      name: data.name,
      tokenHash: hashSecret(secret),
      tokenPrefix: secret.slice(0, 12),
      scopes: [...new Set(data.scopes)],
      expiresAt: data.expiresAt,
      createdBy: admin.userId,
      purposeCode: data.purpose.code,
      purposeNote: data.purpose.note,
    });
    ctx.audit.record({ operation: "TOKEN_CREATE", details: { tokenId: record.id, accountId: account.id } });
    return { record, secret };
  });
}

export function revokeToken(
  ctx: RequestContext,
  tokenGlobalId: string,
): Promise<MutationOutcome<ApiTokenRecord>> {
  requireAdministrator(ctx);
  return runMutation(ctx, async (tx) => {
    const tokenId = uuidOf(tokenGlobalId, "ApiToken");
    const existing = tokenId === null ? null : await findApiTokenById(tx, tokenId);
    if (existing === null) return reject("apiTokenId", "no API token with this ID", UserErrorCode.NOT_FOUND);
    const revoked = await revokeApiToken(tx, existing.id);
    if (revoked === null) return reject("apiTokenId", "no API token with this ID", UserErrorCode.NOT_FOUND);
    ctx.audit.record({ operation: "TOKEN_REVOKE", details: { tokenId: existing.id } });
    return revoked;
  });
}
