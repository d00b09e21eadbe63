import type { OccupancyInterval, UnitKind } from "@/gql/graphql";
import { addMonthsIso, daysBetweenIso } from "@/lib/time/calendar";
import { firstParam, hrefWith, type RawSearchParams } from "@/lib/url/params";
import { EARLIEST_DAY, readDay } from "../decisions/decisions-state";

/**
 * The D-Rad:Ex page: which units to show, the period of the occupancy series (in the URL:
 * from, to, every; on for the listed share), and what a point says (free places, percent full).
 */

/** The API samples at most this many days per series. */
export const MAX_POINTS = 400;

export const INTERVALS: readonly OccupancyInterval[] = ["MONTH", "WEEK", "DAY"];

export interface OccupancyState {
  from: string;
  to: string;
  every: OccupancyInterval;
  /** The listed share's day; null is today. */
  on: string | null;
}

/** The first day of the month eleven months back: with the current month's first, a year of points. */
export function defaultFrom(today: string): string {
  return addMonthsIso(`${today.slice(0, 8)}01`, -11);
}

/** How many days a series samples from `from` to `to` (both included) at `every`. */
export function pointCount(from: string, to: string, every: OccupancyInterval): number {
  if (to < from) return 0;
  if (every === "DAY") return daysBetweenIso(from, to) + 1;
  if (every === "WEEK") return Math.floor(daysBetweenIso(from, to) / 7) + 1;
  let count = 0;
  for (let day = from; day <= to && count <= MAX_POINTS; day = addMonthsIso(from, count)) count += 1;
  return count;
}

/**
 * The period from the URL: a year of months up to today by default; a period that is backwards,
 * in the future or too long for the API (more than MAX_POINTS samples) falls back to the default.
 */
export function parseOccupancy(params: RawSearchParams, today: string): OccupancyState {
  const every = INTERVALS.find((i) => i === firstParam(params, "every")) ?? "MONTH";
  const to = readDay(params, "to") ?? today;
  const from = readDay(params, "from") ?? defaultFrom(to < today ? to : today);
  const on = readDay(params, "on");
  const sane = from <= to && to <= today && pointCount(from, to, every) <= MAX_POINTS;
  return sane
    ? { from, to, every, on: on !== null && on <= today ? on : null }
    : { from: defaultFrom(today), to: today, every: "MONTH", on: on !== null && on <= today ? on : null };
}

export function occupancyHref(path: string, state: OccupancyState, today: string): string {
  const params = new URLSearchParams();
  if (state.from !== defaultFrom(today) || state.to !== today) {
    params.set("from", state.from);
    params.set("to", state.to);
  }
  if (state.every !== "MONTH") params.set("every", state.every);
  if (state.on) params.set("on", state.on);
  return hrefWith(path, params);
}

/** The earliest day the period may start (the demo history starts in 2014). */
export const EARLIEST_FROM = EARLIEST_DAY;

/** The D-Rad:Ex units of the establishments, in the order the establishments come. */
export function dradexUnits<E extends { units: readonly { kind: UnitKind }[] }>(
  establishments: readonly E[],
): { establishment: E; unit: E["units"][number] }[] {
  return establishments.flatMap((establishment) =>
    establishment.units.filter((u) => u.kind === "DRADEX").map((unit) => ({ establishment, unit })),
  );
}

/** Free places and how full, when the unit has a limit. */
export function fill(point: { occupied: number; capacity: number | null }): {
  free: number | null;
  percent: number | null;
} {
  if (point.capacity === null || point.capacity <= 0) return { free: null, percent: null };
  return {
    free: Math.max(0, point.capacity - point.occupied),
    percent: Math.round((100 * point.occupied) / point.capacity),
  };
}

/** The highest and the latest occupancy of a series (a short summary above its table). */
export function seriesSummary(points: readonly { on: string; occupied: number }[]): {
  peak: { on: string; occupied: number } | null;
  latest: { on: string; occupied: number } | null;
} {
  let peak: { on: string; occupied: number } | null = null;
  for (const p of points) if (peak === null || p.occupied > peak.occupied) peak = p;
  return { peak, latest: points.at(-1) ?? null };
}
