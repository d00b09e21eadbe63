import { DUE_WITHIN_MAX_DAYS } from "@/lib/limits/limits";
import { isCalendarDay } from "@/lib/time/brussels";
import { firstParam, hrefWith, type RawSearchParams } from "@/lib/url/params";

/**
 * The URL state of the measures register and the transparency queues (shareable, bookmarkable,
 * no script needed); defaults are left out, unknown values fall back to them:
 *   register       on=YYYY-MM-DD (default today)  view=reviews  days=14 (reviews due within)
 *   transparency   days=30 (evaluations due within)
 */

export const EARLIEST_DAY = "2000-01-01";
export const DEFAULT_REVIEW_DAYS = 14;
export const DEFAULT_EVALUATION_DAYS = 30;

/** A calendar day from the URL, or null (missing, malformed or before EARLIEST_DAY). */
export function readDay(params: RawSearchParams, key: string): string | null {
  const raw = firstParam(params, key)?.trim();
  return isCalendarDay(raw) && raw >= EARLIEST_DAY ? raw : null;
}

function readDays(params: RawSearchParams, fallback: number): number {
  const raw = firstParam(params, "days")?.trim() ?? "";
  if (!/^\d{1,3}$/.test(raw)) return fallback;
  const days = Number(raw);
  return days <= DUE_WITHIN_MAX_DAYS ? days : fallback;
}

export type RegisterView = "register" | "reviews";

export interface RegisterState {
  /** The register's day; null is today. */
  on: string | null;
  view: RegisterView;
  days: number;
}

export function parseRegister(params: RawSearchParams): RegisterState {
  return {
    on: readDay(params, "on"),
    view: firstParam(params, "view") === "reviews" ? "reviews" : "register",
    days: readDays(params, DEFAULT_REVIEW_DAYS),
  };
}

export function registerHref(path: string, state: RegisterState): string {
  const params = new URLSearchParams();
  if (state.view === "reviews") {
    params.set("view", "reviews");
    if (state.days !== DEFAULT_REVIEW_DAYS) params.set("days", String(state.days));
  } else if (state.on) params.set("on", state.on);
  return hrefWith(path, params);
}

export interface TransparencyState {
  /** Evaluations due within this many days. */
  days: number;
}

export function parseTransparency(params: RawSearchParams): TransparencyState {
  return { days: readDays(params, DEFAULT_EVALUATION_DAYS) };
}

export function transparencyHref(path: string, state: TransparencyState): string {
  const params = new URLSearchParams();
  if (state.days !== DEFAULT_EVALUATION_DAYS) params.set("days", String(state.days));
  return hrefWith(path, params);
}
