import { createRequire } from "node:module";
import { join } from "node:path";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// graphql 16 ships CommonJS ("main") and ESM ("module"). Node loads the CommonJS build for
// type-graphql and Apollo, while Vite would give our sources the ESM one: two copies whose types
// fail each other's instanceof checks. Pin our sources to the copy Node loads.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

// CI collects every runner's results as JSON; the file name says which engine the tests ran on.
const results = process.env.TEST_RESULTS_DIR;
const engine = process.env.DATABASE_URL ? "postgres" : "pglite";

// SWC compiles the tests so that type-graphql's decorators get their design-time metadata.
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
    include: ["test/**/*.test.ts", "src/**/__tests__/**/*.test.ts"],
    setupFiles: ["./test/setup.ts"],
    reporters: results
      ? ["default", ["json", { outputFile: join(results, `api-${engine}.json`) }]]
      : ["default"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One database per worker process; files in a worker run one after another.
    pool: "forks",
    fileParallelism: true,
    // Files in a worker share one process, one schema and one database (reset between files).
    isolate: false,
    maxWorkers: 2,
  },
});
