import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterActorSession } from "../src/access/database-session.js";
import { viewerScope } from "../src/access/policy.js";
import type { Actor } from "../src/auth/actor.js";
import { compact } from "../src/daily-jobs.js";
import { queryRows } from "../src/db/client.js";
import { countPersons, type PersonFilter } from "../src/modules/persons/person.repository.js";
import { demoUsers } from "../src/seed/directory.js";
import { actorOf, startTestApp, type TestApp } from "./harness.js";

// The caseload's unfiltered total, summed from the counts per group of visibility (migration 0038),
// against counting the summaries each account reads under row-level security: for every demo
// account, before and after cases move between prisons, stages and places, and after the daily merge.

const NO_FILTER: PersonFilter = {
  search: null,
  categories: null,
  establishmentIds: null,
  detentionStatuses: null,
  listed: null,
  screeningDueBefore: null,
  screeningDueOnOrBefore: null,
  screeningResponsibleIds: null,
  screeningUnassigned: null,
  assessmentDueOnOrBefore: null,
};

let app: TestApp;
const accounts: { email: string; actor: Actor }[] = [];

beforeAll(async () => {
  app = await startTestApp({ seed: "demo" });
  // Every account that signs in (the integration's service account uses API tokens only).
  for (const { email } of demoUsers().filter((user) => !user.isServiceAccount))
    accounts.push({ email, actor: await actorOf(app, await app.login(email, { purpose: false })) });
});
afterAll(() => app.close());

/** As the account: the total from the groups, the summaries it reads, and the groups' sum by row-level security alone. */
function countsOf(actor: Actor) {
  return app.database.db.transaction(async (tx) => {
    await enterActorSession(tx, actor);
    const total = await countPersons(tx, viewerScope(actor), NO_FILTER);
    const [read] = await queryRows<{ summaries: number; groups: number }>(
      tx,
      sql`select (select count(*)::int from person_case_summaries) as summaries,
                 (select coalesce(sum(change), 0)::int from case_summary_group_changes) as groups`,
    );
    return { total, summaries: Number(read?.summaries), groups: Number(read?.groups) };
  });
}

async function expectEveryAccountsTotal() {
  const totals = new Set<number>();
  for (const { email, actor } of accounts) {
    const counts = await countsOf(actor);
    expect(counts.total, email).toBe(counts.summaries);
    // Row-level security on the groups lets each account read only the groups it sees.
    expect(counts.groups, email).toBe(counts.summaries);
    totals.add(counts.total);
  }
  // Accounts see different parts of the population (a prison, a district, a municipality, …).
  expect(totals.size).toBeGreaterThan(4);
}

describe("the caseload's total", () => {
  it("is, for every account, the number of cases it reads", async () => {
    await expectEveryAccountsTotal();
  });

  it("follows cases moved between prisons, stages and places, and the daily merge", async () => {
    const db = app.database.db;
    const moved = async (statement: ReturnType<typeof sql>) => (await queryRows(db, statement)).length;
    expect(
      await moved(sql`update person_case_summaries set establishment_id =
          (select id from establishments where id <> person_case_summaries.establishment_id order by code limit 1)
        where person_id in (select person_id from person_case_summaries where detention_status = 'DETAINED'
          and establishment_id is not null order by person_id limit 7) returning 1`),
    ).toBe(7);
    expect(
      await moved(sql`update person_case_summaries set detention_status = 'RELEASED', next_screening_due_on = null,
          establishment_id = null, release_judicial_district = 'ANTWERP', release_municipality = 'Antwerpen'
        where person_id in (select person_id from person_case_summaries where detention_status = 'DETAINED'
          order by person_id desc limit 5) returning 1`),
    ).toBe(5);
    expect(
      await moved(sql`update person_case_summaries set closed_on = current_date
        where person_id in (select person_id from person_case_summaries where detention_status = 'RELEASED'
          and closed_on is null order by person_id limit 3) returning 1`),
    ).toBe(3);
    expect(
      await moved(sql`update person_case_summaries set enrolled_with = enrolled_with || (select id from agencies where code = 'caprev')
        where person_id in (select person_id from person_case_summaries where detention_status = 'RELEASED'
          and closed_on is null order by person_id desc limit 4) returning 1`),
    ).toBe(4);
    await expectEveryAccountsTotal();

    const rows = async () =>
      Number(
        (
          await queryRows<{ n: number }>(db, sql`select count(*)::int as n from case_summary_group_changes`)
        )[0]?.n,
      );
    const before = await rows();
    expect((await compact(app.database, "app_compact_case_groups")).merged).toBe(before);
    expect(await rows()).toBeLessThan(before);
    await expectEveryAccountsTotal();
  });
});
