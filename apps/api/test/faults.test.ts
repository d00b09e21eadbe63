import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { type Database, openDatabase, queryRows } from "../src/db/client.js";
import { buildServer, type ContinuumServer } from "../src/server.js";
import { EMAIL, places, REGISTER } from "./fixtures.js";
import { DEMO_PASSWORD, engine, GraphQLClient, startTestApp, type TestApp } from "./harness.js";
import { TcpProxy } from "./tcp-proxy.js";

// A database outage, as the API lives through it: Postgres becomes unreachable for about two
// seconds under a write load, then comes back. The shared Postgres is never restarted (other suites
// use it): a TCP proxy between this test's API and Postgres is cut and restored instead. PGlite runs
// in-process and has no connection to lose, so the file runs on Postgres only.
// For a real restart of Postgres, see scripts/postgres-restart-drill.ts.

interface Outcome {
  name: string;
  acknowledged: boolean;
  status: number;
  codes: string[];
  retryable: boolean[];
  retryAfter: string | null;
  during: boolean;
}

let app: TestApp;
let proxy: TcpProxy;
let proxied: Database;
let server: ContinuumServer;
let url: string;

async function loginVia(base: string, email: string): Promise<GraphQLClient> {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "mutation($input: LoginInput!) { login(input: $input) { user { id } } }",
      variables: { input: { email, password: DEMO_PASSWORD } },
    }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("continuum_session="));
  if (cookie === undefined) throw new Error(`login failed: ${await res.text()}`);
  const client = new GraphQLClient(base, { cookie: cookie.split(";")[0] as string });
  const { viewer } = await client.data<{ viewer: { purposesAvailable: string[] } }>(
    "{ viewer { purposesAvailable } }",
  );
  await client.data(
    "mutation($code: PurposeCode!) { sessionPurposeSet(input: { code: $code }) { purpose { code } } }",
    {
      code: viewer.purposesAvailable[0],
    },
  );
  return client;
}

describe.skipIf(engine !== "postgres")(
  "a database outage under a write load (Postgres behind a TCP proxy)",
  () => {
    beforeAll(async () => {
      app = await startTestApp();
      const [row] = await queryRows<{ name: string }>(
        app.database.db,
        sql`select current_database() as name`,
      );
      const target = new URL(process.env.DATABASE_URL as string);
      target.pathname = `/${row?.name}`;
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      const viaProxy = new URL(target);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(proxy.port);
      proxied = await openDatabase({ kind: "postgres", url: viaProxy.toString(), poolSize: 5 });
      const config = loadConfig({
        NODE_ENV: "test",
        API_PORT: "0",
        LOG_LEVEL: "silent",
        SEED_DEMO: "false",
        MFA_ENFORCED: "false",
        TRUST_PROXY: "true",
      });
      server = await buildServer(config, {
        database: proxied,
        logger: pino({ level: process.env.FAULTS_LOG ?? "silent" }),
      });
      await new Promise<void>((resolve) => server.http.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      // pool.end() waits for every checked-out client: bounded, so that a client left checked out
      // by a connection that died mid-request (seen once in CI, not reproduced; under
      // investigation, see docs/scaling.md) cannot hang the worker.
      await Promise.race([
        proxied?.close() ?? Promise.resolve(),
        new Promise<void>((resolve) => setTimeout(resolve, 15_000)),
      ]);
      await proxy?.close();
      await app?.close();
    }, 60_000);

    it("answers UNAVAILABLE (503, retryable) while Postgres is gone, loses no acknowledged write, and recovers by itself", async () => {
      const celex = await loginVia(url, EMAIL("celex.analyst"));
      const at = await places(celex);
      const establishmentId = at.establishment("ITT");
      const outcomes: Outcome[] = [];
      let outage = false;
      let stop = false;

      const register = async (client: GraphQLClient, name: string): Promise<void> => {
        const during = outage;
        const res = await client.request<{
          personRegister: { person: { id: string } | null; userErrors: unknown[] } | null;
        }>(REGISTER, {
          input: {
            familyName: name,
            givenNames: "Faulto",
            dateOfBirth: "1990-05-17",
            sex: "MALE",
            nationalities: ["BE"],
            languageCommunity: "FR",
            admission: {
              admittedOn: "2024-01-10",
              legalStatus: "SENTENCED",
              sentenceMonths: 60,
              establishmentId,
              unitId: null,
            },
          },
        });
        const payload = res.data?.personRegister ?? null;
        outcomes.push({
          name,
          acknowledged:
            res.errors === undefined &&
            payload !== null &&
            payload.person !== null &&
            payload.userErrors.length === 0,
          status: res.status,
          codes: (res.errors ?? []).map((e) => String(e.extensions?.code)),
          retryable: (res.errors ?? []).map((e) => e.extensions?.retryable === true),
          retryAfter: res.headers.get("retry-after"),
          during: during || outage,
        });
      };

      const writer = async (n: number) => {
        for (let i = 0; !stop; i += 1) {
          await register(celex, `Faultload${n}x${i}`);
          // Keeps a failing loop from spinning while the database is away.
          if (outage) await new Promise((r) => setTimeout(r, 50));
        }
      };
      const writers = Array.from({ length: 10 }, (_, n) => writer(n));

      await new Promise((r) => setTimeout(r, 1_500));
      outage = true;
      await proxy.cut();
      await new Promise((r) => setTimeout(r, 1_000));
      const readyDuring = await fetch(`${url}/readyz`);
      await new Promise((r) => setTimeout(r, 1_000));
      await proxy.restore();
      const restoredAt = Date.now();
      outage = false;

      // Without a restart the API answers again within 5 s.
      let recoveredAfter = Number.POSITIVE_INFINITY;
      while (Date.now() - restoredAt < 5_000) {
        const res = await celex.request<{ viewer: { purposesAvailable: string[] } | null }>(
          "{ viewer { purposesAvailable } }",
        );
        if (
          res.status === 200 &&
          res.errors === undefined &&
          (res.data?.viewer?.purposesAvailable.length ?? 0) > 0
        ) {
          recoveredAfter = Date.now() - restoredAt;
          break;
        }
        if (process.env.FAULTS_LOG) console.log("recovery", res.status, JSON.stringify(res.errors));
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 1_000));
      stop = true;
      await Promise.all(writers);
      const readyAfter = await fetch(`${url}/readyz`);

      expect(readyDuring.status).toBe(503);
      expect(readyAfter.status).toBe(200);
      expect(recoveredAfter).toBeLessThan(5_000);

      // Nothing was ever answered as an internal error; every failure was a retryable UNAVAILABLE 503.
      const failed = outcomes.filter((o) => !o.acknowledged);
      expect(outcomes.flatMap((o) => o.codes)).not.toContain("INTERNAL_SERVER_ERROR");
      expect(failed.length, "some writes met the outage").toBeGreaterThan(0);
      for (const o of failed) {
        expect(o, JSON.stringify(o)).toMatchObject({ status: 503, retryAfter: "1" });
        expect(o.codes.length).toBeGreaterThan(0);
        expect(new Set(o.codes)).toEqual(new Set(["UNAVAILABLE"]));
        expect(o.retryable.every(Boolean)).toBe(true);
      }
      expect(failed.some((o) => o.during)).toBe(true);

      // Every acknowledged write is in the database (read directly, not through the proxy).
      const acknowledged = outcomes.filter((o) => o.acknowledged).map((o) => o.name);
      expect(acknowledged.length).toBeGreaterThan(0);
      const stored = await queryRows<{ family_name: string }>(
        app.database.db,
        sql`select family_name from persons where family_name like 'Faultload%'`,
      );
      const names = new Set(stored.map((r) => r.family_name));
      expect(acknowledged.filter((name) => !names.has(name))).toEqual([]);
    }, 60_000);
  },
);
