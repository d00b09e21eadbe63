import { describe, expect, it } from "vitest";
import { sessionRedirect } from "./session-redirect";

const error = (code: string | null, reason: string | null = null) => ({
  message: "x",
  code,
  reason,
  path: [],
});

describe("sessionRedirect", () => {
  it("sends a lost session to log in, and a missing factor or purpose to their page", () => {
    expect(sessionRedirect([error("UNAUTHENTICATED")], "/persons/P1")).toBe("/login?next=%2Fpersons%2FP1");
    expect(sessionRedirect([error("FORBIDDEN", "SECOND_FACTOR_REQUIRED")], "/screening")).toBe(
      "/second-factor?next=%2Fscreening",
    );
    expect(sessionRedirect([error("FORBIDDEN", "PURPOSE_REQUIRED")], "/screening")).toBe(
      "/purpose?next=%2Fscreening",
    );
  });
  it("leaves other failures to the form", () => {
    expect(sessionRedirect([error("FORBIDDEN")], "/screening")).toBeNull();
    expect(sessionRedirect([], "/screening")).toBeNull();
  });
});
