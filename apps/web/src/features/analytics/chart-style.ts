import type { ChartModel } from "./figure-table";

/**
 * How the charts tell series apart without relying on colour: each series has a colour (at least
 * 3:1 against white, WCAG 1.4.11) and a pattern (bars) or a dash and a marker (lines). Pure, tested.
 */

export type ChartKind = "stacked-bars" | "grouped-bars" | "bars" | "lines";

export interface SeriesStyle {
  colour: string;
  pattern: "solid" | "diagonal" | "dots" | "horizontal" | "crosshatch" | "vertical" | "reverse" | "grid";
  dash: string | undefined;
  marker: "circle" | "square" | "triangle" | "diamond";
}

export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: "#1f4e79", pattern: "solid", dash: undefined, marker: "circle" },
  { colour: "#b34700", pattern: "diagonal", dash: "8 4", marker: "square" },
  { colour: "#2e7d32", pattern: "dots", dash: "2 4", marker: "triangle" },
  { colour: "#7b1fa2", pattern: "crosshatch", dash: "12 4 2 4", marker: "diamond" },
  { colour: "#a4161a", pattern: "horizontal", dash: "4 4", marker: "circle" },
  { colour: "#00695c", pattern: "vertical", dash: "10 6", marker: "square" },
  { colour: "#5d4037", pattern: "reverse", dash: "1 3", marker: "triangle" },
  { colour: "#455a64", pattern: "grid", dash: "6 2 2 2", marker: "diamond" },
];

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * recharts' rows: the category, then per series `v<j>` (drawn; null is a gap, or a zero-length bar
 * when `zeroForSuppressed`, so that its label still says "<5" or "x") and `d<j>` (as shown).
 */
export function chartRows(
  model: ChartModel,
  zeroForSuppressed = false,
): Record<string, string | number | null>[] {
  return model.categories.map((category, i) => {
    const row: Record<string, string | number | null> = { category };
    model.series.forEach((_, j) => {
      const value = model.values[i]?.[j] ?? null;
      row[`v${j}`] = value === null && zeroForSuppressed ? 0 : value;
      row[`d${j}`] = model.displays[i]?.[j] ?? "";
    });
    return row;
  });
}

/** Horizontal bars grow with their categories; the others have a fixed height. */
export function chartHeight(model: ChartModel, kind: ChartKind): number {
  if (kind !== "bars") return 300;
  return Math.max(140, model.categories.length * model.series.length * 26 + model.categories.length * 8 + 48);
}
