import { describe, expect, it } from "vitest";
import { summarizeDetails } from "./details";

describe("summarizeDetails", () => {
  it("writes key: value pairs, nested values as JSON", () => {
    expect(summarizeDetails({ grantId: "g1", filter: { personId: "p" }, known: true })).toBe(
      'grantId: g1; filter: {"personId":"p"}; known: true',
    );
  });
  it("is empty for no details and cut when long", () => {
    expect(summarizeDetails({})).toBe("");
    const long = summarizeDetails({ justification: "x".repeat(500) }, 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith("…")).toBe(true);
  });
});
