import { describe, expect, it } from "vitest";
import type { PersonAccess } from "../access.js";
import { disclosureOf, type ReportMarking } from "../originator-control.js";

const readsIntelligence: PersonAccess = {
  tier: "READ",
  classes: { INTELLIGENCE: "READ" },
  breakGlass: false,
};
const readsNothing: PersonAccess = { tier: "READ", classes: { IDENTITY: "READ" }, breakGlass: false };
const report = (over: Partial<ReportMarking>): ReportMarking => ({
  originatorAgencyId: "vsse",
  addressedToAgencyId: null,
  handlingCode: "SHARE_LAW_ENFORCEMENT",
  dataClass: "INTELLIGENCE",
  ...over,
});
const celex = { agencyId: "celex", agencyKind: "CELEX", roles: ["ANALYST"] } as const;
const ltf = { agencyId: "ltf", agencyKind: "LOCAL_TASK_FORCE", roles: ["MEMBER"] } as const;

describe("disclosureOf", () => {
  it("always lets the originator read its own report, whatever the matrix", () => {
    expect(
      disclosureOf(
        report({ handlingCode: "ORIGINATOR_ONLY" }),
        { agencyId: "vsse", agencyKind: "INTELLIGENCE", roles: ["OFFICER"] } as const,
        readsNothing,
        false,
      ),
    ).toEqual({
      allowed: true,
      isDisclosure: false,
    });
  });

  it("never gives another agency more than the matrix gives it", () => {
    expect(disclosureOf(report({}), ltf, readsNothing, true).allowed).toBe(false);
  });

  it("shares with law enforcement as a logged disclosure", () => {
    expect(disclosureOf(report({}), ltf, readsIntelligence, false)).toEqual({
      allowed: true,
      isDisclosure: true,
    });
  });

  it("keeps originator-only reports to the originator, and CelEx for CelEx inmates", () => {
    const only = report({ handlingCode: "ORIGINATOR_ONLY" });
    expect(disclosureOf(only, ltf, readsIntelligence, true).allowed).toBe(false);
    expect(disclosureOf(only, celex, readsIntelligence, true).allowed).toBe(true);
    expect(disclosureOf(only, celex, readsIntelligence, false).allowed).toBe(false);
  });

  it("lets a no-further-dissemination report reach its addressee only", () => {
    const addressed = report({ handlingCode: "NO_FURTHER_DISSEMINATION", addressedToAgencyId: "celex" });
    expect(disclosureOf(addressed, celex, readsIntelligence, true).allowed).toBe(true);
    expect(disclosureOf(addressed, ltf, readsIntelligence, true).allowed).toBe(false);
  });
});

describe("disclosureOf, further", () => {
  const prison = { agencyId: "prison-ittre", agencyKind: "PRISON", roles: ["OFFICER"] } as const;
  const readsObservations: PersonAccess = {
    tier: "FULL",
    classes: { OBSERVATIONS: "FULL" },
    breakGlass: false,
  };

  it("shares on conditions like law enforcement sharing, each read a disclosure", () => {
    expect(
      disclosureOf(report({ handlingCode: "SHARE_WITH_CONDITIONS" }), ltf, readsIntelligence, false),
    ).toEqual({
      allowed: true,
      isDisclosure: true,
    });
    expect(
      disclosureOf(report({ handlingCode: "SHARE_WITH_CONDITIONS" }), ltf, readsNothing, false).allowed,
    ).toBe(false);
  });

  it("follows the report's own class: observations reach readers of observations, not of intelligence only", () => {
    const observation = report({ dataClass: "OBSERVATIONS", originatorAgencyId: "police" });
    expect(disclosureOf(observation, prison, readsObservations, false).allowed).toBe(true);
    expect(disclosureOf(observation, ltf, readsIntelligence, false).allowed).toBe(false);
    expect(disclosureOf(report({}), prison, readsObservations, false).allowed).toBe(false);
  });

  it("never lets an addressee or CelEx read beyond the matrix", () => {
    const addressed = report({
      handlingCode: "NO_FURTHER_DISSEMINATION",
      addressedToAgencyId: "prison-ittre",
    });
    expect(disclosureOf(addressed, prison, readsObservations, true).allowed).toBe(false);
    expect(disclosureOf(report({ handlingCode: "ORIGINATOR_ONLY" }), celex, readsNothing, true).allowed).toBe(
      false,
    );
  });

  it("does not let a clinical summary reader read a clinical record in full", () => {
    const clinical = report({ dataClass: "CLINICAL", originatorAgencyId: "psd-ittre" });
    const summary: PersonAccess = { tier: "FULL", classes: { CLINICAL: "SUMMARY" }, breakGlass: false };
    expect(disclosureOf(clinical, celex, summary, true).allowed).toBe(false);
    expect(
      disclosureOf(
        clinical,
        { agencyId: "psd-ittre", agencyKind: "PSYCHOSOCIAL_SERVICE", roles: ["PSYCHOLOGIST"] } as const,
        summary,
        true,
      ),
    ).toEqual({ allowed: true, isDisclosure: false });
  });

  it("tells the originator apart by agency, not by kind: another intelligence service is another agency", () => {
    const other = { agencyId: "other-service", agencyKind: "INTELLIGENCE", roles: ["OFFICER"] } as const;
    expect(
      disclosureOf(report({ handlingCode: "ORIGINATOR_ONLY" }), other, readsIntelligence, true).allowed,
    ).toBe(false);
  });

  it("lets the originating agency's consult-only staff read its reports, but not its statisticians", () => {
    const analyst = { agencyId: "vsse", agencyKind: "INTELLIGENCE", roles: ["ANALYST"] } as const;
    expect(
      disclosureOf(report({ handlingCode: "ORIGINATOR_ONLY" }), analyst, readsNothing, false).allowed,
    ).toBe(true);

    const statistician = { agencyId: "celex", agencyKind: "CELEX", roles: ["STATISTICIAN"] } as const;
    const own = report({ originatorAgencyId: "celex", dataClass: "OBSERVATIONS" });
    expect(disclosureOf(own, statistician, readsNothing, true).allowed).toBe(false);
    expect(disclosureOf(own, celex, readsNothing, true)).toEqual({ allowed: true, isDisclosure: false });
  });
});
