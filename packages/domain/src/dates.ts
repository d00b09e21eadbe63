import { UTCDate } from "@date-fns/utc";
import { addMonths, differenceInCalendarDays, isValid, parseISO } from "date-fns";
import { z } from "zod";

/** A calendar date without time zone, written `YYYY-MM-DD` (ISO-8601). */
export type IsoDate = string & { readonly __isoDate?: never };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): value is IsoDate {
  if (!ISO_DATE.test(value)) return false;
  const parsed = parseISO(value);
  return isValid(parsed) && formatIsoDate(toUtc(value)) === value;
}

function toUtc(date: IsoDate): UTCDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Adds calendar months; the day is clamped to the end of a shorter month (31 Dec + 2 months = 28/29 Feb). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  return formatIsoDate(addMonths(toUtc(date), months));
}

export function addDaysToDate(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return formatIsoDate(d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}

/** The calendar the agencies work by: a day starts at midnight in Belgium, not in UTC. */
export const CALENDAR_TIME_ZONE = "Europe/Brussels";
const calendarDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: CALENDAR_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Today's date in Belgium (the portal's calendar too), so that a user at 00:30 may record what
 * happened "today". Rules take `today` as an argument; only callers at the edge use this.
 */
export function todayIso(now: Date = new Date()): IsoDate {
  return calendarDay.format(now) as IsoDate;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Full years between a birth date and a reference date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const isoDateSchema = z.string().refine(isIsoDate, {
  message: "must be a calendar date written YYYY-MM-DD",
}) as unknown as z.ZodType<IsoDate>;
