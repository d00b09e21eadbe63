import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { seedDemo } from "../src/seed/seed.js";
import { DEMO_PASSWORD, engine } from "./harness.js";

const apiRoot = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "continuum-main-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// The child processes run on their own embedded database whatever the suite's engine: once is
// enough, in the PGlite pass.
describe.skipIf(engine === "postgres")("the API process (src/main.ts), as production runs it", () => {
  it("migrates, serves, and on SIGTERM stops cleanly with exit code 0", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "@swc-node/register/esm-register", "src/main.ts"], {
      cwd: apiRoot,
      env: {
        ...process.env,
        DATABASE_URL: "",
        NODE_ENV: "production",
        PGLITE_DATA_DIR: dataDir,
        SEED_DEMO: "false",
        API_PORT: String(port),
        API_HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    let ready = false;
    for (let i = 0; i < 360 && !ready && child.exitCode === null; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (res) => res.ok,
        () => false,
      );
    }
    expect(ready, output).toBe(true);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  }, 120_000);

  it("on SIGTERM under load: finishes the requests in flight, takes no new connection, exits 0 within the grace period", async () => {
    // The directory (agencies, accounts) is written beforehand, so the process starts quickly.
    const drainDir = mkdtempSync(path.join(tmpdir(), "continuum-drain-"));
    try {
      const seeding = await openDatabase({ kind: "pglite", dataDir: drainDir });
      await seeding.migrate();
      await seedDemo(seeding, { demoPassword: DEMO_PASSWORD, directoryOnly: true });
      await seeding.close();

      const graceMs = 20_000;
      const port = await freePort();
      const child = spawn(process.execPath, ["--import", "@swc-node/register/esm-register", "src/main.ts"], {
        cwd: apiRoot,
        env: {
          ...process.env,
          DATABASE_URL: "",
          NODE_ENV: "production",
          PGLITE_DATA_DIR: drainDir,
          SEED_DEMO: "false",
          API_PORT: String(port),
          API_HOST: "127.0.0.1",
          SHUTDOWN_GRACE_MS: String(graceMs),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const base = `http://127.0.0.1:${port}`;
      let ready = false;
      for (let i = 0; i < 360 && !ready && child.exitCode === null; i += 1) {
        await new Promise((r) => setTimeout(r, 250));
        ready = await fetch(`${base}/readyz`).then(
          (res) => res.ok,
          () => false,
        );
      }
      expect(ready, output).toBe(true);

      const login = await fetch(`${base}/graphql`, {
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
      expect(cookie, output).toBeDefined();
      const headers = { "content-type": "application/json", cookie: cookie as string };
      const purposes = (await (
        await fetch(`${base}/graphql`, {
          method: "POST",
          headers,
          body: JSON.stringify({ query: "{ viewer { purposesAvailable } }" }),
        })
      ).json()) as { data: { viewer: { purposesAvailable: string[] } } };
      await fetch(`${base}/graphql`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          query:
            "mutation($code: PurposeCode!) { sessionPurposeSet(input: { code: $code }) { purpose { code } } }",
          variables: { code: purposes.data.viewer.purposesAvailable[0] },
        }),
      });

      // Ten requests in flight when the signal comes: the client has sent their headers and half
      // of their bodies, and sends the rest only once the server has stopped taking connections.
      // They ask a figure over every case (listingComparison), the kind of query that takes time.
      const body = JSON.stringify({
        query: "query($on: Date!) { listingComparison(on: $on) { on celexListed watchlisted } }",
        variables: { on: "2026-11-01" },
      });
      const inFlight = Array.from({ length: 10 }, () => {
        let finish: () => void = () => undefined;
        const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = httpRequest(`${base}/graphql`, {
            method: "POST",
            headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
          });
          req.on("response", (res) => {
            let text = "";
            res.on("data", (chunk: Buffer) => {
              text += chunk.toString();
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
          });
          req.on("error", reject);
          req.write(body.slice(0, 20));
          finish = () => req.end(body.slice(20));
        });
        return { answered, finish: () => finish() };
      });
      // Let the server accept all ten connections and start reading them.
      await new Promise((r) => setTimeout(r, 500));

      child.kill("SIGTERM");
      const signalledAt = Date.now();

      // New connections are refused (or answered 503) once the server has stopped listening.
      let refused = false;
      for (let i = 0; i < 100 && !refused; i += 1) {
        refused = await new Promise<boolean>((resolve) => {
          const socket = connect(port, "127.0.0.1");
          socket.on("connect", () => {
            socket.destroy();
            resolve(false);
          });
          socket.on("error", () => resolve(true));
        });
        if (!refused) await new Promise((r) => setTimeout(r, 100));
      }
      expect(refused, output).toBe(true);

      for (const request of inFlight) request.finish();
      const answers = await Promise.all(inFlight.map((r) => r.answered));
      for (const answer of answers) {
        expect(answer.status, answer.text).toBe(200);
        const parsed = JSON.parse(answer.text) as {
          data?: { listingComparison?: { on: string } };
          errors?: unknown;
        };
        expect(parsed.errors, answer.text).toBeUndefined();
        expect(parsed.data?.listingComparison?.on).toBe("2026-11-01");
      }

      expect(await exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(graceMs + 10_000);
      expect(output).toContain('"msg":"stopped"');
    } finally {
      rmSync(drainDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("refuses to start on invalid configuration, naming the variable", async () => {
    const child = spawn(process.execPath, ["--import", "@swc-node/register/esm-register", "src/main.ts"], {
      cwd: apiRoot,
      env: { ...process.env, API_PORT: "not-a-port" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("Invalid configuration");
    expect(stderr).toContain("API_PORT");
  }, 60_000);
});
