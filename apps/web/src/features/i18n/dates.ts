/**
 * The API's calendar dates (YYYY-MM-DD) as Date objects at UTC midnight. Format them with a UTC
 * time zone (the named formats "date" and "longDate" do) so that the day never shifts.
 */
export function dateFromIso(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO calendar date: ${iso}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}
