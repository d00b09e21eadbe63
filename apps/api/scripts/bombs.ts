import "reflect-metadata";
import { fork } from "node:child_process";
import { argv } from "node:process";
import { fileURLToPath } from "node:url";

// Operations too large to run ("bombs"), each past one of graphql-armor's limits (server.ts), and
// a script that fires each one 200 times while normal traffic runs, to show that refusing them is
// cheap and leaves other requests unharmed. test/limits.test.ts checks the refusals themselves.
//
//   pnpm bombs      (PGlite in memory; with DATABASE_URL, a fresh database beside it, as in tests)
//
// Figures of one run: docs/limits.md.

/** 200 aliases (the limit is 30), each a page of 100 persons: under the token limit. */
const ALIAS_BOMB = `{ ${Array.from({ length: 200 }, (_, i) => `p${i}: persons(first: 100) { totalCount }`).join(" ")} }`;
/** Fifteen levels (the limit is 12), through a report's versions. */
const DEPTH_BOMB = `{ persons(first: 1) { edges { node { reports(first: 1) { edges { node {
  versions { versions { versions { versions { versions { versions { versions { versions { id } } } } } } } }
} } } } } } }`;
/** Nested connections of 100 at each level: a million report versions (the cost limit is 20 000). */
const COST_BOMB = `{ persons(first: 100) { edges { node {
  reports(first: 100) { edges { node { versions { id title body person { id familyName } } } } }
} } } }`;
/** 50 directives (the limit is 20). */
const DIRECTIVE_BOMB = `{ ${Array.from({ length: 50 }, () => "__typename @skip(if: false)").join(" ")} }`;
/** 4000 tokens (the limit is 3000), well under the 1 MB body limit. */
const TOKEN_BOMB = `{ ${Array.from({ length: 4000 }, () => "__typename").join(" ")} }`;

/** Each bomb, and what its refusal's message says (the limit it broke). */
export const BOMBS: readonly { name: string; query: string; message: RegExp }[] = [
  { name: "alias", query: ALIAS_BOMB, message: /Aliases limit of 30 exceeded/ },
  { name: "depth", query: DEPTH_BOMB, message: /depth limit of 12 exceeded/i },
  { name: "cost", query: COST_BOMB, message: /Cost limit of 20000 exceeded/ },
  { name: "directive", query: DIRECTIVE_BOMB, message: /Directives limit of 20 exceeded/ },
  { name: "token", query: TOKEN_BOMB, message: /Token limit of 3000 exceeded/ },
];

/** A caseload page: what a portal user asks for all day. */
export const NORMAL_QUERY = `{ persons(first: 20) { totalCount edges { node { id familyName givenNames detentionStatus } } } }`;

const TIMES = 200;
const BOMB_CONCURRENCY = 8;
const NORMAL_CONCURRENCY = 2;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** In a child process of its own, so that the client's work does not share the server's event loop. */
async function serve(): Promise<void> {
  const { startTestApp } = await import("../test/harness.js");
  const app = await startTestApp({ seed: "demo" });
  process.send?.({ url: app.url });
  process.on("disconnect", () => void app.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const { EMAIL } = await import("../test/fixtures.js");
  const { DEMO_PASSWORD, GraphQLClient } = await import("../test/harness.js");
  const server = fork(fileURLToPath(import.meta.url), ["--serve"], { execArgv: process.execArgv });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.once("message", (message) => resolve((message as { url: string }).url));
      server.once("exit", (code) => reject(new Error(`the API stopped (${code})`)));
    });
    const login = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: "mutation($input: LoginInput!) { login(input: $input) { user { id } } }",
        variables: { input: { email: EMAIL("celex.analyst"), password: DEMO_PASSWORD } },
      }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("continuum_session="));
    if (cookie === undefined) throw new Error("could not log in");
    const analyst = new GraphQLClient(url, { cookie: cookie.split(";")[0] as string });
    const { viewer } = await analyst.data<{ viewer: { purposesAvailable: string[] } }>(
      "{ viewer { purposesAvailable } }",
    );
    await analyst.data(
      "mutation($code: PurposeCode!) { sessionPurposeSet(input: { code: $code }) { purpose { code } } }",
      {
        code: viewer.purposesAvailable[0],
      },
    );
    const timed = async (query: string) => {
      const start = performance.now();
      const res = await analyst.request(query);
      return { status: res.status, ms: performance.now() - start };
    };

    // Normal traffic alone, for comparison.
    const alone: number[] = [];
    for (let i = 0; i < 100; i++) alone.push((await timed(NORMAL_QUERY)).ms);

    let bombing = true;
    const during: number[] = [];
    const normalFailures: number[] = [];
    const normalTraffic = Promise.all(
      Array.from({ length: NORMAL_CONCURRENCY }, async () => {
        while (bombing) {
          const { status, ms } = await timed(NORMAL_QUERY);
          if (status === 200) during.push(ms);
          else normalFailures.push(status);
        }
      }),
    );
    const rows: string[] = [];
    for (const bomb of BOMBS) {
      const latencies: number[] = [];
      const statuses = new Set<number>();
      let next = 0;
      await Promise.all(
        Array.from({ length: BOMB_CONCURRENCY }, async () => {
          while (next < TIMES) {
            next += 1;
            const { status, ms } = await timed(bomb.query);
            statuses.add(status);
            latencies.push(ms);
          }
        }),
      );
      rows.push(
        `| ${bomb.name} | ${Buffer.byteLength(bomb.query)} | ${[...statuses].join(", ")} | ${ms(percentile(latencies, 50))} | ${ms(percentile(latencies, 99))} |`,
      );
    }
    bombing = false;
    await normalTraffic;

    console.log(
      `database: ${process.env.DATABASE_URL ? "postgres" : "pglite"}; API in a process of its own; each bomb ${TIMES} times, ${BOMB_CONCURRENCY} at a time,`,
    );
    console.log(`while ${NORMAL_CONCURRENCY} clients sent a caseload page (persons(first: 20)) in a loop.\n`);
    console.log("| bomb | bytes | HTTP status | p50 rejection | p99 rejection |");
    console.log("| --- | --- | --- | --- | --- |");
    for (const row of rows) console.log(row);
    console.log("\n| normal requests | count | p50 | p99 |");
    console.log("| --- | --- | --- | --- |");
    console.log(`| alone | ${alone.length} | ${ms(percentile(alone, 50))} | ${ms(percentile(alone, 99))} |`);
    console.log(
      `| during the bombs | ${during.length} | ${ms(percentile(during, 50))} | ${ms(percentile(during, 99))} |`,
    );
    if (normalFailures.length > 0) console.log(`\nnormal requests that failed: ${normalFailures.join(", ")}`);
  } finally {
    server.disconnect();
  }
}

if (argv[1] !== undefined && fileURLToPath(import.meta.url) === argv[1]) {
  if (argv.includes("--serve")) await serve();
  else await main();
}
