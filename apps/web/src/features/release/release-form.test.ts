import { releaseDateOverrideProblem } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import {
  breachInput,
  checkBreach,
  checkConditionTerms,
  checkHandOver,
  checkImpose,
  checkLift,
  checkOverride,
  checkPlan,
  checkRelease,
  emptyCondition,
  emptyImpose,
  emptyRelease,
  handOverInput,
  IMPOSE_FIELDS,
  imposeFieldOf,
  imposeInput,
  imposeRelease,
  liftInput,
  overrideFieldOf,
  overrideInput,
  planFieldOf,
  planInput,
  planValues,
  proposeInput,
  type ReleaseContext,
  releaseFieldOf,
  releaseFields,
  releaseInput,
  supervisingAgencies,
} from "./release-form";

const today = "2025-06-10";
const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);
const types = [
  { code: "NO_CONTACT", requiresDetails: true },
  { code: "REPORTING", requiresDetails: false },
];
const condition = { conditionType: "REPORTING", supervisingAgencyId: "ag1", details: "", endsOn: "" };

describe("overriding a release date", () => {
  const episode = {
    admittedOn: "2020-01-10",
    conditionalReleaseEligibleOn: "2022-05-10",
    endOfSentenceOn: "2026-01-10",
  };
  it("needs the kind, the date and always a reason", () => {
    expect(keys(checkOverride({ kind: "", date: "", reason: "  " }, episode))).toEqual([
      "kind:chooseOne",
      "date:required",
      "reason:required",
    ]);
    expect(
      checkOverride({ kind: "END_OF_SENTENCE", date: "2035-01-01", reason: "Life sentence" }, episode),
    ).toEqual([]);
  });
  it("keeps the dates in order, as the domain's rule does", () => {
    const cases: [string, string][] = [
      ["CONDITIONAL_RELEASE_ELIGIBILITY", "2019-12-31"],
      ["CONDITIONAL_RELEASE_ELIGIBILITY", "2026-01-11"],
      ["CONDITIONAL_RELEASE_ELIGIBILITY", "2026-01-10"],
      ["CONDITIONAL_RELEASE_ELIGIBILITY", "2021-03-01"],
      ["END_OF_SENTENCE", "2022-05-09"],
      ["END_OF_SENTENCE", "2022-05-10"],
      ["END_OF_SENTENCE", "2019-01-01"],
      ["END_OF_SENTENCE", "2030-01-01"],
    ];
    for (const [kind, date] of cases) {
      const ours = checkOverride({ kind, date, reason: "Ruling" }, episode).length > 0;
      const domain = releaseDateOverrideProblem(episode, kind as "END_OF_SENTENCE", date) !== null;
      expect(ours, `${kind} ${date}`).toBe(domain);
    }
  });
  it("sends the trimmed reason; the episode's problems go to the form", () => {
    expect(overrideInput("e1", { kind: "END_OF_SENTENCE", date: "2030-01-01", reason: " Ruling " })).toEqual({
      episodeId: "e1",
      kind: "END_OF_SENTENCE",
      date: "2030-01-01",
      reason: "Ruling",
    });
    expect(overrideFieldOf("episodeId")).toBeNull();
    expect(overrideFieldOf("date")).toBe("date");
  });
});

describe("the release plan", () => {
  const context = { today, municipalities: ["Gent", "Liège"] };
  it("takes a known municipality and a day not in the future, all optional", () => {
    expect(checkPlan(planValues(null), context)).toEqual([]);
    expect(
      keys(
        checkPlan(
          { intendedMunicipality: "Paris", localTaskForceInformedOn: "2025-06-11", note: "" },
          context,
        ),
      ),
    ).toEqual(["intendedMunicipality:chooseOne", "localTaskForceInformedOn:notInFuture"]);
  });
  it("sends the version read (null for a first plan) and leaves blanks out", () => {
    expect(
      planInput("e1", null, { intendedMunicipality: "Gent", localTaskForceInformedOn: "", note: " " }),
    ).toEqual({
      episodeId: "e1",
      version: null,
      intendedMunicipality: "Gent",
      localTaskForceInformedOn: null,
      note: null,
    });
    expect(
      planInput(
        "e1",
        3,
        planValues({ intendedMunicipality: null, localTaskForceInformedOn: today, note: "x" }),
      ).version,
    ).toBe(3);
    expect(planFieldOf("version")).toBeNull();
  });
});

describe("a condition's terms", () => {
  const context = { types, agencyIds: ["ag1"], startsOn: today };
  it("need a known type, a supervising agency, details where the type needs them, an end after the start", () => {
    expect(keys(checkConditionTerms(emptyCondition(), context))).toEqual([
      "conditionType:chooseOne",
      "supervisingAgencyId:chooseOne",
    ]);
    expect(keys(checkConditionTerms({ ...condition, conditionType: "NO_CONTACT" }, context))).toEqual([
      "details:required",
    ]);
    expect(keys(checkConditionTerms({ ...condition, endsOn: today }, context))).toEqual(["endsOn:afterDate"]);
    expect(checkConditionTerms({ ...condition, endsOn: "2026-06-10" }, context)).toEqual([]);
  });
  it("are proposed with blanks left out", () => {
    expect(proposeInput("p1", condition)).toEqual({
      personId: "p1",
      conditionType: "REPORTING",
      supervisingAgencyId: "ag1",
      details: null,
      endsOn: null,
    });
  });
});

describe("the release", () => {
  const context: ReleaseContext = {
    today,
    admittedOn: "2020-01-10",
    placedOn: "2025-06-01",
    municipalities: ["Gent"],
    proposedCount: 0,
    types,
    agencyIds: ["ag1"],
  };
  const values = { ...emptyRelease(today, "Gent"), releaseType: "END_OF_SENTENCE" };
  it("is not in the future and after the current placement began", () => {
    expect(checkRelease(values, context)).toEqual([]);
    expect(keys(checkRelease({ ...values, releasedOn: "2025-06-11" }, context))).toEqual([
      "releasedOn:notInFuture",
    ]);
    expect(keys(checkRelease({ ...values, releasedOn: "2025-06-01" }, context))).toEqual([
      "releasedOn:afterDate",
    ]);
  });
  it("needs a known municipality unless transferred abroad or deceased", () => {
    expect(keys(checkRelease({ ...values, releaseMunicipality: "" }, context))).toEqual([
      "releaseMunicipality:required",
    ]);
    expect(
      checkRelease({ ...values, releaseType: "TRANSFER_ABROAD", releaseMunicipality: "" }, context),
    ).toEqual([]);
  });
  it("refuses a conditional release without any condition; the proposed ones count", () => {
    const conditional = { ...values, releaseType: "CONDITIONAL_RELEASE" };
    expect(keys(checkRelease(conditional, context))).toEqual(["conditions:chooseAtLeastOne"]);
    expect(checkRelease(conditional, { ...context, proposedCount: 1 })).toEqual([]);
    expect(checkRelease({ ...conditional, conditions: [condition] }, context)).toEqual([]);
    expect(
      keys(
        checkRelease(
          { ...conditional, conditions: [{ ...condition, endsOn: today }, emptyCondition()] },
          context,
        ),
      ),
    ).toEqual([
      "conditions.0.endsOn:afterDate",
      "conditions.1.conditionType:chooseOne",
      "conditions.1.supervisingAgencyId:chooseOne",
    ]);
  });
  it("sends conditions and the municipality only where the type takes them", () => {
    const added = { ...values, conditions: [condition] };
    expect(releaseInput("e1", added)).toEqual({
      episodeId: "e1",
      releasedOn: today,
      releaseType: "END_OF_SENTENCE",
      releaseMunicipality: "Gent",
      conditions: [],
    });
    expect(releaseInput("e1", { ...added, releaseType: "ELECTRONIC_MONITORING" }).conditions).toHaveLength(1);
    expect(releaseInput("e1", { ...added, releaseType: "DEATH_IN_CUSTODY" }).releaseMunicipality).toBeNull();
  });
  it("maps the API's paths onto the fields shown", () => {
    const resolve = releaseFieldOf(2);
    expect(resolve("conditions")).toBe("conditions");
    expect(resolve("conditions.1.details")).toBe("conditions.1.details");
    expect(resolve("conditions.5.details")).toBe("conditions");
    expect(resolve("releaseMunicipality")).toBe("releaseMunicipality");
    expect(resolve("episodeId")).toBeNull();
    expect(releaseFields(1)).toEqual([
      "releasedOn",
      "releaseType",
      "releaseMunicipality",
      "conditions",
      "conditions.0.conditionType",
      "conditions.0.supervisingAgencyId",
      "conditions.0.details",
      "conditions.0.endsOn",
    ]);
  });
});

describe("supervision", () => {
  it("records a breach on a day the condition was in force, with what happened", () => {
    const context = { today, imposedOn: "2025-01-01" };
    expect(keys(checkBreach({ occurredOn: "2024-12-31", description: "", response: "" }, context))).toEqual([
      "occurredOn:notBefore",
      "description:required",
    ]);
    expect(breachInput("c1", { occurredOn: today, description: " Missed ", response: "" })).toEqual({
      conditionId: "c1",
      occurredOn: today,
      description: "Missed",
      response: null,
    });
  });
  it("lifts a condition after its first day, while in force, with the reason", () => {
    const context = { today, imposedOn: "2025-01-01", endsOn: "2025-03-01" };
    expect(keys(checkLift({ liftedOn: "2025-01-01", reason: "" }, context))).toEqual([
      "liftedOn:afterDate",
      "reason:required",
    ]);
    expect(keys(checkLift({ liftedOn: "2025-03-01", reason: "Done" }, context))).toEqual([
      "liftedOn:notAfter",
    ]);
    expect(checkLift({ liftedOn: "2025-02-28", reason: "Done" }, context)).toEqual([]);
    expect(liftInput({ id: "c1", version: 2 }, { liftedOn: "2025-02-28", reason: " Done " })).toEqual({
      conditionId: "c1",
      version: 2,
      liftedOn: "2025-02-28",
      reason: "Done",
    });
  });
  it("hands over to another known municipality, not before the current residence", () => {
    const context = { today, since: "2025-02-01", current: "Gent", municipalities: ["Gent", "Liège"] };
    expect(keys(checkHandOver({ municipality: "Gent", on: "2025-01-31", reason: "" }, context))).toEqual([
      "municipality:chooseOne",
      "on:notBefore",
      "reason:required",
    ]);
    expect(checkHandOver({ municipality: "Liège", on: today, reason: "Moved" }, context)).toEqual([]);
    expect(handOverInput("p1", { municipality: "Liège", on: today, reason: " Moved " }).reason).toBe("Moved");
  });
});

describe("a condition imposed after the release", () => {
  const context = { today, releasedOn: "2025-03-01", types, agencyIds: ["ag1"] };
  const values = { ...condition, imposedOn: "2025-05-01" };
  it("starts today by default and needs its terms", () => {
    expect(emptyImpose(today).imposedOn).toBe(today);
    expect(keys(checkImpose(emptyImpose(today), context))).toEqual([
      "conditionType:chooseOne",
      "supervisingAgencyId:chooseOne",
    ]);
    expect(checkImpose(values, context)).toEqual([]);
  });
  it("is in force from a day not before the release and not in the future", () => {
    expect(keys(checkImpose({ ...values, imposedOn: "" }, context))).toEqual(["imposedOn:required"]);
    expect(checkImpose({ ...values, imposedOn: "2025-02-28" }, context)).toEqual([
      { field: "imposedOn", key: "notBefore", values: { date: "2025-03-01" } },
    ]);
    expect(checkImpose({ ...values, imposedOn: "2025-03-01" }, context)).toEqual([]);
    expect(checkImpose({ ...values, imposedOn: today }, context)).toEqual([]);
    expect(keys(checkImpose({ ...values, imposedOn: "2025-06-11" }, context))).toEqual([
      "imposedOn:notInFuture",
    ]);
    expect(checkImpose({ ...values, imposedOn: "2020-01-01" }, { ...context, releasedOn: null })).toEqual([]);
  });
  it("checks the terms as any condition's, the planned end after its first day", () => {
    expect(keys(checkImpose({ ...values, conditionType: "NO_CONTACT", details: " " }, context))).toEqual([
      "details:required",
    ]);
    expect(keys(checkImpose({ ...values, endsOn: "2025-05-01" }, context))).toEqual(["endsOn:afterDate"]);
    expect(checkImpose({ ...values, endsOn: "2025-05-02" }, context)).toEqual([]);
    // Without a first day, the end is checked against today.
    expect(keys(checkImpose({ ...values, imposedOn: "", endsOn: today }, context))).toEqual([
      "imposedOn:required",
      "endsOn:afterDate",
    ]);
  });
  it("is sent with blanks left out; the person's problems go to the form", () => {
    expect(imposeInput("p1", { ...values, details: " Weekly ", endsOn: "2026-05-01" })).toEqual({
      personId: "p1",
      imposedOn: "2025-05-01",
      conditionType: "REPORTING",
      supervisingAgencyId: "ag1",
      details: "Weekly",
      endsOn: "2026-05-01",
    });
    expect(imposeInput("p1", values)).toMatchObject({ details: null, endsOn: null });
    expect(imposeFieldOf("personId")).toBeNull();
    expect(imposeFieldOf("imposedOn")).toBe("imposedOn");
    expect(imposeFieldOf("details")).toBe("details");
    expect(IMPOSE_FIELDS).toEqual(["imposedOn", "conditionType", "supervisingAgencyId", "details", "endsOn"]);
  });
  it("follows only the latest release that came with conditions", () => {
    const detained = { releasedOn: null, releaseType: null };
    const conditional = { releasedOn: "2025-03-01", releaseType: "CONDITIONAL_RELEASE" };
    const endOfSentence = { releasedOn: "2024-01-01", releaseType: "END_OF_SENTENCE" };
    expect(imposeRelease([endOfSentence, conditional])).toEqual({ releasedOn: "2025-03-01" });
    expect(imposeRelease([{ ...conditional, releaseType: "ELECTRONIC_MONITORING" }])).toEqual({
      releasedOn: "2025-03-01",
    });
    expect(imposeRelease([conditional, endOfSentence])).toBeNull();
    expect(imposeRelease([conditional, detained])).toBeNull();
    expect(imposeRelease([])).toBeNull();
    expect(imposeRelease(null)).toEqual({ releasedOn: null });
  });
});

describe("names and choices", () => {
  it("offers only agencies that supervise conditions, by name", () => {
    const agencies = [
      { id: "3", kind: "PROBATION", name: "Maison de justice de Liège" },
      { id: "1", kind: "PRISON", name: "Prison de Haren" },
      { id: "2", kind: "LOCAL_TASK_FORCE", name: "LTF Brussels" },
    ];
    expect(supervisingAgencies(agencies, "fr").map((a) => a.id)).toEqual(["2", "3"]);
  });
});
