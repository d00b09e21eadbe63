/** Turns a benchmark run into the markdown tables quoted in docs/performance.md. */

/** One system driven through one scenario: throughput, latency percentiles (ms), memory. */
export interface Timing {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  maxRssMb: number | null;
  /** Latency of the request sent alone, one at a time, before the load (null: not measured). */
  alone: { p50: number; p95: number } | null;
}

export interface ScenarioResult extends Timing {
  key: string;
  label: string;
  system: string;
  /** SQL statements behind one request (null: not counted for this system). */
  statements: number | null;
  /** Set when the API answered the scenario with an error: it was not timed under load. */
  failure?: string;
  /** For a failed scenario: one request's time without the statement timeout (in-process server). */
  unboundedMs?: number | null;
}

export interface BenchResults {
  scale: string;
  when: string;
  machine: string;
  durationSeconds: number;
  connections: number;
  data: {
    persons: number;
    events: number;
    load: {
      persons: number;
      events: number;
      seconds: number;
      partial: boolean;
      rows: Record<string, number>;
    } | null;
  };
  apiIdleRssMb: number | null;
  apiFinalRssMb: number | null;
  results: ScenarioResult[];
  /** Null when the run left the import out (--skip import). */
  import: ImportResult | null;
}

/** The timed import of new persons: how many, how long, and how the job ended. */
export interface ImportResult {
  records: number;
  seconds: number;
  recordsPerMinute: number;
  status: string;
  applied: number;
  invalid: number;
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)}` : "–");
const num = (value: number | null, digits = 0) => (value === null ? "–" : value.toFixed(digits));

export function renderReport(bench: BenchResults): string {
  const lines: string[] = [];
  lines.push(`### Scale "${bench.scale}" — ${bench.when.slice(0, 16).replace("T", " ")} UTC`);
  lines.push("");
  lines.push(`Machine: ${bench.machine}.`);
  const load = bench.data.load;
  lines.push(
    `Data: ${bench.data.persons.toLocaleString("en")} persons, ${bench.data.events.toLocaleString("en")} case events` +
      (load === null
        ? " (loaded by an earlier run)."
        : `, loaded with COPY in ${load.seconds.toFixed(0)} s${load.partial ? " (stopped at the time budget: partial)" : ""}.`),
  );
  lines.push(
    `Load: autocannon, ${bench.connections} connections, ${bench.durationSeconds} s per scenario; API RSS idle ${num(bench.apiIdleRssMb)} MB, after the run ${num(bench.apiFinalRssMb)} MB.`,
  );
  lines.push("");
  lines.push(
    "| Scenario | System | alone p50 / p95 ms | req/s | p50 ms | p95 ms | p99 ms | errors | SQL statements / request | max RSS MB |",
  );
  lines.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const order = [...new Set(bench.results.map((r) => r.key))];
  for (const key of order) {
    for (const r of bench.results.filter((x) => x.key === key)) {
      if (r.failure !== undefined) {
        lines.push(
          `| ${r.label} | ${r.system} | – | fails | – | – | – | ${r.failure.replace(/\|/g, "/")}; one request without the timeout: ${r.unboundedMs == null ? "–" : `${Math.round(r.unboundedMs)} ms`} | ${num(r.statements)} | – |`,
        );
        continue;
      }
      lines.push(
        `| ${r.label} | ${r.system} | ${r.alone === null ? "–" : `${ms(r.alone.p50)} / ${ms(r.alone.p95)}`} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${num(r.statements)} | ${num(r.maxRssMb)} |`,
      );
    }
  }
  lines.push("");
  const api = (key: string) => bench.results.find((r) => r.key === key && r.system === "Continuum API");
  const other = (key: string, system: string) =>
    bench.results.find((r) => r.key === key && r.system === system);
  const caseload = api("caseload50");
  const graphile = other("caseload50", "PostGraphile 4");
  const raw = other("caseload50", "raw SQL (pg)");
  const ratios: string[] = [];
  if (caseload !== undefined && graphile !== undefined) {
    ratios.push(
      `API / PostGraphile throughput on the caseload: ${(caseload.rps / graphile.rps).toFixed(2)}×`,
    );
  }
  if (caseload !== undefined && raw !== undefined) {
    ratios.push(`API p50 / raw SQL p50 on the caseload: ${(caseload.p50 / raw.p50).toFixed(2)}×`);
  }
  for (const r of ratios) lines.push(`- ${r}`);
  const i = bench.import;
  if (i !== null)
    lines.push(
      `- Import of ${i.records.toLocaleString("en")} persons (NDJSON): ${i.status} in ${i.seconds.toFixed(1)} s → ${Math.round(i.recordsPerMinute).toLocaleString("en")} records/min (applied ${i.applied}, invalid ${i.invalid}).`,
    );
  lines.push("");
  return `${lines.join("\n")}\n`;
}
