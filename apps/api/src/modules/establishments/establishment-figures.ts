import {
  addDaysToDate,
  addMonthsToDate,
  daysBetween,
  isoDateSchema,
  mayCountUnitOccupancy,
  mayReadListFigures,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import { requireActor } from "../../access/policy.js";
import { queryRows } from "../../db/client.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput, forbidden } from "../../graphql/errors.js";
import { populationsOn } from "./establishment.repository.js";

// Figures about establishments: how full a unit was over time, and what share of each prison's
// population was on the CelEx list. Counts only, computed by definer-rights functions (migration
// 0012) over every placement, never naming anyone.

/** How often an occupancy series is sampled. */
export type OccupancyInterval = "DAY" | "WEEK" | "MONTH";

export const OCCUPANCY_MAX_POINTS = 400;

/** The days sampled from `from` to `to` (both included). */
export function sampleDays(from: string, to: string, every: OccupancyInterval): string[] {
  if (!isoDateSchema.safeParse(from).success) throw badUserInput("not a date", "from");
  if (!isoDateSchema.safeParse(to).success) throw badUserInput("not a date", "to");
  if (to < from) throw badUserInput("must not be before from", "to");
  const days: string[] = [];
  for (let i = 0; ; i += 1) {
    const day =
      every === "MONTH" ? addMonthsToDate(from, i) : addDaysToDate(from, every === "WEEK" ? 7 * i : i);
    if (day > to) break;
    if (days.length === OCCUPANCY_MAX_POINTS)
      throw badUserInput(
        `at most ${OCCUPANCY_MAX_POINTS} points: choose a shorter range or a longer interval`,
        "to",
      );
    days.push(day);
  }
  return days;
}

/** How many persons a unit held on each of these days; audited, for those who may count it. */
export async function unitOccupancy(
  ctx: RequestContext,
  unit: { uuid: string; establishmentUuid: string; code: string },
  days: readonly string[],
): Promise<{ day: string; occupied: number }[]> {
  const actor = requireActor(ctx);
  if (!mayCountUnitOccupancy(actor, unit.establishmentUuid))
    throw forbidden(
      "A unit's occupancy is for those who read the detention data of every inmate held there.",
    );
  ctx.audit.record({
    operation: "AGGREGATE",
    details: { query: "unitOccupancy", unit: unit.code, from: days[0], to: days.at(-1), points: days.length },
  });
  const rows = await queryRows<{ day: string; occupied: number }>(
    await ctx.tx.get(),
    sql`select day::text as day, occupied from app_unit_occupancy_series(${unit.uuid}::uuid, ${`{${days.join(",")}}`}::date[])`,
  );
  return rows.map((r) => ({ day: r.day, occupied: Number(r.occupied) }));
}

export interface ListedShare {
  establishmentId: string;
  listed: number;
  population: number | null;
  populationMonth: string | null;
}

/**
 * CelEx-listed inmates per establishment on a date, next to its population that month. Counts over
 * every case: only for those who read the list for every inmate, and each question is audited.
 */
export async function listedShares(ctx: RequestContext, on: string): Promise<ListedShare[]> {
  const actor = requireActor(ctx);
  if (!mayReadListFigures(actor))
    throw forbidden(
      "These figures are for those who read the lists for every inmate (CelEx, DG EPI director, intelligence, threat analysis).",
    );
  if (!isoDateSchema.safeParse(on).success) throw badUserInput("not a date", "on");
  ctx.audit.record({ operation: "AGGREGATE", details: { query: "listedShareByEstablishment", on } });
  const db = await ctx.tx.get();
  const listed = await queryRows<{ establishment_id: string; listed: number }>(
    db,
    sql`select establishment_id, listed from app_listed_by_establishment(${on}::date)`,
  );
  const populations = new Map((await populationsOn(db, on)).map((p) => [p.establishmentId, p]));
  return listed.map((row) => {
    const population = populations.get(row.establishment_id);
    // A monthly figure older than a year says nothing about the date asked.
    const current = population !== undefined && daysBetween(population.on, on) <= 366;
    return {
      establishmentId: row.establishment_id,
      listed: Number(row.listed),
      population: current ? population.population : null,
      populationMonth: current ? population.on : null,
    };
  });
}
