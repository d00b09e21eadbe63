import type { AddressInfo } from "node:net";
import { todayIso } from "@continuum/domain";
import { sql } from "drizzle-orm";
import pg from "pg";
import { pino } from "pino";
import type { Actor } from "../src/auth/actor.js";
import { authenticate } from "../src/auth/auth.service.js";
import { hashPassword } from "../src/auth/secrets.js";
import { loadConfig } from "../src/config.js";
import { type Database, openDatabase, queryRows } from "../src/db/client.js";
import { seedDemo } from "../src/seed/seed.js";
import { buildServer, type ContinuumServer } from "../src/server.js";

export const DEMO_PASSWORD = "continuum-demo";
export const TODAY = todayIso();

let shared: Promise<Database> | null = null;
let demoHash: Promise<string> | null = null;

/** The engine under test: real Postgres when DATABASE_URL is set (one database per worker), else PGlite. */
export const engine = process.env.DATABASE_URL ? "postgres" : "pglite";

async function openWorkerDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === "") {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    await database.migrate();
    return database;
  }
  const base = new URL(url);
  const name = `${base.pathname.slice(1) || "continuum_test"}_w${process.env.VITEST_POOL_ID ?? process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  base.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: base.toString(), poolSize: 5 });
  await database.migrate();
  return database;
}

export function testDatabase(): Promise<Database> {
  shared ??= openWorkerDatabase();
  return shared;
}

/** Empties every table (the schema and migrations stay) and restarts the audit chain from its genesis. */
export async function resetData(database: Database): Promise<void> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`,
  );
  await database.db.execute(
    sql.raw(`truncate ${tables.map((t) => t.name).join(", ")} restart identity cascade`),
  );
  await database.db.execute(sql`insert into audit_chain_head (id, last_hash) values (1, repeat('0', 64))`);
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data: T | null;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
  extensions: Record<string, unknown> | undefined;
}

export class GraphQLClient {
  constructor(
    readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    extraHeaders: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...this.headers, ...extraHeaders },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data?: T;
      errors?: GraphQLResponse["errors"];
      extensions?: Record<string, unknown>;
    };
    return {
      status: res.status,
      headers: res.headers,
      data: body.data ?? null,
      errors: body.errors,
      extensions: body.extensions,
    };
  }

  /** Like request, but fails the test on any GraphQL error. */
  async data<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors !== undefined || res.data === null)
      throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
}

export interface TestApp {
  url: string;
  server: ContinuumServer;
  database: Database;
  anonymous: GraphQLClient;
  /**
   * Logs in through the login mutation and returns a client that sends the session cookie. Unless
   * `purpose` is false, also states the first purpose the user's agency may state.
   */
  login(email: string, options?: { password?: string; purpose?: boolean }): Promise<GraphQLClient>;
  withToken(token: string): GraphQLClient;
  close(): Promise<void>;
}

export interface StartOptions {
  /** "directory": agencies, users and establishments only; "demo": the whole fictional population. */
  seed?: "directory" | "demo";
  today?: string;
  /** Require a second factor from accounts that read intelligence or clinical data (off by default in tests). */
  mfaEnforced?: boolean;
  /** More settings, as environment variables (e.g. RATE_LIMIT_PER_MINUTE, DATABASE_STATEMENT_TIMEOUT_MS). */
  env?: Record<string, string>;
}

/** A running API on a fresh copy of the worker's database, listening on a free port. */
export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const database = await testDatabase();
  await resetData(database);
  demoHash ??= hashPassword(DEMO_PASSWORD);
  await seedDemo(database, {
    demoPassword: DEMO_PASSWORD,
    passwordHash: await demoHash,
    directoryOnly: (options.seed ?? "directory") === "directory",
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  const config = loadConfig({
    NODE_ENV: "test",
    API_PORT: "0",
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    MFA_ENFORCED: options.mfaEnforced ? "true" : "false",
    // As behind the portal: tests give each simulated client its own X-Forwarded-For address.
    TRUST_PROXY: "true",
    // Suites fire many requests as one user: the rate limit is tested on its own (limits.test.ts).
    RATE_LIMIT_PER_MINUTE: "1000000",
    ...options.env,
  });
  const server = await buildServer(config, { database, logger: pino({ level: "silent" }) });
  // A test may pause between requests (long direct queries): the client's pooled connection must
  // not be closed under it by the server's idle timeout.
  server.http.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
  return {
    url,
    server,
    database,
    anonymous: new GraphQLClient(url),
    async login(email, { password = DEMO_PASSWORD, purpose = true } = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query:
            "mutation($input: LoginInput!) { login(input: $input) { user { id } userErrors { message } } }",
          variables: { input: { email, password } },
        }),
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("continuum_session="));
      if (cookie === undefined) throw new Error(`login failed for ${email}: ${await res.text()}`);
      const client = new GraphQLClient(url, { cookie: cookie.split(";")[0] as string });
      if (purpose) {
        const { viewer } = await client.data<{ viewer: { purposesAvailable: string[] } }>(
          "{ viewer { purposesAvailable } }",
        );
        await client.data(
          "mutation($code: PurposeCode!) { sessionPurposeSet(input: { code: $code }) { purpose { code } } }",
          {
            code: viewer.purposesAvailable[0],
          },
        );
      }
      return client;
    },
    withToken(token) {
      return new GraphQLClient(url, { authorization: `Bearer ${token}` });
    },
    close: () => server.close(),
  };
}

/** The actor behind a logged-in client, as the server authenticates it. */
export async function actorOf(app: TestApp, client: GraphQLClient): Promise<Actor> {
  const cookieHeader = (client as unknown as { headers: Record<string, string> }).headers.cookie ?? null;
  const actor = await authenticate(app.database, { authorization: null, cookieHeader }, false);
  if (actor === null) throw new Error("not logged in");
  return actor;
}
