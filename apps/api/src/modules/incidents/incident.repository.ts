import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { prisonIncidents } from "./incident.table.js";

// Row-level security (migration 0014): OBSERVATIONS data of the person.

export type IncidentRecord = typeof prisonIncidents.$inferSelect;

export function incidentsByPersonIds(db: Db, personIds: readonly string[]): Promise<IncidentRecord[]> {
  return db
    .select()
    .from(prisonIncidents)
    .where(inArray(prisonIncidents.personId, [...personIds]))
    .orderBy(desc(prisonIncidents.occurredOn), desc(prisonIncidents.createdAt));
}

export async function insertIncident(
  db: Db,
  row: typeof prisonIncidents.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(prisonIncidents).values(row);
}

export async function incidentById(db: Db, id: string): Promise<IncidentRecord | null> {
  const [row] = await db.select().from(prisonIncidents).where(eq(prisonIncidents.id, id)).limit(1);
  return row ?? null;
}
