import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { freePort, type Service, startService, waitForHttp } from "./processes";

declare module "vitest" {
  export interface ProvidedContext {
    /** The running portal, e.g. http://127.0.0.1:41234 (no trailing slash). */
    portalUrl: string;
    /** Where the API logs and other run artefacts go. */
    runDir: string;
  }
}

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const apiDir = join(repoRoot, "apps/api");
const webDir = join(repoRoot, "apps/web");

function requireBuilt(): void {
  const missing = [join(apiDir, "dist/main.js"), join(webDir, ".next/BUILD_ID")].filter(
    (f) => !existsSync(f),
  );
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests run the built API and portal, and these are missing:\n  ${missing.join("\n  ")}\n` +
        "Run `pnpm build` at the repository root first.",
    );
  }
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new Error(
      `No Chromium at ${chromium}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
}

/**
 * Starts the whole product for the run: the API on a fresh database with the fictional demo
 * population, then the portal pointing at it. Both are stopped (SIGTERM) when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireBuilt();
  const runDir = mkdtempSync(join(process.env.TEST_RESULTS_DIR ?? tmpdir(), "continuum-e2e-"));
  const services: Service[] = [];
  const temporaryDirs: string[] = [];

  const teardown = async () => {
    for (const service of [...services].reverse()) await service.stop();
    for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
  };

  try {
    const apiPort = await freePort();
    const apiEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      API_HOST: "127.0.0.1",
      API_PORT: String(apiPort),
      SEED_DEMO: "true",
      // The portal is served over plain HTTP in this test.
      COOKIE_SECURE: "false",
      // The demo's settings: no second factor demanded, the portal's X-Forwarded-For trusted.
      MFA_ENFORCED: "false",
      TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
    };
    if (!process.env.DATABASE_URL) {
      const dataDir = mkdtempSync(join(tmpdir(), "continuum-e2e-pglite-"));
      temporaryDirs.push(dataDir);
      apiEnv.PGLITE_DATA_DIR = dataDir;
    }
    const api = startService("API", process.execPath, ["dist/main.js"], {
      cwd: apiDir,
      env: apiEnv,
      logFile: join(runDir, "api.log"),
    });
    services.push(api);

    const portalPort = await freePort();
    const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
    // Started while the API migrates and seeds; it needs the API only for requests.
    const portal = startService(
      "Portal",
      process.execPath,
      [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(portalPort)],
      {
        cwd: webDir,
        env: {
          ...process.env,
          NODE_ENV: "production",
          API_URL: `http://127.0.0.1:${apiPort}`,
          NEXT_TELEMETRY_DISABLED: "1",
        },
        logFile: join(runDir, "portal.log"),
      },
    );
    services.push(portal);

    const portalUrl = `http://127.0.0.1:${portalPort}`;
    await Promise.all([
      waitForHttp(`http://127.0.0.1:${apiPort}/readyz`, api, 120_000),
      waitForHttp(`${portalUrl}/en/login`, portal, 60_000),
    ]);
    project.provide("portalUrl", portalUrl);
    project.provide("runDir", runDir);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
