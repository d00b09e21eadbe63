import { type Purpose, purposeAllowed, purposeSchema } from "@continuum/domain";
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import { sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { z } from "zod";
import { AuditLog } from "../access/audit.js";
import { enterActorSession } from "../access/database-session.js";
import { requireActor, requireWriteScope } from "../access/policy.js";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { RequestContext } from "../graphql/context.js";
import { credentialsRejected, unauthenticated } from "../graphql/errors.js";
import { reject, type UserError, UserErrorCode, userError } from "../graphql/user-error.js";
import { parseInput } from "../graphql/validate.js";
import { userById } from "../modules/users/user.repository.js";
import type { Actor } from "./actor.js";
import {
  countRecentFailures,
  createSession,
  findApiToken,
  findLoginCandidate,
  findSession,
  markSessionMfaSatisfied,
  needsSecondFactor,
  recordLoginAttempt,
  revokeSession,
  setSessionPurpose,
  setUserTotp,
  touchApiToken,
  touchSession,
} from "./auth.repository.js";
import { hashSecret, isWellFormedApiToken, newSecret, verifyPassword } from "./secrets.js";

export const SESSION_COOKIE = "continuum_session";
/** A session unused for this long ends, whatever its absolute lifetime. */
export const SESSION_IDLE_MINUTES = 60;
// Writing last-seen on every request would make each read a write; once a minute is precise enough.
const TOUCH_AFTER_MS = 60_000;

export const LOGIN_WINDOW_MINUTES = 15;
/** Failures allowed in the window: from one address for one account, for one account, from one address. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
export const MAX_FAILURES_PER_ACCOUNT = 20;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const LOGIN_FAILED_MESSAGE = "E-mail address or password is incorrect.";

export interface Credentials {
  authorization: string | null;
  cookieHeader: string | null;
}

/**
 * Who a request runs as. A bearer token that is malformed, unknown, expired or revoked is an error
 * (UNAUTHENTICATED, HTTP 401), never a silent fall-back to anonymous; a stale session cookie is
 * just anonymous.
 */
export async function authenticate(
  database: Database,
  credentials: Credentials,
  mfaEnforced: boolean,
): Promise<Actor | null> {
  const db = database.db;
  if (credentials.authorization !== null) {
    const match = /^Bearer (.+)$/.exec(credentials.authorization.trim());
    if (match === null) throw credentialsRejected("The Authorization header must be 'Bearer <API token>'.");
    const token = (match[1] ?? "").trim();
    if (!isWellFormedApiToken(token)) throw credentialsRejected("Malformed API token.");
    const found = await findApiToken(db, hashSecret(token));
    if (found === null) throw credentialsRejected("Unknown, expired or revoked API token.");
    if (found.lastUsedAt === null || Date.now() - found.lastUsedAt.getTime() > TOUCH_AFTER_MS)
      await touchApiToken(db, found.actor.tokenId as string);
    return found.actor;
  }
  const cookie =
    credentials.cookieHeader === null ? undefined : parseCookies(credentials.cookieHeader)[SESSION_COOKIE];
  if (cookie === undefined || cookie === "") return null;
  const idleSince = new Date(Date.now() - SESSION_IDLE_MINUTES * 60_000);
  const found = await findSession(db, hashSecret(cookie), idleSince, mfaEnforced);
  if (found === null) return null;
  if (Date.now() - found.lastSeenAt.getTime() > TOUCH_AFTER_MS)
    await touchSession(db, found.actor.sessionId as string);
  return found.actor;
}

function sessionCookie(config: Config, value: string, maxAgeSeconds: number): string {
  return serializeCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    secure: config.cookieSecure,
    sameSite: "lax",
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, { message: "must not be empty" })
    .max(254, { message: "is too long" }),
  password: z.string().min(1, { message: "must not be empty" }).max(1024, { message: "is too long" }),
});

export interface LoginOutcome {
  userId: string | null;
  /** The session exists but waits for the authenticator code (loginVerifyTotp). */
  secondFactorRequired: boolean;
  /** The account must enrol a second factor before it can open anything (totpEnroll). */
  secondFactorEnrolmentRequired: boolean;
  userErrors: UserError[];
}

/**
 * Checks e-mail and password in a transaction of its own, committed before the answer: the
 * attempt and its audit entry are kept whatever else happens to the request. Attempts for one
 * account are serialised (advisory lock), so parallel guesses cannot all slip under the limits.
 * Failures answer one generic message and cost the same time whether the account exists or not.
 * Success opens a new session: a new cookie value every time.
 */
export async function login(
  ctx: RequestContext,
  input: { email: string; password: string },
): Promise<LoginOutcome> {
  const credentials = parseInput(loginSchema, input);
  const previousSession = ctx.actor?.sessionId ?? null;
  const refused = (message: string, code: UserErrorCode): LoginOutcome => ({
    userId: null,
    secondFactorRequired: false,
    secondFactorEnrolmentRequired: false,
    userErrors: [userError(null, message, code)],
  });
  const outcome = await ctx.database.db.transaction(async (tx) => {
    await enterActorSession(tx, null);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${credentials.email}`}))`);
    const audit = new AuditLog(ctx.requestId, { userId: null, tokenId: null, agencyId: null, purpose: null });
    const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
    const failures = await countRecentFailures(tx, credentials.email, ctx.ip, since);
    if (
      failures.byAccountAndAddress >= MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS ||
      failures.byAccount >= MAX_FAILURES_PER_ACCOUNT ||
      failures.byAddress >= MAX_FAILURES_PER_ADDRESS
    ) {
      audit.record({ operation: "LOGIN_FAILED", details: { email: credentials.email, reason: "throttled" } });
      await audit.flush(tx);
      return refused(
        `Too many failed attempts. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
        UserErrorCode.RATE_LIMITED,
      );
    }
    const candidate = await findLoginCandidate(tx, credentials.email);
    const passwordOk = await verifyPassword(candidate?.passwordHash ?? null, credentials.password);
    const ok = candidate !== null && passwordOk && candidate.disabledAt === null;
    await recordLoginAttempt(tx, { email: credentials.email, ip: ctx.ip, succeeded: ok });
    if (!ok || candidate === null) {
      audit.record({ operation: "LOGIN_FAILED", details: { email: credentials.email } });
      await audit.flush(tx);
      return refused(LOGIN_FAILED_MESSAGE, UserErrorCode.INVALID);
    }
    const secondFactorRequired = candidate.totpEnabledAt !== null;
    const secret = newSecret();
    const ttlSeconds = ctx.config.sessionTtlHours * 3600;
    if (previousSession !== null) await revokeSession(tx, previousSession);
    const sessionId = await createSession(tx, {
      userId: candidate.userId,
      tokenHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + ttlSeconds * 1000),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      mfaSatisfied: !secondFactorRequired,
    });
    audit.attributeTo({
      userId: candidate.userId,
      tokenId: null,
      agencyId: candidate.agencyId,
      purpose: null,
    });
    audit.record({ operation: "LOGIN", details: { sessionId, secondFactorRequired } });
    await audit.flush(tx);
    ctx.responseCookies.push(sessionCookie(ctx.config, secret, ttlSeconds));
    // The payload is read as the new user (login stands alone in its operation).
    ctx.actor = {
      kind: "USER",
      userId: candidate.userId,
      email: candidate.email,
      displayName: candidate.displayName,
      language: candidate.language,
      roles: [...candidate.roles],
      agencyId: candidate.agencyId,
      agencyCode: candidate.agencyCode,
      agencyKind: candidate.agencyKind,
      establishmentId: candidate.establishmentId,
      judicialDistrict: candidate.judicialDistrict,
      municipality: candidate.municipality,
      sessionId,
      tokenId: null,
      scopes: ["READ", "WRITE"],
      trustedOperationsOnly: false,
      purpose: null,
      breakGlassPersonIds: candidate.breakGlassPersonIds,
      mfaSatisfied: !secondFactorRequired,
      secondFactorMissing: !candidate.totpEnabled && ctx.config.mfaEnforced && needsSecondFactor(candidate),
    };
    return {
      userId: candidate.userId,
      secondFactorRequired,
      secondFactorEnrolmentRequired:
        !candidate.totpEnabled && ctx.config.mfaEnforced && needsSecondFactor(candidate),
      userErrors: [],
    };
  });
  return outcome;
}

/** Ends the current session at once (server side) and clears the cookie. */
export async function logout(ctx: RequestContext): Promise<boolean> {
  const actor = ctx.actor;
  ctx.responseCookies.push(sessionCookie(ctx.config, "", 0));
  if (actor === null || actor.sessionId === null) return false;
  await revokeSession(await ctx.tx.get(), actor.sessionId);
  ctx.audit.record({ operation: "LOGOUT", details: { sessionId: actor.sessionId } });
  return true;
}

/** States why the session opens personal data; recorded with every later audit entry. */
export async function setPurpose(
  ctx: RequestContext,
  input: { code: string; note?: string | null },
): Promise<Purpose> {
  const actor = requireActor(ctx);
  requireWriteScope(actor);
  const purpose = parseInput(purposeSchema, { code: input.code, note: input.note?.trim() || null });
  if (!purposeAllowed(actor.agencyKind, purpose.code))
    reject("code", "is not a purpose your agency may state", UserErrorCode.RULE_VIOLATION);
  if (actor.sessionId === null)
    reject(null, "an API token's purpose is set when the token is issued", UserErrorCode.RULE_VIOLATION);
  await setSessionPurpose(await ctx.tx.get(), actor.sessionId as string, purpose);
  actor.purpose = purpose;
  ctx.audit.attributeTo({ userId: actor.userId, tokenId: actor.tokenId, agencyId: actor.agencyId, purpose });
  ctx.audit.record({ operation: "PURPOSE_SET", details: { code: purpose.code } });
  return purpose;
}

const codeSchema = z.object({
  code: z.string().regex(/^\d{6}$/, { message: "must be the 6 digits shown by the app" }),
});

async function checkTotp(secret: string, code: string): Promise<boolean> {
  return (await verify({ secret, token: code, epochTolerance: 30 })).valid;
}

/** Finishes a login that waits for its second factor. */
export async function verifySecondFactor(ctx: RequestContext, input: { code: string }): Promise<boolean> {
  const actor = ctx.actor;
  if (actor === null || actor.sessionId === null || actor.mfaSatisfied)
    throw unauthenticated("No login waits for a code.");
  const { code } = parseInput(codeSchema, input);
  const tx = await ctx.tx.get();
  const user = await userById(tx, actor.userId);
  if (user?.totpSecret == null || !(await checkTotp(user.totpSecret, code))) {
    ctx.audit.record({ operation: "LOGIN_FAILED", details: { reason: "second factor" } });
    return reject("code", "the code is not valid; check the time on your device", UserErrorCode.INVALID);
  }
  await markSessionMfaSatisfied(tx, actor.sessionId);
  actor.mfaSatisfied = true;
  ctx.audit.record({ operation: "LOGIN", details: { sessionId: actor.sessionId, secondFactor: true } });
  return true;
}

/** Starts enrolment of an authenticator app: a new secret, shown once as an otpauth:// URI. */
export async function startTotpEnrolment(ctx: RequestContext): Promise<{ secret: string; uri: string }> {
  const actor = requireActor(ctx);
  requireWriteScope(actor);
  if (actor.kind !== "USER")
    reject(null, "API tokens do not use a second factor", UserErrorCode.RULE_VIOLATION);
  const secret = generateSecret();
  await setUserTotp(await ctx.tx.get(), actor.userId, { secret, enabledAt: null });
  return { secret, uri: generateURI({ issuer: "Continuum", label: actor.email, secret }) };
}

/** Confirms enrolment with a first code from the app; from then on every login asks for one. */
export async function confirmTotpEnrolment(ctx: RequestContext, input: { code: string }): Promise<boolean> {
  const actor = requireActor(ctx);
  const { code } = parseInput(codeSchema, input);
  const tx = await ctx.tx.get();
  const user = await userById(tx, actor.userId);
  if (user?.totpSecret == null)
    return reject(null, "start the enrolment first", UserErrorCode.RULE_VIOLATION);
  if (!(await checkTotp(user.totpSecret, code)))
    reject("code", "the code is not valid; check the time on your device");
  await setUserTotp(tx, actor.userId, { secret: user.totpSecret, enabledAt: new Date() });
  ctx.audit.record({ operation: "MFA_ENROLLED", details: {} });
  return true;
}
