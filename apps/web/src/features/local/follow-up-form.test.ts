import { describe, expect, it } from "vitest";
import {
  checkClosure,
  checkConfirm,
  checkEnd,
  checkEntry,
  checkOutcome,
  closureInput,
  emptyClosure,
  emptyEntry,
  emptyOutcome,
  endInput,
  entryInput,
  followUpFormsFor,
  outcomeInput,
  reviewOverdue,
} from "./follow-up-form";

const today = "2025-06-10";
const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("the common-database entry", () => {
  it("needs a category, a level and a basis, from a past day after the open entry", () => {
    expect(keys(checkEntry(emptyEntry(today, null), { today, openFrom: null }))).toEqual([
      "category:chooseOne",
      "threatLevel:chooseOne",
      "basis:chooseOne",
    ]);
    const current = { category: "TERRORIST_CONVICT", threatLevel: 3, basis: "ESTABLISHED" };
    const values = emptyEntry(today, current);
    expect(values).toEqual({
      category: "TERRORIST_CONVICT",
      threatLevel: "3",
      basis: "ESTABLISHED",
      from: today,
    });
    expect(keys(checkEntry(values, { today, openFrom: today }))).toEqual(["from:afterDate"]);
    expect(keys(checkEntry({ ...values, from: "2025-06-11" }, { today, openFrom: null }))).toEqual([
      "from:notInFuture",
    ]);
    expect(entryInput("p1", values)).toEqual({
      personId: "p1",
      category: "TERRORIST_CONVICT",
      threatLevel: 3,
      basis: "ESTABLISHED",
      from: today,
    });
  });
  it("is confirmed by information not older than the last", () => {
    expect(
      keys(checkConfirm({ informationOn: "2025-01-01" }, { today, lastInformationOn: "2025-02-01" })),
    ).toEqual(["informationOn:notBefore"]);
    expect(checkConfirm({ informationOn: today }, { today, lastInformationOn: "2025-02-01" })).toEqual([]);
  });
  it("ends after its start, with a reason", () => {
    expect(keys(checkEnd({ on: "2025-02-01", reason: "" }, { today, validFrom: "2025-02-01" }))).toEqual([
      "on:afterDate",
      "reason:required",
    ]);
    expect(endInput({ id: "e", version: 4 }, { on: today, reason: " No longer " })).toEqual({
      entryId: "e",
      version: 4,
      on: today,
      reason: "No longer",
    });
    expect(reviewOverdue("2025-06-09", today)).toBe(true);
    expect(reviewOverdue(today, today)).toBe(false);
  });
});

describe("outcomes and closure", () => {
  it("records what happened", () => {
    expect(keys(checkOutcome(emptyOutcome(today), { today }))).toEqual(["kind:chooseOne"]);
    expect(outcomeInput("p1", { kind: "DIED", occurredOn: today, note: "" })).toEqual({
      personId: "p1",
      kind: "DIED",
      occurredOn: today,
      note: null,
    });
  });
  it("closes with a reason, explained when it is another one", () => {
    expect(keys(checkClosure({ ...emptyClosure(today), reason: "OTHER" }, { today }))).toEqual([
      "note:required",
    ]);
    expect(checkClosure({ ...emptyClosure(today), reason: "DIED" }, { today })).toEqual([]);
    expect(closureInput("p1", { reason: "OTHER", closedOn: today, note: " Moved " })).toEqual({
      personId: "p1",
      reason: "OTHER",
      closedOn: today,
      note: "Moved",
    });
  });
});

describe("who may record", () => {
  const full = { breakGlass: false, classes: [{ dataClass: "FOLLOW_UP", level: "FULL" }] };
  const state = { detained: false, closed: false, asOf: null };
  it("needs the action and full follow-up access, never through break-the-glass", () => {
    expect(followUpFormsFor({ caseActions: ["COMMON_DATABASE_RECORD"] }, full, state)).toEqual({
      commonDatabase: true,
      outcome: false,
      close: false,
    });
    expect(followUpFormsFor({ caseActions: ["OUTCOME_RECORD"] }, full, state)).toEqual({
      commonDatabase: false,
      outcome: true,
      close: true,
    });
    expect(
      followUpFormsFor({ caseActions: ["OUTCOME_RECORD"] }, { ...full, breakGlass: true }, state).outcome,
    ).toBe(false);
    expect(
      followUpFormsFor(
        { caseActions: ["OUTCOME_RECORD"] },
        { breakGlass: false, classes: [{ dataClass: "FOLLOW_UP", level: "READ" }] },
        state,
      ).outcome,
    ).toBe(false);
  });
  it("records outcomes after a release, closes an open case, and nothing on a past day", () => {
    const viewer = { caseActions: ["OUTCOME_RECORD"] };
    expect(followUpFormsFor(viewer, full, { ...state, detained: true }).outcome).toBe(false);
    expect(followUpFormsFor(viewer, full, { ...state, closed: true })).toEqual({
      commonDatabase: false,
      outcome: true,
      close: false,
    });
    expect(followUpFormsFor(viewer, full, { ...state, asOf: "2025-01-01" }).outcome).toBe(false);
  });
});
