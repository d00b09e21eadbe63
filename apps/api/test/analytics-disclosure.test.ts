import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { audited, screen } from "./case-work.js";
import { admit, EMAIL, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

// Disclosure control: a statistician reads no case, yet counts every case. Small counts must stay
// hidden, also from someone who asks two questions that differ by one filter and subtracts.

let app: TestApp;
let statistician: GraphQLClient;
let analyst: GraphQLClient;

// Hasselt holds 8 men and 2 women on the list (category C), Lantin 6 men and 1 woman (category A).
const POPULATION = [
  { establishment: "HAS", sex: "MALE", category: "C", n: 8 },
  { establishment: "HAS", sex: "FEMALE", category: "C", n: 2 },
  { establishment: "LAN", sex: "MALE", category: "A", n: 6 },
  { establishment: "LAN", sex: "FEMALE", category: "A", n: 1 },
] as const;
const DAY = "2024-03-01";

beforeAll(async () => {
  app = await startTestApp();
  analyst = await app.login(EMAIL("celex.analyst"));
  statistician = await app.login(EMAIL("celex.statistician"));
  const at = await places(analyst);
  let i = 0;
  for (const group of POPULATION)
    for (let k = 0; k < group.n; k += 1) {
      i += 1;
      const { personId } = await admit(analyst, at, {
        familyName: `Discreet${String.fromCharCode(97 + i)}`,
        establishment: group.establishment,
        sex: group.sex,
      });
      await screen(analyst, personId, { category: group.category });
    }
});
afterAll(() => app.close());

interface Count {
  value: number | null;
  display: string;
  suppression: string;
}
interface Figure {
  points: { from: string; total: Count; cells: { key: string; count: Count; share: number | null }[] }[];
}

const LISTED = `query($on: Date, $by: AnalyticsDimension, $filter: AnalyticsFilter) { analytics {
  listedPersons(on: $on, by: $by, filter: $filter) {
    points { from total { value display suppression } cells { key share count { value display suppression } } } } } }`;

async function listed(
  who: GraphQLClient,
  by: string | null,
  filter: Record<string, string> = {},
  on = DAY,
): Promise<Figure["points"][number]> {
  const data = await who.data<{ analytics: { listedPersons: Figure } }>(LISTED, { on, by, filter });
  return data.analytics.listedPersons.points[0] as Figure["points"][number];
}

/** Every shown number of a figure, by cell key (the total as TOTAL). */
function shown(point: Figure["points"][number]): Map<string, number> {
  const numbers = new Map<string, number>();
  if (point.total.value !== null) numbers.set("TOTAL", point.total.value);
  for (const cell of point.cells) if (cell.count.value !== null) numbers.set(cell.key, cell.count.value);
  return numbers;
}

const isSmall = (n: number) => n >= 1 && n <= 4;

describe("a statistician's figures", () => {
  it("count every case, rounded to a multiple of 5", async () => {
    const point = await listed(statistician, "ESTABLISHMENT");
    expect(point.total).toEqual({ value: 15, display: "15", suppression: "NONE" });
    expect(point.cells.map((c) => [c.key, c.count.display])).toEqual([
      ["HAS", "10"],
      ["LAN", "5"],
    ]);
    // The analyst counts the same cases (all inmates), exactly, small ones included.
    const exact = await listed(analyst, "ESTABLISHMENT");
    expect([exact.total.value, ...exact.cells.map((c) => c.count.value)]).toEqual([17, 10, 7]);
  });

  it("show a small count as <5, and the total minus the other cells does not give it", async () => {
    const point = await listed(statistician, "SEX");
    const cell = (key: string) => point.cells.find((c) => c.key === key)?.count;
    expect(cell("FEMALE")).toEqual({ value: null, display: "<5", suppression: "SMALL_COUNT" });
    expect(cell("MALE")?.display).toBe("15");
    expect(cell("OTHER")?.display).toBe("0");
    expect(point.total.display).toBe("15");
    expect(point.cells.find((c) => c.key === "FEMALE")?.share).toBeNull();
  });

  it("cannot be undone by subtracting two questions that differ by one filter", async () => {
    const filters: Record<string, string>[] = [
      {},
      { sex: "MALE" },
      { sex: "FEMALE" },
      { establishment: "HAS" },
      { establishment: "LAN" },
      { category: "C" },
      { sex: "MALE", establishment: "HAS" },
      { sex: "MALE", establishment: "LAN" },
      { sex: "MALE", category: "C" },
      { establishment: "HAS", category: "C" },
    ];
    // What the statistician is shown, next to the exact counts (the analyst reads the same cases).
    const shownTo = new Map<string, Map<string, number>>();
    const exactly = new Map<string, Map<string, number>>();
    for (const by of [null, "SEX", "ESTABLISHMENT", "CATEGORY"])
      for (const filter of filters) {
        const numbers = shown(await listed(statistician, by, filter));
        for (const n of numbers.values()) expect(isSmall(n) || n % 5 !== 0).toBe(false);
        shownTo.set(JSON.stringify([by, filter]), numbers);
        exactly.set(JSON.stringify([by, filter]), shown(await listed(analyst, by, filter)));
      }
    let compared = 0;
    for (const by of [null, "SEX", "ESTABLISHMENT", "CATEGORY"])
      for (const wide of filters)
        for (const narrow of filters) {
          const extra = Object.keys(narrow).filter((k) => !(k in wide));
          const differsByOne = extra.length === 1 && Object.entries(wide).every(([k, v]) => narrow[k] === v);
          if (!differsByOne) continue;
          const [a, b] = [JSON.stringify([by, wide]), JSON.stringify([by, narrow])];
          for (const key of shownTo.get(b)?.keys() ?? []) {
            if (!shownTo.get(a)?.has(key)) continue;
            compared += 1;
            // Even an asker who knew the exact numbers behind both answers would not get a small count.
            const difference = (exactly.get(a)?.get(key) ?? 0) - (exactly.get(b)?.get(key) ?? 0);
            expect(
              isSmall(difference),
              `${by} ${JSON.stringify(wide)} − ${JSON.stringify(narrow)} ${key}`,
            ).toBe(false);
          }
        }
    expect(compared).toBeGreaterThan(20);
    // The obvious attack: all listed persons minus the men is the women.
    expect((await listed(statistician, null, { sex: "MALE" })).total.display).toBe("x");
  });

  it("are the same when several are asked in one operation (they resolve concurrently)", async () => {
    const alone = await listed(statistician, "ESTABLISHMENT");
    // Other figures take turns with database statements of their own between the figures'.
    const others = (
      i: number,
    ) => `w${i}: whatIfShare(on: "${DAY}", group: LISTED, additional: 1) { population }
      s${i}: listedShareOfPopulation(on: "${DAY}") { denominator } d${i}: dradexOccupancy(on: "${DAY}", by: UNIT) { denominator }`;
    const figure = `listedPersons(on: "${DAY}", by: ESTABLISHMENT) {
      points { from total { value display suppression } cells { key share count { value display suppression } } } }`;
    const together = await statistician.data<{ analytics: Record<string, Figure> }>(
      `{ analytics { ${[1, 2, 3, 4, 5, 6].map((i) => `f${i}: ${figure} ${others(i)}`).join(" ")} } }`,
    );
    for (const [field, answer] of Object.entries(together.analytics))
      if (field.startsWith("f")) expect(answer.points[0]).toEqual(alone);
  });

  it("are counted on the first day of the month, whatever day is asked", async () => {
    expect((await listed(statistician, null, {}, "2024-03-17")).from).toBe("2024-03-01");
    expect((await listed(analyst, null, {}, "2024-03-17")).from).toBe("2024-03-17");
  });

  it("never lead to the persons behind them", async () => {
    const res = await statistician.request(
      `{ analytics { persons(figure: LISTED_PERSONS, on: "${DAY}", by: SEX, cell: "FEMALE", first: 10) { totalCount } } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const behind = await analyst.data<{ analytics: { persons: { totalCount: number; edges: unknown[] } } }>(
      `{ analytics { persons(figure: LISTED_PERSONS, on: "${DAY}", by: SEX, cell: "FEMALE", first: 10) { totalCount edges { node { id } } } } }`,
    );
    expect(behind.analytics.persons.totalCount).toBe(3);
    expect(behind.analytics.persons.edges).toHaveLength(3);
  });

  it("are audited with the question's filters", async () => {
    const rows = await audited(app, () => listed(statistician, "SEX", { establishment: "HAS" }));
    expect(rows.map((r) => [r.operation, r.person_id])).toEqual([["AGGREGATE", null]]);
    expect(rows[0]?.details).toMatchObject({
      query: "analytics",
      figure: "LISTED_PERSONS",
      scope: "ALL_CASES_PROTECTED",
      by: "SEX",
      filters: [{ dimension: "ESTABLISHMENT", value: "HAS" }],
    });
  });
});

describe("the statistics role", () => {
  it("runs only the statistician's figures: other fields of the same operation run as the statistician", async () => {
    const res = await statistician.request<{ analytics: unknown; persons: { totalCount: number } }>(
      `{ analytics { listedPersons(on: "${DAY}") { points { total { display } } } } persons(first: 3) { totalCount } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.persons.totalCount).toBe(0);
  });

  it("answers through its function only a statistician's request", async () => {
    const db = app.database.db;
    const asApp = (statistician: "on" | "off") =>
      db
        .transaction(async (tx) => {
          await tx.execute(
            sql`select set_config('role', 'continuum_app', true), set_config('app.statistician', ${statistician}, true)`,
          );
          return queryRows<{ row: { n: number } }>(
            tx,
            sql`select app_statistics_rows('select count(*)::int as n from persons') as row`,
          );
        })
        .catch((e: Error & { cause?: Error }) => {
          throw e.cause ?? e;
        });
    expect((await asApp("on"))[0]?.row.n).toBe(17);
    await expect(asApp("off")).rejects.toThrow(/for statisticians/);
  });

  it("counts every row but cannot read a name, a note or anything it does not count", async () => {
    const db = app.database.db;
    const asStatistics = async (statement: string) =>
      db
        .transaction(async (tx) => {
          await tx.execute(sql`set local role continuum_statistics`);
          return queryRows<Record<string, unknown>>(tx, sql.raw(statement));
        })
        .catch((e: Error & { cause?: Error }) => {
          throw e.cause ?? e;
        });
    expect(await asStatistics("select count(*)::int as n from persons")).toEqual([{ n: 17 }]);
    for (const statement of [
      "select family_name from persons",
      "select rationale from screenings",
      "select body from information_reports",
      "select reason from placements",
      "select note from programme_status_changes",
    ])
      await expect(asStatistics(statement), statement).rejects.toThrow(/permission denied/);
  });

  it("is not where other roles' reads run: a statistician's own reads of cases still find nothing", async () => {
    const res = await statistician.request(`{ persons(first: 5) { totalCount } }`);
    const total = res.data as { persons: { totalCount: number } } | null;
    expect(total?.persons.totalCount ?? 0).toBe(0);
  });
});
