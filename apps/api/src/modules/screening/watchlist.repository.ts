import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { screeningAssignments, screeningSources, watchlistEntries } from "./watchlist.table.js";

export type WatchlistEntryRecord = typeof watchlistEntries.$inferSelect;
export type ScreeningSourceRecord = typeof screeningSources.$inferSelect;

export function watchlistByPersonIds(db: Db, personIds: readonly string[]): Promise<WatchlistEntryRecord[]> {
  return db
    .select()
    .from(watchlistEntries)
    .where(inArray(watchlistEntries.personId, [...personIds]))
    .orderBy(asc(watchlistEntries.validFrom));
}

export async function openWatchlistEntryOf(db: Db, personId: string): Promise<WatchlistEntryRecord | null> {
  const [row] = await db
    .select()
    .from(watchlistEntries)
    .where(and(eq(watchlistEntries.personId, personId), isNull(watchlistEntries.validTo)))
    .limit(1);
  return row ?? null;
}

/** The latest end of the person's closed entries, if any: a new entry may not start before it. */
export async function lastWatchlistEndOf(db: Db, personId: string): Promise<string | null> {
  const [row] = await db
    .select({ end: sql<string | null>`max(${watchlistEntries.validTo})::text` })
    .from(watchlistEntries)
    .where(eq(watchlistEntries.personId, personId));
  return row?.end ?? null;
}

export async function insertWatchlistEntry(
  db: Db,
  row: typeof watchlistEntries.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(watchlistEntries).values(row);
}

export async function closeWatchlistEntry(db: Db, id: string, validTo: string): Promise<void> {
  await db.update(watchlistEntries).set({ validTo }).where(eq(watchlistEntries.id, id));
}

/**
 * Records an assignment, stamped with the moment it is written (after the person's lock), not the
 * transaction's start: of two concurrent assignments, the one written last is the current one.
 */
export async function insertScreeningAssignment(
  db: Db,
  row: Omit<typeof screeningAssignments.$inferInsert, "assignedAt"> & { id: string },
): Promise<void> {
  await db.insert(screeningAssignments).values({ ...row, assignedAt: sql`clock_timestamp()` });
}

export async function insertScreeningSources(db: Db, rows: ScreeningSourceRecord[]): Promise<void> {
  if (rows.length > 0) await db.insert(screeningSources).values(rows);
}

export function sourcesByScreeningIds(db: Db, ids: readonly string[]): Promise<ScreeningSourceRecord[]> {
  return db
    .select()
    .from(screeningSources)
    .where(inArray(screeningSources.screeningId, [...ids]));
}

export interface ListingComparisonRow {
  celex_listed: number;
  watchlisted: number;
  both_lists: number;
}

/** The two lists' counts on a date, over every case (definer-rights function of migration 0008). */
export async function listingComparison(db: Db, on: string): Promise<ListingComparisonRow> {
  const [row] = await queryRows<ListingComparisonRow>(
    db,
    sql`select * from app_listing_comparison(${on}::date)`,
  );
  return row ?? { celex_listed: 0, watchlisted: 0, both_lists: 0 };
}

export async function watchlistEntryById(db: Db, id: string): Promise<WatchlistEntryRecord | null> {
  const [row] = await db.select().from(watchlistEntries).where(eq(watchlistEntries.id, id)).limit(1);
  return row ?? null;
}

/** Ends the open entry on the intelligence list at a release (definer-rights function, migration 0009). */
export async function closeWatchlistEntryOnRelease(db: Db, personId: string, on: string): Promise<void> {
  await db.execute(sql`select app_close_watchlist_entry(${personId}::uuid, ${on}::date)`);
}
