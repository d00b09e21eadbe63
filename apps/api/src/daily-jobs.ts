import { todayIso } from "@continuum/domain";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type Database, queryRows } from "./db/client.js";
import { runRetentionSweep } from "./modules/retention/retention.job.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs the work now and then once a day, logging each outcome; the timer does not keep the process alive. */
function daily(logger: Logger, name: string, work: () => Promise<object>): () => void {
  const run = () =>
    work().then(
      (outcome) => logger.info(outcome, `${name} done`),
      (error: unknown) => logger.error({ err: error }, `${name} failed`),
    );
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** The append-only counts (migrations 0037, 0038) and the definer function merging each one's rows. */
export type Compaction = "app_compact_listing_stock" | "app_compact_case_groups";

/** Merges the rows an append-only count gathered since the last time; how many rows it merged. */
export async function compact(database: Database, merge: Compaction): Promise<{ merged: number }> {
  const [row] = await queryRows<{ merged: number }>(database.db, sql`select ${sql.raw(merge)}() as merged`);
  return { merged: Number(row?.merged ?? 0) };
}

/** The API's daily upkeep: the retention sweep, and merging the rows of the append-only counts. */
export function scheduleDailyJobs(database: Database, logger: Logger): { stop(): void } {
  const stops = [
    daily(logger, "retention sweep", () => runRetentionSweep(database, todayIso())),
    daily(logger, "listing stock compaction", () => compact(database, "app_compact_listing_stock")),
    daily(logger, "case group compaction", () => compact(database, "app_compact_case_groups")),
  ];
  return {
    stop: () => {
      for (const stop of stops) stop();
    },
  };
}
