import { ageBandOf, nationalityGroupOf, OTHER_EU_COUNTRIES, periodsBetween } from "@continuum/domain";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterActorSession } from "../src/access/database-session.js";
import type { Actor } from "../src/auth/actor.js";
import { compact } from "../src/daily-jobs.js";
import { queryRows } from "../src/db/client.js";
import { FIGURES } from "../src/modules/analytics/analytics.figures.js";
import {
  type AggregateQuery,
  type AggregateRow,
  aggregate,
  stockAggregate,
} from "../src/modules/analytics/analytics.repository.js";
import { stockViewFor } from "../src/modules/analytics/analytics.stock.js";
import { EMAIL } from "./fixtures.js";
import { actorOf, startTestApp, type TestApp } from "./harness.js";

// LISTED_PERSONS read from its stock kept by trigger (migration 0037) against the same figure
// counted from the history, on the demo population: every dimension, on single days and as a
// monthly series, before and after changes to the history; and who may read the stock.

const TODAY = "2026-11-27";
let app: TestApp;
const actors: Record<"analyst" | "statistician" | "officer" | "police", Actor> = {} as never;

beforeAll(async () => {
  app = await startTestApp({ seed: "demo", today: TODAY });
  actors.analyst = await actorOf(app, await app.login(EMAIL("celex.analyst")));
  actors.statistician = await actorOf(app, await app.login(EMAIL("celex.statistician")));
  actors.officer = await actorOf(app, await app.login(EMAIL("prison-ittre.officer")));
  actors.police = await actorOf(app, await app.login(EMAIL("police.officer")));
});
afterAll(() => app.close());

const DAYS = ["2014-03-01", "2019-04-01", "2020-02-29", "2023-07-14", "2026-01-01", TODAY];
const SERIES = periodsBetween("2013-01-01", "2026-11-30", "MONTH") ?? [];

function questionOf(by: AggregateQuery["by"], periods: AggregateQuery["params"]["periods"]): AggregateQuery {
  return {
    figure: "LISTED_PERSONS",
    params: {
      periods,
      today: TODAY,
      withinMonths: 0,
      reoffenceKinds: [],
      releaseDateKind: "CONDITIONAL_RELEASE_ELIGIBILITY",
    },
    by,
    filters: [],
    withComplements: false,
  };
}

const sorted = (rows: AggregateRow[]) =>
  rows
    .map((r) => `${r.point}|${r.key ?? "TOTAL"}|${r.count}`)
    .sort()
    .filter((r) => !r.endsWith("|0"));

/** The figure from the stock and counted live, in one transaction as the actor. */
async function bothWays(actor: Actor, query: AggregateQuery) {
  const scope = actor === actors.statistician ? "ALL_CASES_PROTECTED" : "VISIBLE_CASES";
  const view = stockViewFor(actor, scope, query);
  if (view === null) throw new Error("the stock should answer this actor");
  return app.database.db.transaction(async (tx) => {
    await enterActorSession(tx, actor);
    const stock = sorted(await stockAggregate(tx, scope, query, view));
    const live = sorted(await aggregate(tx, scope, query));
    return { stock, live };
  });
}

async function expectSameAnswers(actor: Actor) {
  for (const by of [null, ...FIGURES.LISTED_PERSONS.dimensions]) {
    const days = await bothWays(
      actor,
      questionOf(
        by,
        DAYS.map((day) => ({ start: day, end: day })),
      ),
    );
    expect(days.stock.length, `${by} on days`).toBeGreaterThan(0);
    expect(days.stock, `${by} on days`).toEqual(days.live);
    const series = await bothWays(actor, questionOf(by, SERIES));
    expect(series.stock, `${by} by month`).toEqual(series.live);
  }
}

/** The changes per cell and day, as a rebuild from the whole history would write them. */
async function changesNow(): Promise<string[]> {
  const rows = await queryRows<{ row: string }>(
    app.database.db,
    sql`select concat_ws('|', dimension, stage, key, day, sum(change)) as row from analytics_listing_changes
        group by dimension, stage, key, day having sum(change) <> 0 order by 1`,
  );
  return rows.map((r) => r.row);
}

const changeRows = async () =>
  Number(
    (
      await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from analytics_listing_changes`,
      )
    )[0]?.n,
  );

describe("the listed persons' stock", () => {
  it("gives the live count's answer for every dimension, on days and by month, to the analyst and the statistician", async () => {
    await expectSameAnswers(actors.analyst);
    await expectSameAnswers(actors.statistician);
  });

  it("puts everyone in the establishment cell NONE where the actor reads listings but not placements", async () => {
    // The police read the listings of released persons, and no placement.
    expect(stockViewFor(actors.police, "VISIBLE_CASES", questionOf(null, []))).toEqual({
      stages: ["RELEASED"],
      establishmentStages: [],
    });
    await expectSameAnswers(actors.police);
  });

  it("follows changes to the history, and equals a rebuild from it", async () => {
    const db = app.database.db;
    const changes = async (statement: SQL) => (await queryRows(db, statement)).length;
    const [moved] = await queryRows<{ person_id: string; id: string; valid_from: string }>(
      db,
      sql`select pl.person_id, pl.id, pl.valid_from::text from placements pl
          join listing_periods lp on lp.person_id = pl.person_id and lp.valid_to is null
          where pl.valid_to is null and pl.valid_from < '2025-01-01' order by pl.person_id limit 1`,
    );
    if (moved === undefined) throw new Error("the demo has no listed person placed since before 2025");
    // A transfer to another prison on 2025-06-01.
    expect(
      await changes(sql`update placements set valid_to = '2025-06-01' where id = ${moved.id}::uuid
        returning 1`),
    ).toBe(1);
    expect(
      await changes(sql`insert into placements (id, person_id, episode_id, establishment_id, valid_from)
        select gen_random_uuid(), pl.person_id, pl.episode_id, e.id, '2025-06-01'
        from placements pl join establishments e on e.id <> pl.establishment_id
        where pl.id = ${moved.id}::uuid order by e.code limit 1
        returning 1`),
    ).toBe(1);
    // A change of category, a person's corrected date of birth and nationality, a delisting.
    expect(
      await changes(sql`update listing_periods set category = case category when 'A' then 'B' else 'A' end
        where valid_to is null and person_id = (select person_id from listing_periods where valid_to is null
          and person_id <> ${moved.person_id}::uuid order by person_id limit 1)
        returning 1`),
    ).toBe(1);
    expect(
      await changes(sql`update persons set date_of_birth = '2004-02-29', nationalities = '{FR}'
        where id = ${moved.person_id}::uuid
        returning 1`),
    ).toBe(1);
    const [delisted] = await queryRows<{ person_id: string }>(
      db,
      sql`select person_id from listing_periods where valid_to is null and valid_from < '2024-03-01'
          order by person_id desc limit 1`,
    );
    expect(
      await changes(sql`update listing_periods set valid_to = '2024-03-01'
        where person_id = ${delisted?.person_id}::uuid and valid_to is null and valid_from < '2024-03-01'
        returning 1`),
    ).toBe(1);
    // A listing period erased (as the retention sweep does).
    expect(
      await changes(sql`delete from listing_periods
        where id = (select id from listing_periods where valid_to is not null order by id limit 1)
        returning 1`),
    ).toBe(1);
    // A case that moves to another stage: its listings are counted under the new one.
    expect(
      await changes(sql`update person_case_summaries set closed_on = ${TODAY}::date, next_screening_due_on = null
        where person_id = (select s.person_id from person_case_summaries s join listing_periods lp on lp.person_id = s.person_id
          where s.closed_on is null and s.detention_status <> 'DETAINED' order by s.person_id limit 1)
        returning 1`),
    ).toBe(1);

    await expectSameAnswers(actors.analyst);
    await expectSameAnswers(actors.statistician);
    const incremental = await changesNow();
    // The daily compaction merges the appended rows into one per cell and day, changing no sum.
    expect(await changeRows()).toBeGreaterThan(incremental.length);
    expect((await compact(app.database, "app_compact_listing_stock")).merged).toBeGreaterThan(0);
    expect(await changeRows()).toBe(incremental.length);
    expect(await changesNow()).toEqual(incremental);
    await expectSameAnswers(actors.analyst);
    await db.execute(sql`truncate analytics_listing_spans, analytics_listing_changes`);
    await db.execute(
      sql`select app_refresh_listing_stock(array(select distinct person_id from listing_periods))`,
    );
    expect(await changesNow()).toEqual(incremental);
  });

  it("is read only by actors who read every listing of a stage; others' figures are counted live", async () => {
    const rowsPerStage = (actor: Actor | null) =>
      app.database.db.transaction(async (tx) => {
        if (actor !== null) await enterActorSession(tx, actor);
        const rows = await queryRows<{ stage: string; n: number }>(
          tx,
          sql`select stage, count(*)::int as n from analytics_listing_changes group by stage order by stage`,
        );
        return Object.fromEntries(rows.map((r) => [r.stage, r.n]));
      });
    const all = await rowsPerStage(null);
    expect(Object.keys(all).sort()).toEqual(["CLOSED", "IN_PRISON", "RELEASED"]);
    // The analyst reads listings in prison and after release, not those of closed cases.
    expect(await rowsPerStage(actors.analyst)).toEqual({ IN_PRISON: all.IN_PRISON, RELEASED: all.RELEASED });
    expect(stockViewFor(actors.analyst, "VISIBLE_CASES", questionOf(null, []))?.stages).toEqual([
      "IN_PRISON",
      "RELEASED",
    ]);
    // The police read no placement: every row but those per establishment.
    const policeRows = await app.database.db.transaction(async (tx) => {
      await enterActorSession(tx, actors.police);
      return queryRows<{ dimension: string }>(
        tx,
        sql`select distinct dimension from analytics_listing_changes`,
      );
    });
    expect(policeRows.map((r) => r.dimension)).not.toContain("ESTABLISHMENT");
    expect(policeRows.map((r) => r.dimension)).toContain("CATEGORY");
    // A prison officer reads only the inmates of their prison: no row, and the live count.
    expect(await rowsPerStage(actors.officer)).toEqual({});
    expect(stockViewFor(actors.officer, "VISIBLE_CASES", questionOf(null, []))).toBeNull();
    // A break-the-glass grant changes what the actor reads of one person: the live count again.
    const withGrant = { ...actors.analyst, breakGlassPersonIds: ["00000000-0000-7000-8000-000000000001"] };
    expect(await rowsPerStage(withGrant)).toEqual({});
    expect(stockViewFor(withGrant, "VISIBLE_CASES", questionOf(null, []))).toBeNull();
    // A filter is counted live.
    const filtered = { ...questionOf(null, []), filters: [{ dimension: "SEX" as const, value: "FEMALE" }] };
    expect(stockViewFor(actors.analyst, "VISIBLE_CASES", filtered)).toBeNull();
  });

  it("groups nationalities and ages as the domain does", async () => {
    const nationalities = [
      ["BE"],
      ["BE", "FR"],
      ["US"],
      [],
      ["MA", "NL"],
      ...OTHER_EU_COUNTRIES.map((c) => [c]),
    ];
    for (const list of nationalities) {
      const [row] = await queryRows<{ group: string }>(
        app.database.db,
        sql`select app_nationality_group(${`{${list.join(",")}}`}::text[]) as group`,
      );
      expect(row?.group, list.join(",")).toBe(nationalityGroupOf(list));
    }
    const births = ["2004-02-29", "1976-02-29", "1990-06-15", "1996-12-31"];
    const days = [
      "2023-02-28",
      "2023-03-01",
      "2024-02-29",
      "2010-06-14",
      "2010-06-15",
      "2026-12-31",
      "2036-02-28",
    ];
    for (const born of births)
      for (const on of days) {
        const [row] = await queryRows<{ band: string }>(
          app.database.db,
          sql`select app_age_band(${born}::date, ${on}::date) as band`,
        );
        expect(row?.band, `${born} on ${on}`).toBe(ageBandOf(born, on));
      }
  });
});
