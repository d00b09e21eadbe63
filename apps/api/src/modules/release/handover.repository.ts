import { asc, desc, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { caseResponsibilities, residences } from "../follow-up/follow-up.table.js";

// Row-level security (migration 0018): residences are RELEASE data; responsibilities are readable by
// whoever sees the person and written through a definer-rights function (migration 0021).

export type ResidenceRecord = typeof residences.$inferSelect;
export type ResponsibilityRecord = typeof caseResponsibilities.$inferSelect;

export function residencesByPersonIds(db: Db, personIds: readonly string[]): Promise<ResidenceRecord[]> {
  return db
    .select()
    .from(residences)
    .where(inArray(residences.personId, [...personIds]))
    .orderBy(desc(residences.validFrom), desc(residences.createdAt));
}

export async function insertResidence(
  db: Db,
  row: typeof residences.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(residences).values(row);
}

export function responsibilitiesByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<ResponsibilityRecord[]> {
  return db
    .select()
    .from(caseResponsibilities)
    .where(inArray(caseResponsibilities.personId, [...personIds]))
    .orderBy(
      asc(caseResponsibilities.validFrom),
      asc(caseResponsibilities.kind),
      asc(caseResponsibilities.id),
    );
}

/**
 * Closes the person's open responsibilities on `on` and opens those of the local bodies of the
 * residence recorded for that day (none without one); the bodies that lose the case end their open
 * follow-up measures. A definer-rights function (migration 0023) that checks the caller itself.
 */
export async function handOverResponsibilities(
  db: Db,
  change: { personId: string; on: string; reason: string },
): Promise<void> {
  await db.execute(
    sql`select app_hand_over_responsibilities(${change.personId}::uuid, ${change.on}::date, ${change.reason})`,
  );
}
