import { join } from "node:path";
import { defineConfig } from "vitest/config";

const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  test: {
    include: ["src/**/__tests__/**/*.test.ts"],
    reporters: results ? ["default", ["json", { outputFile: join(results, "domain.json") }]] : ["default"],
  },
});
