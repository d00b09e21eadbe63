import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
import { scheduleDailyJobs } from "./daily-jobs.js";
import { failInterruptedImports } from "./modules/imports/import.runner.js";
import { ensureReferenceData } from "./seed/reference.js";
import { seedDemo } from "./seed/seed.js";
import { buildServer } from "./server.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await buildServer(config);
  const { logger, database } = server;
  await database.migrate();
  await ensureReferenceData(database.db);
  logger.info({ database: database.kind }, "database migrated, reference data in place");
  const interrupted = await failInterruptedImports(database);
  if (interrupted > 0) logger.warn({ interrupted }, "import jobs interrupted by a restart marked FAILED");
  if (config.seedDemo) {
    const seeded = await seedDemo(database, { demoPassword: config.demoPassword, logger });
    logger.info(seeded, seeded.created ? "demo data loaded" : "demo data already present");
  }
  await new Promise<void>((resolve) => server.http.listen(config.port, config.host, resolve));
  logger.info({ url: `http://localhost:${config.port}/graphql` }, "Continuum API ready");
  const dailyJobs = scheduleDailyJobs(database, logger);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: no new connections, finishing requests in flight");
    dailyJobs.stop();
    await server.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
