import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { seedDemo } from "../src/seed/seed.js";
import { EMAIL } from "./fixtures.js";
import { DEMO_PASSWORD, startTestApp, type TestApp } from "./harness.js";

// The demo population written to the database, checked against the paper's figures by counting rows.
const TODAY = "2026-11-27";
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ seed: "demo", today: TODAY });
});
afterAll(() => app.close());

async function listedOn(date: string) {
  return queryRows<{ category: string; n: number }>(
    app.database.db,
    sql`select lp.category, count(distinct lp.person_id)::int as n
        from listing_periods lp
        join detention_episodes e on e.person_id = lp.person_id
         and e.admitted_on <= ${date}::date and (e.released_on is null or e.released_on > ${date}::date)
        where lp.valid_from <= ${date}::date and (lp.valid_to is null or lp.valid_to > ${date}::date)
        group by lp.category order by lp.category`,
  );
}

describe("the demo population in the database", () => {
  it("has 177 CelEx inmates in February 2020: A 28, B 25, C 77, D 41, E 6", async () => {
    expect(await listedOn("2020-02-29")).toEqual([
      { category: "A", n: 28 },
      { category: "B", n: 25 },
      { category: "C", n: 77 },
      { category: "D", n: 41 },
      { category: "E", n: 6 },
    ]);
  });

  it("had 68 in category D in April 2019", async () => {
    expect((await listedOn("2019-04-30")).find((r) => r.category === "D")?.n).toBe(68);
  });

  it("had 12 in D-Rad:Ex in February 2020, 7 of them returnees", async () => {
    const [row] = await queryRows<{ n: number; returnees: number }>(
      app.database.db,
      sql`select count(distinct p.person_id)::int as n, count(distinct p.person_id) filter (where pe.returnee)::int as returnees
          from placements p join establishment_units u on u.id = p.unit_id join persons pe on pe.id = p.person_id
          where u.kind = 'DRADEX' and p.valid_from <= '2020-02-29' and (p.valid_to is null or p.valid_to > '2020-02-29')`,
    );
    expect(row).toEqual({ n: 12, returnees: 7 });
  });

  it("gives a CelEx analyst a real queue today: some screenings overdue, some due soon", async () => {
    const celex = await app.login(EMAIL("celex.analyst"));
    const data = await celex.data<{ overdue: { totalCount: number }; detained: { totalCount: number } }>(
      `{ overdue: persons(first: 1, filter: { screeningOverdue: true }) { totalCount }
         detained: persons(first: 1, filter: { detentionStatuses: [DETAINED] }) { totalCount } }`,
    );
    expect(data.overdue.totalCount).toBeGreaterThan(0);
    expect(data.overdue.totalCount).toBeLessThan(data.detained.totalCount / 4);
  });

  it("shows CelEx inmates at most 6% of any prison's population in February 2020, the most in Ittre", async () => {
    const celex = await app.login(EMAIL("celex.analyst"));
    const data = await celex.data<{
      listedShareByEstablishment: { establishment: { code: string }; listed: number; sharePercent: number }[];
    }>(`{ listedShareByEstablishment(on: "2020-02-29") { establishment { code } listed sharePercent } }`);
    const shares = data.listedShareByEstablishment;
    expect(shares[0]?.establishment.code).toBe("ITT");
    expect(Math.max(...shares.map((s) => s.sharePercent))).toBeLessThanOrEqual(6);
    expect(shares.reduce((sum, s) => sum + s.listed, 0)).toBe(177);
  });

  it("gives the transparency queues real work today: untold decisions, reviews due, measures in force", async () => {
    const dg = await app.login(EMAIL("dgepi.director"));
    const data = await dg.data<{
      recommendationInbox: { id: string }[];
      notificationQueue: { notificationOverdue: boolean }[];
      measureReviewQueue: { id: string }[];
      measuresRegister: { status: string }[];
    }>(`{ recommendationInbox { id } notificationQueue { notificationOverdue } measureReviewQueue(withinDays: 30) { id }
          measuresRegister(on: "${TODAY}") { status } }`);
    expect(data.recommendationInbox.length).toBeGreaterThan(0);
    expect(data.notificationQueue.some((d) => d.notificationOverdue)).toBe(true);
    expect(data.measureReviewQueue.length).toBeGreaterThan(0);
    // Every measure due for review is in force, so it is in today's register.
    expect(data.measuresRegister.length).toBeGreaterThanOrEqual(data.measureReviewQueue.length);
  });

  it("is loaded once: seeding again changes nothing", async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from persons`))[0]?.n;
    const before = await count();
    const again = await seedDemo(app.database, { demoPassword: DEMO_PASSWORD, today: TODAY });
    expect(again.created).toBe(false);
    expect(await count()).toBe(before);
  });
});

describe("no N+1: the statements behind a page do not grow with its size", () => {
  const PAGE = `query($first: Int!) {
    persons(first: $first, orderBy: { field: NEXT_SCREENING_DUE }) {
      totalCount
      edges { node {
        familyName givenNames detentionStatus nextScreeningDueOn screeningState
        listing { category labels since previous { category } }
        currentPlacement { validFrom establishment { name code } unit { name kind } }
        currentEpisode { admittedOn endOfSentenceOn }
      } }
    } }`;

  it("counts the same SQL statements for persons(first: 5) and persons(first: 50)", async () => {
    const celex = await app.login(EMAIL("celex.analyst"));
    const statementsFor = async (first: number) => {
      const before = app.database.stats.statements;
      const data = await celex.data<{ persons: { edges: unknown[] } }>(PAGE, { first });
      expect(data.persons.edges).toHaveLength(first);
      return app.database.stats.statements - before;
    };
    await statementsFor(5); // warm-up: session look-up timing
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(large).toBe(small);
    // Session look-up, database session settings, page, count, one per nested level, and the audit
    // append in a transaction of its own once the query's snapshot ends (open it, lock the chain's
    // head, insert, move the head): sixteen at most.
    expect(small).toBeLessThanOrEqual(16);
  });
});
