import { describe, expect, it } from "vitest";
import {
  checkContact,
  checkEvaluation,
  checkIncident,
  checkOffer,
  checkStatusChange,
  contactFieldOf,
  contactInput,
  emptyContact,
  emptyIncident,
  evaluationInput,
  incidentInput,
  offerInput,
  statusChangeInput,
} from "./programme-form";

const today = "2025-06-10";
const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("the offer", () => {
  it("is not in the future nor before the admission", () => {
    expect(keys(checkOffer({ offeredOn: "2025-06-11", note: "" }, { today, admittedOn: null }))).toEqual([
      "offeredOn:notInFuture",
    ]);
    expect(
      keys(checkOffer({ offeredOn: "2025-01-01", note: "" }, { today, admittedOn: "2025-02-01" })),
    ).toEqual(["offeredOn:notBefore"]);
    expect(checkOffer({ offeredOn: today, note: "" }, { today, admittedOn: "2025-02-01" })).toEqual([]);
  });
  it("leaves the provider to the API and an empty note out", () => {
    expect(offerInput("p1", { offeredOn: today, note: "  " })).toEqual({
      personId: "p1",
      offeredOn: today,
      note: null,
    });
  });
});

describe("the status change", () => {
  const context = { today, allowed: ["ACCEPTED", "REFUSED"], lastOn: "2025-06-01" };
  it("accepts only an allowed next status, from the last change on", () => {
    expect(keys(checkStatusChange({ status: "", on: today, note: "" }, context))).toEqual([
      "status:chooseOne",
    ]);
    expect(keys(checkStatusChange({ status: "COMPLETED", on: today, note: "" }, context))).toEqual([
      "status:chooseOne",
    ]);
    expect(keys(checkStatusChange({ status: "ACCEPTED", on: "2025-05-31", note: "" }, context))).toEqual([
      "on:notBefore",
    ]);
    expect(checkStatusChange({ status: "ACCEPTED", on: "2025-06-01", note: "" }, context)).toEqual([]);
  });
  it("sends the version read", () => {
    expect(
      statusChangeInput({ id: "x", version: 3 }, { status: "ACCEPTED", on: today, note: " Agreed " }),
    ).toEqual({
      participationId: "x",
      expectedVersion: 3,
      status: "ACCEPTED",
      on: today,
      note: "Agreed",
    });
  });
});

describe("the contact", () => {
  it("needs a component and a note; minutes are optional, whole, 1 to 600", () => {
    expect(
      keys(checkContact({ ...emptyContact(today), minutes: "0" }, { today, offeredOn: "2025-01-01" })),
    ).toEqual(["components:chooseAtLeastOne", "minutes:between", "note:required"]);
    expect(
      keys(checkContact({ ...emptyContact(today), minutes: "1.5" }, { today, offeredOn: "2025-01-01" })),
    ).toContain("minutes:between");
    expect(
      checkContact(
        { contactedOn: today, components: ["TRAUMA"], minutes: "600", note: "Talked." },
        { today, offeredOn: "2025-01-01" },
      ),
    ).toEqual([]);
  });
  it("is not before the offer", () => {
    expect(
      keys(
        checkContact(
          { contactedOn: "2024-12-31", components: ["TRAUMA"], minutes: "", note: "x" },
          { today, offeredOn: "2025-01-01" },
        ),
      ),
    ).toEqual(["contactedOn:notBefore"]);
  });
  it("sends the components in the form's order, each once, and the minutes as a number", () => {
    expect(
      contactInput("x", {
        contactedOn: today,
        components: ["RELIGION", "TRAUMA", "RELIGION"],
        minutes: " 45 ",
        note: " Talked. ",
      }),
    ).toEqual({
      participationId: "x",
      contactedOn: today,
      components: ["TRAUMA", "RELIGION"],
      minutes: 45,
      note: "Talked.",
    });
    expect(
      contactInput("x", { ...emptyContact(today), components: ["TRAUMA"], note: "n" }).minutes,
    ).toBeNull();
  });
  it("maps the API's paths onto the form's fields", () => {
    expect(contactFieldOf("components.1")).toBe("components");
    expect(contactFieldOf("participationId")).toBeNull();
  });
});

describe("the evaluation and the incident", () => {
  it("need their choices and text", () => {
    expect(keys(checkEvaluation({ evaluatedOn: "", level: "", rationale: " " }, { today }))).toEqual([
      "evaluatedOn:required",
      "level:chooseOne",
      "rationale:required",
    ]);
    expect(keys(checkIncident(emptyIncident(today), { today }))).toEqual([
      "kind:chooseOne",
      "ideological:chooseOne",
      "description:required",
    ]);
  });
  it("map to the inputs", () => {
    expect(evaluationInput("p", { evaluatedOn: today, level: "SOME_SIGNS", rationale: " Why " })).toEqual({
      personId: "p",
      evaluatedOn: today,
      level: "SOME_SIGNS",
      rationale: "Why",
    });
    expect(
      incidentInput("p", {
        occurredOn: today,
        kind: "ASSAULT",
        ideological: "YES",
        description: " Hit a guard ",
      }),
    ).toEqual({
      personId: "p",
      occurredOn: today,
      kind: "ASSAULT",
      ideological: "YES",
      description: "Hit a guard",
    });
  });
});
