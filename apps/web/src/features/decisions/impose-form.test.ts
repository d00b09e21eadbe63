import { describe, expect, it } from "vitest";
import {
  checkImposeForm,
  chooseType,
  emptyImposition,
  type ImposableType,
  imposeFieldOf,
  imposeInput,
} from "./impose-form";

const TODAY = "2026-11-27";
const searches: ImposableType = {
  id: "CELL",
  legalBasis: "Prison Act, art. 112",
  reviewWithinMonths: 1,
  impose: [
    { agencyKind: "PRISON", role: "DIRECTOR", maxMonths: 1 },
    { agencyKind: "DG_EPI", role: "DIRECTOR", maxMonths: 2 },
  ],
  prolong: [],
  evaluations: [],
};
const regime: ImposableType = { ...searches, id: "ISSR", legalBasis: "Prison Act, art. 116" };
const director = { agencyKind: "PRISON", roles: ["DIRECTOR"] };
const officer = { agencyKind: "PRISON", roles: ["OFFICER"] };

describe("the imposition form", () => {
  it("proposes the type's legal basis and the longest term the decider may set", () => {
    const chosen = chooseType(emptyImposition(TODAY), searches, null, director);
    expect(chosen).toMatchObject({
      measureTypeId: "CELL",
      legalBasis: "Prison Act, art. 112",
      endsOn: "2026-12-27",
      nextReviewOn: "2026-12-26",
    });
    // Another type: its own basis, unless the decider wrote one.
    expect(chooseType(chosen, regime, searches, director).legalBasis).toBe("Prison Act, art. 116");
    expect(chooseType({ ...chosen, legalBasis: "Art. 118" }, regime, searches, director).legalBasis).toBe(
      "Art. 118",
    );
  });

  it("checks who may impose, the dates and the reasons", () => {
    const values = {
      ...chooseType(emptyImposition(TODAY), searches, null, director),
      reasons: "Found a phone.",
    };
    expect(checkImposeForm(values, searches, { today: TODAY, decider: director })).toEqual([]);
    expect(
      checkImposeForm(values, searches, { today: TODAY, decider: officer }).map((p) => `${p.field}:${p.key}`),
    ).toEqual(["measureTypeId:notAllowedToImpose"]);
    expect(
      checkImposeForm({ ...values, endsOn: "2027-01-27", reasons: "" }, searches, {
        today: TODAY,
        decider: director,
      }).map((p) => `${p.field}:${p.key}`),
    ).toEqual(["measure.endsOn:untilAtMost", "reasons:required"]);
    expect(
      checkImposeForm(emptyImposition(TODAY), null, { today: TODAY, decider: director }).map((p) => p.field),
    ).toEqual(["measureTypeId", "measure.endsOn", "measure.nextReviewOn", "reasons"]);
  });

  it("sends the term, the type's legal basis left out when cleared", () => {
    const values = {
      ...chooseType(emptyImposition(TODAY), searches, null, director),
      reasons: " Why ",
      legalBasis: " ",
    };
    expect(imposeInput("P1", values)).toEqual({
      personId: "P1",
      measureTypeId: "CELL",
      decidedOn: TODAY,
      effectiveOn: TODAY,
      measure: { endsOn: "2026-12-27", nextReviewOn: "2026-12-26", legalBasis: null, terms: null },
      reasons: "Why",
      reasonsClassified: false,
    });
  });

  it("ties the API's errors to the fields", () => {
    expect(imposeFieldOf("measure.endsOn")).toBe("measure.endsOn");
    expect(imposeFieldOf("measureTypeId")).toBe("measureTypeId");
    expect(imposeFieldOf("personId")).toBeNull();
  });
});
