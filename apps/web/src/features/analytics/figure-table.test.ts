import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  cellKeys,
  csvDataUrl,
  csvFileName,
  csvShare,
  dayChart,
  type FigureLike,
  figureCsvRows,
  formatMean,
  formatShare,
  hasSuppressed,
  periodLabel,
  seriesChart,
  sumOfDisplays,
  toCsv,
} from "./figure-table";

const count = (value: number | null, display = value === null ? "<5" : String(value)) => ({ value, display });

/** Listed persons by category on one day, as a statistician gets it: B hidden ("x"), E suppressed. */
const onDay: FigureLike = {
  points: [
    {
      from: "2020-02-01",
      to: "2020-02-01",
      total: count(180),
      cells: [
        { key: "A", count: count(28), share: 0.15555 },
        { key: "B", count: count(null, "x"), share: null },
        { key: "C", count: count(78), share: 0.43333 },
        { key: "E", count: count(null, "<5"), share: null },
      ],
    },
  ],
};

/** A series whose second period has a cell the first has not. */
const series: FigureLike = {
  points: [
    {
      from: "2019-01-01",
      to: "2019-12-31",
      total: count(10),
      cells: [{ key: "caprev", count: count(6), share: 0.6 }],
    },
    {
      from: "2020-01-01",
      to: "2020-12-31",
      total: count(12),
      cells: [
        { key: "caprev", count: count(5), share: 0.41666 },
        { key: "flemish-disengagement", count: count(7), share: 0.58333 },
      ],
    },
  ],
};

const header = { from: "From", to: "To", code: "Code", label: "Label", count: "Count", share: "Share (%)" };
const label = (key: string) => ({ A: "A: terrorist convict", B: "B, assimilated" })[key] ?? key;

describe("shares and means", () => {
  it("are percentages in the locale's way, with a dash when unknown", () => {
    expect(formatShare(0.15555, "en")).toBe("15.6%");
    expect(formatShare(0.5, "fr").replace(/\s/g, " ")).toBe("50 %");
    expect(formatShare(0.43333, "nl")).toBe("43,3%");
    expect(formatShare(0, "en")).toBe("0%");
    expect(formatShare(1, "en")).toBe("100%");
    expect(formatShare(null, "en")).toBe("—");
    expect(formatShare(Number.NaN, "en")).toBe("—");
    expect(formatMean(197.66, "fr")).toBe("197,7");
    expect(formatMean(null, "en")).toBe("—");
  });

  it("are plain numbers in a CSV file", () => {
    expect(csvShare(0.15555)).toBe("15.6");
    expect(csvShare(1)).toBe("100.0");
    expect(csvShare(null)).toBe("");
  });
});

describe("the table's cells", () => {
  it("are every cell of every point, in the API's order", () => {
    expect(cellKeys(onDay)).toEqual(["A", "B", "C", "E"]);
    expect(cellKeys(series)).toEqual(["caprev", "flemish-disengagement"]);
  });

  it("know when something is suppressed", () => {
    expect(hasSuppressed(onDay)).toBe(true);
    expect(hasSuppressed(series)).toBe(false);
  });
});

describe("the CSV file", () => {
  it("has a header, one row per cell with the shown values, and the total", () => {
    expect(figureCsvRows(onDay, header, label, "Total")).toEqual([
      ["From", "To", "Code", "Label", "Count", "Share (%)"],
      ["2020-02-01", "2020-02-01", "A", "A: terrorist convict", "28", "15.6"],
      ["2020-02-01", "2020-02-01", "B", "B, assimilated", "x", ""],
      ["2020-02-01", "2020-02-01", "C", "C", "78", "43.3"],
      ["2020-02-01", "2020-02-01", "E", "E", "<5", ""],
      ["2020-02-01", "2020-02-01", "TOTAL", "Total", "180", ""],
    ]);
  });

  it("has one row per period and cell in a series, a missing cell counting 0", () => {
    const rows = figureCsvRows(series, header, (k) => k, "Total");
    expect(rows.slice(1)).toEqual([
      ["2019-01-01", "2019-12-31", "caprev", "caprev", "6", "60.0"],
      ["2019-01-01", "2019-12-31", "flemish-disengagement", "flemish-disengagement", "0", ""],
      ["2019-01-01", "2019-12-31", "TOTAL", "Total", "10", ""],
      ["2020-01-01", "2020-12-31", "caprev", "caprev", "5", "41.7"],
      ["2020-01-01", "2020-12-31", "flemish-disengagement", "flemish-disengagement", "7", "58.3"],
      ["2020-01-01", "2020-12-31", "TOTAL", "Total", "12", ""],
    ]);
  });

  it("adds the places of D-Rad:Ex units and the mean sentence when asked", () => {
    const units: FigureLike = {
      points: [
        {
          from: "2020-02-01",
          to: "2020-02-01",
          total: count(12),
          cells: [
            { key: "HAS/HAS-DRX", count: count(5), denominator: count(20), share: 0.25 },
            { key: "ITT/ITT-DRX", count: count(7), denominator: count(20), share: 0.35, mean: 41.06 },
          ],
        },
      ],
    };
    const rows = figureCsvRows(units, { ...header, denominator: "Places", mean: "Mean" }, (k) => k, "Total");
    expect(rows[0]).toEqual(["From", "To", "Code", "Label", "Count", "Share (%)", "Places", "Mean"]);
    expect(rows[1]).toEqual([
      "2020-02-01",
      "2020-02-01",
      "HAS/HAS-DRX",
      "HAS/HAS-DRX",
      "5",
      "25.0",
      "20",
      "",
    ]);
    expect(rows[2]).toEqual([
      "2020-02-01",
      "2020-02-01",
      "ITT/ITT-DRX",
      "ITT/ITT-DRX",
      "7",
      "35.0",
      "20",
      "41.1",
    ]);
    expect(rows[3]).toEqual(["2020-02-01", "2020-02-01", "TOTAL", "Total", "12", "", "40", ""]);
    expect(sumOfDisplays([count(20), null])).toBe("");
  });

  it("is RFC 4180 text that reads back the same, formulae neutralised", () => {
    const rows = [
      ["Code", "Label", "Count"],
      ["B", "B, assimilated", "x"],
      ["Q", 'the "quoted" one', "<5"],
      ["F", "=HYPERLINK(1)", "3"],
    ];
    const csv = toCsv(rows);
    expect(csv.split("\r\n")[1]).toBe('B,"B, assimilated",x');
    expect(csv.split("\r\n")[2]).toBe('Q,"the ""quoted"" one",<5');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed.slice(0, 3)).toEqual(rows.slice(0, 3));
    expect(parsed[3]?.[1]).toBe("'=HYPERLINK(1)");
  });

  it("is named after the figure and its day or range", () => {
    expect(csvFileName("listed-persons", "2020-02-01")).toBe("continuum-listed-persons-2020-02-01.csv");
    expect(csvFileName("list-comparison", "2017-01-01", "2026-11-27")).toBe(
      "continuum-list-comparison-2017-01-01-2026-11-27.csv",
    );
  });

  it("is a UTF-8 data URL with a byte-order mark", () => {
    const url = csvDataUrl("Libellé,Nombre\r\nÉtablissement,<5");
    expect(url.startsWith("data:text/csv;charset=utf-8;base64,")).toBe(true);
    const bytes = Uint8Array.from(atob(url.split(",")[1] ?? ""), (c) => c.charCodeAt(0));
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(
      "\uFEFFLibellé,Nombre\r\nÉtablissement,<5",
    );
  });
});

describe("the charts' data", () => {
  it("labels periods by year, quarter or month", () => {
    const quarter = (q: number, year: number) => `Q${q} ${year}`;
    expect(periodLabel("2019-01-01", "YEAR", "en", quarter)).toBe("2019");
    expect(periodLabel("2019-04-01", "QUARTER", "en", quarter)).toBe("Q2 2019");
    expect(periodLabel("2019-12-01", "QUARTER", "en", quarter)).toBe("Q4 2019");
    expect(periodLabel("2019-03-01", "MONTH", "en", quarter)).toBe("Mar 2019");
    expect(periodLabel("2019-03-01", "MONTH", "fr", quarter)).toBe("mars 2019");
    expect(periodLabel("2020-02-01", null, "en", quarter)).toBe("Feb 1, 2020");
  });

  it("draws a series per cell over the periods, suppressed counts as gaps", () => {
    const model = seriesChart(
      series,
      ["caprev", "flemish-disengagement"],
      (k) => k.toUpperCase(),
      (p) => p.from.slice(0, 4),
    );
    expect(model.categories).toEqual(["2019", "2020"]);
    expect(model.series).toEqual([
      { key: "caprev", label: "CAPREV" },
      { key: "flemish-disengagement", label: "FLEMISH-DISENGAGEMENT" },
    ]);
    expect(model.values).toEqual([
      [6, 0],
      [5, 7],
    ]);
  });

  it("draws a day's cells, with their denominators when asked", () => {
    const model = dayChart(onDay, label, "Persons");
    expect(model.categories).toEqual(["A: terrorist convict", "B, assimilated", "C", "E"]);
    expect(model.values).toEqual([[28], [null], [78], [null]]);
    expect(model.displays).toEqual([["28"], ["x"], ["78"], ["<5"]]);
    const withPlaces = dayChart(
      {
        points: [
          {
            from: "d",
            to: "d",
            total: count(5),
            cells: [{ key: "U", count: count(5), denominator: count(20), share: 0.25 }],
          },
        ],
      },
      (k) => k,
      "Placed",
      "Places",
    );
    expect(withPlaces.series.map((s) => s.label)).toEqual(["Placed", "Places"]);
    expect(withPlaces.values).toEqual([[5, 20]]);
  });
});
