import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../src/db/client.js";
import { testDatabase } from "./harness.js";

// docs/scaling.md: past one primary, the case tables are distributed by person (Citus). Citus is not
// installable on these machines, so what can be checked here is checked against the migrated
// schema: every table has a place in the plan, and no foreign key crosses placements in a way
// Citus refuses. A migration that adds a table or a key must keep the plan true.

interface Plan {
  distributionColumn: Record<string, string>;
  distributed: string[];
  reference: string[];
  coordinator: string[];
}

const plan = JSON.parse(
  readFileSync(new URL("../../../infra/citus/distribution-plan.json", import.meta.url), "utf8"),
) as Plan;
const placeOf = (table: string) =>
  plan.distributed.includes(table)
    ? "distributed"
    : plan.reference.includes(table)
      ? "reference"
      : plan.coordinator.includes(table)
        ? "coordinator"
        : "none";
const keyOf = (table: string) => plan.distributionColumn[table] ?? plan.distributionColumn.default;

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});

describe("the plan for a distributed Postgres", () => {
  it("places every table of the schema exactly once, and only tables that exist", async () => {
    const tables = (
      await queryRows<{ name: string }>(
        database.db,
        sql`select tablename as name from pg_tables where schemaname = 'public' and tablename not like '\\_\\_%'`,
      )
    ).map((t) => t.name);
    const planned = [...plan.distributed, ...plan.reference, ...plan.coordinator];
    expect(new Set(planned).size).toBe(planned.length);
    expect(tables.filter((t) => placeOf(t) === "none")).toEqual([]);
    expect(planned.filter((t) => !tables.includes(t))).toEqual([]);
  });

  it("gives every distributed table its distribution column", async () => {
    const columns = await queryRows<{ table: string; column: string }>(
      database.db,
      sql`select table_name as table, column_name as column from information_schema.columns where table_schema = 'public'`,
    );
    const missing = plan.distributed.filter(
      (table) => !columns.some((c) => c.table === table && c.column === keyOf(table)),
    );
    expect(missing).toEqual([]);
  });

  it("has no foreign key that Citus refuses: into a distributed table from elsewhere, or from one to the coordinator", async () => {
    const keys = await queryRows<{ from: string; to: string }>(
      database.db,
      sql`select conrelid::regclass::text as from, confrelid::regclass::text as to
          from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
    );
    const refused = keys.filter(
      ({ from, to }) =>
        (placeOf(to) === "distributed" && placeOf(from) !== "distributed") ||
        (placeOf(from) === "distributed" && placeOf(to) === "coordinator"),
    );
    expect(refused).toEqual([]);
  });
});
