import type { Formats } from "next-intl";

/**
 * Named formats. Calendar dates from the API (YYYY-MM-DD) are parsed as UTC midnight and always
 * formatted in UTC, so a date never shifts by a day whatever the server's or browser's zone.
 * Instants (DateTime: audit entries, grants, tokens) are shown in Belgian time.
 */
export const formats = {
  dateTime: {
    date: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
    longDate: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
    instant: {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Brussels",
    },
    time: { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Brussels" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
  },
} satisfies Formats;
