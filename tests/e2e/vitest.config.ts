import { join } from "node:path";
import { defineConfig } from "vitest/config";

const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Builds nothing: starts the built API and portal once for the whole run (see global-setup.ts).
    globalSetup: ["./src/global-setup.ts"],
    fileParallelism: false,
    // The longest paths (a release handed over to a task force that meets and decides) take about
    // 40 s alone; CI runs this suite beside the others on two cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: results ? ["default", ["json", { outputFile: join(results, "e2e.json") }]] : ["default"],
  },
});
