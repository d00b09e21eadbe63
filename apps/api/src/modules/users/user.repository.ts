import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "./user.table.js";

export type UserRecord = typeof users.$inferSelect;

export function usersByIds(db: Db, ids: readonly string[]): Promise<UserRecord[]> {
  return db
    .select()
    .from(users)
    .where(inArray(users.id, [...ids]));
}

export async function userById(db: Db, id: string): Promise<UserRecord | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** The active users of an agency, by name (a local body's members, who may own its actions). */
export function activeUsersOfAgency(db: Db, agencyId: string): Promise<UserRecord[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.agencyId, agencyId), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName), asc(users.id));
}

function searchCondition(search: string | null) {
  if (search === null || search === "") return undefined;
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(users.email, pattern), ilike(users.displayName, pattern));
}

export function listUsers(
  db: Db,
  search: string | null,
  limit: number,
  offset: number,
): Promise<UserRecord[]> {
  return db
    .select()
    .from(users)
    .where(searchCondition(search))
    .orderBy(asc(users.email))
    .limit(limit)
    .offset(offset);
}

export async function countUsers(db: Db, search: string | null): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(searchCondition(search));
  return row?.n ?? 0;
}

export async function updateUserLanguage(
  db: Db,
  id: string,
  language: UserRecord["language"],
): Promise<UserRecord | null> {
  const [row] = await db
    .update(users)
    .set({ language, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}

export async function setDisabled(db: Db, id: string, disabled: boolean): Promise<UserRecord | null> {
  const [row] = await db
    .update(users)
    .set({
      disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}
