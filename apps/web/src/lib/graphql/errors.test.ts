import { describe, expect, it } from "vitest";
import { ApiRequestError, hasCode, hasReason, readErrors } from "./errors";

describe("readErrors", () => {
  it("keeps message, extensions.code and path", () => {
    const errors = readErrors([
      { message: "No person with this ID.", path: ["person"], extensions: { code: "NOT_FOUND" } },
      { message: "Log in first." },
    ]);
    expect(errors).toEqual([
      { message: "No person with this ID.", code: "NOT_FOUND", reason: null, path: ["person"] },
      { message: "Log in first.", code: null, reason: null, path: [] },
    ]);
  });
  it("keeps how long to wait when the API says so", () => {
    const [limited] = readErrors([
      { message: "Too many requests", extensions: { code: "RATE_LIMITED", retryAfterSeconds: 12 } },
    ]);
    expect(limited).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 12 });
  });
  it("tolerates a missing or malformed errors member", () => {
    expect(readErrors(undefined)).toEqual([]);
    expect(readErrors([null, { message: 3, path: "x", extensions: { code: 1 } }])).toEqual([
      { message: "GraphQL error", code: null, reason: null, path: [] },
      { message: "GraphQL error", code: null, reason: null, path: [] },
    ]);
  });
});

describe("hasCode", () => {
  const errors = readErrors([{ message: "m", path: ["persons"], extensions: { code: "BAD_USER_INPUT" } }]);
  it("matches a code, optionally on a root field", () => {
    expect(hasCode(errors, "BAD_USER_INPUT")).toBe(true);
    expect(hasCode(errors, "BAD_USER_INPUT", "persons")).toBe(true);
    expect(hasCode(errors, "BAD_USER_INPUT", "person")).toBe(false);
    expect(hasCode(errors, "NOT_FOUND")).toBe(false);
  });
  it("lists the codes in ApiRequestError's message", () => {
    expect(new ApiRequestError(errors).message).toContain("BAD_USER_INPUT");
  });
});

describe("hasReason", () => {
  it("reads extensions.reason", () => {
    const errors = readErrors([
      { message: "m", path: ["persons"], extensions: { code: "FORBIDDEN", reason: "PURPOSE_REQUIRED" } },
    ]);
    expect(errors[0]?.reason).toBe("PURPOSE_REQUIRED");
    expect(hasReason(errors, "PURPOSE_REQUIRED")).toBe(true);
    expect(hasReason(errors, "SECOND_FACTOR_REQUIRED")).toBe(false);
  });
});
