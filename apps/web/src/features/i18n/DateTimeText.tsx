import { useFormatter } from "next-intl";

/** An instant from the API (ISO 8601, UTC), in Belgian time, machine-readable in `dateTime`. */
export function DateTimeText({ iso, timeOnly = false }: { iso: string; timeOnly?: boolean }) {
  const format = useFormatter();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return <time dateTime={iso}>{format.dateTime(date, timeOnly ? "time" : "instant")}</time>;
}
