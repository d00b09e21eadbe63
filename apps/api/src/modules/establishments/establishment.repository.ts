import { asc, desc, inArray, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { establishmentPopulations, establishments, establishmentUnits } from "./establishment.table.js";

export type EstablishmentRecord = typeof establishments.$inferSelect;
export type UnitRecord = typeof establishmentUnits.$inferSelect;

export function listEstablishments(db: Db): Promise<EstablishmentRecord[]> {
  return db.select().from(establishments).orderBy(asc(establishments.code));
}

export function establishmentsByIds(db: Db, ids: readonly string[]): Promise<EstablishmentRecord[]> {
  return db
    .select()
    .from(establishments)
    .where(inArray(establishments.id, [...ids]));
}

export function unitsByIds(db: Db, ids: readonly string[]): Promise<UnitRecord[]> {
  return db
    .select()
    .from(establishmentUnits)
    .where(inArray(establishmentUnits.id, [...ids]));
}

export function unitsByEstablishmentIds(db: Db, ids: readonly string[]): Promise<UnitRecord[]> {
  return db
    .select()
    .from(establishmentUnits)
    .where(inArray(establishmentUnits.establishmentId, [...ids]))
    .orderBy(asc(establishmentUnits.code));
}

/** Each establishment's population in the month of a date (the latest monthly figure on or before it). */
export async function populationsOn(
  db: Db,
  on: string,
): Promise<{ establishmentId: string; population: number; on: string }[]> {
  return db
    .selectDistinctOn([establishmentPopulations.establishmentId], {
      establishmentId: establishmentPopulations.establishmentId,
      population: establishmentPopulations.population,
      on: establishmentPopulations.on,
    })
    .from(establishmentPopulations)
    .where(lte(establishmentPopulations.on, on))
    .orderBy(establishmentPopulations.establishmentId, desc(establishmentPopulations.on));
}
