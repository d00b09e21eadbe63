import { describe, expect, it } from "vitest";
import {
  actionItemCloseSchema,
  caseCloseSchema,
  commonDatabaseEntrySchema,
  commonDatabaseReviewDueOn,
  followUpMeasureTypeSchema,
  isActionOverdue,
  isMeetingHeld,
  meetingIssues,
  meetingSchema,
} from "../follow-up.js";

const TODAY = "2025-06-15";

describe("action items", () => {
  it("are overdue only while open and past their deadline", () => {
    expect(isActionOverdue({ status: "OPEN", dueOn: "2025-06-14" }, TODAY)).toBe(true);
    expect(isActionOverdue({ status: "OPEN", dueOn: TODAY }, TODAY)).toBe(false);
    expect(isActionOverdue({ status: "DONE", dueOn: "2025-01-01" }, TODAY)).toBe(false);
    expect(isActionOverdue({ status: "CANCELLED", dueOn: "2025-01-01" }, TODAY)).toBe(false);
  });

  it("close as done or cancelled, with an optional note", () => {
    expect(actionItemCloseSchema.parse({ status: "DONE", note: "  " })).toEqual({
      status: "DONE",
      note: null,
    });
    expect(actionItemCloseSchema.safeParse({ status: "OPEN", note: null }).success).toBe(false);
  });
});

describe("meetings", () => {
  const meeting = { kind: "OPERATIONAL" as const, heldOn: TODAY, membersPresent: ["CUTA"], agendaSize: 2 };

  it("are held from their day on; until then they are planned", () => {
    expect(isMeetingHeld(TODAY, TODAY)).toBe(true);
    expect(isMeetingHeld("2025-06-16", TODAY)).toBe(false);
  });

  it("name who attended once held, but not while planned", () => {
    expect(meetingIssues(meeting, TODAY)).toEqual([]);
    expect(meetingIssues({ ...meeting, membersPresent: [] }, TODAY)).toEqual([
      { field: "membersPresent", message: "name at least one member present" },
    ]);
    expect(meetingIssues({ ...meeting, heldOn: "2025-07-01", membersPresent: [] }, TODAY)).toEqual([]);
  });

  it("put no named person on a strategic meeting's agenda", () => {
    expect(meetingIssues({ ...meeting, kind: "STRATEGIC" }, TODAY)).toEqual([
      { field: "agenda", message: "a strategic meeting discusses no named person" },
    ]);
    expect(meetingIssues({ ...meeting, kind: "STRATEGIC", agendaSize: 0 }, TODAY)).toEqual([]);
  });

  it("trim the names of members and the summary", () => {
    expect(
      meetingSchema.parse({ kind: "STRATEGIC", heldOn: TODAY, membersPresent: [" Police "], summary: " " }),
    ).toEqual({ kind: "STRATEGIC", heldOn: TODAY, membersPresent: ["Police"], summary: null });
    expect(
      meetingSchema.safeParse({ kind: "STRATEGIC", heldOn: TODAY, membersPresent: [" "], summary: null })
        .success,
    ).toBe(false);
  });
});

describe("the common database", () => {
  it("lapses an entry on serious indications 6 months after the last new information", () => {
    expect(commonDatabaseReviewDueOn({ basis: "SERIOUS_INDICATIONS", lastInformationOn: "2025-01-31" })).toBe(
      "2025-07-31",
    );
  });

  it("re-checks every entry 3 years after the last new information", () => {
    expect(commonDatabaseReviewDueOn({ basis: "ESTABLISHED", lastInformationOn: "2024-02-29" })).toBe(
      "2027-02-28",
    );
  });

  it("gives threat levels 1 to 4 only", () => {
    const entry = { category: "TERRORIST_CONVICT", basis: "ESTABLISHED", from: TODAY };
    expect(commonDatabaseEntrySchema.safeParse({ ...entry, threatLevel: 4 }).success).toBe(true);
    for (const threatLevel of [0, 5, 2.5])
      expect(
        commonDatabaseEntrySchema.safeParse({ ...entry, threatLevel }).success,
        String(threatLevel),
      ).toBe(false);
  });
});

describe("closure and follow-up measure types", () => {
  it("explains a closure for another reason", () => {
    expect(
      caseCloseSchema.safeParse({ closedOn: TODAY, reason: "OTHER", note: null }).error?.issues,
    ).toMatchObject([{ path: ["note"], message: "explain the reason" }]);
    expect(caseCloseSchema.safeParse({ closedOn: TODAY, reason: "DIED", note: null }).success).toBe(true);
  });

  it("codes a measure type in capitals and names it in three languages", () => {
    const type = {
      code: "CURFEW_CHECKS",
      body: "LOCAL_TASK_FORCE",
      nameEn: "Curfew checks",
      nameFr: "Contrôles du couvre-feu",
      nameNl: "Controles van de avondklok",
      shownOnInformationCard: true,
    };
    expect(followUpMeasureTypeSchema.safeParse(type).success).toBe(true);
    expect(followUpMeasureTypeSchema.safeParse({ ...type, code: "curfew" }).success).toBe(false);
    expect(followUpMeasureTypeSchema.safeParse({ ...type, nameNl: " " }).success).toBe(false);
  });
});
