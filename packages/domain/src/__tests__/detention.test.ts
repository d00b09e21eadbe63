import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detentionEpisodeOpenSchema, intervalsOverlap } from "../detention.js";

describe("detentionEpisodeOpenSchema", () => {
  it("requires a sentence length for a sentenced person and names the field", () => {
    const result = detentionEpisodeOpenSchema.safeParse({
      admittedOn: "2024-01-01",
      legalStatus: "SENTENCED",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["sentenceMonths"]);
  });

  it("refuses an end of sentence before admission", () => {
    const result = detentionEpisodeOpenSchema.safeParse({
      admittedOn: "2024-01-01",
      legalStatus: "SENTENCED",
      sentenceMonths: 24,
      endOfSentenceOn: "2023-12-31",
    });
    expect(result.error?.issues[0]?.path).toEqual(["endOfSentenceOn"]);
  });
});

describe("intervalsOverlap", () => {
  it("treats intervals as half-open: a transfer on the day the last placement ends does not overlap", () => {
    expect(intervalsOverlap({ from: "2024-01-01", to: "2024-02-01" }, { from: "2024-02-01", to: null })).toBe(
      false,
    );
    expect(intervalsOverlap({ from: "2024-01-01", to: null }, { from: "2024-02-01", to: null })).toBe(true);
  });

  it("is symmetric (property)", () => {
    const d = fc.integer({ min: 1, max: 28 }).map((n) => `2024-01-${String(n).padStart(2, "0")}`);
    fc.assert(
      fc.property(d, fc.option(d), d, fc.option(d), (af, at, bf, bt) => {
        const a = { from: af, to: at };
        const b = { from: bf, to: bt };
        expect(intervalsOverlap(a, b)).toBe(intervalsOverlap(b, a));
      }),
    );
  });
});
