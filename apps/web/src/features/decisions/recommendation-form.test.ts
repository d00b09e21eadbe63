import { describe, expect, it } from "vitest";
import {
  checkRecommendationForm,
  emptyRecommendation,
  type RecommendationFormValues,
  recommendationFieldOf,
  recommendationInput,
  unitsFor,
} from "./recommendation-form";

const TODAY = "2026-11-27";
const units = [
  { id: "ITT-DRX", kind: "DRADEX" as const, establishmentId: "ITT" },
  { id: "ITT-ORD", kind: "ORDINARY" as const, establishmentId: "ITT" },
  { id: "HAS-DRX", kind: "DRADEX" as const, establishmentId: "HAS" },
  { id: "HAS-ORD", kind: "ORDINARY" as const, establishmentId: "HAS" },
];
const types = [{ id: "ISSR", impose: [{ agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 }] }];
const context = { today: TODAY, current: { establishmentId: "ITT", unitId: "ITT-ORD" }, units, types };
const values = (change: Partial<RecommendationFormValues>) => ({ ...emptyRecommendation(TODAY), ...change });
const keys = (v: RecommendationFormValues) =>
  checkRecommendationForm(v, context).map((p) => `${p.field}:${p.key}`);

describe("the recommendation form", () => {
  it("asks what is recommended and why", () => {
    expect(keys(values({}))).toEqual(["kind:chooseOne", "rationale:required"]);
    expect(keys(values({ kind: "ORDINARY_REGIME", rationale: " ", recommendedOn: "2026-11-28" }))).toEqual([
      "recommendedOn:notInFuture",
      "establishmentId:chooseOne",
      "rationale:required",
    ]);
  });

  it("asks a measure's type and a duration anyone may impose", () => {
    const measure = values({ kind: "SECURITY_MEASURE", rationale: "Why", months: "" });
    expect(keys(measure)).toEqual(["measureTypeId:chooseOne", "months:required"]);
    expect(keys({ ...measure, measureTypeId: "ISSR", months: "3" })).toEqual(["months:between"]);
    expect(
      checkRecommendationForm({ ...measure, measureTypeId: "ISSR", months: "3" }, context)[0]?.values,
    ).toEqual({ min: 1, max: 2 });
    expect(keys({ ...measure, measureTypeId: "ISSR", months: "1.5" })).toEqual(["months:between"]);
    expect(keys({ ...measure, measureTypeId: "ISSR", months: " 2 " })).toEqual([]);
  });

  it("asks a D-Rad:Ex unit for a placement, another prison for a transfer", () => {
    expect(keys(values({ kind: "DRADEX_PLACEMENT", rationale: "Why", unitId: "ITT-ORD" }))).toEqual([
      "unitId:chooseOne",
    ]);
    expect(keys(values({ kind: "DRADEX_PLACEMENT", rationale: "Why", unitId: "HAS-DRX" }))).toEqual([]);
    expect(keys(values({ kind: "TRANSFER", rationale: "Why", establishmentId: "ITT" }))).toEqual([
      "establishmentId:alreadyThere",
    ]);
    expect(
      keys(values({ kind: "ORDINARY_REGIME", rationale: "Why", establishmentId: "ITT", unitId: "ITT-ORD" })),
    ).toEqual(["establishmentId:alreadyThere"]);
    expect(keys(values({ kind: "ORDINARY_REGIME", rationale: "Why", establishmentId: "HAS" }))).toEqual([]);
  });

  it("offers the units that fit the kind", () => {
    expect(unitsFor("DRADEX_PLACEMENT", units, null).map((u) => u.id)).toEqual(["ITT-DRX", "HAS-DRX"]);
    expect(unitsFor("TRANSFER", units, "HAS").map((u) => u.id)).toEqual(["HAS-ORD"]);
  });

  it("sends a measure with its type, duration and terms, and the evidence cited", () => {
    const input = recommendationInput(
      "P1",
      values({
        kind: "SECURITY_MEASURE",
        measureTypeId: "ISSR",
        months: "2",
        terms: "  Apart from others ",
        rationale: " Why ",
        reportIds: ["R1"],
        establishmentId: "stale",
      }),
      units,
    );
    expect(input).toEqual({
      personId: "P1",
      kind: "SECURITY_MEASURE",
      recommendedOn: TODAY,
      rationale: "Why",
      reportIds: ["R1"],
      assessmentIds: [],
      measureTypeId: "ISSR",
      months: 2,
      terms: "Apart from others",
    });
  });

  it("sends a placement with the unit's establishment, a transfer with its place", () => {
    expect(
      recommendationInput(
        "P1",
        values({ kind: "DRADEX_PLACEMENT", unitId: "HAS-DRX", rationale: "x" }),
        units,
      ),
    ).toMatchObject({ unitId: "HAS-DRX", establishmentId: "HAS" });
    const transfer = recommendationInput(
      "P1",
      values({ kind: "TRANSFER", establishmentId: "HAS", rationale: "x" }),
      units,
    );
    expect(transfer).toMatchObject({ establishmentId: "HAS", unitId: null });
    expect(transfer).not.toHaveProperty("measureTypeId");
  });

  it("ties the API's errors to the fields shown", () => {
    const resolve = recommendationFieldOf("SECURITY_MEASURE");
    expect(resolve("reportIds.3")).toBe("reportIds");
    expect(resolve("months")).toBe("months");
    expect(resolve("personId")).toBeNull();
    // A place is not asked for a measure: its error goes to the whole form.
    expect(resolve("establishmentId")).toBeNull();
    expect(recommendationFieldOf("DRADEX_PLACEMENT")("unitId")).toBe("unitId");
  });
});
