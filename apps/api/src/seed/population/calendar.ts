import type { IsoDate } from "@continuum/domain";

/**
 * Plain-arithmetic date helpers for the generator, which handles tens of thousands of dates. They
 * follow the domain package's semantics (months added with the day clamped to the month's end).
 * Months are counted as an index: 0 is January 2014, the first month of the demo history.
 */

export const HISTORY_START: IsoDate = "2014-01-01";
const BASE_YEAR = 2014;
const MS_PER_DAY = 86_400_000;

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

export function dayDiff(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

/** Whole months from `from` to `to`: the largest k with addMonths(from, k) <= to (0 when to < from). */
export function wholeMonths(from: IsoDate, to: IsoDate): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  let k = (y2 - y1) * 12 + (m2 - m1);
  while (k > 0 && addMonths(from, k) > to) k--;
  return Math.max(0, k);
}

export function monthOf(date: IsoDate): number {
  const [y, m] = parts(date);
  return (y - BASE_YEAR) * 12 + (m - 1);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function dayOfMonth(date: IsoDate): number {
  return Number(date.slice(8, 10));
}

/** The date of a day in a month index; the day is clamped to the month's length. */
export function dateIn(month: number, day: number): IsoDate {
  const year = BASE_YEAR + Math.floor(month / 12);
  const mm = (((month % 12) + 12) % 12) + 1;
  return isoOf(year, mm, Math.min(day, daysInMonth(year, mm)));
}

export function monthStart(month: number): IsoDate {
  return dateIn(month, 1);
}

/** Month index of a "YYYY-MM" label. */
export function monthLabel(label: string): number {
  return monthOf(`${label}-01`);
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Half-open interval [from, to) contains the date; a null end is open. */
export function covers(from: IsoDate, to: IsoDate | null, date: IsoDate): boolean {
  return from <= date && (to === null || date < to);
}
