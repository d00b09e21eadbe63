import type { ReleaseDateKind } from "@continuum/domain";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { detentionEpisodes, placements } from "./detention.table.js";

export type EpisodeRecord = typeof detentionEpisodes.$inferSelect;
export type PlacementRecord = typeof placements.$inferSelect;

export function episodesByPersonIds(db: Db, personIds: readonly string[]): Promise<EpisodeRecord[]> {
  return db
    .select()
    .from(detentionEpisodes)
    .where(inArray(detentionEpisodes.personId, [...personIds]))
    .orderBy(asc(detentionEpisodes.admittedOn));
}

export function placementsByPersonIds(db: Db, personIds: readonly string[]): Promise<PlacementRecord[]> {
  return db
    .select()
    .from(placements)
    .where(inArray(placements.personId, [...personIds]))
    .orderBy(asc(placements.validFrom));
}

export async function episodeById(db: Db, id: string): Promise<EpisodeRecord | null> {
  const [row] = await db.select().from(detentionEpisodes).where(eq(detentionEpisodes.id, id)).limit(1);
  return row ?? null;
}

export async function placementById(db: Db, id: string): Promise<PlacementRecord | null> {
  const [row] = await db.select().from(placements).where(eq(placements.id, id)).limit(1);
  return row ?? null;
}

export async function latestEpisodeOf(db: Db, personId: string): Promise<EpisodeRecord | null> {
  const [row] = await db
    .select()
    .from(detentionEpisodes)
    .where(eq(detentionEpisodes.personId, personId))
    .orderBy(desc(detentionEpisodes.admittedOn))
    .limit(1);
  return row ?? null;
}

export async function openPlacementOf(db: Db, personId: string): Promise<PlacementRecord | null> {
  const [row] = await db
    .select()
    .from(placements)
    .where(and(eq(placements.personId, personId), isNull(placements.validTo)))
    .limit(1);
  return row ?? null;
}

// No RETURNING on inserts: under row-level security the new row may not be visible to the actor
// until the case summary is refreshed. IDs are made by the application.
export async function insertEpisode(
  db: Db,
  row: typeof detentionEpisodes.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(detentionEpisodes).values(row);
}

export async function insertPlacement(
  db: Db,
  row: typeof placements.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(placements).values(row);
}

export async function closePlacement(db: Db, placementId: string, validTo: string): Promise<void> {
  await db.update(placements).set({ validTo }).where(eq(placements.id, placementId));
}

/** Records the release; `version` guards against a concurrent change to the same episode. */
export async function releaseEpisode(
  db: Db,
  episode: { id: string; version: number },
  release: Pick<
    EpisodeRecord,
    "releasedOn" | "releaseType" | "releaseMunicipality" | "releaseJudicialDistrict"
  >,
): Promise<EpisodeRecord | null> {
  const [row] = await db
    .update(detentionEpisodes)
    .set({ ...release, version: sql`${detentionEpisodes.version} + 1` })
    .where(
      and(
        eq(detentionEpisodes.id, episode.id),
        eq(detentionEpisodes.version, episode.version),
        isNull(detentionEpisodes.releasedOn),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * The most persons a unit holds on any day from `from` on: checked on `from` and on every later day
 * a placement in the unit starts (occupancy only rises on those days). Counts the whole unit,
 * whoever the actor is, through a definer-rights function (migration 0005).
 */
export async function unitPeakOccupancyFrom(db: Db, unitId: string, from: string): Promise<number> {
  const [row] = await queryRows<{ peak: number }>(
    db,
    sql`select app_unit_peak_occupancy(${unitId}::uuid, ${from}::date) as peak`,
  );
  return Number(row?.peak ?? 0);
}

/** Serialises placements into one unit until the end of the transaction (capacity checks). */
export async function lockUnit(db: Db, unitId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`unit:${unitId}`}))`);
}

/** Sets one of the episode's release dates (the rule's, or an override). */
export async function setReleaseDate(
  db: Db,
  episodeId: string,
  kind: ReleaseDateKind,
  date: string,
): Promise<void> {
  await db
    .update(detentionEpisodes)
    .set({
      ...(kind === "CONDITIONAL_RELEASE_ELIGIBILITY"
        ? { conditionalReleaseEligibleOn: date }
        : { endOfSentenceOn: date }),
      version: sql`${detentionEpisodes.version} + 1`,
    })
    .where(eq(detentionEpisodes.id, episodeId));
}

/**
 * A released person admitted again is no longer followed locally: responsibilities close, and
 * follow-up measures and release conditions still in force end that day (definer function,
 * migration 0025).
 */
export async function endFollowUpAtAdmission(db: Db, personId: string, admittedOn: string): Promise<void> {
  await db.execute(sql`select app_end_follow_up_at_admission(${personId}::uuid, ${admittedOn}::date)`);
}
