import { describe, expect, it } from "vitest";
import { addressees } from "./addressees";

describe("addressees", () => {
  it("offers each agency once, by name, never the viewer's own", () => {
    const celex = { id: "A1", name: "Extremism Cell (CelEx)" };
    const vsse = { id: "A2", name: "State Security (VSSE)" };
    const own = { id: "A3", name: "Prison of Ittre" };
    expect(addressees("A3", [celex, own, null, vsse, undefined, celex], "en")).toEqual([celex, vsse]);
  });
});
