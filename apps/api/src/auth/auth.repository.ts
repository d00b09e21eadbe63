import { type DataClass, type PurposeCode, visibilityOf } from "@continuum/domain";
import { and, desc, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import { breakGlassGrants } from "../access/break-glass.table.js";
import type { Db } from "../db/client.js";
import { newId } from "../db/columns.js";
import { agencies } from "../modules/agencies/agency.table.js";
import { users } from "../modules/users/user.table.js";
import type { Actor } from "./actor.js";
import type { ApiTokenScope } from "./api-token-scope.js";
import { apiTokens, loginAttempts, sessions } from "./auth.table.js";

const actorColumns = {
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  language: users.language,
  roles: users.roles,
  agencyId: agencies.id,
  agencyCode: agencies.code,
  agencyKind: agencies.kind,
  establishmentId: agencies.establishmentId,
  judicialDistrict: agencies.judicialDistrict,
  municipality: agencies.municipality,
  totpEnabled: sql<boolean>`${users.totpEnabledAt} is not null`,
  breakGlassPersonIds: sql<string[]>`coalesce((
    select array_agg(${breakGlassGrants.personId}::text) from ${breakGlassGrants}
    where ${breakGlassGrants.userId} = ${users.id} and ${breakGlassGrants.expiresAt} > now()), '{}')`,
};

interface ActorRow {
  userId: string;
  email: string;
  displayName: string;
  language: Actor["language"];
  roles: Actor["roles"];
  agencyId: string;
  agencyCode: string;
  agencyKind: Actor["agencyKind"];
  establishmentId: string | null;
  judicialDistrict: Actor["judicialDistrict"];
  municipality: string | null;
  breakGlassPersonIds: string[];
  totpEnabled: boolean;
}

type Via =
  | {
      kind: "USER";
      sessionId: string;
      mfaSatisfied: boolean;
      purposeCode: string | null;
      purposeNote: string | null;
    }
  | {
      kind: "API_TOKEN";
      tokenId: string;
      scopes: ApiTokenScope[];
      dataClasses: DataClass[];
      trustedOperationsOnly: boolean;
      purposeCode: string;
      purposeNote: string | null;
    };

/** Data classes whose readers must log in with a second factor (when MFA is enforced). */
const MFA_CLASSES: readonly DataClass[] = ["INTELLIGENCE", "CLINICAL"];

/** Whether an account must use a second factor: it reads intelligence or clinical data somewhere. */
export function needsSecondFactor(actor: Pick<Actor, "agencyKind" | "roles">): boolean {
  return Object.values(visibilityOf(actor)).some((stage) =>
    stage.classes.some((c) => MFA_CLASSES.includes(c)),
  );
}

function toActor(row: ActorRow, via: Via, mfaEnforced: boolean): Actor {
  return {
    kind: via.kind,
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    language: row.language,
    roles: [...row.roles],
    agencyId: row.agencyId,
    agencyCode: row.agencyCode,
    agencyKind: row.agencyKind,
    establishmentId: row.establishmentId,
    judicialDistrict: row.judicialDistrict,
    municipality: row.municipality,
    sessionId: via.kind === "USER" ? via.sessionId : null,
    tokenId: via.kind === "API_TOKEN" ? via.tokenId : null,
    scopes: via.kind === "USER" ? ["READ", "WRITE"] : via.scopes,
    ...(via.kind === "API_TOKEN" ? { dataClasses: via.dataClasses } : {}),
    trustedOperationsOnly: via.kind === "API_TOKEN" && via.trustedOperationsOnly,
    purpose:
      via.purposeCode === null ? null : { code: via.purposeCode as PurposeCode, note: via.purposeNote },
    breakGlassPersonIds: row.breakGlassPersonIds,
    mfaSatisfied: via.kind === "USER" ? via.mfaSatisfied : true,
    secondFactorMissing: via.kind === "USER" && mfaEnforced && !row.totpEnabled && needsSecondFactor(row),
  };
}

export interface SessionLookup {
  actor: Actor;
  lastSeenAt: Date;
}

/** A live session (not revoked, within its absolute and idle lifetime) of an enabled user. */
export async function findSession(
  db: Db,
  tokenHash: string,
  idleSince: Date,
  mfaEnforced: boolean,
): Promise<SessionLookup | null> {
  const [row] = await db
    .select({
      ...actorColumns,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      mfaSatisfied: sessions.mfaSatisfied,
      purposeCode: sessions.purposeCode,
      purposeNote: sessions.purposeNote,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleSince),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (row === undefined) return null;
  return { actor: toActor(row, { kind: "USER", ...row }, mfaEnforced), lastSeenAt: row.lastSeenAt };
}

export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export interface TokenLookup {
  actor: Actor;
  lastUsedAt: Date | null;
}

const tokenColumns = {
  ...actorColumns,
  tokenId: apiTokens.id,
  scopes: apiTokens.scopes,
  dataClasses: apiTokens.dataClasses,
  trustedOperationsOnly: apiTokens.trustedOperationsOnly,
  lastUsedAt: apiTokens.lastUsedAt,
  purposeCode: apiTokens.purposeCode,
  purposeNote: apiTokens.purposeNote,
};

/** The live API token (not revoked, not expired, of an enabled account) that `match` picks. */
async function liveToken(db: Db, match: SQL | undefined) {
  const [row] = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(
      and(match, isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`), isNull(users.disabledAt)),
    )
    .limit(1);
  return row;
}

/** A live API token (not revoked, not expired) of an enabled account. */
export async function findApiToken(db: Db, tokenHash: string): Promise<TokenLookup | null> {
  const row = await liveToken(db, eq(apiTokens.tokenHash, tokenHash));
  if (row === undefined) return null;
  return {
    actor: toActor(row, { kind: "API_TOKEN", ...row }, false),
    lastUsedAt: row.lastUsedAt,
  };
}

/**
 * The actor a background job (an import) runs as, rebuilt from what created it: the API token, if
 * still live, or else the user's account, if still enabled, with the purpose stated for the job
 * (no session: the second factor was satisfied when the job was created). Null when it can no
 * longer act.
 */
export async function rebuildActor(
  db: Db,
  creator: { userId: string; tokenId: string | null; purpose: { code: string; note: string | null } },
  mfaEnforced: boolean,
): Promise<Actor | null> {
  if (creator.tokenId !== null) {
    const row = await liveToken(
      db,
      and(eq(apiTokens.id, creator.tokenId), eq(apiTokens.userId, creator.userId)),
    );
    if (row === undefined) return null;
    return {
      ...toActor(row, { kind: "API_TOKEN", ...row }, false),
      purpose: { code: creator.purpose.code as PurposeCode, note: creator.purpose.note },
    };
  }
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, creator.userId), isNull(users.disabledAt)))
    .limit(1);
  if (row === undefined) return null;
  const via = {
    kind: "USER" as const,
    sessionId: "",
    mfaSatisfied: true,
    purposeCode: creator.purpose.code,
    purposeNote: creator.purpose.note,
  };
  return { ...toActor(row, via, mfaEnforced), sessionId: null };
}

export async function touchApiToken(db: Db, tokenId: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, tokenId));
}

export async function findLoginCandidate(db: Db, email: string) {
  const [row] = await db
    .select({
      ...actorColumns,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export async function countRecentFailures(db: Db, email: string, ip: string, since: Date) {
  const [row] = await db
    .select({
      byAccountAndAddress:
        sql<number>`count(*) filter (where ${loginAttempts.email} = ${email} and ${loginAttempts.ip} = ${ip})`.mapWith(
          Number,
        ),
      byAccount: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
      byAddress: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.attemptedAt, since),
        or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)),
      ),
    );
  return {
    byAccountAndAddress: row?.byAccountAndAddress ?? 0,
    byAccount: row?.byAccount ?? 0,
    byAddress: row?.byAddress ?? 0,
  };
}

export async function recordLoginAttempt(db: Db, attempt: { email: string; ip: string; succeeded: boolean }) {
  await db.insert(loginAttempts).values(attempt);
}

export async function createSession(
  db: Db,
  session: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
    mfaSatisfied: boolean;
  },
): Promise<string> {
  const id = newId();
  await db.insert(sessions).values({ id, ...session });
  return id;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

/** Login attempts older than the throttling window and sessions long expired are of no further use. */
export async function purgeStale(db: Db, attemptsBefore: Date, sessionsBefore: Date): Promise<void> {
  await db.delete(loginAttempts).where(sql`${loginAttempts.attemptedAt} < ${attemptsBefore}`);
  await db.delete(sessions).where(sql`${sessions.expiresAt} < ${sessionsBefore}`);
}

export async function setSessionPurpose(
  db: Db,
  sessionId: string,
  purpose: { code: string; note: string | null },
) {
  await db
    .update(sessions)
    .set({ purposeCode: purpose.code, purposeNote: purpose.note })
    .where(eq(sessions.id, sessionId));
}

export async function setUserTotp(db: Db, userId: string, totp: { secret: string; enabledAt: Date | null }) {
  await db
    .update(users)
    .set({ totpSecret: totp.secret, totpEnabledAt: totp.enabledAt })
    .where(eq(users.id, userId));
}

export async function markSessionMfaSatisfied(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ mfaSatisfied: true }).where(eq(sessions.id, sessionId));
}

export async function insertApiToken(
  db: Db,
  token: {
    userId: string;
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    scopes: ApiTokenScope[];
    dataClasses: DataClass[];
    trustedOperationsOnly: boolean;
    replacesId: string | null;
    expiresAt: Date;
    createdBy: string;
    purposeCode: string;
    purposeNote: string | null;
  },
) {
  const [row] = await db.insert(apiTokens).values(token).returning();
  if (row === undefined) throw new Error("token insert returned no row");
  return row;
}

export async function revokeApiToken(db: Db, tokenId: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(eq(apiTokens.id, tokenId))
    .returning();
  return row ?? null;
}

/** A rotated token keeps working until `until` (or its own earlier expiry), so clients can switch over. */
export async function shortenApiTokenExpiry(db: Db, tokenId: string, until: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ expiresAt: sql`least(${apiTokens.expiresAt}, ${until.toISOString()}::timestamptz)` })
    .where(eq(apiTokens.id, tokenId))
    .returning();
  return row ?? null;
}

export async function setApiTokenTrustedOperationsOnly(db: Db, tokenId: string, trusted: boolean) {
  const [row] = await db
    .update(apiTokens)
    .set({ trustedOperationsOnly: trusted })
    .where(eq(apiTokens.id, tokenId))
    .returning();
  return row ?? null;
}

export type ApiTokenRecord = typeof apiTokens.$inferSelect;

export async function findApiTokenById(db: Db, tokenId: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).limit(1);
  return row ?? null;
}

export async function listApiTokens(db: Db, limit: number, offset: number) {
  return db
    .select()
    .from(apiTokens)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(limit)
    .offset(offset);
}

export async function countApiTokens(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(apiTokens);
  return row?.n ?? 0;
}
