import type { Formats } from "next-intl";

/**
 * Named formats. Calendar dates from the API (YYYY-MM-DD) are parsed as UTC midnight and always
 * formatted in UTC, so a date never shifts by a day whatever the server's or browser's zone.
 */
export const formats = {
  dateTime: {
    date: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
    longDate: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
  },
} satisfies Formats;
