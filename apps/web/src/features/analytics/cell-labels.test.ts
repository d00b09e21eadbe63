import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import { type CellLabelSources, cellLabeller, unitNames } from "./cell-labels";

const establishments = [
  { code: "HAS", units: [{ code: "HAS-DRX", kind: "DRADEX" }] },
  { code: "ITT", units: [{ code: "ITT-DRX", kind: "DRADEX" }] },
];
const names = new Map([
  ["HAS", "Gevangenis van Hasselt"],
  ["ITT", "Prison d'Ittre"],
]);
const sources: CellLabelSources = {
  cells: en.analytics.cells,
  category: en.enums.category,
  sex: en.enums.sex,
  establishments: names,
  units: unitNames(
    establishments,
    (code) => names.get(code) ?? code,
    (kind) => (kind === "DRADEX" ? "D-Rad:Ex unit" : kind),
  ),
  agencies: new Map([["caprev", "CAPREV"]]),
};

describe("cell labels", () => {
  it("name enum values through the catalogue", () => {
    expect(cellLabeller("CATEGORY", sources)("A")).toBe("A: terrorist convict");
    expect(cellLabeller("SEX", sources)("FEMALE")).toBe("Female");
    expect(cellLabeller("AGE_BAND", sources)("FROM_50")).toBe("50 and over");
    expect(cellLabeller("NATIONALITY_GROUP", sources)("NON_EU")).toBe("Outside the EU");
    expect(cellLabeller("SENTENCE_BAND", sources)("NO_FIXED_TERM")).toBe("No fixed term");
    expect(cellLabeller("LIST", sources)("BOTH")).toBe("Both lists");
    expect(cellLabeller("OUTCOME", sources)("REOFFENDED")).toBe("New terrorist offence");
    expect(cellLabeller("DISENGAGEMENT_SIGNS", sources)("NO")).toBe("No signs of disengagement");
  });

  it("name establishments, units and providers by their directory names", () => {
    expect(cellLabeller("ESTABLISHMENT", sources)("ITT")).toBe("Prison d'Ittre");
    expect(cellLabeller("ESTABLISHMENT", sources)("NONE")).toBe("Not held in a prison");
    expect(cellLabeller("UNIT", sources)("HAS/HAS-DRX")).toBe("Gevangenis van Hasselt — D-Rad:Ex unit");
    expect(cellLabeller("PROVIDER", sources)("caprev")).toBe("CAPREV");
    expect(cellLabeller("PROVIDER", sources)("ANY")).toBe("Any provider");
    expect(cellLabeller("PROVIDER", sources)("NONE")).toBe("No programme");
  });

  it("show years and unknown keys as they are, and NONE as not recorded", () => {
    expect(cellLabeller("YEAR", sources)("2027")).toBe("2027");
    expect(cellLabeller("ESTABLISHMENT", sources)("ZZZ")).toBe("ZZZ");
    expect(cellLabeller("AGE_BAND", sources)("NONE")).toBe("Not recorded");
    expect(cellLabeller(null, sources)("ALL")).toBe("ALL");
  });
});
