import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACTION_FEEDS, CaseAction, mayPerform } from "../access.js";
import { AgencyKind, ROLES_BY_AGENCY_KIND } from "../agency.js";

function documentedActions() {
  const doc = readFileSync(fileURLToPath(new URL("../../../../docs/access.md", import.meta.url)), "utf8");
  const table = doc.split("<!-- case-actions:start -->")[1]?.split("<!-- case-actions:end -->")[0] ?? "";
  return table
    .trim()
    .split("\n")
    .slice(2)
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .map(([action, agencyKind, roles, writes]) => ({
      action: action as CaseAction,
      agencyKind: agencyKind as AgencyKind,
      roles: (roles ?? "").split(" "),
      writes: writes === "—" ? null : writes,
    }));
}

describe("who may change what, in code and in docs/access.md", () => {
  const rows = documentedActions();

  it("documents every action", () => {
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(Object.values(CaseAction)));
  });

  it("allows each action to exactly the agency kinds and roles the table lists", () => {
    for (const action of Object.values(CaseAction))
      for (const agencyKind of Object.values(AgencyKind))
        for (const role of ROLES_BY_AGENCY_KIND[agencyKind]) {
          const documented = rows.some(
            (r) => r.action === action && r.agencyKind === agencyKind && r.roles.includes(role),
          );
          expect({
            action,
            agencyKind,
            role,
            allowed: mayPerform({ agencyKind, roles: [role] }, action),
          }).toEqual({ action, agencyKind, role, allowed: documented });
        }
  });

  it("names the class each action writes as the code does", () => {
    for (const r of rows)
      expect({ action: r.action, writes: ACTION_FEEDS[r.action] }).toEqual({
        action: r.action,
        writes: r.writes,
      });
  });
});
