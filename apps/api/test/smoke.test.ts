import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./harness.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("smoke", () => {
  it("logs in and asks me", async () => {
    const client = await app.login("celex.analyst@continuum.example");
    const data = await client.data<{ me: { displayName: string } }>("{ me { displayName email agency { code } } }");
    expect(data.me.displayName).toContain("CelEx");
  });
});
