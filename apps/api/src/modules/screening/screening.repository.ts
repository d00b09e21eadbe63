import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { listingPeriods, screenings } from "./screening.table.js";

export type ScreeningRecord = typeof screenings.$inferSelect;
export type ListingPeriodRecord = typeof listingPeriods.$inferSelect;

export function screeningsByPersonIds(db: Db, personIds: readonly string[]): Promise<ScreeningRecord[]> {
  return db
    .select()
    .from(screenings)
    .where(inArray(screenings.personId, [...personIds]))
    .orderBy(asc(screenings.screenedOn), asc(screenings.createdAt));
}

export function listingPeriodsByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<ListingPeriodRecord[]> {
  return db
    .select()
    .from(listingPeriods)
    .where(inArray(listingPeriods.personId, [...personIds]))
    .orderBy(asc(listingPeriods.validFrom));
}

export async function screeningById(db: Db, id: string): Promise<ScreeningRecord | null> {
  const [row] = await db.select().from(screenings).where(eq(screenings.id, id)).limit(1);
  return row ?? null;
}

export async function listingPeriodById(db: Db, id: string): Promise<ListingPeriodRecord | null> {
  const [row] = await db.select().from(listingPeriods).where(eq(listingPeriods.id, id)).limit(1);
  return row ?? null;
}

export async function openListingOf(db: Db, personId: string): Promise<ListingPeriodRecord | null> {
  const [row] = await db
    .select()
    .from(listingPeriods)
    .where(and(eq(listingPeriods.personId, personId), isNull(listingPeriods.validTo)))
    .limit(1);
  return row ?? null;
}

/** The latest date on which the person's listing changed (a period started or ended). */
export async function lastListingChangeOn(db: Db, personId: string): Promise<string | null> {
  const [row] = await db
    .select({
      on: sql<string | null>`max(greatest(${listingPeriods.validFrom}, ${listingPeriods.validTo}))::text`,
    })
    .from(listingPeriods)
    .where(eq(listingPeriods.personId, personId));
  return row?.on ?? null;
}

export async function insertScreening(
  db: Db,
  row: typeof screenings.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(screenings).values(row);
}

/** The date of the person's latest screening in an episode, if any. */
export async function lastScreeningOn(db: Db, episodeId: string): Promise<string | null> {
  const [row] = await db
    .select({ on: sql<string | null>`max(${screenings.screenedOn})::text` })
    .from(screenings)
    .where(eq(screenings.episodeId, episodeId));
  return row?.on ?? null;
}

export async function insertListingPeriod(db: Db, row: typeof listingPeriods.$inferInsert): Promise<void> {
  await db.insert(listingPeriods).values(row);
}

export async function closeListingPeriod(db: Db, id: string, validTo: string): Promise<void> {
  await db.update(listingPeriods).set({ validTo }).where(eq(listingPeriods.id, id));
}

/** Closes whatever listing period is open, on the day of a release. */
export async function closeOpenListingOf(db: Db, personId: string, validTo: string): Promise<void> {
  await db
    .update(listingPeriods)
    .set({ validTo })
    .where(and(eq(listingPeriods.personId, personId), isNull(listingPeriods.validTo)));
}
