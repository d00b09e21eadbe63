import { createRequire } from "node:module";
import { join } from "node:path";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// Runs the API in-process through its own test harness (apps/api/test/harness.ts), compiled like
// the API's own tests (decorator metadata) and with the one copy of graphql the API loads.
const apiRequire = createRequire(new URL("../../apps/api/package.json", import.meta.url));
const graphqlEntry = apiRequire.resolve("graphql");
const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: "es2022",
      },
    }),
  ],
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["../../apps/api/test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    isolate: false,
    maxWorkers: 2,
    reporters: results ? ["default", ["json", { outputFile: join(results, "contract.json") }]] : ["default"],
  },
});
