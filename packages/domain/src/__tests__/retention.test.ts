import { describe, expect, it } from "vitest";
import { DataClass } from "../access.js";
import {
  type DueRetention,
  dueRetention,
  type ListedRetention,
  planRetentionSweep,
  RETENTION_CARRY_OUT_ORDER,
  type RetentionRule,
  retentionCarryOutSchema,
  retentionRuleSchema,
} from "../retention.js";

const RULES: RetentionRule[] = [
  { dataClass: "IDENTITY", yearsAfterClosure: 10, action: "ANONYMISE" },
  { dataClass: "OBSERVATIONS", yearsAfterClosure: 5, action: "DELETE" },
];

describe("what is due", () => {
  it("is each class whose period after closure has passed, on the anniversary", () => {
    const cases = [{ personId: "a", closedOn: "2015-03-01" }];
    expect(dueRetention(cases, RULES, "2020-02-28")).toEqual([]);
    expect(dueRetention(cases, RULES, "2020-03-01")).toEqual([
      { personId: "a", dataClass: "OBSERVATIONS", action: "DELETE", dueOn: "2020-03-01" },
    ]);
    expect(dueRetention(cases, RULES, "2025-03-01").map((d) => d.dataClass)).toEqual([
      "IDENTITY",
      "OBSERVATIONS",
    ]);
  });
});

describe("the sweep", () => {
  const due: DueRetention = {
    personId: "a",
    dataClass: "OBSERVATIONS",
    action: "DELETE",
    dueOn: "2020-03-01",
  };
  const item = (over: Partial<ListedRetention>): ListedRetention => ({
    id: "i1",
    personId: "a",
    dataClass: "OBSERVATIONS",
    action: "DELETE",
    dueOn: "2020-03-01",
    status: "PENDING",
    ...over,
  });

  it("lists a due class once, whatever the status of the item already listed", () => {
    expect(planRetentionSweep([due], []).list).toEqual([due]);
    for (const status of ["PENDING", "POSTPONED", "CARRIED_OUT"] as const)
      expect(planRetentionSweep([due], [item({ status })])).toEqual({ list: [], drop: [], update: [] });
  });

  it("lists a class again when the case was reopened and closed later than the closure it was carried out for", () => {
    const later = { ...due, dueOn: "2024-06-01" };
    expect(planRetentionSweep([later], [item({ status: "CARRIED_OUT" })]).list).toEqual([later]);
    expect(planRetentionSweep([later], [item({ status: "POSTPONED" })]).list).toEqual([]);
  });

  it("drops waiting items no longer due and follows a changed rule", () => {
    expect(planRetentionSweep([], [item({}), item({ id: "i2", status: "POSTPONED" })]).drop).toEqual(["i1"]);
    expect(planRetentionSweep([{ ...due, action: "ANONYMISE" }], [item({})]).update).toEqual([
      { id: "i1", action: "ANONYMISE", dueOn: "2020-03-01" },
    ]);
  });
});

describe("input", () => {
  it("never deletes the identity, and keeps periods within bounds", () => {
    const parse = (over: Record<string, unknown>) =>
      retentionRuleSchema.safeParse({
        dataClass: "IDENTITY",
        yearsAfterClosure: 10,
        action: "ANONYMISE",
        ...over,
      });
    expect(parse({}).success).toBe(true);
    expect(parse({ action: "DELETE" }).error?.issues[0]?.path).toEqual(["action"]);
    expect(parse({ yearsAfterClosure: 101 }).success).toBe(false);
    expect(parse({ yearsAfterClosure: 2.5 }).success).toBe(false);
    expect(parse({ dataClass: "RELEASE", action: "DELETE" }).success).toBe(true);
  });

  it("an approval names items and gives a justification", () => {
    expect(retentionCarryOutSchema.safeParse({ itemIds: [], justification: "x" }).success).toBe(false);
    expect(retentionCarryOutSchema.safeParse({ itemIds: ["a"], justification: "  " }).success).toBe(false);
    expect(retentionCarryOutSchema.safeParse({ itemIds: ["a"], justification: "Period over." }).success).toBe(
      true,
    );
  });
});

describe("carrying out", () => {
  it("orders every class, those that refer to detention first", () => {
    expect([...RETENTION_CARRY_OUT_ORDER].sort()).toEqual(Object.values(DataClass).sort());
    expect(RETENTION_CARRY_OUT_ORDER.indexOf("LISTING")).toBeLessThan(
      RETENTION_CARRY_OUT_ORDER.indexOf("DETENTION"),
    );
  });
});
