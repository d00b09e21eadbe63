import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const results = process.env.TEST_RESULTS_DIR;

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    reporters: results ? ["default", ["json", { outputFile: join(results, "web.json") }]] : ["default"],
  },
});
