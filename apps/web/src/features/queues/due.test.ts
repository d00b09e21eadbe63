import { SCREENING_DUE_SOON_DAYS, screeningState } from "@continuum/domain";
import { describe, expect, it } from "vitest";
import { DUE_SOON_DAYS, dueState } from "./due";

describe("dueState", () => {
  it("reads a due date as the screening rule does", () => {
    expect(DUE_SOON_DAYS).toBe(SCREENING_DUE_SOON_DAYS);
    const today = "2026-11-27";
    for (const due of [null, "2026-11-26", "2026-11-27", "2026-12-11", "2026-12-12", "2027-05-01"])
      expect(dueState(due, today), String(due)).toBe(screeningState(due, today));
    expect(dueState("2026-11-26", today)).toBe("OVERDUE");
    expect(dueState("2026-12-12", today)).toBe("SCHEDULED");
  });
});
