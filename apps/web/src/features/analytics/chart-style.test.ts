import { describe, expect, it } from "vitest";
import { chartHeight, chartRows, contrast, SERIES_STYLES } from "./chart-style";

describe("the charts' series styles", () => {
  it("keep at least 3:1 against the white background (WCAG 1.4.11)", () => {
    for (const style of SERIES_STYLES)
      expect(contrast(style.colour, "#ffffff"), style.colour).toBeGreaterThanOrEqual(3);
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });

  it("tell series apart without colour: every pattern and dash differs, markers differ in each four", () => {
    expect(new Set(SERIES_STYLES.map((s) => s.pattern)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.dash ?? "solid")).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.slice(0, 4).map((s) => s.marker)).size).toBe(4);
  });
});

describe("recharts' rows", () => {
  const model = {
    categories: ["A", "B"],
    series: [{ key: "count", label: "Persons" }],
    values: [[28], [null]],
    displays: [["28"], ["<5"]],
  };

  it("carry the drawn value and the shown one", () => {
    expect(chartRows(model)).toEqual([
      { category: "A", v0: 28, d0: "28" },
      { category: "B", v0: null, d0: "<5" },
    ]);
  });

  it("draw a suppressed count as a zero-length bar when asked, so that its label shows", () => {
    expect(chartRows(model, true)[1]).toEqual({ category: "B", v0: 0, d0: "<5" });
  });

  it("size horizontal bars by their number", () => {
    expect(chartHeight(model, "lines")).toBe(300);
    expect(chartHeight(model, "bars")).toBeGreaterThanOrEqual(140);
    const many = { ...model, categories: Array.from({ length: 30 }, (_, i) => String(i)) };
    expect(chartHeight(many, "bars")).toBeGreaterThan(chartHeight(model, "bars"));
  });
});
