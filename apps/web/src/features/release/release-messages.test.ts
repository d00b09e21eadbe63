import { ConditionStatus, Recidivism, ReleaseDateKind } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import fr from "../../../messages/fr.json";
import nl from "../../../messages/nl.json";

/** The release enums are named in every language (the catalogue test checks the other enums). */
describe("release messages", () => {
  it("name every value of the release enums", () => {
    const groups = {
      releaseDateKind: ReleaseDateKind,
      conditionStatus: ConditionStatus,
      recidivism: Recidivism,
    };
    for (const catalogue of [en, fr, nl])
      for (const [group, values] of Object.entries(groups))
        expect(
          Object.keys((catalogue.enums as Record<string, Record<string, string>>)[group] ?? {}).sort(),
          group,
        ).toEqual(Object.values(values).sort());
  });
  it("name both kinds of responsibility", () => {
    for (const catalogue of [en, fr, nl])
      expect(Object.keys(catalogue.release.followUp.responsibilityKind).sort()).toEqual([
        "SECURITY",
        "SOCIO_PREVENTIVE",
      ]);
  });
});
