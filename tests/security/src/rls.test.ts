import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterActorSession } from "../../../apps/api/src/access/database-session.js";
import type { Actor } from "../../../apps/api/src/auth/actor.js";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import { buildPopulation, databaseActor, EMAIL, type FixturePerson, asActor as runAs } from "./fixtures.js";

// Row-level security alone: the application's checks are bypassed by querying the tables directly,
// in a transaction set up exactly as the API sets up every request. Postgres still filters.

let app: TestApp;
let population: FixturePerson[];

beforeAll(async () => {
  app = await startTestApp();
  population = await buildPopulation(app, await app.login(EMAIL("celex.analyst")));
});
afterAll(() => app.close());

const actor = (local: string): Promise<Actor> => databaseActor(app, local);
const asActor = <T>(who: Actor, query: SQL): Promise<T[]> => runAs<T>(app, who, query);

const names = (rows: { family_name: string }[]) => rows.map((r) => r.family_name).sort();

describe("row-level security on its own", () => {
  it("shows a prison officer only the inmates of their establishment, in every case table", async () => {
    const officer = await actor("prison-ittre.officer");
    expect(
      names(await asActor(officer, sql`select family_name from persons where family_name like 'Secfix%'`)),
    ).toEqual(["SecfixEnrolled", "SecfixIttre"]);
    const ittre = population
      .filter((p) => ["Ittre", "Enrolled"].includes(p.label))
      .map((p) => p.uuid)
      .sort();
    for (const table of [
      "person_case_summaries",
      "detention_episodes",
      "placements",
      "screenings",
      "listing_periods",
    ]) {
      const rows = await asActor<{ person_id: string }>(
        officer,
        sql.raw(`select distinct person_id from ${table}`),
      );
      expect(rows.map((r) => r.person_id).sort(), table).toEqual(ittre);
    }
  });

  it("gives a local cell the person rows of its municipality, but none of their history", async () => {
    const lcis = await actor("lcis-molenbeek.member");
    expect(names(await asActor(lcis, sql`select family_name from persons`))).toEqual(["SecfixMolenbeek"]);
    for (const table of ["detention_episodes", "placements", "screenings", "listing_periods"])
      expect(await asActor(lcis, sql.raw(`select 1 from ${table}`)), table).toEqual([]);
  });

  it("shows the audit trail only to oversight, and nobody can change or erase it", async () => {
    await app.login(EMAIL("celex.analyst"));
    expect(await asActor(await actor("celex.analyst"), sql`select id from audit_events`)).toEqual([]);
    const oversight = await asActor<{ id: number }>(
      await actor("oversight.reviewer"),
      sql`select id from audit_events`,
    );
    expect(oversight.length).toBeGreaterThan(0);
    const reviewer = await actor("oversight.reviewer");
    for (const statement of ["update audit_events set operation = 'X'", "delete from audit_events"]) {
      const error = await app.database.db
        .transaction(async (tx) => {
          await enterActorSession(tx, reviewer);
          await tx.execute(sql.raw(statement));
        })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(String((error as { cause?: unknown })?.cause ?? error), statement).toMatch(/permission denied/);
    }
  });

  it("refuses an update to a case the actor may not see (no row changes)", async () => {
    const hasselt = population.find((p) => p.label === "Hasselt") as FixturePerson;
    const officer = await actor("prison-ittre.officer");
    let changed = -1;
    await app.database.db
      .transaction(async (tx) => {
        await enterActorSession(tx, officer);
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`update persons set family_name = 'Overwritten' where id = ${hasselt.uuid}::uuid returning id`,
        );
        changed = rows.length;
        tx.rollback();
      })
      .catch(() => undefined);
    expect(changed).toBe(0);
  });

  it("protects every table that holds a person's data with forced row-level security and a policy", async () => {
    const tables = await queryRows<{
      table_name: string;
      forced: boolean;
      enabled: boolean;
      policies: number;
    }>(
      app.database.db,
      sql`select c.relname as table_name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                 (select count(*)::int from pg_policies p where p.tablename = c.relname and 'continuum_app' = any(p.roles)) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and exists (select 1 from information_schema.columns k
                        where k.table_schema = 'public' and k.table_name = c.relname and k.column_name = 'person_id')`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(7);
    for (const t of tables) {
      expect(t.enabled, t.table_name).toBe(true);
      expect(t.forced, t.table_name).toBe(true);
      expect(t.policies, t.table_name).toBeGreaterThan(0);
    }
  });

  it("tests visibility in every policy as an expression, never by a function call per row (migration 0033)", async () => {
    const perRow = await queryRows<{ policy: string }>(
      app.database.db,
      sql`select tablename || '.' || policyname as policy from pg_policies
          where coalesce(qual, '') || coalesce(with_check, '') ~ 'app_(case|class|class_detail|person)_visible\\('`,
    );
    expect(perRow).toEqual([]);
    // The settings are read once per statement: an uncorrelated subquery, not a call per row.
    const [summaries] = await queryRows<{ qual: string }>(
      app.database.db,
      sql`select qual from pg_policies where policyname = 'person_case_summaries_read'`,
    );
    expect(summaries?.qual).toContain("( SELECT app_setting_list('app.places_in_prison'::text)");
  });
});
