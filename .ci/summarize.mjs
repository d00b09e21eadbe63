// Reads every vitest JSON report in the folder, prints one line per runner and, as the last line,
// the totals: "N passed, N failed". Exits non-zero when a test failed or a runner left no report.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const expected = ["domain", "api-postgres", "api-pglite", "web", "security", "e2e"];
let passed = 0;
let failed = 0;
const seen = new Set();
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const report = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  const name = file.replace(/\.json$/, "");
  seen.add(name);
  const p = report.numPassedTests ?? 0;
  // A file that fails to load has no failed test but fails the run: count it as one failure.
  const f = (report.numFailedTests ?? 0) || (report.success === false ? 1 : 0);
  passed += p;
  failed += f;
  console.log(`${name.padEnd(14)} ${p} passed, ${f} failed`);
}
for (const name of expected)
  if (!seen.has(name)) {
    console.log(`${name.padEnd(14)} no report: the runner did not finish`);
    failed += 1;
  }
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
