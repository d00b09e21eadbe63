import { describe, expect, it } from "vitest";
import { analyticsScopeOfViewer, mayDrillDown } from "./analytics-access";

const none = { places: [] as string[], dataClasses: [] };

describe("whose cases a viewer's figures count", () => {
  it("counts what readers of cases read, exactly, with drill-down", () => {
    const analyst = {
      caseAccess: [{ places: ["ANY"], dataClasses: ["LISTING" as const] }, none, none],
      user: { roles: ["ANALYST"], agency: { kind: "CELEX" } },
    };
    expect(analyticsScopeOfViewer(analyst)).toBe("VISIBLE_CASES");
    expect(mayDrillDown("VISIBLE_CASES")).toBe(true);
  });

  it("counts every case, protected, for statisticians, without drill-down", () => {
    const statistician = {
      caseAccess: [none, none, none],
      user: { roles: ["STATISTICIAN"], agency: { kind: "CELEX" } },
    };
    expect(analyticsScopeOfViewer(statistician)).toBe("ALL_CASES_PROTECTED");
    expect(mayDrillDown("ALL_CASES_PROTECTED")).toBe(false);
  });

  it("counts nothing for the others", () => {
    expect(
      analyticsScopeOfViewer({
        caseAccess: [none],
        user: { roles: ["ADMIN"], agency: { kind: "PLATFORM" } },
      }),
    ).toBeNull();
  });
});
