import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";

// The GraphQL-over-HTTP specification's server audits (graphql-http) against the running API,
// as a logged-in user: anonymous requests get nothing but login, by design. Every MUST passes; the
// few audits that do not are listed here with the reason, and in docs/api.md.

const NOT_APPLICABLE: Record<string, string> = {
  "5A70": "GET queries are refused without a preflight header (CSRF prevention for cookie sessions).",
  D6D5: "Same: GET queries are refused without a preflight header.",
  "6A70": "Same: GET queries are refused without a preflight header.",
  "572B": "Apollo Server answers a document that does not parse with 400 under application/json too.",
  FDE2: "Apollo Server answers a document that does not validate with 400 under application/json too.",
  "7B9B": "Apollo Server answers variables that do not coerce with 400 under application/json too.",
};

let app: TestApp;
let cookie: string;

beforeAll(async () => {
  app = await startTestApp({ seed: "directory" });
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation { login(input: { email: "celex.analyst@continuum.example", password: "${DEMO_PASSWORD}" }) { __typename } }`,
    }),
  });
  cookie = (res.headers.getSetCookie().find((c) => c.startsWith("continuum_session=")) ?? "").split(
    ";",
  )[0] as string;
  expect(cookie).toMatch(/^continuum_session=/);
});
afterAll(() => app.close());

describe("the GraphQL-over-HTTP server audits", () => {
  it("pass, apart from the audits listed as not applying, each with its reason", async () => {
    const results = await auditServer({
      url: `${app.url}/graphql`,
      fetchFn: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
    });
    expect(results.length).toBeGreaterThan(30);
    const failing = results.filter((r) => r.status !== "ok").map((r) => `${r.id} ${r.name}`);
    expect(failing.filter((f) => !((f.split(" ")[0] as string) in NOT_APPLICABLE)).join("\n")).toBe("");
    // Nothing is excused that passes: the list stays true.
    const passing = new Set(results.filter((r) => r.status === "ok").map((r) => r.id));
    expect(Object.keys(NOT_APPLICABLE).filter((id) => passing.has(id))).toEqual([]);
    // No MUST is excused.
    expect(results.filter((r) => r.id in NOT_APPLICABLE && r.name.startsWith("MUST"))).toEqual([]);
  });
});
