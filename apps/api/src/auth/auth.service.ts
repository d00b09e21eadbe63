import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import { z } from "zod";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { RequestContext } from "../graphql/context.js";
import { credentialsRejected } from "../graphql/errors.js";
import { type UserError, UserErrorCode, userError } from "../graphql/user-error.js";
import { parseInput } from "../graphql/validate.js";
import type { Actor } from "./actor.js";
import {
  countRecentFailures,
  createSession,
  findApiToken,
  findLoginCandidate,
  findSession,
  recordLoginAttempt,
  revokeSession,
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
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const LOGIN_FAILED_MESSAGE = "E-mail address or password is incorrect.";

export interface Credentials {
  authorization: string | null;
  cookieHeader: string | null;
}

/**
 * Who a request runs as. A bearer token that is malformed, unknown, expired or revoked is an error
 * (UNAUTHENTICATED), never a silent fall-back to anonymous; a stale session cookie is just anonymous.
 */
export async function authenticate(database: Database, credentials: Credentials): Promise<Actor | null> {
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
  const found = await findSession(db, hashSecret(cookie), idleSince);
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
  actor: Actor | null;
  userErrors: UserError[];
}

/**
 * Checks e-mail and password. Failures answer one generic message and cost the same time whether
 * the account exists or not; too many failures for the account or the address are refused before
 * the password is even checked. Success opens a new session (a new cookie value every time).
 */
export async function login(
  ctx: RequestContext,
  input: { email: string; password: string },
): Promise<LoginOutcome> {
  const credentials = parseInput(loginSchema, input);
  const tx = await ctx.tx.get();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const failures = await countRecentFailures(tx, credentials.email, ctx.ip, since);
  if (failures.byEmail >= MAX_FAILURES_PER_ACCOUNT || failures.byIp >= MAX_FAILURES_PER_ADDRESS) {
    ctx.audit.record({
      operation: "LOGIN_FAILED",
      details: { email: credentials.email, reason: "throttled" },
    });
    return {
      actor: null,
      userErrors: [
        userError(
          null,
          `Too many failed attempts. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`,
          UserErrorCode.RATE_LIMITED,
        ),
      ],
    };
  }
  const candidate = await findLoginCandidate(tx, credentials.email);
  const passwordOk = await verifyPassword(candidate?.passwordHash ?? null, credentials.password);
  const ok = candidate !== null && passwordOk && candidate.disabledAt === null;
  await recordLoginAttempt(tx, { email: credentials.email, ip: ctx.ip, succeeded: ok });
  if (!ok || candidate === null) {
    ctx.audit.record({ operation: "LOGIN_FAILED", details: { email: credentials.email } });
    return { actor: null, userErrors: [userError(null, LOGIN_FAILED_MESSAGE, UserErrorCode.INVALID)] };
  }

  if (ctx.actor?.sessionId) await revokeSession(tx, ctx.actor.sessionId);
  const secret = newSecret();
  const ttlSeconds = ctx.config.sessionTtlHours * 3600;
  const sessionId = await createSession(tx, {
    userId: candidate.userId,
    tokenHash: hashSecret(secret),
    expiresAt: new Date(Date.now() + ttlSeconds * 1000),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  ctx.responseCookies.push(sessionCookie(ctx.config, secret, ttlSeconds));
  const actor: Actor = {
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
  };
  ctx.actor = actor;
  ctx.audit.attributeTo({ userId: actor.userId, tokenId: null, agencyId: actor.agencyId });
  ctx.audit.record({ operation: "LOGIN", details: { sessionId } });
  return { actor, userErrors: [] };
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
