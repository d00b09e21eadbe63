/**
 * EXPLAIN ANALYZE for the slow statements of one scenario, as the API ran them: replays the
 * statements bench.ts recorded (results/<scale>-statements.json) in one transaction, with the same
 * role and `app.*` settings, explaining each read slower than --min-ms. Writes nothing (rolls back).
 *
 *   node --import @swc-node/register/esm-register src/explain.ts --scale belgium --scenario series
 *
 * `--set "<setting> = <value>"` applies a planner setting (SET LOCAL) after the session's own.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEFAULT_URL } from "./generate.js";

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
};

interface Recorded {
  text: string;
  values: unknown[];
  ms?: number;
}

async function main(): Promise<void> {
  const scale = option("scale", "belgium");
  const scenario = option("scenario", "caseload50");
  const minMs = Number(option("min-ms", "20"));
  // A planner setting to try, as the session's settings are made: --set "work_mem = '1MB'".
  const setting = argv.includes("--set") ? option("set", "") : null;
  const file = join(dirname(fileURLToPath(import.meta.url)), `../results/${scale}-statements.json`);
  const statements = (JSON.parse(readFileSync(file, "utf8")) as Record<string, Recorded[]>)[scenario];
  if (statements === undefined) throw new Error(`no statements recorded for ${scenario}`);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? DEFAULT_URL });
  await client.connect();
  try {
    let open = false;
    for (const [i, s] of statements.entries()) {
      const text = s.text.trim();
      if (/^begin/i.test(text)) {
        if (open) continue;
        await client.query(text);
        open = true;
        continue;
      }
      if (
        /^(commit|rollback)/i.test(text) ||
        /^(insert|update|delete)/i.test(text) ||
        /for update$/i.test(text)
      ) {
        continue;
      }
      if (!open || /^select set_config/i.test(text) || (s.ms ?? 0) < minMs) {
        await client.query(text, s.values);
        if (/^select set_config/i.test(text) && setting !== null) await client.query(`set local ${setting}`);
        continue;
      }
      const plan = await client.query(`explain (analyze, buffers) ${text}`, s.values);
      console.log(`\n=== statement ${i} (${(s.ms ?? 0).toFixed(1)} ms in the API)\n${text.slice(0, 2000)}\n`);
      for (const row of plan.rows) console.log(row["QUERY PLAN"]);
    }
    await client.query("rollback");
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
