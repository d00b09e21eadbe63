import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { buildServer } from "../src/server.js";
import { EMAIL } from "./fixtures.js";
import { startTestApp, type TestApp } from "./harness.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("the HTTP surface", () => {
  it("answers /healthz and /readyz, and 404 elsewhere", async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
    expect((await fetch(`${app.url}/elsewhere`)).status).toBe(404);
  });

  it("refuses malformed JSON, oversized bodies and batched operations with BAD_USER_INPUT", async () => {
    const post = (body: string) =>
      fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const bad = await post("{ not json");
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe("BAD_USER_INPUT");
    const big = await post(JSON.stringify({ query: `{ me { id } }`, padding: "x".repeat(1_100_000) }));
    expect(big.status).toBe(413);
    const batch = await post(JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]));
    expect(batch.status).toBe(400);
  });

  it("maps parse and validation failures to BAD_USER_INPUT and never leaks internals", async () => {
    const client = await app.login(EMAIL("celex.analyst"));
    const parse = await client.request("{ persons(first: 5 { totalCount } }");
    expect(parse.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknownField = await client.request("{ persons(first: 5) { secretField } }");
    expect(unknownField.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a cookie-authenticated request that a browser form could forge (CSRF protection)", async () => {
    const client = await app.login(EMAIL("celex.analyst"));
    const cookie = (client as unknown as { headers: Record<string, string> }).headers.cookie as string;
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent("{ me { email } }")}`, {
      headers: { cookie },
    });
    expect(res.status).toBe(400);
  });

  it("answers with its own request ID, whatever the client sends (audit entries carry it)", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "chosen-by-client" },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  });

  it("refuses NUL characters anywhere in a request instead of failing later", async () => {
    const res = await app.anonymous.request(
      'mutation($e: String!) { login(input: { email: $e, password: "x" }) { user { id } } }',
      {
        e: "x\u0000y@continuum.example",
      },
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses invalid Unicode (an unpaired surrogate) but takes emoji and accents", async () => {
    const login = 'mutation($e: String!) { login(input: { email: $e, password: "x" }) { user { id } } }';
    const broken = await app.anonymous.request(login, { e: "x\ud800y@continuum.example" });
    expect(broken.status).toBe(400);
    expect(broken.errors?.[0]?.message).toContain("unpaired surrogate");
    const fine = await app.anonymous.request(login, { e: "zoë🙂@continuum.example" });
    expect(fine.status).toBe(200);
  });

  it("allows login only alone in its operation", async () => {
    const res = await app.anonymous.request(
      `mutation { a: login(input: { email: "a@continuum.example", password: "x" }) { user { id } }
                  b: login(input: { email: "b@continuum.example", password: "y" }) { user { id } } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors?.[0]?.message).toMatch(/only field/);
  });

  it("bounds the depth of an operation", async () => {
    const client = await app.login(EMAIL("celex.analyst"));
    const deep = `{ persons(first: 1) { edges { node { currentPlacement { person { currentPlacement { person {
      currentPlacement { person { currentPlacement { person { currentPlacement { person { id } } } } } } } } } } } } }`;
    const res = await client.request(deep);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("on shutdown finishes the request in flight, then refuses new connections", async () => {
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", SEED_DEMO: "false" });
    const other = await buildServer(config, { database: app.database, logger: pino({ level: "silent" }) });
    await new Promise<void>((resolve) => other.http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(other.http.address() as AddressInfo).port}`;
    const received = new Promise((resolve) => other.http.once("request", resolve));
    // A login verifies a password (argon2): slow enough to still be running when shutdown starts.
    const inFlight = fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({
        query: `mutation { login(input: { email: "${EMAIL("celex.analyst")}", password: "continuum-demo" }) { user { email } } }`,
      }),
    });
    await received;
    const closing = other.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { login: { user: { email: EMAIL("celex.analyst") } } } });
    await closing;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
