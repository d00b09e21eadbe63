import { describe, expect, it } from "vitest";
import { classificationTone, gradingCode, isRestrictiveHandling } from "./grading";

describe("report grading and markings", () => {
  it("writes the grade as reliability letter and credibility digit", () => {
    expect(gradingCode("B", 2)).toBe("B2");
    expect(gradingCode("F", 6)).toBe("F6");
    expect(() => gradingCode("A", 7)).toThrow(RangeError);
    expect(() => gradingCode("A", 0)).toThrow(RangeError);
  });

  it("tones classification markings from neutral to danger", () => {
    expect(classificationTone("UNCLASSIFIED")).toBe("neutral");
    expect(classificationTone("RESTRICTED")).toBe("warning");
    expect(classificationTone("CONFIDENTIAL")).toBe("danger");
    expect(classificationTone("SECRET")).toBe("danger");
  });

  it("knows which handling codes narrow the matrix", () => {
    expect(isRestrictiveHandling("SHARE_LAW_ENFORCEMENT")).toBe(false);
    expect(isRestrictiveHandling("SHARE_WITH_CONDITIONS")).toBe(false);
    expect(isRestrictiveHandling("ORIGINATOR_ONLY")).toBe(true);
    expect(isRestrictiveHandling("NO_FURTHER_DISSEMINATION")).toBe(true);
  });
});
