import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL } from "./fixtures.js";
import { engine, startTestApp, type TestApp } from "./harness.js";

// A request's loaders send their statements together on its one connection (db/client.ts). pg 8
// warns, and pg 9 will refuse, a query sent while another runs: the connection sends them one at a
// time itself.

let app: TestApp;
const warnings: string[] = [];
const listen = (warning: Error) => warnings.push(warning.message);

beforeAll(async () => {
  process.on("warning", listen);
  app = await startTestApp({ seed: "demo" });
});
afterAll(async () => {
  process.off("warning", listen);
  await app.close();
});

describe("the connection to Postgres", () => {
  it.skipIf(engine === "pglite")(
    "sends a page's statements one at a time: nested fields load together, without pg's warning",
    async () => {
      const celex = await app.login(EMAIL("celex.analyst"));
      const page = await celex.data<{
        persons: { edges: unknown[] };
      }>(`{ persons(first: 50) { totalCount edges { node {
        familyName listing { category } currentPlacement { establishment { code } }
        securityMeasures { id } timeline { kind } } } } }`);
      expect(page.persons.edges).toHaveLength(50);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
    },
  );
});
