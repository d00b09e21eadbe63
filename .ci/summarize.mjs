// Reads every vitest JSON report in the folder, prints one line per runner and, as the last line,
// the totals: "N passed, N failed". Further arguments name steps that failed (lint, typecheck, a
// runner that exited with an error): each counts as one failure. Exits non-zero on any failure.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const [dir, ...failedSteps] = process.argv.slice(2);
const expected = ["domain", "api-postgres", "api-pglite", "web", "security", "contract", "e2e"];
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
for (const name of failedSteps) {
  console.log(`${name.padEnd(14)} step failed`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
