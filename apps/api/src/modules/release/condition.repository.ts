import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { conditionBreaches, conditionTypes, releaseConditions } from "./release.table.js";

// Row-level security (migration 0018): conditions and breaches are RELEASE data of the person;
// condition types are reference data.

export type ConditionTypeRecord = typeof conditionTypes.$inferSelect;
export type ConditionRecord = typeof releaseConditions.$inferSelect;
export type BreachRecord = typeof conditionBreaches.$inferSelect;

export function listConditionTypes(db: Db): Promise<ConditionTypeRecord[]> {
  return db.select().from(conditionTypes).orderBy(asc(conditionTypes.code));
}

export function conditionTypesByIds(db: Db, ids: readonly string[]): Promise<ConditionTypeRecord[]> {
  return db
    .select()
    .from(conditionTypes)
    .where(inArray(conditionTypes.id, [...ids]));
}

export async function conditionTypeByCode(db: Db, code: string): Promise<ConditionTypeRecord | null> {
  const [row] = await db.select().from(conditionTypes).where(eq(conditionTypes.code, code)).limit(1);
  return row ?? null;
}

export async function insertConditionType(
  db: Db,
  row: typeof conditionTypes.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(conditionTypes).values(row);
}

export async function updateConditionType(
  db: Db,
  id: string,
  change: Omit<typeof conditionTypes.$inferInsert, "id" | "code">,
): Promise<void> {
  await db.update(conditionTypes).set(change).where(eq(conditionTypes.id, id));
}

export function conditionsByPersonIds(db: Db, personIds: readonly string[]): Promise<ConditionRecord[]> {
  return db
    .select()
    .from(releaseConditions)
    .where(inArray(releaseConditions.personId, [...personIds]))
    .orderBy(asc(releaseConditions.createdAt), asc(releaseConditions.id));
}

export async function conditionById(db: Db, id: string): Promise<ConditionRecord | null> {
  const [row] = await db.select().from(releaseConditions).where(eq(releaseConditions.id, id)).limit(1);
  return row ?? null;
}

/** Conditions proposed for an episode and still standing (neither imposed nor withdrawn). */
export function proposedConditionsOf(db: Db, episodeId: string): Promise<ConditionRecord[]> {
  return db
    .select()
    .from(releaseConditions)
    .where(
      and(
        eq(releaseConditions.episodeId, episodeId),
        isNull(releaseConditions.imposedOn),
        isNull(releaseConditions.withdrawnOn),
      ),
    );
}

export async function insertConditions(
  db: Db,
  rows: (typeof releaseConditions.$inferInsert & { id: string })[],
): Promise<void> {
  if (rows.length > 0) await db.insert(releaseConditions).values(rows);
}

/** Changes a condition if it is still at `version`; false when someone changed it meanwhile. */
export async function updateCondition(
  db: Db,
  condition: { id: string; version: number },
  change: Partial<Pick<ConditionRecord, "imposedOn" | "withdrawnOn" | "liftedOn" | "liftReason">>,
): Promise<boolean> {
  const rows = await db
    .update(releaseConditions)
    .set({ ...change, version: sql`${releaseConditions.version} + 1` })
    .where(and(eq(releaseConditions.id, condition.id), eq(releaseConditions.version, condition.version)))
    .returning({ id: releaseConditions.id });
  return rows.length > 0;
}

/** The conditions an agency supervises that are in force on a date (its caseload). */
export function conditionsSupervisedBy(db: Db, agencyId: string, on: string): Promise<ConditionRecord[]> {
  const c = releaseConditions;
  return db
    .select()
    .from(c)
    .where(
      and(
        eq(c.supervisingAgencyId, agencyId),
        lte(c.imposedOn, on),
        or(isNull(c.endsOn), gt(c.endsOn, on)),
        or(isNull(c.liftedOn), gt(c.liftedOn, on)),
      ),
    )
    .orderBy(asc(c.imposedOn), asc(c.id));
}

export function breachesByPersonIds(db: Db, personIds: readonly string[]): Promise<BreachRecord[]> {
  return db
    .select()
    .from(conditionBreaches)
    .where(inArray(conditionBreaches.personId, [...personIds]))
    .orderBy(asc(conditionBreaches.occurredOn), asc(conditionBreaches.createdAt));
}

export async function insertBreach(
  db: Db,
  row: typeof conditionBreaches.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(conditionBreaches).values(row);
}
