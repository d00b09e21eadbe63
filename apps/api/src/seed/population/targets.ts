import type { LegacyCategory } from "@continuum/domain";
import { monthLabel } from "./calendar.js";
import type { CategoryCounts } from "./model.js";

/**
 * The figures the population is built to. Month labels are "YYYY-MM"; a stock figure is the listed
 * stock on the last day of that month. The exact ones come from the paper (see docs/domain.md).
 */

/** Listed stock per category at month ends; piecewise linear in between, flat after the last one. */
const STOCK_ANCHORS: readonly [string, CategoryCounts][] = [
  ["2013-12", { A: 8, B: 4, C: 6, D: 4, E: 2 }],
  ["2014-12", { A: 14, B: 8, C: 30, D: 10, E: 4 }],
  ["2015-12", { A: 30, B: 20, C: 80, D: 22, E: 8 }],
  ["2016-12", { A: 42, B: 31, C: 104, D: 36, E: 10 }],
  ["2017-07", { A: 44, B: 33, C: 106, D: 47, E: 11 }],
  ["2018-01", { A: 40, B: 32, C: 96, D: 55, E: 10 }],
  ["2018-12", { A: 31, B: 27, C: 82, D: 66, E: 7 }],
  // April 2019: 68 in category D before the revision.
  ["2019-04", { A: 30, B: 26, C: 80, D: 68, E: 7 }],
  ["2019-12", { A: 28, B: 25, C: 78, D: 44, E: 6 }],
  // February 2020: 177 = A 28, B 25, C 77, D 41, E 6.
  ["2020-02", { A: 28, B: 25, C: 77, D: 41, E: 6 }],
  // End of May 2020: 165.
  ["2020-05", { A: 27, B: 24, C: 73, D: 36, E: 5 }],
  ["2021-12", { A: 24, B: 22, C: 60, D: 36, E: 5 }],
  ["2023-12", { A: 22, B: 20, C: 48, D: 38, E: 5 }],
  ["2025-12", { A: 20, B: 19, C: 42, D: 40, E: 4 }],
];

/** Releases of listed persons from January 2014 to February 2020, by category on the day before release. */
export const RELEASE_WINDOW_LAST_MONTH = monthLabel("2020-02");
export const WINDOW_RELEASES: CategoryCounts = { A: 109, B: 64, C: 126, D: 51, E: 18 };

/** Relative release intensity by year inside the window (few releases in 2019, many in 2016–2018). */
export const RELEASE_INTENSITY_BY_YEAR: Readonly<Record<number, number>> = {
  2014: 1.0,
  2015: 1.0,
  2016: 1.15,
  2017: 1.25,
  2018: 1.25,
  2019: 0.22,
  2020: 0.3,
};

export interface PlannedExit {
  month: number;
  from: LegacyCategory;
  /** The new category, or null for a delisting while the person stays in prison. */
  to: LegacyCategory | null;
}

function exits(labels: readonly string[], from: LegacyCategory, to: LegacyCategory | null): PlannedExit[] {
  return labels.map((label) => ({ month: monthLabel(label), from, to }));
}

/** Delistings without release and category changes, planned by month. */
export const PLANNED_EXITS: readonly PlannedExit[] = [
  // Occasional delistings of radicalised (D) inmates.
  ...exits(["2016-05", "2016-11", "2017-03", "2017-09", "2018-02", "2018-08"], "D", null),
  // The D revision between April 2019 and February 2020.
  ...exits(
    [
      "2019-05",
      "2019-05",
      "2019-06",
      "2019-06",
      "2019-06",
      "2019-07",
      "2019-07",
      "2019-08",
      "2019-09",
      "2019-09",
      "2019-09",
      "2019-10",
      "2019-10",
      "2019-10",
      "2019-11",
      "2019-11",
      "2019-11",
      "2019-12",
      "2019-12",
      "2020-01",
      "2020-02",
    ],
    "D",
    null,
  ),
  ...exits(
    ["2021-03", "2021-10", "2022-06", "2023-02", "2023-11", "2024-09", "2025-05", "2026-03"],
    "D",
    null,
  ),
  ...exits(["2017-06", "2018-10", "2022-02", "2024-04"], "B", null),
  // Radicalised inmates whose behaviour became clearly extremist.
  ...exits(["2016-09", "2017-05", "2018-03", "2018-10", "2019-02", "2021-05", "2023-06"], "D", "B"),
  // Assimilated inmates convicted of a terrorist offence.
  ...exits(["2016-06", "2017-02", "2017-11", "2018-07", "2022-09"], "B", "A"),
];

/** D-Rad:Ex occupation at month ends per unit (2018-01: 22 in all; 2020-02: 12 in all). */
export const DRADEX_ANCHORS: Readonly<Record<string, readonly [string, number][]>> = {
  "ittre-dradex": [
    ["2016-04", 2],
    ["2016-12", 9],
    ["2017-07", 12],
    ["2018-01", 12],
    ["2018-12", 9],
    ["2019-12", 7],
    ["2020-02", 7],
    ["2021-06", 5],
    ["2023-12", 4],
    ["2026-12", 3],
  ],
  "hasselt-dradex": [
    ["2016-04", 1],
    ["2016-12", 8],
    ["2017-07", 11],
    ["2018-01", 10],
    ["2018-12", 7],
    ["2019-12", 5],
    ["2020-02", 5],
    ["2021-06", 4],
    ["2023-12", 3],
    ["2026-12", 3],
  ],
};
export const DRADEX_RETURNEES_CHECK = { month: monthLabel("2020-02"), returnees: 7 };

/** National prison population on the first of the month; exact where the paper gives a figure. */
export const NATIONAL_POPULATION_ANCHORS: readonly [string, number][] = [
  ["2014-01", 11_200],
  ["2015-01", 10_950],
  ["2016-01", 10_600],
  ["2017-01", 10_450],
  ["2018-01", 10_400],
  ["2019-01", 10_550],
  ["2020-01", 10_760],
  ["2020-03", 10_825],
  ["2020-04", 10_150],
  ["2020-05", 9_634],
  ["2020-08", 9_950],
  ["2021-01", 10_450],
  ["2022-01", 10_900],
  ["2023-01", 11_700],
  ["2024-01", 12_250],
  ["2025-01", 12_650],
  ["2026-01", 12_850],
  ["2027-01", 12_950],
];
export const EXACT_POPULATION_MONTHS: readonly string[] = ["2020-03", "2020-05"];
export const WOMEN_SHARE = 0.043;
export const WOMEN_EXACT: readonly [string, number][] = [["2020-05", 427]];

/** Linear interpolation over month anchors, flat outside them. */
export function interpolate(anchors: readonly (readonly [string, number])[], month: number): number {
  const points = anchors.map(([label, value]) => [monthLabel(label), value] as const);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error("no anchors");
  if (month <= first[0]) return first[1];
  if (month >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && month <= b[0]) return a[1] + ((b[1] - a[1]) * (month - a[0])) / (b[0] - a[0]);
  }
  return last[1];
}

/** Target listed stock of a category at the end of a month (month -1 is the start of the history). */
export function targetStock(category: LegacyCategory, month: number): number {
  return Math.round(
    interpolate(
      STOCK_ANCHORS.map(([label, counts]) => [label, counts[category]] as const),
      month,
    ),
  );
}
