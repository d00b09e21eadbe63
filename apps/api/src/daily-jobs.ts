import { todayIso } from "@continuum/domain";
import type { Logger } from "pino";
import type { Database } from "./db/client.js";
import { compactListingStock } from "./modules/analytics/analytics.stock.js";
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

/** The API's daily upkeep: the retention sweep, and merging the listed persons' stock rows. */
export function scheduleDailyJobs(database: Database, logger: Logger): { stop(): void } {
  const stops = [
    daily(logger, "retention sweep", () => runRetentionSweep(database, todayIso())),
    daily(logger, "listing stock compaction", async () => ({ merged: await compactListingStock(database) })),
  ];
  return {
    stop: () => {
      for (const stop of stops) stop();
    },
  };
}
