import { describe, expect, it } from "vitest";
import {
  appealState,
  dueStateOf,
  noticeState,
  ownEvaluationDue,
  personName,
  reviewState,
  sortAppeals,
  sortNotices,
  splitMeasures,
} from "./standing";

const TODAY = "2026-11-27";

describe("where decisions, appeals and reviews stand", () => {
  it("tell whether the inmate was told, and whether it is late", () => {
    const decision = { needsNotification: true, notified: false, notificationOverdue: false };
    expect(noticeState(decision)).toBe("DUE");
    expect(noticeState({ ...decision, notificationOverdue: true })).toBe("OVERDUE");
    expect(noticeState({ ...decision, notified: true })).toBe("TOLD");
    // A rejected recommendation changes nothing: nothing to tell.
    expect(noticeState({ needsNotification: false, notified: true, notificationOverdue: false })).toBe(
      "NOT_NEEDED",
    );
  });

  it("flag appeals whose answer is late; courts have no deadline", () => {
    expect(appealState({ outcome: null, answerDueOn: "2026-11-26" }, TODAY)).toBe("OVERDUE");
    expect(appealState({ outcome: null, answerDueOn: TODAY }, TODAY)).toBe("PENDING");
    expect(appealState({ outcome: null, answerDueOn: null }, TODAY)).toBe("PENDING");
    expect(appealState({ outcome: "DISMISSED", answerDueOn: "2026-01-01" }, TODAY)).toBe("ANSWERED");
  });

  it("place a due date: overdue, due within two weeks, or later", () => {
    expect(dueStateOf("2026-11-26", TODAY)).toBe("OVERDUE");
    expect(dueStateOf(TODAY, TODAY)).toBe("DUE_SOON");
    expect(dueStateOf("2026-12-11", TODAY)).toBe("DUE_SOON");
    expect(dueStateOf("2026-12-12", TODAY)).toBe("SCHEDULED");
  });

  it("place a measure's review as of the measure's own day", () => {
    const measure = {
      status: "ACTIVE" as const,
      nextReviewOn: "2026-12-20",
      reviewOverdue: false,
      asOf: TODAY,
    };
    expect(reviewState(measure)).toBe("SCHEDULED");
    expect(reviewState({ ...measure, asOf: "2026-12-10" })).toBe("DUE_SOON");
    expect(reviewState({ ...measure, reviewOverdue: true })).toBe("OVERDUE");
    expect(reviewState({ ...measure, status: "LAPSED" })).toBeNull();
    expect(reviewState({ ...measure, nextReviewOn: null })).toBeNull();
  });

  it("separate the measures in force (or about to be) from those that ended", () => {
    const measures = (["ACTIVE", "LAPSED", "NOT_STARTED", "LIFTED"] as const).map((status, i) => ({
      id: String(i),
      status,
    }));
    const { current, ended } = splitMeasures(measures);
    expect(current.map((m) => m.status)).toEqual(["ACTIVE", "NOT_STARTED"]);
    expect(ended.map((m) => m.status)).toEqual(["LAPSED", "LIFTED"]);
  });

  it("put overdue notices first, then by the day they are due", () => {
    const notice = (id: string, due: string, overdue: boolean) => ({
      id,
      notificationDueOn: due,
      notificationOverdue: overdue,
      decidedOn: "2026-11-01",
    });
    const sorted = sortNotices([
      notice("later", "2026-12-01", false),
      notice("late", "2026-11-20", true),
      notice("soon", "2026-11-28", false),
      notice("later-late", "2026-11-25", true),
    ]);
    expect(sorted.map((n) => n.id)).toEqual(["late", "later-late", "soon", "later"]);
  });

  it("put overdue appeals first, those without a deadline last", () => {
    const appeal = (id: string, due: string | null, lodged = "2026-11-01") => ({
      id,
      outcome: null,
      answerDueOn: due,
      lodgedOn: lodged,
    });
    const sorted = sortAppeals(
      [
        appeal("court", null),
        appeal("soon", "2026-12-01"),
        appeal("late", "2026-11-15"),
        appeal("early", "2026-11-28"),
      ],
      TODAY,
    );
    expect(sorted.map((a) => a.id)).toEqual(["late", "early", "soon", "court"]);
  });

  it("find the evaluation due from the viewer's own service", () => {
    const due = [
      { agencyKind: "PRISON", role: "DIRECTOR", dueOn: "2026-12-01" },
      { agencyKind: "PSYCHOSOCIAL_SERVICE", role: "PSYCHOLOGIST", dueOn: "2026-12-27" },
    ];
    expect(
      ownEvaluationDue(due, { agencyKind: "PSYCHOSOCIAL_SERVICE", roles: ["PSYCHOLOGIST"] })?.dueOn,
    ).toBe("2026-12-27");
    expect(ownEvaluationDue(due, { agencyKind: "CELEX", roles: ["ANALYST"] })).toBeNull();
  });

  it("name a person by name, else reference", () => {
    expect(personName({ familyName: "Doe", givenNames: "Jan" }, "?")).toBe("Doe, Jan");
    expect(personName({ familyName: null, givenNames: null, reference: "CX-1" }, "?")).toBe("CX-1");
    expect(personName(null, "Case file")).toBe("Case file");
  });
});
