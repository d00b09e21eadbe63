import { describe, expect, it } from "vitest";
import { classifyErrors, isFieldDenial } from "./classify";
import { readErrors } from "./errors";

const forbiddenField = {
  message: "no",
  path: ["person", "currentEpisode", "releaseType"],
  extensions: { code: "FORBIDDEN" },
};

describe("classifyErrors", () => {
  it("is ok without errors", () => {
    expect(classifyErrors([])).toEqual({ kind: "ok" });
  });

  it("keeps partial data when only fields are refused", () => {
    const errors = readErrors([
      forbiddenField,
      {
        message: "no",
        path: ["persons", "edges", 0, "node", "familyName"],
        extensions: { code: "FORBIDDEN" },
      },
    ]);
    expect(classifyErrors(errors)).toEqual({ kind: "partial", denied: errors });
  });

  it("sends the session to the purpose page, before anything else but authentication", () => {
    const errors = readErrors([
      forbiddenField,
      {
        message: "state it",
        path: ["persons"],
        extensions: { code: "FORBIDDEN", reason: "PURPOSE_REQUIRED" },
      },
    ]);
    expect(classifyErrors(errors).kind).toBe("purposeRequired");
  });

  it("says the server is busy, with when to retry, for a spent budget, an outage or a timeout", () => {
    const limited = readErrors([
      { message: "Too many requests", extensions: { code: "RATE_LIMITED", retryAfterSeconds: 42 } },
    ]);
    expect(classifyErrors(limited)).toEqual({ kind: "busy", reason: "RATE_LIMITED", retryAfterSeconds: 42 });
    const down = readErrors([
      { message: "unavailable", path: ["persons"], extensions: { code: "UNAVAILABLE" } },
    ]);
    expect(classifyErrors(down)).toEqual({ kind: "busy", reason: "UNAVAILABLE", retryAfterSeconds: null });
    const slow = readErrors([
      forbiddenField,
      { message: "too long", path: ["analytics"], extensions: { code: "TIMEOUT" } },
    ]);
    expect(classifyErrors(slow).kind).toBe("busy");
    // A lost session still goes to the login page first.
    const anonymous = readErrors([{ message: "log in", extensions: { code: "UNAUTHENTICATED" } }, ...[]]);
    expect(classifyErrors([...anonymous, ...limited]).kind).toBe("unauthenticated");
  });

  it("asks for the second factor before the purpose", () => {
    const errors = readErrors([
      { message: "p", path: ["person"], extensions: { code: "FORBIDDEN", reason: "PURPOSE_REQUIRED" } },
      { message: "s", path: ["person"], extensions: { code: "FORBIDDEN", reason: "SECOND_FACTOR_REQUIRED" } },
    ]);
    expect(classifyErrors(errors).kind).toBe("secondFactorRequired");
  });

  it("puts authentication first", () => {
    const errors = readErrors([
      { message: "s", path: ["person"], extensions: { code: "FORBIDDEN", reason: "SECOND_FACTOR_REQUIRED" } },
      { message: "log in", path: ["person"], extensions: { code: "UNAUTHENTICATED" } },
    ]);
    expect(classifyErrors(errors).kind).toBe("unauthenticated");
  });

  it("reads NOT_FOUND and malformed IDs on the given root field as not found", () => {
    const missing = readErrors([{ message: "none", path: ["person"], extensions: { code: "NOT_FOUND" } }]);
    const malformed = readErrors([
      { message: "bad", path: ["person"], extensions: { code: "BAD_USER_INPUT" } },
    ]);
    expect(classifyErrors(missing, { notFoundAt: "person" }).kind).toBe("notFound");
    expect(classifyErrors(malformed, { notFoundAt: "person" }).kind).toBe("notFound");
    expect(classifyErrors(missing).kind).toBe("failed");
  });

  it("fails on a refused root field or anything unexpected, without the tolerated field errors", () => {
    const errors = readErrors([
      forbiddenField,
      { message: "reviewers only", path: ["auditEvents"], extensions: { code: "FORBIDDEN" } },
    ]);
    const result = classifyErrors(errors);
    expect(result.kind).toBe("failed");
    expect(result.kind === "failed" && result.errors.map((e) => e.path[0])).toEqual(["auditEvents"]);
    expect(classifyErrors(readErrors([{ message: "boom" }])).kind).toBe("failed");
  });
});

describe("isFieldDenial", () => {
  it("is a FORBIDDEN without a reason, below a root field", () => {
    const [field, root, reason] = readErrors([
      forbiddenField,
      { message: "no", path: ["users"], extensions: { code: "FORBIDDEN" } },
      { message: "no", path: ["person", "x"], extensions: { code: "FORBIDDEN", reason: "PURPOSE_REQUIRED" } },
    ]);
    expect(field && isFieldDenial(field)).toBe(true);
    expect(root && isFieldDenial(root)).toBe(false);
    expect(reason && isFieldDenial(reason)).toBe(false);
  });
});
