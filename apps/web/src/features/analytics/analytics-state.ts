import { ANALYTICS_MAX_PERIODS } from "@continuum/domain";
import type { AnalyticsDimension, AnalyticsFigure, AnalyticsInterval } from "@/gql/graphql";
import { firstParam, hrefWith, type RawSearchParams, readTrail } from "@/lib/url/params";
import { readDay } from "../decisions/decisions-state";

/**
 * The dashboard's URL (a view can be shared): the day of the composition figures (`on`) and the
 * series' range and step (`from`, `to`, `interval`). Unknown or impossible values fall back to the
 * defaults — never sent to the API, which would refuse them. Pure, tested.
 */

export const INTERVALS: readonly AnalyticsInterval[] = ["MONTH", "QUARTER", "YEAR"];

/** The API cuts a series into at most this many periods. */
export const MAX_PERIODS = ANALYTICS_MAX_PERIODS;

/** How many years back the series starts by default (the current year is the tenth). */
export const DEFAULT_YEARS = 10;

export interface AnalyticsState {
  /** The day the composition figures are counted on. */
  on: string;
  /** The series' first and last day (both included). */
  from: string;
  to: string;
  interval: AnalyticsInterval;
}

export interface ParsedAnalyticsState {
  state: AnalyticsState;
  /** Something in the URL could not be used as given (shown as a note). */
  adjusted: boolean;
}

export function defaultState(today: string): AnalyticsState {
  const year = Number(today.slice(0, 4));
  return { on: today, from: `${year - DEFAULT_YEARS + 1}-01-01`, to: today, interval: "YEAR" };
}

const MONTHS: Record<AnalyticsInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** The calendar months, quarters or years that hold `from`–`to` (as the API counts them). */
export function periodCount(from: string, to: string, interval: AnalyticsInterval): number {
  if (to < from) return 0;
  const index = (iso: string) => {
    const year = Number(iso.slice(0, 4));
    const month = Number(iso.slice(5, 7)) - 1;
    return Math.floor((year * 12 + month) / MONTHS[interval]);
  };
  return index(to) - index(from) + 1;
}

/**
 * The dashboard's state from the URL. Days after today are today's figures at most; a range that
 * ends before it starts is the default range; a range with too many periods for its interval takes
 * the next longer interval (months → quarters → years).
 */
export function parseAnalyticsState(params: RawSearchParams, today: string): ParsedAnalyticsState {
  const defaults = defaultState(today);
  let adjusted = false;
  const day = (key: string, fallback: string): string => {
    const raw = firstParam(params, key);
    if (raw === undefined || raw.trim() === "") return fallback;
    const value = readDay(params, key);
    if (value === null || value > today) {
      adjusted = true;
      return value === null ? fallback : today;
    }
    return value;
  };
  const on = day("on", defaults.on);
  let from = day("from", defaults.from);
  let to = day("to", defaults.to);
  if (to < from) {
    adjusted = true;
    from = defaults.from;
    to = defaults.to;
  }
  const rawInterval = firstParam(params, "interval");
  let interval = INTERVALS.find((i) => i === rawInterval) ?? defaults.interval;
  if (rawInterval !== undefined && rawInterval !== "" && rawInterval !== interval) adjusted = true;
  while (periodCount(from, to, interval) > MAX_PERIODS && interval !== "YEAR") {
    adjusted = true;
    interval = interval === "MONTH" ? "QUARTER" : "YEAR";
  }
  return { state: { on, from, to, interval }, adjusted };
}

/** A link to the dashboard (locale-less or not) showing `state`; defaults are left out. */
export function analyticsHref(path: string, state: AnalyticsState, today: string): string {
  const defaults = defaultState(today);
  const params = new URLSearchParams();
  if (state.on !== defaults.on) params.set("on", state.on);
  if (state.from !== defaults.from || state.to !== defaults.to) {
    params.set("from", state.from);
    params.set("to", state.to);
  }
  if (state.interval !== defaults.interval) params.set("interval", state.interval);
  return hrefWith(path, params);
}

/** The figures counted on one day whose cells lead to their persons (readers of cases only). */
export type DrillableFigure = Extract<
  AnalyticsFigure,
  | "LISTED_PERSONS"
  | "SENTENCE_LENGTHS"
  | "DRADEX_OCCUPANCY"
  | "UPCOMING_RELEASE_DATES"
  | "DISENGAGEMENT_EVALUATIONS"
>;

export const DRILLABLE_FIGURES: readonly DrillableFigure[] = [
  "LISTED_PERSONS",
  "SENTENCE_LENGTHS",
  "DRADEX_OCCUPANCY",
  "UPCOMING_RELEASE_DATES",
  "DISENGAGEMENT_EVALUATIONS",
];

/** The dimensions the drill-down accepts (those of the dashboard's figures counted on one day). */
export const DRILL_DIMENSIONS: readonly AnalyticsDimension[] = [
  "CATEGORY",
  "SEX",
  "AGE_BAND",
  "NATIONALITY_GROUP",
  "ESTABLISHMENT",
  "SENTENCE_BAND",
  "UNIT",
  "YEAR",
  "DISENGAGEMENT_SIGNS",
];

/** A cell's key: a code of the dimension (letters, digits, "_", "-", "/" for units). */
const CELL = /^[A-Za-z0-9_/-]{1,40}$/;

export interface DrillDownState {
  figure: DrillableFigure;
  on: string;
  by: AnalyticsDimension | null;
  /** null: the figure's total. */
  cell: string | null;
  /** The cursors of the pages before this one. */
  trail: string[];
}

/** The drill-down's question from the URL, or null when it is not one the portal asks. */
export function parseDrillDown(params: RawSearchParams, today: string): DrillDownState | null {
  const figure = DRILLABLE_FIGURES.find((f) => f === firstParam(params, "figure"));
  const on = readDay(params, "on");
  if (figure === undefined || on === null || on > today) return null;
  const rawBy = firstParam(params, "by");
  const by = DRILL_DIMENSIONS.find((d) => d === rawBy) ?? null;
  if (rawBy !== undefined && by === null) return null;
  const rawCell = firstParam(params, "cell");
  const cell = rawCell !== undefined && CELL.test(rawCell) ? rawCell : null;
  if (rawCell !== undefined && cell === null) return null;
  if (cell !== null && by === null) return null;
  return { figure, on, by, cell, trail: readTrail(params, "after") };
}

/** A link to the persons behind a cell (`cell` null: the total). */
export function drillDownHref(path: string, state: DrillDownState): string {
  const params = new URLSearchParams();
  params.set("figure", state.figure);
  params.set("on", state.on);
  if (state.by !== null) params.set("by", state.by);
  if (state.cell !== null) params.set("cell", state.cell);
  for (const cursor of state.trail) params.append("after", cursor);
  return hrefWith(path, params);
}

/** The drill-down's page size (the API allows at most 100). */
export const PERSONS_PAGE_SIZE = 50;

/** Which persons of the whole list a page shows (1-based; 0 to 0 when empty). */
export function personsWindow(trail: readonly string[], shown: number): { first: number; last: number } {
  const before = trail.length * PERSONS_PAGE_SIZE;
  return { first: shown === 0 ? 0 : before + 1, last: before + shown };
}
