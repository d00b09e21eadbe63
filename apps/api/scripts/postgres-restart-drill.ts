import "reflect-metadata";
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import pg from "pg";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { ensureReferenceData } from "../src/seed/reference.js";
import { seedDemo } from "../src/seed/seed.js";
import { buildServer } from "../src/server.js";

// Drill: a real Postgres restart under a write load (the CI test, test/faults.test.ts, cuts a TCP
// proxy instead, so as not to disturb other suites). By hand only:
//
//   sudo DATABASE_URL=postgres://continuum_ci:continuum-ci@127.0.0.1:5432/continuum_drill \
//     node --import @swc-node/register/esm-register scripts/postgres-restart-drill.ts
//
// - Needs root (it runs `pg_ctlcluster 15 main restart`; PG_RESTART_COMMAND overrides it) and a
//   Postgres that nobody else uses: every connection to that cluster is cut.
// - The database must exist; it is migrated and given the demo directory (agencies, accounts).
// It prints what happened: writes acknowledged, lost (must be 0), answered UNAVAILABLE, answered
// otherwise (must be 0), and how long after the restart the API answered again. Exit code 1 on a
// lost write, an answer other than UNAVAILABLE/503, or no recovery within 30 s.

const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "continuum-demo";
const WRITERS = 10;
const restartCommand = (process.env.PG_RESTART_COMMAND ?? "pg_ctlcluster 15 main restart").split(" ");

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a database on a Postgres that nobody else uses.");
  process.exit(2);
}
// A drill account has no authenticator app: the second factor is not asked for here.
const config = loadConfig({
  ...process.env,
  API_PORT: "0",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
  MFA_ENFORCED: "false",
});
const server = await buildServer(config, { logger: pino({ level: config.logLevel }) });
await server.database.migrate();
await ensureReferenceData(server.database.db);
await seedDemo(server.database, { demoPassword: DEMO_PASSWORD, directoryOnly: true });
await new Promise<void>((resolve) => server.http.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}/graphql`;

async function gql<T = Record<string, never>>(
  cookie: string,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const res = await fetch(base, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T;
    errors?: { extensions?: Record<string, unknown> }[];
  };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), ...body };
}

const login = await fetch(base, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    query: "mutation($input: LoginInput!) { login(input: $input) { user { id } } }",
    variables: { input: { email: "celex.analyst@continuum.example", password: DEMO_PASSWORD } },
  }),
});
const cookie = login.headers
  .getSetCookie()
  .find((c) => c.startsWith("continuum_session="))
  ?.split(";")[0];
if (cookie === undefined) throw new Error(`login failed: ${await login.text()}`);
const viewer = await gql<{ viewer: { purposesAvailable: string[] } }>(
  cookie,
  "{ viewer { purposesAvailable } }",
);
await gql(
  cookie,
  "mutation($code: PurposeCode!) { sessionPurposeSet(input: { code: $code }) { purpose { code } } }",
  {
    code: viewer.data?.viewer.purposesAvailable[0],
  },
);
const establishments = await gql<{ establishments: { edges: { node: { id: string; code: string } }[] } }>(
  cookie,
  "{ establishments(first: 100) { edges { node { id code } } } }",
);
const establishmentId = establishments.data?.establishments.edges.find((e) => e.node.code === "ITT")?.node.id;

const REGISTER = `mutation($input: PersonRegisterInput!) {
  personRegister(input: $input) { person { id } userErrors { message } } }`;
const run = `Drill${Date.now()}`;
const acknowledged: string[] = [];
const unavailable: number[] = [];
const otherwise: unknown[] = [];
let stop = false;

async function writer(n: number): Promise<void> {
  for (let i = 0; !stop; i += 1) {
    const familyName = `${run}w${n}x${i}`;
    try {
      const res = await gql<{
        personRegister: { person: { id: string } | null; userErrors: { message: string }[] } | null;
      }>(cookie as string, REGISTER, {
        input: {
          familyName,
          givenNames: "Drill",
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
      const payload = res.data?.personRegister;
      if (res.errors === undefined && payload?.person && payload.userErrors.length === 0)
        acknowledged.push(familyName);
      else if (
        res.status === 503 &&
        res.retryAfter === "1" &&
        res.errors?.every((e) => e.extensions?.code === "UNAVAILABLE" && e.extensions.retryable === true)
      ) {
        unavailable.push(Date.now());
        await new Promise((r) => setTimeout(r, 100));
      } else otherwise.push({ status: res.status, errors: res.errors, userErrors: payload?.userErrors });
    } catch (error) {
      otherwise.push(String(error));
    }
  }
}

const writers = Array.from({ length: WRITERS }, (_, n) => writer(n));
await new Promise((r) => setTimeout(r, 2_000));
console.log(`restarting Postgres: ${restartCommand.join(" ")}`);
const restartedAt = Date.now();
// Asynchronously: the writers keep sending while Postgres goes down and comes back.
await promisify(execFile)(restartCommand[0] as string, restartCommand.slice(1));
const restartTook = Date.now() - restartedAt;

let recoveredAfter: number | null = null;
while (Date.now() - restartedAt < 30_000) {
  const res = await gql(cookie, "{ viewer { purposesAvailable } }").catch(() => null);
  if (res?.status === 200 && res.errors === undefined) {
    recoveredAfter = Date.now() - restartedAt - restartTook;
    break;
  }
  await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 2_000));
stop = true;
await Promise.all(writers);
const ready = await fetch(base.replace("/graphql", "/readyz"));

const direct = new pg.Client({ connectionString: url });
await direct.connect();
const stored = await direct.query<{ family_name: string }>(
  "select family_name from persons where family_name like $1",
  [`${run}%`],
);
await direct.end();
const names = new Set(stored.rows.map((r) => r.family_name));
const lost = acknowledged.filter((name) => !names.has(name));

console.log(
  JSON.stringify(
    {
      restartCommandMs: restartTook,
      recoveredAfterRestartCommandMs: recoveredAfter,
      readyzAfter: ready.status,
      acknowledged: acknowledged.length,
      lost: lost.length,
      answeredUnavailable: unavailable.length,
      answeredOtherwise: otherwise.length,
      firstOtherwise: otherwise.slice(0, 3),
    },
    null,
    2,
  ),
);
await server.close();
const ok = lost.length === 0 && otherwise.length === 0 && recoveredAfter !== null && ready.status === 200;
console.log(ok ? "DRILL PASSED" : "DRILL FAILED");
process.exit(ok ? 0 : 1);
