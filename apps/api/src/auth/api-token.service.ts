import { DataClass, purposeAllowed, purposeSchema } from "@continuum/domain";
import { z } from "zod";
import { requireActor, requireAdministrator, requireWriteScope } from "../access/policy.js";
import type { Tx } from "../db/client.js";
import type { RequestContext } from "../graphql/context.js";
import { uuidOf } from "../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../graphql/mutation.js";
import { reject, UserErrorCode } from "../graphql/user-error.js";
import { parseInput } from "../graphql/validate.js";
import { userById } from "../modules/users/user.repository.js";
import type { Actor } from "./actor.js";
import { ApiTokenScope } from "./api-token-scope.js";
import {
  type ApiTokenRecord,
  findApiTokenById,
  insertApiToken,
  revokeApiToken,
  setApiTokenTrustedOperationsOnly,
  shortenApiTokenExpiry,
} from "./auth.repository.js";
import { copyPersistedOperations } from "./persisted-operation.repository.js";
import { hashSecret, newApiToken } from "./secrets.js";

export const API_TOKEN_MAX_DAYS = 366;
/** How long a rotated token keeps working by default, and at most: the integrator's window to switch over. */
export const ROTATION_OVERLAP_DEFAULT_HOURS = 24;
export const ROTATION_OVERLAP_MAX_HOURS = 168;

const createSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(100, { message: "must be at most 100 characters" }),
  scopes: z.array(z.enum(ApiTokenScope)).min(1, { message: "give at least one scope" }),
  expiresAt: z.date(),
  purpose: purposeSchema,
  dataClasses: z.array(z.enum(DataClass)).refine((classes) => classes.includes("IDENTITY"), {
    message: "must include IDENTITY: every record names its person",
  }),
  trustedOperationsOnly: z.boolean(),
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
    dataClasses?: DataClass[] | null;
    trustedOperationsOnly?: boolean | null;
  },
): Promise<MutationOutcome<CreatedToken>> {
  const admin = requireAdministrator(ctx);
  requireWriteScope(admin);
  return runMutation(ctx, async (tx) => {
    const data = parseInput(createSchema, {
      ...input,
      purpose: { code: input.purpose.code, note: input.purpose.note ?? null },
      dataClasses: input.dataClasses ?? Object.values(DataClass),
      trustedOperationsOnly: input.trustedOperationsOnly ?? false,
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
      dataClasses: [...new Set(data.dataClasses)],
      trustedOperationsOnly: data.trustedOperationsOnly,
      replacesId: null,
      expiresAt: data.expiresAt,
      createdBy: admin.userId,
      purposeCode: data.purpose.code,
      purposeNote: data.purpose.note,
    });
    ctx.audit.record({
      operation: "TOKEN_CREATE",
      details: { tokenId: record.id, accountId: account.id, dataClasses: record.dataClasses },
    });
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

/** An administrator, or the token itself (self-service rotation by the integrator's system). */
function requireTokenManager(ctx: RequestContext, tokenId: string): Actor {
  const actor = requireActor(ctx);
  if (actor.tokenId === tokenId) return actor;
  return requireAdministrator(ctx);
}

async function liveToken(ctx: RequestContext, tx: Tx, tokenGlobalId: string): Promise<ApiTokenRecord> {
  const tokenId = uuidOf(tokenGlobalId, "ApiToken");
  const token = tokenId === null ? null : await findApiTokenById(tx, tokenId);
  if (token === null) return reject("apiTokenId", "no API token with this ID", UserErrorCode.NOT_FOUND);
  requireTokenManager(ctx, token.id);
  if (token.revokedAt !== null || token.expiresAt.getTime() <= Date.now())
    reject("apiTokenId", "the token is revoked or expired", UserErrorCode.RULE_VIOLATION);
  return token;
}

/**
 * Rotation without downtime: a successor with the same account, scopes, classes, purpose,
 * registered operations and lifetime is issued, and the old token keeps working for the overlap
 * (default 24 hours) so the integrator can deploy the new secret before the old one stops.
 */
export function rotateApiToken(
  ctx: RequestContext,
  input: { apiTokenId: string; overlapHours?: number | null },
): Promise<MutationOutcome<CreatedToken & { replaced: ApiTokenRecord }>> {
  return runMutation(ctx, async (tx) => {
    const old = await liveToken(ctx, tx, input.apiTokenId);
    const actor = requireTokenManager(ctx, old.id);
    const overlapHours = input.overlapHours ?? ROTATION_OVERLAP_DEFAULT_HOURS;
    if (!Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > ROTATION_OVERLAP_MAX_HOURS)
      reject("overlapHours", `must be a whole number of hours from 0 to ${ROTATION_OVERLAP_MAX_HOURS}`);
    const now = Date.now();
    const lifetime = Math.min(
      old.expiresAt.getTime() - old.createdAt.getTime(),
      API_TOKEN_MAX_DAYS * 86_400_000,
    );
    const secret = newApiToken();
    const record = await insertApiToken(tx, {
      userId: old.userId,
      name: old.name,
      tokenHash: hashSecret(secret),
      tokenPrefix: secret.slice(0, 12),
      scopes: old.scopes,
      dataClasses: old.dataClasses,
      trustedOperationsOnly: old.trustedOperationsOnly,
      replacesId: old.id,
      expiresAt: new Date(now + lifetime),
      createdBy: actor.userId,
      purposeCode: old.purposeCode,
      purposeNote: old.purposeNote,
    });
    await copyPersistedOperations(tx, old.id, record.id, actor.userId);
    const replaced = await shortenApiTokenExpiry(tx, old.id, new Date(now + overlapHours * 3_600_000));
    if (replaced === null) throw new Error("the rotated token disappeared");
    ctx.audit.record({
      operation: "TOKEN_ROTATE",
      details: {
        tokenId: record.id,
        replacesTokenId: old.id,
        oldExpiresAt: replaced.expiresAt.toISOString(),
      },
    });
    return { record, secret, replaced };
  });
}

/** An administrator locks a token to its registered operations (or unlocks it). */
export function setTrustedOperationsOnly(
  ctx: RequestContext,
  input: { apiTokenId: string; trustedOperationsOnly: boolean },
): Promise<MutationOutcome<ApiTokenRecord>> {
  const admin = requireAdministrator(ctx);
  requireWriteScope(admin);
  return runMutation(ctx, async (tx) => {
    const token = await liveToken(ctx, tx, input.apiTokenId);
    const updated = await setApiTokenTrustedOperationsOnly(tx, token.id, input.trustedOperationsOnly);
    if (updated === null) throw new Error("the token disappeared");
    ctx.audit.record({
      operation: "TOKEN_UPDATE",
      details: { tokenId: token.id, trustedOperationsOnly: input.trustedOperationsOnly },
    });
    return updated;
  });
}
