/**
 * The load benchmark, run by hand (never by CI):
 *
 *   pnpm --filter @continuum/tests-load bench -- --scale belgium
 *
 * Loads the scale's fictional data set (generate.ts), builds and starts the API (apps/api/dist) over
 * it, logs in, issues an API token for the CelEx integration account, drives each scenario over
 * HTTP with autocannon, counts the SQL statements behind one request of each (an in-process server
 * over the same database, with pg's Client.query counted), runs the same reads through PostGraphile
 * 4 and the caseload's own SQL through the raw pg driver, times a 10k-person import, and writes
 * tests/load/results/<scale>.json and .md (see report.ts).
 *
 * Options: --scale belgium|europe, --skip-generate (reuse the loaded database), --no-build,
 * --duration <s> (per scenario, default 10), --connections <n> (default 10), --budget <s> (load),
 * --unbounded-timeout-ms <ms> (statement timeout of the in-process server that counts statements
 * and times once what the API stops at its own timeout; default 600000), --skip <keys> (scenarios
 * left out, comma-separated: caseload10, caseload50, caseloadPage, caseFile, register, calendar,
 * snapshot, series, import), --cpu-prof <dir> (the API's V8 CPU profile of the run, written there).
 */
import "reflect-metadata";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import pino from "pino";
import { loadConfig } from "../../../apps/api/src/config.js";
import { openDatabase } from "../../../apps/api/src/db/client.js";
import { inventName } from "../../../apps/api/src/seed/population/names.js";
import { Random } from "../../../apps/api/src/seed/population/random.js";
import { buildServer } from "../../../apps/api/src/server.js";
import { DEFAULT_URL, DEMO_PASSWORD, type GenerateResult, generate, scaleFromArgs } from "./generate.js";
import {
  type BenchResults,
  type ImportResult,
  renderReport,
  type ScenarioResult,
  type Timing,
} from "./report.js";
import * as Q from "./scenarios.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../../..");
const API_DIR = join(ROOT, "apps/api");
const RESULTS = join(HERE, "../results");
const API_PORT = 4100;
const GRAPHILE_PORT = 5100;
const GRAPHILE_ROLE = "continuum_bench_graphile";
const GRAPHILE_PASSWORD = "continuum-bench";
const EMAIL = (local: string) => `${local}@continuum.example`;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const skipped = argv.includes("--skip") ? (argv[argv.indexOf("--skip") + 1] ?? "").split(",") : [];
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const DURATION = option("duration", 10);
const CONNECTIONS = option("connections", 10);
const log = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

interface Request {
  query: string;
  variables?: Record<string, unknown>;
}

/** One GraphQL call; throws on HTTP or GraphQL errors (a scenario must answer before it is timed). */
async function call<T>(url: string, headers: Record<string, string>, request: Request): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!res.ok || body.errors !== undefined) {
    throw new Error(`${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 800)}`);
  }
  return body.data as T;
}

async function waitFor(url: string, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok || res.status === 400 || res.status === 405) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up in ${seconds} s`);
}

function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match === null ? null : Number(match[1]) / 1024;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const ALONE_REQUESTS = 20;

/** The request sent ALONE_REQUESTS times, one after the other, with nothing else running: what one user waits. */
async function timeAlone(
  url: string,
  headers: Record<string, string>,
  request: Request,
): Promise<{ p50: number; p95: number }> {
  const latencies: number[] = [];
  for (let i = 0; i < ALONE_REQUESTS; i += 1) {
    const started = performance.now();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(request),
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/** Times the request alone, then drives it with autocannon for DURATION seconds; latencies from every response. */
async function drive(
  url: string,
  headers: Record<string, string>,
  request: Request,
  pid?: number,
): Promise<Timing> {
  const alone = await timeAlone(url, headers, request);
  const latencies: number[] = [];
  let maxRss = rssMb(pid);
  const sampler = setInterval(() => {
    const now = rssMb(pid);
    if (now !== null && (maxRss === null || now > maxRss)) maxRss = now;
  }, 200);
  let finished: (result: autocannon.Result) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url,
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(request),
      connections: CONNECTIONS,
      duration: DURATION,
    },
    (error, result) => (error ? failed(error) : finished(result)),
  );
  instance.on("response", (_client, _status, _bytes, time) => {
    latencies.push(time);
  });
  const result = await done;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx + result.timeouts,
    maxRssMb: maxRss,
    alone,
  };
}

// --- statement counting: pg's Client.query, counted while a flag is up --------------------------
interface Recorded {
  text: string;
  values: unknown[];
  /** Milliseconds from sending the statement to its answer (single request, no load). */
  ms?: number;
}
let recording: Recorded[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
  if (recording !== null) {
    const first = args[0] as string | { text: string; values?: unknown[] };
    const text = typeof first === "string" ? first : first.text;
    const values =
      typeof first === "string"
        ? ((args[1] as unknown[] | undefined) ?? [])
        : (first.values ?? (args[1] as unknown[] | undefined) ?? []);
    const entry: Recorded = { text, values };
    recording.push(entry);
    const started = performance.now();
    const answer = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    if (answer instanceof Promise) {
      answer.then(
        () => {
          entry.ms = performance.now() - started;
        },
        () => undefined,
      );
    }
    return answer;
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

async function statementsOf(
  url: string,
  headers: Record<string, string>,
  request: Request,
): Promise<Recorded[]> {
  await call(url, headers, request); // warm-up (token look-up, caches)
  recording = [];
  await call(url, headers, request);
  // The audit append runs after the response in a transaction of its own: let it land.
  await new Promise((r) => setTimeout(r, 300));
  const seen = recording;
  recording = null;
  return seen;
}

// --- raw SQL: the caseload's own statements through pg, same concurrency --------------------------
const WRITES = /^\s*(insert|update|delete|with\s[\s\S]*\b(insert|update|delete)\b)/i;

async function rawReplay(statements: Recorded[], url: string): Promise<Timing> {
  const reads = statements.filter((s) => !WRITES.test(s.text) && !/app_audit|audit_/i.test(s.text));
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + DURATION * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      const client = await pool.connect();
      try {
        for (const s of reads) await client.query(s.text, s.values);
      } catch {
        errors += 1;
        await client.query("rollback").catch(() => undefined);
      } finally {
        client.release();
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await pool.end();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / DURATION,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    maxRssMb: null,
    alone: null,
  };
}

// --- import throughput ---------------------------------------------------------------------------
function importFile(count: number): string[] {
  const random = Random.stream(20261127, "bench-import");
  const lines: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const sex = random.chance(0.1) ? "FEMALE" : "MALE";
    const name = inventName(random, sex);
    lines.push(
      JSON.stringify({
        externalId: `BENCH-${i}`,
        familyName: name.familyName,
        givenNames: name.givenNames,
        aliases: name.aliases,
        dateOfBirth: `19${random.int(60, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        sex,
        nationalities: ["BE"],
        languageCommunity: random.pick(["FR", "NL"]),
        returnee: false,
        failedTraveller: false,
      }),
    );
  }
  // Parts under the API's 1 MB body limit, each ending at a line boundary.
  const parts: string[] = [];
  let part = "";
  for (const line of lines) {
    if (part.length + line.length + 1 > 700_000) {
      parts.push(part);
      part = "";
    }
    part += `${line}\n`;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

async function timeImport(
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<ImportResult> {
  const parts = importFile(count);
  const job = "importJob { id status total applied invalid recordsPerMinute } userErrors { field message }";
  type Payload = {
    importJob: { id: string; status: string; applied: number; invalid: number } | null;
    userErrors: unknown[];
  };
  const created = await call<{ importJobCreate: Payload }>(url, headers, {
    query: `mutation($input: ImportJobCreateInput!) { importJobCreate(input: $input) { ${job} } }`,
    variables: {
      input: {
        recordType: "PERSON",
        format: "NDJSON",
        // A source of its own per run: every run imports 10,000 new persons, never updates.
        sourceSystem: `BENCH-${Date.now()}`,
        fileName: "bench.ndjson",
        content: parts[0],
      },
    },
  });
  const id = created.importJobCreate.importJob?.id;
  if (id === undefined)
    throw new Error(`import not created: ${JSON.stringify(created.importJobCreate.userErrors)}`);
  for (const part of parts.slice(1)) {
    await call(url, headers, {
      query: `mutation($input: ImportJobAppendInput!) { importJobAppend(input: $input) { ${job} } }`,
      variables: { input: { importJobId: id, content: part } },
    });
  }
  const started = performance.now();
  await call(url, headers, {
    query: `mutation($id: ID!) { importJobStart(input: { importJobId: $id }) { ${job} } }`,
    variables: { id },
  });
  for (;;) {
    const { importJob } = await call<{ importJob: { status: string; applied: number; invalid: number } }>(
      url,
      headers,
      {
        query: "query($id: ID!) { importJob(id: $id) { status applied invalid } }",
        variables: { id },
      },
    );
    if (importJob.status !== "RUNNING" && importJob.status !== "RECEIVING") {
      const seconds = (performance.now() - started) / 1000;
      return { records: count, seconds, recordsPerMinute: (count / seconds) * 60, ...importJob };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// --- processes -----------------------------------------------------------------------------------
function startApi(url: string): ChildProcess {
  // --cpu-prof <dir>: the API writes a V8 CPU profile of the whole run there when it stops.
  const profile = argv.includes("--cpu-prof")
    ? ["--cpu-prof", `--cpu-prof-dir=${argv[argv.indexOf("--cpu-prof") + 1]}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(API_DIR, "dist/main.js")], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      API_PORT: String(API_PORT),
      API_HOST: "127.0.0.1",
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      MFA_ENFORCED: "false",
      // One token drives every scenario: the per-actor budget would otherwise measure itself.
      RATE_LIMIT_PER_MINUTE: "100000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

function ensureGraphileRole(database: string): boolean {
  const sql = `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${GRAPHILE_ROLE}') THEN
      CREATE ROLE ${GRAPHILE_ROLE} LOGIN PASSWORD '${GRAPHILE_PASSWORD}' NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS; END IF; END $$;
    GRANT USAGE ON SCHEMA public TO ${GRAPHILE_ROLE};
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${GRAPHILE_ROLE};`;
  try {
    execFileSync(
      "su",
      ["postgres", "-c", `psql -q -d ${database} -c "${sql.replace(/\$/g, "\\$").replace(/"/g, '\\"')}"`],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    return true;
  } catch (error) {
    log(`PostGraphile skipped: could not create its role (${String(error)})`);
    return false;
  }
}

function startGraphile(dbUrl: string): ChildProcess {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve("postgraphile/package.json")), "cli.js");
  const target = new URL(dbUrl);
  target.username = GRAPHILE_ROLE;
  target.password = GRAPHILE_PASSWORD;
  return spawn(
    process.execPath,
    [
      cli,
      "-c",
      target.toString(),
      "-s",
      "public",
      "-p",
      String(GRAPHILE_PORT),
      "-n",
      "127.0.0.1",
      "--disable-query-log",
      "--disable-default-mutations",
    ],
    { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] },
  );
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

// --- main ----------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const scale = scaleFromArgs();
  const dbUrl = process.env.DATABASE_URL ?? DEFAULT_URL;
  let load: GenerateResult | null = null;
  if (!flag("skip-generate")) {
    log(`loading the ${scale.name} data set (${scale.persons} persons, ${scale.events} events)`);
    load = await generate(dbUrl, scale, option("budget", 600));
    log(`loaded ${load.persons} persons, ${load.events} events in ${load.seconds.toFixed(0)} s`);
  }
  const counts = (
    await new pg.Pool({ connectionString: dbUrl, max: 1 }).query(
      `select (select count(*) from persons)::int as persons,
       (select count(*) from detention_episodes)::int + (select count(*) from placements)::int
       + (select count(*) from screenings)::int + (select count(*) from listing_periods)::int
       + (select count(*) from security_measures)::int + (select count(*) from decisions)::int as events`,
    )
  ).rows[0] as { persons: number; events: number };
  if (!flag("no-build")) {
    log("building the API (apps/api: tsc -p tsconfig.build.json)");
    execFileSync(join(API_DIR, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], {
      cwd: API_DIR,
      stdio: "inherit",
    });
  }
  const api = startApi(dbUrl);
  const apiUrl = `http://127.0.0.1:${API_PORT}/graphql`;
  let inProcess: Awaited<ReturnType<typeof buildServer>> | null = null;
  let graphile: ChildProcess | null = null;
  try {
    await waitFor(`http://127.0.0.1:${API_PORT}/readyz`, 120);
    const idleRss = rssMb(api.pid);
    log(`API up (pid ${api.pid}, RSS ${idleRss?.toFixed(0)} MB)`);

    // Admin: an API token for the CelEx integration account.
    const loginAs = async (email: string) => {
      const res = await fetch(apiUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query:
            "mutation($input: LoginInput!) { login(input: $input) { user { id } userErrors { message } } }",
          variables: { input: { email, password: DEMO_PASSWORD } },
        }),
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("continuum_session="));
      if (cookie === undefined) throw new Error(`login failed for ${email}: ${await res.text()}`);
      const headers = { cookie: cookie.split(";")[0] as string };
      const { viewer } = await call<{ viewer: { purposesAvailable: string[] } }>(apiUrl, headers, {
        query: "{ viewer { purposesAvailable } }",
      });
      await call(apiUrl, headers, {
        query:
          "mutation($code: PurposeCode!) { sessionPurposeSet(input: { code: $code }) { purpose { code } } }",
        variables: { code: viewer.purposesAvailable[0] },
      });
      return headers;
    };
    const admin = await loginAs(EMAIL("admin"));
    const analyst = await loginAs(EMAIL("celex.analyst"));
    const { users } = await call<{ users: { edges: { node: { id: string; email: string } }[] } }>(
      apiUrl,
      admin,
      {
        query: "query($s: String) { users(first: 5, search: $s) { edges { node { id email } } } }",
        variables: { s: EMAIL("celex.integration") },
      },
    );
    const accountId = users.edges.find((e) => e.node.email === EMAIL("celex.integration"))?.node.id;
    const issued = await call<{ apiTokenCreate: { token: string | null; userErrors: unknown[] } }>(
      apiUrl,
      admin,
      {
        query: `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { field message } } }`,
        variables: {
          input: {
            userId: accountId,
            name: `Load benchmark ${new Date().toISOString()}`,
            scopes: ["READ", "WRITE"],
            expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
            purpose: { code: "SYSTEM_INTEGRATION", note: "Load benchmark" },
          },
        },
      },
    );
    if (issued.apiTokenCreate.token === null)
      throw new Error(JSON.stringify(issued.apiTokenCreate.userErrors));
    const token = { authorization: `Bearer ${issued.apiTokenCreate.token}` };

    // A person for the case file: the first of the caseload.
    const page = await call<{ persons: { edges: { node: { id: string } }[] } }>(apiUrl, token, {
      query: Q.CASELOAD,
      variables: { first: 1 },
    });
    const personGlobalId = page.persons.edges[0]?.node.id as string;
    const personUuid = Buffer.from(personGlobalId, "base64url").toString("utf8").split(":")[1] as string;

    const allScenarios: { key: string; label: string; api: Request; graphile: Request | null }[] = [
      {
        key: "caseload10",
        label: "(a) caseload, persons(first: 10)",
        api: { query: Q.CASELOAD, variables: { first: 10 } },
        graphile: { query: Q.PG_CASELOAD, variables: { first: 10 } },
      },
      {
        key: "caseload50",
        label: "(a) caseload, persons(first: 50)",
        api: { query: Q.CASELOAD, variables: { first: 50 } },
        graphile: { query: Q.PG_CASELOAD, variables: { first: 50 } },
      },
      {
        key: "caseloadPage",
        label: "(a) caseload page without totalCount, persons(first: 50)",
        api: { query: Q.CASELOAD_PAGE, variables: { first: 50 } },
        graphile: { query: Q.PG_CASELOAD_PAGE, variables: { first: 50 } },
      },
      {
        key: "caseFile",
        label: "(b) case file with timeline",
        api: { query: Q.CASE_FILE, variables: { id: personGlobalId } },
        graphile: { query: Q.PG_CASE_FILE, variables: { id: personUuid } },
      },
      {
        key: "register",
        label: "(c) measures register",
        api: { query: Q.MEASURES_REGISTER },
        graphile: { query: Q.PG_MEASURES_REGISTER },
      },
      {
        key: "calendar",
        label: "(d) release calendar (12 months, first 50)",
        api: { query: Q.RELEASE_CALENDAR },
        graphile: { query: Q.PG_RELEASE_CALENDAR },
      },
      {
        key: "snapshot",
        label: "(e) as-of snapshot by category",
        api: { query: Q.SNAPSHOT },
        graphile: null,
      },
      { key: "series", label: "(f) 6-year monthly series", api: { query: Q.SERIES }, graphile: null },
    ];
    const scenarios = allScenarios.filter((s) => !skipped.includes(s.key));
    // Each scenario must answer without errors before it is timed; one that does not is reported.
    const failures = new Map<string, string>();
    for (const s of scenarios) {
      const started = performance.now();
      try {
        await call(apiUrl, token, s.api);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.set(s.key, `${message.slice(0, 200)} (after ${Math.round(performance.now() - started)} ms)`);
        log(`${s.label} fails: ${failures.get(s.key)}`);
      }
    }

    // Statements per request: the same requests through an in-process server on the same database.
    const config = loadConfig({
      NODE_ENV: "production",
      API_PORT: "0",
      DATABASE_URL: dbUrl,
      SEED_DEMO: "false",
      LOG_LEVEL: "silent",
      MFA_ENFORCED: "false",
      // Lifted here only, to time once what the API proper stops at its statement timeout.
      DATABASE_STATEMENT_TIMEOUT_MS: String(option("unbounded-timeout-ms", 600_000)),
    });
    const database = await openDatabase({ kind: "postgres", url: dbUrl, poolSize: 4 });
    inProcess = await buildServer(config, { database, logger: pino({ level: "silent" }) });
    await new Promise<void>((resolve) => inProcess?.http.listen(0, "127.0.0.1", resolve));
    const localUrl = `http://127.0.0.1:${(inProcess.http.address() as AddressInfo).port}/graphql`;
    const statements = new Map<string, Recorded[]>();
    const single = new Map<string, number>();
    for (const s of scenarios) {
      log(`statements: ${s.label}`);
      const started = performance.now();
      try {
        statements.set(s.key, await statementsOf(localUrl, token, s.api));
        single.set(s.key, (performance.now() - started) / 2);
      } catch (error) {
        recording = null;
        log(`  not counted: ${String(error).slice(0, 200)}`);
      }
    }
    await inProcess.close();
    inProcess = null;

    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      const failure = failures.get(s.key);
      if (failure !== undefined) {
        results.push({
          key: s.key,
          label: s.label,
          system: "Continuum API",
          requests: 0,
          rps: 0,
          p50: Number.NaN,
          p95: Number.NaN,
          p99: Number.NaN,
          errors: 1,
          maxRssMb: null,
          alone: null,
          statements: statements.get(s.key)?.length ?? null,
          failure,
          unboundedMs: single.get(s.key) ?? null,
        });
        continue;
      }
      log(`API: ${s.label}`);
      const timing = await drive(apiUrl, token, s.api, api.pid);
      results.push({
        key: s.key,
        label: s.label,
        system: "Continuum API",
        ...timing,
        statements: statements.get(s.key)?.length ?? null,
      });
    }
    const caseloadSql = statements.get("caseload50") ?? [];
    // The statements behind one request of each scenario, with their times (explain.ts reads them).
    writeFileSync(
      join(RESULTS_DIR(), `${scale.name}-statements.json`),
      JSON.stringify(Object.fromEntries(statements), null, 1),
    );
    if (caseloadSql.length > 0) {
      log("raw pg: the caseload's read statements (first: 50)");
      const raw = await rawReplay(caseloadSql, dbUrl);
      results.push({
        key: "caseload50",
        label: "(a) caseload, persons(first: 50)",
        system: "raw SQL (pg)",
        ...raw,
        statements: caseloadSql.filter((s) => !WRITES.test(s.text)).length,
      });
    }

    log("import of 10k persons");
    const imported = skipped.includes("import") ? null : await timeImport(apiUrl, analyst, 10_000);
    const finalRss = rssMb(api.pid);

    if (ensureGraphileRole(new URL(dbUrl).pathname.slice(1))) {
      graphile = startGraphile(dbUrl);
      const graphileUrl = `http://127.0.0.1:${GRAPHILE_PORT}/graphql`;
      await waitFor(`http://127.0.0.1:${GRAPHILE_PORT}/graphql`, 120);
      for (const s of scenarios) {
        if (s.graphile === null) continue;
        try {
          await call(graphileUrl, {}, s.graphile);
        } catch (error) {
          log(`PostGraphile: ${s.label} fails: ${String(error).slice(0, 200)}`);
          continue;
        }
        log(`PostGraphile: ${s.label}`);
        const timing = await drive(graphileUrl, {}, s.graphile, graphile.pid);
        results.push({ key: s.key, label: s.label, system: "PostGraphile 4", ...timing, statements: null });
      }
    }

    const bench: BenchResults = {
      scale: scale.name,
      when: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${(await new pg.Pool({ connectionString: dbUrl, max: 1 }).query("select version()")).rows[0].version.split(" on ")[0]}`,
      durationSeconds: DURATION,
      connections: CONNECTIONS,
      data: { persons: counts.persons, events: counts.events, load },
      apiIdleRssMb: idleRss,
      apiFinalRssMb: finalRss,
      results,
      import: imported,
    };
    writeFileSync(join(RESULTS_DIR(), `${scale.name}.json`), JSON.stringify(bench, null, 2));
    const markdown = renderReport(bench);
    writeFileSync(join(RESULTS_DIR(), `${scale.name}.md`), markdown);
    process.stdout.write(markdown);
  } finally {
    if (inProcess !== null) await inProcess.close().catch(() => undefined);
    if (graphile !== null) await stop(graphile);
    await stop(api);
  }
}

function RESULTS_DIR(): string {
  mkdirSync(RESULTS, { recursive: true });
  return RESULTS;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
