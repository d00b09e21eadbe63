import { describe, expect, it } from "vitest";
import { parseRegister, parseTransparency, registerHref, transparencyHref } from "./decisions-state";

describe("the register's and the queues' URL state", () => {
  it("reads a day, the view and the days, dropping what is not valid", () => {
    expect(parseRegister({})).toEqual({ on: null, view: "register", days: 14 });
    expect(parseRegister({ on: "2026-02-01", view: "reviews", days: "30" })).toEqual({
      on: "2026-02-01",
      view: "reviews",
      days: 30,
    });
    expect(parseRegister({ on: "2026-02-30", view: "other", days: "999" })).toEqual({
      on: null,
      view: "register",
      days: 14,
    });
    expect(parseRegister({ on: "1999-12-31" }).on).toBeNull();
  });

  it("writes only what differs from the defaults", () => {
    expect(registerHref("/measures", { on: null, view: "register", days: 14 })).toBe("/measures");
    expect(registerHref("/measures", { on: "2026-02-01", view: "register", days: 30 })).toBe(
      "/measures?on=2026-02-01",
    );
    expect(registerHref("/measures", { on: "2026-02-01", view: "reviews", days: 30 })).toBe(
      "/measures?view=reviews&days=30",
    );
    expect(parseTransparency({ days: "7" })).toEqual({ days: 7 });
    expect(transparencyHref("/transparency", { days: 30 })).toBe("/transparency");
    expect(transparencyHref("/transparency", { days: 7 })).toBe("/transparency?days=7");
  });
});
