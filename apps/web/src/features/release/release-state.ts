import { JudicialDistrict, LegacyCategory } from "@continuum/domain";
import { firstParam, hrefWith, type RawSearchParams, readToken, readTrail } from "@/lib/url/params";

/**
 * The release calendar and the supervised conditions keep their state in the URL (shareable,
 * bookmarkable, walked with the back button, no script needed):
 *   release calendar      months=3|6|12  from=YYYY-MM-DD  establishment=<id>  district=<code>
 *                         category=<A–E>  after=<cursor>…
 *   supervised conditions on=YYYY-MM-DD
 * Defaults are left out of the URL; unknown values fall back to them and are never sent.
 */
export const CALENDAR_PAGE_SIZE = 25;
export const CALENDAR_MONTHS = [3, 6, 12] as const;
export type CalendarMonths = (typeof CALENDAR_MONTHS)[number];
export const DEFAULT_CALENDAR_MONTHS: CalendarMonths = 12;

export const DISTRICTS: readonly JudicialDistrict[] = Object.values(JudicialDistrict);
export const CALENDAR_CATEGORIES: readonly LegacyCategory[] = Object.values(LegacyCategory);

export interface CalendarState {
  months: CalendarMonths;
  /** First day of the window; null: today (the API's default). */
  from: string | null;
  establishmentId: string | null;
  district: JudicialDistrict | null;
  category: LegacyCategory | null;
  trail: string[];
}

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day as the URL carries it, or null (malformed or impossible dates are dropped). */
export function readDay(params: RawSearchParams, key: string): string | null {
  const raw = firstParam(params, key)?.trim() ?? "";
  if (!ISO_DAY.test(raw)) return null;
  const date = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw ? null : raw;
}

export function parseCalendar(params: RawSearchParams): CalendarState {
  const months = Number(firstParam(params, "months"));
  const district = firstParam(params, "district")?.trim().toUpperCase();
  const category = firstParam(params, "category")?.trim().toUpperCase();
  return {
    months: (CALENDAR_MONTHS as readonly number[]).includes(months)
      ? (months as CalendarMonths)
      : DEFAULT_CALENDAR_MONTHS,
    from: readDay(params, "from"),
    establishmentId: readToken(params, "establishment"),
    district: DISTRICTS.find((d) => d === district) ?? null,
    category: CALENDAR_CATEGORIES.find((c) => c === category) ?? null,
    trail: readTrail(params, "after"),
  };
}

export function calendarHref(path: string, state: CalendarState): string {
  const params = new URLSearchParams();
  if (state.months !== DEFAULT_CALENDAR_MONTHS) params.set("months", String(state.months));
  if (state.from) params.set("from", state.from);
  if (state.establishmentId) params.set("establishment", state.establishmentId);
  if (state.district) params.set("district", state.district);
  if (state.category) params.set("category", state.category);
  for (const cursor of state.trail) params.append("after", cursor);
  return hrefWith(path, params);
}

/** The calendar's query variables (besides what the viewer's classes switch on). */
export function calendarVariables(state: CalendarState) {
  return {
    months: state.months,
    from: state.from,
    establishmentId: state.establishmentId,
    judicialDistrict: state.district,
    category: state.category,
    first: CALENDAR_PAGE_SIZE,
    after: state.trail.at(-1) ?? null,
  };
}

export interface ConditionsState {
  /** The day; null: today. */
  on: string | null;
}

export function parseConditions(params: RawSearchParams): ConditionsState {
  return { on: readDay(params, "on") };
}

export function conditionsHref(path: string, state: ConditionsState): string {
  const params = new URLSearchParams();
  if (state.on) params.set("on", state.on);
  return hrefWith(path, params);
}

/** Where a page sits in the calendar. */
export function calendarWindow(trail: readonly string[], shown: number) {
  const page = trail.length + 1;
  return {
    page,
    from: shown === 0 ? 0 : (page - 1) * CALENDAR_PAGE_SIZE + 1,
    to: (page - 1) * CALENDAR_PAGE_SIZE + shown,
  };
}
