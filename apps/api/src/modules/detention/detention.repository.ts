import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
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

export async function insertEpisode(
  db: Db,
  row: typeof detentionEpisodes.$inferInsert,
): Promise<EpisodeRecord> {
  const [inserted] = await db.insert(detentionEpisodes).values(row).returning();
  if (inserted === undefined) throw new Error("episode insert returned no row");
  return inserted;
}

export async function insertPlacement(db: Db, row: typeof placements.$inferInsert): Promise<PlacementRecord> {
  const [inserted] = await db.insert(placements).values(row).returning();
  if (inserted === undefined) throw new Error("placement insert returned no row");
  return inserted;
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

/** How many persons a unit holds on a date. */
export async function unitOccupancyOn(db: Db, unitId: string, on: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${placements.personId})`.mapWith(Number) })
    .from(placements)
    .where(
      and(
        eq(placements.unitId, unitId),
        lte(placements.validFrom, on),
        or(isNull(placements.validTo), gt(placements.validTo, on)),
      ),
    );
  return row?.n ?? 0;
}
