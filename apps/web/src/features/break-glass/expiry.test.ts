import { describe, expect, it } from "vitest";
import { caseFileAfterGrant, parseGrantExpiry } from "./expiry";

const now = new Date("2026-11-27T13:00:00.000Z");

describe("parseGrantExpiry", () => {
  it("keeps an expiry within the next four hours", () => {
    expect(parseGrantExpiry("2026-11-27T17:00:00.000Z", now)).toBe("2026-11-27T17:00:00.000Z");
    expect(parseGrantExpiry("2026-11-27T13:05:00Z", now)).toBe("2026-11-27T13:05:00Z");
  });
  it("drops past, too distant, malformed or missing values", () => {
    for (const bad of [
      "2026-11-27T12:59:00.000Z",
      "2026-11-27T18:00:00.000Z",
      "2026-11-27",
      "tomorrow",
      "2026-11-27T17:00:00+01:00",
      ["2026-11-27T17:00:00.000Z"],
      undefined,
    ])
      expect(parseGrantExpiry(bad, now), String(bad)).toBeNull();
  });
});

describe("caseFileAfterGrant", () => {
  it("links the case file with the expiry", () => {
    expect(caseFileAfterGrant("UGVy=", "2026-11-27T17:00:00.000Z")).toBe(
      "/persons/UGVy%3D?grantExpires=2026-11-27T17%3A00%3A00.000Z",
    );
    expect(caseFileAfterGrant("UGVy", null)).toBe("/persons/UGVy");
  });
});
