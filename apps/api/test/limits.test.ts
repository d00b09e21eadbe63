import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOMBS as BOMB_LIST } from "../scripts/bombs.js";
import { enterActorSession } from "../src/access/database-session.js";
import type { Config } from "../src/config.js";
import { buildServer } from "../src/server.js";
import { closeCode, cookieOf, type Subscribed, subscribe, wsClient } from "./feed-client.js";
import { EMAIL } from "./fixtures.js";
import { engine, GraphQLClient, type GraphQLResponse, startTestApp, type TestApp } from "./harness.js";

// The API stays bounded under abuse: operations too large to run are refused before any SQL,
// each actor has a budget of requests, and a statement that runs too long is cancelled.
// Every limit and its setting: docs/limits.md. Speed is measured by scripts/bombs.ts, not here.

const BOMBS = BOMB_LIST.map((b) => [b.name, b.query, b.message] as const);

const NORMAL = "{ persons(first: 5) { totalCount edges { node { familyName } } } }";

function expectRefusedAsTooLarge(res: GraphQLResponse, message: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.data).toBeNull();
  expect(res.errors?.length).toBeGreaterThan(0);
  expect(res.errors?.every((e) => e.extensions?.code === "BAD_USER_INPUT")).toBe(true);
  expect(res.errors?.map((e) => e.message).join("\n")).toMatch(message);
}

describe("operations too large to run", () => {
  let app: TestApp;
  let analyst: GraphQLClient;
  beforeAll(async () => {
    app = await startTestApp({ seed: "directory" });
    analyst = await app.login(EMAIL("celex.analyst"));
  });
  afterAll(() => app.close());

  it.each(BOMBS)(
    "refuses the %s bomb with BAD_USER_INPUT (HTTP 400), naming the limit",
    async (_, query, message) => {
      expectRefusedAsTooLarge(await analyst.request(query), message);
    },
  );

  it.each(BOMBS)("runs no SQL statement for the %s bomb", async (_, query, message) => {
    // Anonymous: nothing to look up, so not one statement may run.
    let before = app.database.stats.statements;
    expectRefusedAsTooLarge(await app.anonymous.request(query), message);
    expect(app.database.stats.statements - before).toBe(0);
    // Logged in: no more than authenticating the session takes (a query that reads nothing).
    await analyst.data("{ __typename }");
    before = app.database.stats.statements;
    await analyst.data("{ __typename }");
    const authenticating = app.database.stats.statements - before;
    before = app.database.stats.statements;
    expectRefusedAsTooLarge(await analyst.request(query), message);
    expect(app.database.stats.statements - before).toBeLessThanOrEqual(authenticating);
  });

  it("answers a normal request sent at the same time as the bombs", async () => {
    const [normal, ...refused] = await Promise.all([
      analyst.request<{ persons: { totalCount: number } }>(NORMAL),
      ...BOMBS.flatMap(([, query]) => [analyst.request(query), app.anonymous.request(query)]),
    ]);
    expect(normal?.status).toBe(200);
    expect(normal?.errors).toBeUndefined();
    expect(normal?.data?.persons.totalCount).toBeGreaterThanOrEqual(0);
    for (const res of refused) expect(res.status).toBe(400);
  });
});

describe("reading the schema (introspection)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: "demo" });
  });
  afterAll(() => app.close());

  const INTROSPECT = "{ __schema { queryType { name } } }";
  const TYPE = `{ __type(name: "Person") { name } }`;

  it("is open to users of the query explorer: readers of cases and statisticians", async () => {
    for (const user of ["celex.analyst", "celex.statistician"]) {
      const client = await app.login(EMAIL(user));
      expect(await client.data(INTROSPECT), user).toEqual({ __schema: { queryType: { name: "Query" } } });
      expect(await client.data(TYPE), user).toEqual({ __type: { name: "Person" } });
    }
  });

  it("is refused with FORBIDDEN to users who get no figures (administrators, oversight)", async () => {
    for (const user of ["admin", "oversight.reviewer"]) {
      const client = await app.login(EMAIL(user));
      for (const query of [INTROSPECT, TYPE]) {
        const res = await client.request(query);
        expect(res.data, user).toBeNull();
        expect(res.errors?.[0]?.extensions?.code, user).toBe("FORBIDDEN");
        expect(res.errors?.[0]?.message).toMatch(/introspection/);
      }
      // Their own work is not affected.
      expect(await client.data("{ __typename }")).toEqual({ __typename: "Query" });
    }
  });

  it("is open to API tokens (integrators), and refused to anonymous requests", async () => {
    const admin = await app.login(EMAIL("admin"));
    const { users } = await admin.data<{ users: { edges: { node: { id: string } }[] } }>(
      "query($s: String) { users(first: 1, search: $s) { edges { node { id } } } }",
      { s: EMAIL("celex.integration") },
    );
    const { apiTokenCreate } = await admin.data<{ apiTokenCreate: { token: string } }>(
      `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { message } } }`,
      {
        input: {
          userId: users.edges[0]?.node.id,
          name: "Schema reader",
          scopes: ["READ"],
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
          purpose: { code: "SYSTEM_INTEGRATION", note: "Reads the schema" },
        },
      },
    );
    expect(await app.withToken(apiTokenCreate.token).data(INTROSPECT)).toEqual({
      __schema: { queryType: { name: "Query" } },
    });
    const anonymous = await app.anonymous.request(INTROSPECT);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the rate limit per actor", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      seed: "directory",
      env: { RATE_LIMIT_PER_MINUTE: "5", RATE_LIMIT_WINDOW_SECONDS: "2" },
    });
  });
  afterAll(() => app.close());

  it("refuses the request past the budget with 429, RATE_LIMITED and Retry-After; other actors go on", async () => {
    // Logging in is an anonymous request: it spends the address's budget, not the user's.
    const analyst = await app.login(EMAIL("celex.analyst"), { purpose: false });
    const admin = await app.login(EMAIL("admin"), { purpose: false });
    // The analyst's window opens with their first request: five fit in it (two seconds here).
    for (let i = 0; i < 5; i++) expect((await analyst.request("{ __typename }")).status).toBe(200);
    const refused = await analyst.request("{ __typename }");
    expect(refused.status).toBe(429);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    // Another user, and another client address when anonymous, have budgets of their own.
    expect((await admin.request("{ __typename }")).status).toBe(200);
    const elsewhere = await app.anonymous.request("{ __typename }", {}, { "x-forwarded-for": "192.0.2.7" });
    expect(elsewhere.status).toBe(200);
    // Once the window is over (as Retry-After said), the analyst is served again.
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await analyst.data("{ __typename }")).__typename).toBe("Query");
  });

  it("decides before the operation is parsed or any SQL of it runs", async () => {
    const address = { "x-forwarded-for": "192.0.2.8" };
    for (let i = 0; i < 5; i++) await app.anonymous.request("{ __typename }", {}, address);
    const before = app.database.stats.statements;
    const refused = await app.anonymous.request("{ not valid graphql", {}, address);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(app.database.stats.statements).toBe(before);
  });
});

/** The errors a subscription was refused with (graphql-ws hands them over as one array). */
function refusals(subscription: Subscribed): { message: string; extensions?: Record<string, unknown> }[] {
  return subscription.errors.flat() as { message: string; extensions?: Record<string, unknown> }[];
}

async function settled(subscriptions: Subscribed[], refused: number): Promise<void> {
  const until = Date.now() + 10_000;
  while (subscriptions.filter((s) => s.errors.length > 0).length < refused) {
    if (Date.now() > until) throw new Error(`fewer than ${refused} subscriptions were refused`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the bounds over WebSocket (the change feed's subscriptions)", () => {
  let app: TestApp;
  beforeAll(async () => {
    // A window far longer than the test: the budget does not refill while it runs.
    app = await startTestApp({
      seed: "directory",
      env: { RATE_LIMIT_PER_MINUTE: "6", RATE_LIMIT_WINDOW_SECONDS: "600" },
    });
  });
  afterAll(() => app.close());

  it("spends the actor's budget on connecting and on each subscription, then refuses both", async () => {
    const analyst = await app.login(EMAIL("celex.analyst"));
    const socket = wsClient(app.url, { cookie: cookieOf(analyst) });
    try {
      // Eight at once: the connection and what is left of the six requests let a few through.
      const subscriptions = Array.from({ length: 8 }, () => subscribe(socket, null));
      await settled(subscriptions, 4);
      const accepted = subscriptions.filter((s) => s.errors.length === 0);
      expect(accepted.length).toBeGreaterThanOrEqual(1);
      expect(accepted.length).toBeLessThanOrEqual(4);
      for (const refused of subscriptions.filter((s) => s.errors.length > 0)) {
        const [error] = refusals(refused);
        expect(error?.extensions).toMatchObject({ code: "RATE_LIMITED" });
        expect(error?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      }
      // Another connection of the same actor is refused at once, with the code for too many requests.
      expect(await closeCode(wsClient(app.url, { cookie: cookieOf(analyst) }))).toBe(4429);
      // The same user's HTTP requests share the budget.
      expect((await analyst.request("{ __typename }")).status).toBe(429);
    } finally {
      await socket.dispose();
    }
  });

  it("runs at most ten subscriptions on one connection, whatever the budget", async () => {
    const unbounded = await startTestApp({ seed: "directory" });
    try {
      const analyst = await unbounded.login(EMAIL("celex.analyst"));
      const socket = wsClient(unbounded.url, { cookie: cookieOf(analyst) });
      const subscriptions = Array.from({ length: 12 }, () => subscribe(socket, null));
      await settled(subscriptions, 2);
      const refused = subscriptions.filter((s) => s.errors.length > 0);
      expect(refused).toHaveLength(2);
      for (const r of refused)
        expect(refusals(r)[0]).toMatchObject({
          message: expect.stringMatching(/At most 10 subscriptions/),
          extensions: { code: "BAD_USER_INPUT" },
        });
      // Completing one makes room for another, once the server has ended it (at its next poll).
      subscriptions.find((s) => s.errors.length === 0)?.stop();
      let another = subscribe(socket, null);
      for (let attempt = 0; attempt < 10; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (another.errors.length === 0) break;
        another = subscribe(socket, null);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(another.errors).toEqual([]);
      await socket.dispose();
    } finally {
      await unbounded.close();
    }
  });
});

/** A Redis of the test's own, when redis-server is installed (CI without it skips these tests). */
const redisServer = (() => {
  try {
    return execFileSync("which", ["redis-server"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
})();

describe.skipIf(redisServer === null)("the rate limit shared by replicas through Redis (REDIS_URL)", () => {
  let redis: ChildProcess;
  let replicas: TestApp[] = [];
  beforeAll(async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    redis = spawn(redisServer as string, ["--port", String(port), "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const env = {
      RATE_LIMIT_PER_MINUTE: "6",
      RATE_LIMIT_WINDOW_SECONDS: "5",
      REDIS_URL: `redis://127.0.0.1:${port}`,
    };
    // Two API replicas over one database, as behind a load balancer.
    replicas = [await startTestApp({ seed: "directory", env })];
    const second = await buildServer(replicas[0]?.server.config as Config, {
      database: replicas[0]?.database,
    });
    await new Promise<void>((resolve) => second.http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(second.http.address() as AddressInfo).port}`;
    replicas.push({ ...(replicas[0] as TestApp), url, server: second, close: () => second.close() });
    // Until its connection to Redis is up, a replica counts in its own memory.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    redis?.kill();
  });

  it("counts an actor's requests to every replica against one budget", async () => {
    const address = { "x-forwarded-for": "192.0.2.20" };
    const [one, two] = replicas.map((r) => new GraphQLClient(r.url)) as [GraphQLClient, GraphQLClient];
    for (let i = 0; i < 3; i++) {
      expect((await one.request("{ __typename }", {}, address)).status).toBe(200);
      expect((await two.request("{ __typename }", {}, address)).status).toBe(200);
    }
    const refused = await two.request("{ __typename }", {}, address);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await one.request("{ __typename }", {}, address)).status).toBe(429);
  });

  it("falls back to counting in each replica's memory while Redis is down", async () => {
    redis.kill();
    await new Promise((resolve) => redis.once("exit", resolve));
    const client = new GraphQLClient(replicas[0]?.url as string);
    const address = { "x-forwarded-for": "192.0.2.21" };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await client.request("{ __typename }", {}, address)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });
});

describe("the statement timeout", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: "demo", env: { DATABASE_STATEMENT_TIMEOUT_MS: "30" } });
  });
  afterAll(() => app.close());

  it("is the configured one in every request transaction", async () => {
    expect(app.server.config.statementTimeoutMs).toBe(30);
    const shown = await app.database.db.transaction(async (tx) => {
      await enterActorSession(tx, null, app.server.config.statementTimeoutMs);
      return tx.execute(sql`select current_setting('statement_timeout') as value`);
    });
    expect(JSON.stringify(shown)).toContain("30ms");
  });

  it.skipIf(engine === "pglite")(
    "cancels a statement that runs longer (PGlite does not: docs/limits.md)",
    async () => {
      const slow = app.database.db.transaction(async (tx) => {
        await enterActorSession(tx, null, app.server.config.statementTimeoutMs);
        await tx.execute(sql`select pg_sleep(1)`);
      });
      await expect(slow).rejects.toMatchObject({ cause: { code: "57014" } });
    },
  );

  it.skipIf(engine === "pglite")(
    "answers a request whose SQL runs longer with TIMEOUT (HTTP 503, not retryable), then serves the next",
    async () => {
      const statistician = await app.login(EMAIL("celex.statistician"));
      // Twenty years month by month of programme participation by provider, counted from the history
      // over the demo population: each month looks up every listed person's programmes, far more
      // than 30 ms of SQL (about 100 ms here).
      const res = await statistician.request(
        `{ analytics { programmeParticipation(from: "2006-12-01", to: "2026-11-30", interval: MONTH, by: PROVIDER) {
          points { total { value } } } } }`,
      );
      expect(res.status).toBe(503);
      expect(res.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/took too long/),
          path: ["analytics", "programmeParticipation"],
          extensions: { code: "TIMEOUT", retryable: false },
        }),
      ]);
      // Nothing of the SQL leaks, and the API serves the next request normally.
      expect(JSON.stringify(res.errors)).not.toMatch(/cancel|statement|select/i);
      expect(await statistician.data("{ viewer { purpose { code } } }")).toMatchObject({
        viewer: { purpose: { code: expect.any(String) } },
      });
      const small = await statistician.data<{ analytics: { listedPersons: { points: unknown[] } } }>(
        `{ analytics { listedPersons(on: "2024-03-01") { points { total { value } } } } }`,
      );
      expect(small.analytics.listedPersons.points).toHaveLength(1);
    },
  );
});
