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

describe("the demo's release work", () => {
  it("hands every person released into Brussels or Antwerp, and still followed, to that district's Local Task Force", async () => {
    const [row] = await queryRows<{ released: number; without: number; stale: number }>(
      app.database.db,
      sql`select count(*)::int as released,
            count(*) filter (where not exists (
              select 1 from case_responsibilities r join agencies a on a.id = r.agency_id
              where r.person_id = s.person_id and r.kind = 'SECURITY' and r.valid_to is null
                and a.judicial_district = s.release_judicial_district))::int as without,
            count(*) filter (where not exists (
              select 1 from residences r where r.person_id = s.person_id
                and r.municipality = s.release_municipality and r.valid_from = s.released_on))::int as stale
          from person_case_summaries s
          where s.detention_status = 'RELEASED' and s.closed_on is null
            and s.release_judicial_district in ('BRUSSELS', 'ANTWERP')`,
    );
    expect(row?.released).toBeGreaterThan(0);
    expect([row?.without, row?.stale]).toEqual([0, 0]);
  });

  it("imposes at least one condition at every conditional release, with some breaches and liftings", async () => {
    const [row] = await queryRows<{ without: number; breaches: number; lifted: number }>(
      app.database.db,
      sql`select (select count(*) from detention_episodes e
                  where e.release_type in ('CONDITIONAL_RELEASE', 'ELECTRONIC_MONITORING')
                    and not exists (select 1 from release_conditions c
                                    where c.episode_id = e.id and c.imposed_on = e.released_on))::int as without,
                 (select count(*) from condition_breaches)::int as breaches,
                 (select count(*) from release_conditions where lifted_on is not null)::int as lifted`,
    );
    expect(row?.without).toBe(0);
    expect(row?.breaches).toBeGreaterThan(0);
    expect(row?.lifted).toBeGreaterThan(0);
  });

  it("gives CelEx a release calendar with preparations under way", async () => {
    const celex = await app.login(EMAIL("celex.analyst"));
    const data = await celex.data<{
      releaseCalendar: {
        totalCount: number;
        edges: {
          node: {
            intendedMunicipality: string | null;
            localTaskForceInformedOn: string | null;
            conditionsProposed: number;
          };
        }[];
      };
    }>(`{ releaseCalendar(from: "${TODAY}", months: 12, first: 100) { totalCount
          edges { node { intendedMunicipality localTaskForceInformedOn conditionsProposed } } } }`);
    const nodes = data.releaseCalendar.edges.map((e) => e.node);
    expect(data.releaseCalendar.totalCount).toBeGreaterThan(10);
    expect(nodes.some((n) => n.intendedMunicipality !== null)).toBe(true);
    expect(nodes.some((n) => n.intendedMunicipality === null)).toBe(true);
    expect(nodes.some((n) => n.localTaskForceInformedOn !== null)).toBe(true);
    expect(nodes.some((n) => n.conditionsProposed > 0)).toBe(true);
    const [overrides] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from release_date_overrides`,
    );
    expect(overrides?.n).toBe(2);
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

describe("the demo follow-up after release", () => {
  const one = async <T>(query: ReturnType<typeof sql>) =>
    (await queryRows<T>(app.database.db, query))[0] as T;
  const formerCelex = sql`select distinct e.person_id from detention_episodes e
      join listing_periods lp on lp.person_id = e.person_id and lp.valid_from <= e.released_on`;

  it("gives each local body meetings over two years, discussing the persons it follows", async () => {
    const rows = await queryRows<{
      code: string;
      held: number;
      strategic: number;
      persons: number;
      open: number;
    }>(
      app.database.db,
      sql`select a.code,
            (select count(*)::int from local_meetings m where m.agency_id = a.id and m.held_on <= ${TODAY}::date) as held,
            (select count(*)::int from local_meetings m where m.agency_id = a.id and m.kind = 'STRATEGIC') as strategic,
            (select count(distinct d.person_id)::int from meeting_discussions d join local_meetings m on m.id = d.meeting_id
              where m.agency_id = a.id and m.held_on <= ${TODAY}::date) as persons,
            (select count(*)::int from case_responsibilities r where r.agency_id = a.id and r.valid_to is null) as open
          from agencies a where a.kind in ('LOCAL_TASK_FORCE', 'LOCAL_CELL') order by a.code`,
    );
    expect(rows.map((r) => r.code)).toEqual([
      "lcis-antwerpen",
      "lcis-molenbeek",
      "ltf-antwerp",
      "ltf-brussels",
    ]);
    for (const r of rows) {
      expect(r.held).toBeGreaterThanOrEqual(20);
      expect(r.strategic).toBeGreaterThan(0);
      expect(r.strategic).toBeLessThan(r.held / 2);
      expect(r.persons).toBeGreaterThan(5);
      expect(r.open).toBeGreaterThan(0);
    }
    // Strategic meetings name nobody; held operational ones decided on everyone on their agenda.
    const wrong = await one<{ strategic: number; undecided: number }>(
      sql`select count(*) filter (where m.kind = 'STRATEGIC')::int as strategic,
            count(*) filter (where m.held_on <= ${TODAY}::date and d.decision is null)::int as undecided
          from meeting_discussions d join local_meetings m on m.id = d.meeting_id`,
    );
    expect(wrong).toEqual({ strategic: 0, undecided: 0 });
  });

  it("shows each body a planned meeting with an agenda and some overdue actions", async () => {
    for (const email of [
      "ltf-brussels.member",
      "ltf-antwerp.member",
      "lcis-molenbeek.member",
      "lcis-antwerpen.member",
    ]) {
      const member = await app.login(EMAIL(email));
      const data = await member.data<{
        localBody: {
          overdueActionCount: number;
          upcomingMeetings: { held: boolean; discussions: { decision: string | null }[] }[];
        };
      }>(`{ localBody { overdueActionCount upcomingMeetings { held discussions { decision } } } }`);
      const [planned] = data.localBody.upcomingMeetings;
      expect(planned?.held).toBe(false);
      expect(planned?.discussions.length).toBeGreaterThan(0);
      expect(planned?.discussions.every((d) => d.decision === null)).toBe(true);
      expect(data.localBody.overdueActionCount).toBeGreaterThan(0);
    }
    const actions = await one<{ done: number; open: number; overdue: number }>(
      sql`select count(*) filter (where status = 'DONE')::int as done, count(*) filter (where status = 'OPEN')::int as open,
            count(*) filter (where status = 'OPEN' and due_on < ${TODAY}::date)::int as overdue from action_items`,
    );
    expect(actions.done).toBeGreaterThan(actions.open);
    expect(actions.overdue).toBeLessThan(actions.open);
  });

  it("starts and stops only follow-up measures of the body's kind, by decisions of its meetings", async () => {
    const row = await one<{ n: number; ended: number; wrongBody: number; wrongMeeting: number }>(
      sql`select count(*)::int as n, count(m.ended_on)::int as ended,
            count(*) filter (where t.body <> a.kind)::int as "wrongBody",
            count(*) filter (where sm.agency_id <> m.agency_id or sm.held_on > m.started_on
              or (m.ended_on is not null and em.held_on <> m.ended_on))::int as "wrongMeeting"
          from follow_up_measures m join follow_up_measure_types t on t.id = m.type_id join agencies a on a.id = m.agency_id
          join meeting_discussions sd on sd.id = m.started_by join local_meetings sm on sm.id = sd.meeting_id
          left join meeting_discussions ed on ed.id = m.ended_by left join local_meetings em on em.id = ed.meeting_id`,
    );
    expect(row.n).toBeGreaterThan(20);
    expect(row.ended).toBeGreaterThan(0);
    expect(row.ended).toBeLessThan(row.n);
    expect(row.wrongBody).toBe(0);
    expect(row.wrongMeeting).toBe(0);
  });

  it("has most former CelEx inmates in the common database, not all, and some entries due for review", async () => {
    const row = await one<{ former: number; entered: number; superseded: number; ended: number }>(
      sql`select (select count(*)::int from (${formerCelex}) f) as former,
            (select count(distinct c.person_id)::int from common_database_entries c where c.person_id in (${formerCelex})) as entered,
            (select count(*)::int from common_database_entries where end_reason = 'Superseded.') as superseded,
            (select count(*)::int from common_database_entries where valid_to is not null and end_reason <> 'Superseded.') as ended`,
    );
    expect(row.entered / row.former).toBeGreaterThan(0.7);
    expect(row.entered).toBeLessThan(row.former);
    expect(row.superseded).toBeGreaterThan(0);
    expect(row.ended).toBeGreaterThan(0);
    const cuta = await app.login(EMAIL("cuta.analyst"));
    const queue = await cuta.data<{ commonDatabaseReviewQueue: { id: string }[] }>(
      `{ commonDatabaseReviewQueue(dueBefore: "${TODAY}") { id } }`,
    );
    expect(queue.commonDatabaseReviewQueue.length).toBeGreaterThan(0);
  });

  it("records terrorist re-offending for 3 to 7% of the released listed persons, all after a release", async () => {
    const row = await one<{ former: number; terrorist: number; beforeRelease: number }>(
      sql`select (select count(*)::int from (${formerCelex}) f) as former,
            (select count(distinct o.person_id)::int from case_outcomes o
              where o.kind = 'REOFFENDED_TERRORIST' and o.person_id in (${formerCelex})) as terrorist,
            (select count(*)::int from case_outcomes o where o.occurred_on > ${TODAY}::date or not exists (
              select 1 from detention_episodes e where e.person_id = o.person_id and e.released_on <= o.occurred_on)) as "beforeRelease"`,
    );
    expect(row.terrorist / row.former).toBeGreaterThanOrEqual(0.03);
    expect(row.terrorist / row.former).toBeLessThanOrEqual(0.07);
    expect(row.beforeRelease).toBe(0);
  });

  it("closes some released cases, some over ten years ago, with no responsibility or measure left open", async () => {
    const row = await one<{ closed: number; old: number; stage: number; open: number; measures: number }>(
      sql`select count(*)::int as closed,
            count(*) filter (where c.closed_on < (${TODAY}::date - interval '10 years'))::int as old,
            count(*) filter (where s.closed_on = c.closed_on)::int as stage,
            (select count(*)::int from case_responsibilities r join case_closures x on x.person_id = r.person_id
              where r.valid_to is null) as open,
            (select count(*)::int from follow_up_measures m join case_closures x on x.person_id = m.person_id
              where m.ended_on is null or m.ended_on > x.closed_on) as measures
          from case_closures c join person_case_summaries s on s.person_id = c.person_id`,
    );
    expect(row.closed).toBeGreaterThan(10);
    expect(row.old).toBeGreaterThan(0);
    expect(row.stage).toBe(row.closed);
    expect(row.open).toBe(0);
    expect(row.measures).toBe(0);
    const reasons = await queryRows<{ reason: string }>(
      app.database.db,
      sql`select distinct reason from case_closures order by reason`,
    );
    expect(reasons.map((r) => r.reason)).toEqual(["DIED", "FOLLOW_UP_ENDED", "MOVED_ABROAD"]);
  });
});
