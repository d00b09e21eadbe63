#!/usr/bin/env node
// The two commands of the README, runnable with nothing but Node 20 installed:
//   npm start  (or pnpm start): installs, builds and starts the API and the portal on the embedded
//                               database with the fictional demo data, and prints where to go.
//   npm test   (or pnpm test):  installs and runs the whole test suite (unit, integration, browser).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "12.4.2";
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" };

function log(message) {
  console.log(`\x1b[1m[continuum]\x1b[0m ${message}`);
}

/** pnpm at the pinned version: the one on PATH if it matches, else a copy installed into .tools/. */
function pnpmCommand() {
  const onPath = spawnSync("pnpm", ["--version"], { encoding: "utf8", env });
  if (onPath.status === 0 && onPath.stdout.trim() === PNPM_VERSION) return "pnpm";
  const bin = path.join(root, ".tools", "node_modules", ".bin");
  const local = path.join(bin, "pnpm");
  // turbo looks for the package manager on PATH.
  env.PATH = `${bin}${path.delimiter}${env.PATH ?? ""}`;
  if (!existsSync(local)) {
    log(`installing pnpm ${PNPM_VERSION} into .tools/`);
    execFileSync(
      "npm",
      ["install", "--prefix", path.join(root, ".tools"), "--no-save", `pnpm@${PNPM_VERSION}`],
      {
        stdio: "inherit",
        env,
      },
    );
  }
  return local;
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function install(pnpm) {
  log("installing dependencies (pnpm install --frozen-lockfile)");
  run(pnpm, ["install", "--frozen-lockfile"]);
}

async function waitFor(url, label, child) {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`${label} stopped during start-up (exit ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${label} did not answer at ${url}`);
}

const DEMO_ACCOUNTS = [
  ["celex.analyst", "CelEx analyst: every person, screenings"],
  ["dgepi.director", "Director General (DG EPI)"],
  ["prison-ittre.director", "Director, prison of Ittre: its inmates"],
  ["prison-ittre.officer", "Prison staff, Ittre"],
  ["prison-hasselt.officer", "Prison staff, Hasselt"],
  ["psd-ittre.psychologist", "Psychosocial service, Ittre"],
  ["vsse.officer", "State Security"],
  ["cuta.analyst", "Threat analysis (CUTA)"],
  ["celex.statistician", "CelEx statistician: figures over every case (/analytics, /explorer)"],
  ["ltf-brussels.member", "Local Task Force Brussels: released into Brussels"],
  ["lcis-molenbeek.member", "Local cell Molenbeek: released into Molenbeek"],
  ["admin", "Platform administrator: users and API tokens"],
];

async function start() {
  const pnpm = pnpmCommand();
  install(pnpm);
  log("building (turbo run build)");
  run(pnpm, ["exec", "turbo", "run", "build"]);

  const apiPort = process.env.API_PORT ?? "4000";
  const webPort = process.env.PORT ?? process.env.WEB_PORT ?? "3000";
  const apiUrl = `http://localhost:${apiPort}`;
  const embedded = !process.env.DATABASE_URL;
  const apiEnv = {
    ...env,
    API_PORT: apiPort,
    PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? path.join(root, ".data"),
    NODE_ENV: process.env.NODE_ENV ?? "production",
    COOKIE_SECURE: process.env.COOKIE_SECURE ?? "false",
    // The demo does not force a second factor on accounts that read intelligence or clinical data
    // (production does: MFA_ENFORCED defaults to true). Set MFA_ENFORCED=true to try the flow.
    MFA_ENFORCED: process.env.MFA_ENFORCED ?? "false",
    // The portal is the proxy in front of the API: it adds the client's address to X-Forwarded-For.
    TRUST_PROXY: process.env.TRUST_PROXY ?? "true",
  };
  log(
    embedded
      ? `starting the API on the embedded database in ${apiEnv.PGLITE_DATA_DIR} (first start loads the demo data)`
      : "starting the API on DATABASE_URL",
  );
  const api = spawn(process.execPath, ["dist/main.js"], {
    cwd: path.join(root, "apps/api"),
    stdio: "inherit",
    env: apiEnv,
  });
  const nextBin = path.join(root, "apps/web/node_modules/next/dist/bin/next");
  const web = spawn(process.execPath, [nextBin, "start"], {
    cwd: path.join(root, "apps/web"),
    stdio: "inherit",
    env: { ...env, PORT: webPort, API_URL: apiUrl, NODE_ENV: "production" },
  });
  const children = [api, web];
  // Once stopping (Ctrl+C, or one process failed), the others' exits are expected.
  let stopping = false;
  const stop = (signal) => {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGTERM"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGHUP", () => stop("SIGTERM"));
  for (const child of children)
    child.on("exit", (code) => {
      if (!stopping && code !== 0 && code !== null) {
        log(`a process stopped with exit code ${code}; stopping the rest`);
        stop("SIGTERM");
        process.exitCode = code;
      }
    });

  try {
    await waitFor(`${apiUrl}/readyz`, "the API", api);
    await waitFor(`http://localhost:${webPort}/en/login`, "the portal", web);
  } catch (error) {
    log(String(error));
    stop("SIGTERM");
    process.exit(1);
  }
  const password = process.env.DEMO_PASSWORD ?? "continuum-demo";
  console.log(`
  Continuum is running (fictional demo data only).

    Portal   http://localhost:${webPort}
    GraphQL  ${apiUrl}/graphql   (health: ${apiUrl}/healthz, readiness: ${apiUrl}/readyz)

  Log in with any demo account; the password is "${password}":
${DEMO_ACCOUNTS.map(([local, what]) => `    ${`${local}@continuum.example`.padEnd(42)} ${what}`).join("\n")}
    (all accounts: README.md, "Demo accounts")

  After logging in, state the purpose of your session (it is recorded with every read).
  Second factor: not enforced in the demo (MFA_ENFORCED=true to try it).

  Press Ctrl+C to stop.
`);
}

function test() {
  const pnpm = pnpmCommand();
  install(pnpm);
  log(
    `running the test suite on ${process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : "the embedded database (PGlite)"}`,
  );
  // --continue: one failing package must not hide the results of the others.
  run(pnpm, ["exec", "turbo", "run", "test", "--concurrency=1", "--continue"]);
}

const command = process.argv[2];
if (command === "start") await start();
else if (command === "test") test();
else {
  console.error("usage: node scripts/continuum.mjs start|test");
  process.exit(2);
}
