import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

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

describe("the API process (src/main.ts), as production runs it", () => {
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
    for (let i = 0; i < 120 && !ready && child.exitCode === null; i += 1) {
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
  }, 60_000);

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
