import { describe, expect, it } from "vitest";
import { establishmentLabel, sortEstablishments } from "./establishment-label";

const hasselt = {
  id: "1",
  nameFr: "Prison de Hasselt",
  nameNl: "Gevangenis van Hasselt",
  judicialDistrict: "LIMBURG" as const,
};
const ittre = {
  id: "2",
  nameFr: "Prison d'Ittre",
  nameNl: "Gevangenis van Itter",
  judicialDistrict: "WALLOON_BRABANT" as const,
};

describe("establishmentLabel", () => {
  it("uses the page's language, and in English the local official name", () => {
    expect(establishmentLabel(hasselt, "fr")).toBe("Prison de Hasselt");
    expect(establishmentLabel(ittre, "nl")).toBe("Gevangenis van Itter");
    expect(establishmentLabel(hasselt, "en")).toBe("Gevangenis van Hasselt");
    expect(establishmentLabel(ittre, "en")).toBe("Prison d'Ittre");
  });
  it("sorts by the shown name", () => {
    expect(sortEstablishments([ittre, hasselt], "nl").map((e) => e.id)).toEqual(["1", "2"]);
    expect(sortEstablishments([hasselt, ittre], "en").map((e) => e.id)).toEqual(["1", "2"]);
  });
});
