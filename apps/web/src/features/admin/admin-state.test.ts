import { describe, expect, it } from "vitest";
import { adminHref, dayAfter, expiryFromDay, parseAdminState, tokenStatus } from "./admin-state";

describe("admin URL state", () => {
  it("reads and writes the search and both trails", () => {
    const state = parseAdminState({ q: "  celex ", uafter: ["u1", "u 2"], tafter: "t1" });
    expect(state).toEqual({ search: "celex", usersTrail: ["u1"], tokensTrail: ["t1"] });
    expect(adminHref("/en/admin", state)).toBe("/en/admin?q=celex&uafter=u1&tafter=t1");
    expect(adminHref("/en/admin", { search: "", usersTrail: [], tokensTrail: [] }, "#tokens")).toBe(
      "/en/admin#tokens",
    );
  });
});

describe("tokenStatus", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  it("is revoked, expired or active", () => {
    expect(tokenStatus({ revokedAt: "2026-11-01T00:00:00Z", expiresAt: "2027-01-01T00:00:00Z" }, now)).toBe(
      "REVOKED",
    );
    expect(tokenStatus({ revokedAt: null, expiresAt: "2026-11-27T11:59:59Z" }, now)).toBe("EXPIRED");
    expect(tokenStatus({ revokedAt: null, expiresAt: "2027-01-01T00:00:00Z" }, now)).toBe("ACTIVE");
  });
});

describe("token expiry", () => {
  it("ends on the chosen day; refuses other input", () => {
    expect(expiryFromDay("2027-02-28")).toBe("2027-02-28T22:59:59.000Z");
    expect(expiryFromDay("2027-02-30")).toBeNull();
    expect(expiryFromDay("tomorrow")).toBeNull();
  });
  it("defaults a number of days ahead", () => {
    expect(dayAfter(new Date("2026-11-27T12:00:00Z"), 90)).toBe("2027-02-25");
  });
});
