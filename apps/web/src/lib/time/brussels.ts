/**
 * Calendar days in Belgian time (Europe/Brussels), as instants. The API stores instants in UTC;
 * the people who use the portal think in Belgian days.
 */

/** Midnight at the start of a calendar day (YYYY-MM-DD) in Brussels, as an ISO instant. */
export function brusselsMidnight(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Brussels",
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(utcMidnight));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shownAsUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return new Date(utcMidnight - (shownAsUtc - utcMidnight)).toISOString();
}

/** Whether a string is a real calendar day written YYYY-MM-DD. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The calendar day after `day`. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The last second of a calendar day in Brussels, as an ISO instant. */
export function brusselsEndOfDay(day: string): string {
  return new Date(Date.parse(brusselsMidnight(nextDay(day))) - 1000).toISOString();
}
