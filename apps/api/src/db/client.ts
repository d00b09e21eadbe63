import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** A database handle or a transaction: what repositories run their statements on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize: number }
  | { kind: "pglite"; dataDir: string | null };

export interface Database {
  kind: DatabaseConfig["kind"];
  db: Db;
  /** Statements sent through Drizzle since start; tests read it to prove there is no N+1. */
  readonly stats: { statements: number };
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// The migrations folder sits at the same depth below the package root from src/db and dist/db.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../src/db/migrations", import.meta.url));

// Serialises migrations when several API processes start against one Postgres.
const MIGRATION_LOCK_KEY = 74_171_001;

/**
 * A request's loaders send their statements together on the request's one connection. pg queues
 * them, but warns that pg 9 will refuse a query while another runs; so each promise-style query
 * now waits for the one before it, in the order they were sent, as pg's queue did. A query with a
 * callback or a streaming one (`submit`) goes straight to pg.
 */
function sendOneAtATime(client: pg.PoolClient): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  let previous: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const [config] = args;
    const streams = typeof config === "object" && config !== null && "submit" in config;
    if (streams || typeof args.at(-1) === "function") return send(...args);
    const result = previous.then(() => send(...args));
    previous = result.catch(() => undefined);
    return result;
  }) as typeof client.query;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const stats = { statements: 0 };
  const logger: Logger = {
    logQuery() {
      stats.statements += 1;
    },
  };
  if (config.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize,
      // During an outage a request waits at most this long for a connection, then fails as UNAVAILABLE.
      connectionTimeoutMillis: 15_000,
    });
    // A connection that dies (database restarted, network cut) emits "error": idle in the pool, or
    // checked out between two statements. Unhandled, that event would end the process; handled, the
    // statement in progress fails (answered UNAVAILABLE, db/availability.ts), the pool discards the
    // client and opens new connections once the database is back.
    pool.on("error", () => undefined);
    pool.on("connect", (client) => {
      client.on("error", () => undefined);
      sendOneAtATime(client);
    });
    const db = drizzlePg(pool, { schema, casing: "snake_case", logger }) as unknown as Db;
    return {
      kind: "postgres",
      db,
      stats,
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
          await migratePg(drizzlePg(client, { casing: "snake_case" }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
          client.release();
        }
      },
      async ping() {
        await pool.query("select 1");
      },
      async close() {
        await pool.end();
      },
    };
  }
  if (config.dataDir !== null) mkdirSync(config.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(config.dataDir === null ? {} : { dataDir: config.dataDir }),
    extensions: { pg_trgm, btree_gist },
  });
  const db = drizzlePglite(client, { schema, casing: "snake_case", logger }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    stats,
    async migrate() {
      await migratePglite(drizzlePglite(client, { casing: "snake_case" }), {
        migrationsFolder: MIGRATIONS_FOLDER,
      });
    },
    async ping() {
      await client.query("select 1");
    },
    async close() {
      await client.close();
    },
  };
}

/** Runs raw SQL and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
