import { describe, expect, it } from "vitest";
import {
  assessmentQueueHref,
  dueWithinChoices,
  pageWindow,
  parseAssessmentQueue,
  parseReportFeed,
  parseScreeningQueue,
  reportFeedHref,
  screeningQueueFilter,
  screeningQueueHref,
} from "./queue-state";

describe("the screening queue's URL", () => {
  it("defaults to everything due within 30 days, page 1", () => {
    expect(parseScreeningQueue({})).toEqual({ days: 30, who: "all", establishmentId: null, trail: [] });
    expect(screeningQueueHref("/en/screening", parseScreeningQueue({}))).toBe("/en/screening");
  });

  it("reads and writes its filters and cursors, dropping what it does not know", () => {
    const state = parseScreeningQueue({
      days: "14",
      who: "mine",
      establishment: "RXN0",
      after: ["c1", "c2"],
    });
    expect(state).toEqual({ days: 14, who: "mine", establishmentId: "RXN0", trail: ["c1", "c2"] });
    expect(screeningQueueHref("/en/screening", state)).toBe(
      "/en/screening?days=14&who=mine&establishment=RXN0&after=c1&after=c2",
    );
    expect(parseScreeningQueue({ days: "400", who: "theirs", establishment: "<x>" })).toEqual({
      days: 30,
      who: "all",
      establishmentId: null,
      trail: [],
    });
    expect(parseScreeningQueue({ days: "-1" }).days).toBe(30);
    expect(parseScreeningQueue({ days: "0" }).days).toBe(0);
  });

  it("asks the API for the viewer's own persons with 'mine'", () => {
    expect(screeningQueueFilter(parseScreeningQueue({}), "U1")).toEqual({ screeningDueWithinDays: 30 });
    expect(
      screeningQueueFilter(parseScreeningQueue({ who: "mine", establishment: "E1", days: "7" }), "U1"),
    ).toEqual({
      screeningDueWithinDays: 7,
      screeningResponsibleIds: ["U1"],
      establishmentIds: ["E1"],
    });
  });

  it("asks for the persons nobody is responsible for with 'unassigned', and ignores an unknown choice", () => {
    expect(screeningQueueFilter(parseScreeningQueue({ who: "unassigned" }), "U1")).toEqual({
      screeningDueWithinDays: 30,
      screeningUnassigned: true,
    });
    expect(parseScreeningQueue({ who: "someone" }).who).toBe("all");
  });

  it("offers the usual choices of days, and the URL's own", () => {
    expect(dueWithinChoices(30)).toEqual([7, 14, 30, 60, 90, 180, 366]);
    expect(dueWithinChoices(45)).toEqual([7, 14, 30, 45, 60, 90, 180, 366]);
  });
});

describe("the reassessment queue's and the feed's URLs", () => {
  it("keep days or the establishment, and the cursors", () => {
    const queue = parseAssessmentQueue({ days: "60", after: "c1" });
    expect(assessmentQueueHref("/fr/assessments", queue)).toBe("/fr/assessments?days=60&after=c1");
    expect(assessmentQueueHref("/fr/assessments", parseAssessmentQueue({}))).toBe("/fr/assessments");
    const feed = parseReportFeed({ establishment: "E1", after: ["c1"] });
    expect(reportFeedHref("/nl/reports", { ...feed, trail: [...feed.trail, "c2"] })).toBe(
      "/nl/reports?establishment=E1&after=c1&after=c2",
    );
  });
});

describe("pageWindow", () => {
  it("says which items a page shows", () => {
    expect(pageWindow([], 25)).toEqual({ page: 1, from: 1, to: 25 });
    expect(pageWindow(["a", "b"], 3)).toEqual({ page: 3, from: 51, to: 53 });
    expect(pageWindow([], 0)).toEqual({ page: 1, from: 0, to: 0 });
  });
});
