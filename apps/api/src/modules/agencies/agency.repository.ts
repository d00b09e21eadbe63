import { asc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agencies } from "./agency.table.js";

export type AgencyRecord = typeof agencies.$inferSelect;

export function agenciesByIds(db: Db, ids: readonly string[]): Promise<AgencyRecord[]> {
  return db
    .select()
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
}

export function listAgencies(db: Db): Promise<AgencyRecord[]> {
  return db.select().from(agencies).orderBy(asc(agencies.code));
}
