/**
 * Calendar days (YYYY-MM-DD) as the API reckons them: its rules ("not in the future", queues "due
 * within N days") run on the date in Belgium, so the portal's defaults and checks do too.
 */

/** Today's calendar day in Belgium: the API's "today" too. */
export { todayIso } from "@continuum/domain";

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

/** `days` calendar days later (earlier when negative). */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `months` calendar months later; the day is clamped to the end of a shorter month (as the API does). */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenIso(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}
