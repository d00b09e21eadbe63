import Papa from "papaparse";
import type { AnalyticsInterval } from "@/gql/graphql";

/**
 * A figure as a table, a CSV file and a chart's data: the same numbers, as the API gives them.
 * Counts are shown as `display` ("<5" and "x" where the API suppresses them for statisticians),
 * shares as percentages. Pure, tested.
 */

export interface CountLike {
  value: number | null;
  display: string;
}

export interface CellLike {
  key: string;
  share: number | null;
  mean?: number | null;
  count: CountLike;
  denominator?: CountLike | null;
}

export interface PointLike {
  from: string;
  to: string;
  total: CountLike;
  cells: readonly CellLike[];
}

export interface FigureLike {
  points: readonly PointLike[];
}

/** The code the total has in a CSV file. */
export const TOTAL_KEY = "TOTAL";

/** Shown for a share or a mean that is not known (suppressed, or no denominator). */
export const NO_VALUE = "—";

const ZERO: CountLike = { value: 0, display: "0" };

/** Every cell of the figure, in the API's order (dimensions whose cells the data decides may differ per point). */
export function cellKeys(figure: FigureLike): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const point of figure.points)
    for (const cell of point.cells)
      if (!seen.has(cell.key)) {
        seen.add(cell.key);
        keys.push(cell.key);
      }
  return keys;
}

/** A point's cell; a cell the API did not list in this point counted nothing. */
export function cellOf(point: PointLike, key: string): CellLike {
  return point.cells.find((c) => c.key === key) ?? { key, share: null, mean: null, count: ZERO };
}

/** A share (0–1) as a percentage in the locale's way, one decimal at most; "—" when unknown. */
export function formatShare(share: number | null | undefined, locale: string): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NO_VALUE;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A mean with one decimal at most; "—" when unknown. */
export function formatMean(mean: number | null | undefined, locale: string): string {
  if (mean === null || mean === undefined || !Number.isFinite(mean)) return NO_VALUE;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mean);
}

/** A share as a percentage for a CSV file: a plain number with one decimal ("15.6"), empty when unknown. */
export function csvShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "";
  return (Math.round(share * 1000) / 10).toFixed(1);
}

function csvMean(mean: number | null | undefined): string {
  if (mean === null || mean === undefined || !Number.isFinite(mean)) return "";
  return (Math.round(mean * 10) / 10).toFixed(1);
}

/** The CSV file's header, in the page's language. */
export interface CsvHeader {
  from: string;
  to: string;
  code: string;
  label: string;
  count: string;
  share: string;
  /** A column with each cell's denominator (a D-Rad:Ex unit's places). */
  denominator?: string;
  /** A column with each cell's mean (the mean sentence). */
  mean?: string;
}

/**
 * The figure as CSV rows: a header, then one row per point and cell, then the point's total —
 * the values the table shows (suppressed counts as "<5" or "x"), shares in percent.
 */
export function figureCsvRows(
  figure: FigureLike,
  header: CsvHeader,
  labelOf: (key: string) => string,
  totalLabel: string,
): string[][] {
  const keys = cellKeys(figure);
  const withDenominator = header.denominator !== undefined;
  const withMean = header.mean !== undefined;
  const rows: string[][] = [
    [
      header.from,
      header.to,
      header.code,
      header.label,
      header.count,
      header.share,
      ...(withDenominator ? [header.denominator as string] : []),
      ...(withMean ? [header.mean as string] : []),
    ],
  ];
  for (const point of figure.points) {
    for (const key of keys) {
      const cell = cellOf(point, key);
      rows.push([
        point.from,
        point.to,
        key,
        labelOf(key),
        cell.count.display,
        csvShare(cell.share),
        ...(withDenominator ? [cell.denominator?.display ?? ""] : []),
        ...(withMean ? [csvMean(cell.mean)] : []),
      ]);
    }
    const denominatorTotal = withDenominator ? sumOfDisplays(point.cells.map((c) => c.denominator)) : "";
    rows.push([
      point.from,
      point.to,
      TOTAL_KEY,
      totalLabel,
      point.total.display,
      "",
      ...(withDenominator ? [denominatorTotal] : []),
      ...(withMean ? [""] : []),
    ]);
  }
  return rows;
}

/** The sum of counts, when every one is known; "" otherwise. */
export function sumOfDisplays(counts: readonly (CountLike | null | undefined)[]): string {
  let sum = 0;
  for (const count of counts) {
    if (count === null || count === undefined || count.value === null) return "";
    sum += count.value;
  }
  return String(sum);
}

/** RFC 4180 text (quoted where needed, CRLF), formulae neutralised for spreadsheets. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(
    rows.map((row) => [...row]),
    { newline: "\r\n", escapeFormulae: true },
  );
}

/** `continuum-<slug>-<day>.csv`, or `continuum-<slug>-<from>-<to>.csv` for a series. */
export function csvFileName(slug: string, from: string, to?: string): string {
  return to === undefined || to === from
    ? `continuum-${slug}-${from}.csv`
    : `continuum-${slug}-${from}-${to}.csv`;
}

/** The file as a link's target (a byte-order mark first, so spreadsheets read it as UTF-8). */
export function csvDataUrl(csv: string): string {
  const bytes = new TextEncoder().encode(`\uFEFF${csv}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:text/csv;charset=utf-8;base64,${btoa(binary)}`;
}

/** A series' period as a short label: "2019", "Q1 2019" (through `quarter`), "Jan 2019"; a day otherwise. */
export function periodLabel(
  from: string,
  interval: AnalyticsInterval | null,
  locale: string,
  quarter: (quarter: number, year: number) => string,
): string {
  const year = Number(from.slice(0, 4));
  const month = Number(from.slice(5, 7));
  if (interval === "YEAR") return String(year);
  if (interval === "QUARTER") return quarter(Math.floor((month - 1) / 3) + 1, year);
  const date = new Date(Date.UTC(year, month - 1, Number(from.slice(8, 10))));
  if (interval === "MONTH")
    return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(date);
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** What a chart draws: categories along an axis, one or more series, each value with its display. */
export interface ChartModel {
  categories: string[];
  series: { key: string; label: string }[];
  /** [category][series]: the value, or null where it is suppressed (not drawn). */
  values: (number | null)[][];
  /** [category][series]: the value as the table shows it. */
  displays: string[][];
}

/** A series over periods: one category per point, one chart series per cell. */
export function seriesChart(
  figure: FigureLike,
  keys: readonly string[],
  labelOf: (key: string) => string,
  pointLabel: (point: PointLike) => string,
): ChartModel {
  return {
    categories: figure.points.map(pointLabel),
    series: keys.map((key) => ({ key, label: labelOf(key) })),
    values: figure.points.map((point) => keys.map((key) => cellOf(point, key).count.value)),
    displays: figure.points.map((point) => keys.map((key) => cellOf(point, key).count.display)),
  };
}

/**
 * A figure on one day: one category per cell; the count, and the cell's denominator as a second
 * series when `denominatorLabel` is given (a unit's places).
 */
export function dayChart(
  figure: FigureLike,
  labelOf: (key: string) => string,
  countLabel: string,
  denominatorLabel?: string,
): ChartModel {
  const point = figure.points[0];
  const cells = point?.cells ?? [];
  const series = [{ key: "count", label: countLabel }];
  if (denominatorLabel !== undefined) series.push({ key: "denominator", label: denominatorLabel });
  return {
    categories: cells.map((c) => labelOf(c.key)),
    series,
    values: cells.map((c) =>
      denominatorLabel === undefined ? [c.count.value] : [c.count.value, c.denominator?.value ?? null],
    ),
    displays: cells.map((c) =>
      denominatorLabel === undefined
        ? [c.count.display]
        : [c.count.display, c.denominator?.display ?? NO_VALUE],
    ),
  };
}

/** Whether any count of the figure is suppressed ("<5" or "x"). */
export function hasSuppressed(figure: FigureLike): boolean {
  return figure.points.some((p) => p.total.value === null || p.cells.some((c) => c.count.value === null));
}
