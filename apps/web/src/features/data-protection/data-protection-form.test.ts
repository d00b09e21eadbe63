import { describe, expect, it } from "vitest";
import {
  actionsFor,
  carryOutInput,
  caseIdOf,
  cellText,
  checkCarryOut,
  checkExport,
  checkPostpone,
  checkRule,
  exportFileName,
  exportJson,
  exportVariables,
  exportView,
  parseRetentionQueue,
  parseRetentionStatus,
  RETENTION_BATCH_MAX,
  RETENTION_PAGE_SIZE,
  retentionQueueHref,
  ruleInput,
  ruleValuesOf,
} from "./data-protection-form";

const keys = (problems: { field: string; key: string }[]) => problems.map((p) => `${p.field}:${p.key}`);

describe("the retention rule", () => {
  it("takes whole years from 0 to 100, and only anonymises the identity", () => {
    expect(keys(checkRule({ dataClass: "", yearsAfterClosure: "1.5", action: "" }))).toEqual([
      "dataClass:chooseOne",
      "yearsAfterClosure:between",
      "action:chooseOne",
    ]);
    expect(keys(checkRule({ dataClass: "IDENTITY", yearsAfterClosure: "101", action: "DELETE" }))).toEqual([
      "yearsAfterClosure:between",
      "action:chooseOne",
    ]);
    expect(actionsFor("IDENTITY")).toEqual(["ANONYMISE"]);
    const values = ruleValuesOf({ dataClass: "CLINICAL", yearsAfterClosure: 0, action: "DELETE" });
    expect(checkRule(values)).toEqual([]);
    expect(ruleInput({ ...values, yearsAfterClosure: " 30 " })).toEqual({
      dataClass: "CLINICAL",
      yearsAfterClosure: 30,
      action: "DELETE",
    });
  });
  it("reads the queue's status from the URL", () => {
    expect(parseRetentionStatus(undefined)).toBe("PENDING");
    expect(parseRetentionStatus("CARRIED_OUT")).toBe("CARRIED_OUT");
    expect(parseRetentionStatus("DROP")).toBe("PENDING");
  });
});

describe("the queue's place in the URL", () => {
  it("keeps the status and the trail of cursors, defaults left out", () => {
    const state = parseRetentionQueue(
      new URLSearchParams("status=POSTPONED&after=abc&after=d_e-f&after=%3Cx%3E"),
    );
    expect(state).toEqual({ status: "POSTPONED", trail: ["abc", "d_e-f"] });
    expect(retentionQueueHref("/data-protection", state)).toBe(
      "/data-protection?status=POSTPONED&after=abc&after=d_e-f",
    );
    expect(retentionQueueHref("/data-protection", { status: "PENDING", trail: [] }, "#queue-heading")).toBe(
      "/data-protection#queue-heading",
    );
    expect(parseRetentionQueue({ status: "DROP" })).toEqual({ status: "PENDING", trail: [] });
  });

  it("shows a page that one carry-out batch holds", () => {
    expect(RETENTION_PAGE_SIZE).toBeLessThanOrEqual(RETENTION_BATCH_MAX);
  });
});

describe("carrying out and postponing", () => {
  it("needs items and a justification", () => {
    expect(keys(checkCarryOut({ itemIds: [], justification: " " }))).toEqual([
      "itemIds:chooseAtLeastOne",
      "justification:required",
    ]);
    expect(
      keys(checkCarryOut({ itemIds: Array.from({ length: 101 }, (_, i) => `i${i}`), justification: "x" })),
    ).toEqual(["itemIds:tooMany"]);
    expect(carryOutInput({ itemIds: ["a", "b", "a"], justification: " Due " })).toEqual({
      itemIds: ["a", "b"],
      justification: "Due",
    });
    expect(keys(checkPostpone({ reason: "" }))).toEqual(["reason:required"]);
  });
});

describe("the export", () => {
  it("takes a case ID, or a case file's address", () => {
    expect(caseIdOf("UGVyc29uOjAxOTc")).toBe("UGVyc29uOjAxOTc");
    expect(caseIdOf("https://portal.example/fr/persons/UGVyc29uOjAxOTc?asOf=2025-01-01")).toBe(
      "UGVyc29uOjAxOTc",
    );
    expect(caseIdOf("not an id")).toBeNull();
    expect(keys(checkExport({ personId: "", justification: "" }))).toEqual([
      "personId:required",
      "justification:required",
    ]);
    expect(keys(checkExport({ personId: "x y", justification: "AR-1" }))).toEqual(["personId:INVALID"]);
    expect(exportVariables({ personId: " /en/persons/UGVyc29uOjAxOTc ", justification: " AR-1 " })).toEqual({
      personId: "UGVyc29uOjAxOTc",
      justification: "AR-1",
    });
  });
  it("reads the document as sections of tables", () => {
    const document = {
      person: { id: "UGVyc29uOjAxOTc", reference: "CX-2016-0042" },
      generatedAt: "2025-06-10T08:00:00.000Z",
      sections: [
        {
          dataClass: "IDENTITY",
          section: "person",
          records: [{ reference: "CX-2016-0042", familyName: "Doe", aliases: ["J"] }],
        },
        {
          dataClass: "DETENTION",
          section: "episodes",
          records: [
            { admittedOn: "2020-01-01", releasedOn: null },
            { admittedOn: "2023-01-01", note: true },
          ],
        },
        { dataClass: "CLINICAL", section: "assessments", records: [] },
      ],
    };
    const view = exportView(document);
    expect(view.reference).toBe("CX-2016-0042");
    expect(view.recordCount).toBe(3);
    expect(view.sections[0]).toEqual({
      dataClass: "IDENTITY",
      section: "person",
      columns: ["reference", "familyName", "aliases"],
      rows: [["CX-2016-0042", "Doe", '["J"]']],
    });
    expect(view.sections[1]?.columns).toEqual(["admittedOn", "releasedOn", "note"]);
    expect(view.sections[1]?.rows).toEqual([
      ["2020-01-01", "", ""],
      ["2023-01-01", "", "true"],
    ]);
    expect(exportFileName(view)).toBe("record-CX-2016-0042-2025-06-10.json");
    expect(JSON.parse(exportJson(document))).toEqual(document);
    expect(exportView({}).sections).toEqual([]);
    expect(cellText(0)).toBe("0");
  });
});
