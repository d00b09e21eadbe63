import { useFormatter } from "next-intl";
import { dateFromIso } from "./dates";

/** Formats the API's calendar dates for the page's locale. */
export function useIsoDate(): (iso: string, long?: boolean) => string {
  const format = useFormatter();
  return (iso, long = false) => format.dateTime(dateFromIso(iso), long ? "longDate" : "date");
}

/** A calendar date, formatted for the page's locale, machine-readable in `dateTime`. */
export function DateText({ iso, long = false }: { iso: string; long?: boolean }) {
  const formatDate = useIsoDate();
  return <time dateTime={iso}>{formatDate(iso, long)}</time>;
}
