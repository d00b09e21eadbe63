import { addDaysToDate, addMonthsToDate, roundToBase } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Built,
  buildPerson,
  type Dimension,
  detainedFacts,
  dradexFacts,
  evaluationFacts,
  type Fact,
  FIXED_CELLS,
  HISTORY,
  listComparisonFacts,
  listedFacts,
  namesIn,
  OVERRIDDEN_ELIGIBILITY,
  periodStarts,
  person,
  programmeFacts,
  providerOf,
  READERS,
  RECENT_RELEASE,
  recidivismFacts,
  releaseFacts,
  sentenceFacts,
  type Table,
  tally,
  upcomingFacts,
} from "./analytics-fixtures.js";
import { audited, uuidOf } from "./case-work.js";
import { EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";
import { agencyIds } from "./release-helpers.js";

// Query.analytics against a small fictional history built by hand (analytics-fixtures.ts): each
// figure is asked on several days, or over several periods, and compared with what the suite
// works out by counting its own list of persons. Readers of cases count the cases they may read;
// the statistician counts every case (the counts checked here are 0 or at least 5, so nothing is
// suppressed: disclosure control has its own suite).

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const built = new Map<string, Built>();

const ACCOUNTS = [
  "celex.analyst",
  "celex.statistician",
  "cuta.analyst",
  "vsse.officer",
  "caprev.counsellor",
  "flemish-disengagement.counsellor",
  "prison-ittre.officer",
  "oversight.reviewer",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");
const cuta = () => client("cuta.analyst");
const statistician = () => client("celex.statistician");
const officer = () => client("prison-ittre.officer");

/** Prison populations for the what-if shares: each establishment's monthly figure. */
const POPULATIONS = { ITT: { population: 300, women: 0 }, HAS: { population: 500, women: 60 } };
const POPULATION_MONTH = "2019-12-01";

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
  const clients = {
    celex: celex(),
    vsse: client("vsse.officer"),
    cuta: cuta(),
    provider: (language: string) =>
      language === "NL" ? client("flemish-disengagement.counsellor") : client("caprev.counsellor"),
    policeAgencyId: (await agencyIds(celex()))("police"),
  };
  for (const p of HISTORY) built.set(p.name, await buildPerson(clients, at, p));
  for (const [code, figures] of Object.entries(POPULATIONS))
    await app.database.db.execute(
      sql`insert into establishment_populations (establishment_id, "on", population, women_population)
          values (${uuidOf(at.establishment(code))}::uuid, ${POPULATION_MONTH}::date, ${figures.population},
                  ${figures.women})`,
    );
}, 300_000);
afterAll(() => app.close());

// Asking figures.

interface Count {
  value: number | null;
  display: string;
  suppression: string;
}
interface Cell {
  key: string;
  count: Count;
  denominator: Count | null;
  share: number | null;
  mean: number | null;
}
interface Point {
  from: string;
  to: string;
  total: Count;
  cells: Cell[];
}
interface Figure {
  figure: string;
  unit: string;
  scope: string;
  by: string | null;
  interval: string | null;
  denominator: string;
  mean: string | null;
  filters: { dimension: string; value: string }[];
  points: Point[];
}

const COUNT = "value display suppression";
const FIGURE = `figure unit scope by interval denominator mean filters { dimension value }
  points { from to total { ${COUNT} } cells { key count { ${COUNT} } denominator { ${COUNT} } share mean } }`;

const VARIABLE_TYPES: Record<string, string> = {
  by: "AnalyticsDimension",
  filter: "AnalyticsFilter",
  on: "Date",
  from: "Date",
  to: "Date",
  interval: "AnalyticsInterval",
  withinMonths: "Int!",
  reoffence: "ReoffenceKind",
  dateKind: "ReleaseDateKind",
  figure: "AnalyticsFigure!",
  cell: "String",
  first: "Int!",
  after: "String",
};

type Args = Record<string, unknown>;

function fieldQuery(field: string, args: Args, selection: string): string {
  const names = Object.keys(args);
  const declared = names.map((n) => `$${n}: ${VARIABLE_TYPES[n] as string}`).join(", ");
  const passed = names.map((n) => `${n}: $${n}`).join(", ");
  return `query${declared === "" ? "" : `(${declared})`} { analytics {
    ${field}${passed === "" ? "" : `(${passed})`} { ${selection} } } }`;
}

/** Asks one figure (an `Analytics` field) and fails the test on any error. */
async function figure(who: GraphQLClient, field: string, args: Args): Promise<Figure> {
  const data = await who.data<{ analytics: Record<string, Figure> }>(fieldQuery(field, args, FIGURE), args);
  return data.analytics[field] as Figure;
}

function ask(who: GraphQLClient, field: string, args: Args): Promise<GraphQLResponse> {
  return who.request(fieldQuery(field, args, FIGURE), args);
}

const DRILL = "totalCount edges { cursor node { id familyName } } pageInfo { hasNextPage endCursor }";
interface Drill {
  totalCount: number;
  edges: { cursor: string; node: { id: string; familyName: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function drill(who: GraphQLClient, args: Args): Promise<Drill> {
  const data = await who.data<{ analytics: { persons: Drill } }>(fieldQuery("persons", args, DRILL), args);
  return data.analytics.persons;
}

const familyNames = (page: Drill) => page.edges.map((e) => e.node.familyName).sort();

// Comparing with the counts worked out from the history.

/** The counts of a point: its total, and each cell's count by key. */
function countsOf(point: Point): { total: number | null; cells: Record<string, number | null> } {
  return {
    total: point.total.value,
    cells: Object.fromEntries(point.cells.map((c) => [c.key, c.count.value])),
  };
}

const withoutZeros = (cells: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(cells).filter(([, n]) => n !== 0));

/** Every cell of the table, zeros of a fixed dimension included, as the API lists them for one day. */
function expectTable(point: Point, table: Table, label: string): void {
  expect(countsOf(point), label).toEqual({ total: table.total, cells: table.cells });
}

/** The same, ignoring zero cells (a series lists the keys found in any of its periods). */
function expectNonZero(point: Point, table: Table, label: string): void {
  const counts = countsOf(point);
  expect({ total: counts.total, cells: withoutZeros(counts.cells) }, label).toEqual({
    total: table.total,
    cells: withoutZeros(table.cells),
  });
}

/**
 * The statistician's view of a table of 0s and counts of 5 or more: every count shown, none
 * suppressed, each rounded to the nearest multiple of 5.
 */
function expectShownToStatistician(point: Point, table: Table, label: string): void {
  // The history must keep these counts out of the suppressed range for the check to mean anything.
  for (const n of [table.total, ...Object.values(table.cells)])
    expect(n === 0 || n >= 5, `${label}: fixture count ${n}`).toBe(true);
  const rounded = {
    ...table,
    total: roundToBase(table.total),
    cells: Object.fromEntries(Object.entries(table.cells).map(([k, n]) => [k, roundToBase(n)])),
  };
  expectNonZero(point, rounded, label);
  expect(
    [point.total, ...point.cells.map((c) => c.count)].every((c) => c.suppression === "NONE"),
    label,
  ).toBe(true);
}

const sumOfCells = (point: Point) => point.cells.reduce((s, c) => s + (c.count.value ?? 0), 0);

const SAMPLE_DAYS = ["2019-01-01", "2019-03-01", "2019-07-01", "2020-01-01", "2020-04-01", "2020-07-01"];
const MORE_DAYS = ["2020-09-01", "2021-03-01", "2021-06-15", TODAY];

describe("the history as built", () => {
  it("holds every fictional person, each with an episode", () => {
    expect([...built.keys()].sort()).toEqual(HISTORY.map((p) => p.name).sort());
    expect(HISTORY.length).toBeGreaterThanOrEqual(30);
  });

  it("tells each asker whose cases their figures count", async () => {
    const scope = async (who: GraphQLClient) =>
      (await who.data<{ analytics: { scope: string } }>("{ analytics { scope } }")).analytics.scope;
    expect(await scope(celex())).toBe("VISIBLE_CASES");
    expect(await scope(officer())).toBe("VISIBLE_CASES");
    expect(await scope(statistician())).toBe("ALL_CASES_PROTECTED");
    const refused = await client("oversight.reviewer").request("{ analytics { scope } }");
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
  });
});

describe("listed persons (LISTED_PERSONS)", () => {
  it("counts the persons on the list on each day, by category, sex, establishment and label", async () => {
    for (const day of [...SAMPLE_DAYS, ...MORE_DAYS]) {
      const facts = listedFacts(day, READERS.celex);
      for (const by of [null, "CATEGORY", "SEX", "ESTABLISHMENT", "LABEL", "AGE_BAND", "RETURNEE"] as const) {
        const result = await figure(celex(), "listedPersons", { on: day, ...(by === null ? {} : { by }) });
        expect(result).toMatchObject({
          figure: "LISTED_PERSONS",
          unit: "PERSONS",
          scope: "VISIBLE_CASES",
          by,
        });
        expect(result.points.map((p) => [p.from, p.to])).toEqual([[day, day]]);
        expectTable(result.points[0] as Point, tally(facts, by), `${day} by ${by}`);
      }
    }
  });

  it("takes the age on the day asked, and today when no day is given", async () => {
    // Carlevant turns 40 on 2019-02-03; Maesdonck, born on 29 February 2000, turns 20 on 2020-02-29.
    for (const day of ["2019-02-02", "2019-02-03", "2020-02-28", "2020-02-29", "2020-03-01"]) {
      const result = await figure(celex(), "listedPersons", { on: day, by: "AGE_BAND" });
      expectTable(result.points[0] as Point, tally(listedFacts(day, READERS.celex), "AGE_BAND"), day);
    }
    const now = await figure(celex(), "listedPersons", { by: "CATEGORY" });
    expect(now.points.map((p) => p.from)).toEqual([TODAY]);
    expectTable(now.points[0] as Point, tally(listedFacts(TODAY, READERS.celex), "CATEGORY"), "today");
    const month = `${TODAY.slice(0, 8)}01`;
    const statistics = await figure(statistician(), "listedPersons", {});
    expect(statistics.points.map((p) => p.from)).toEqual([month]);
    expectShownToStatistician(
      statistics.points[0] as Point,
      tally(listedFacts(month, READERS.everyCase), null),
      month,
    );
  });

  it("counts a person with two labels in both cells and once in the total", async () => {
    const day = "2020-01-01";
    const facts = listedFacts(day, READERS.celex);
    const twoLabels = facts
      .filter((f) => (f.values.LABEL as string[]).length === 2)
      .map((f) => f.person.name);
    expect(twoLabels).toContain("Fontavel");
    const point = (await figure(celex(), "listedPersons", { on: day, by: "LABEL" })).points[0] as Point;
    expect(point.total.value).toBe(facts.length);
    expect(sumOfCells(point)).toBe(facts.length + twoLabels.length);
    // Each cell's share is of the total, so the label shares add up to more than 1.
    const share = point.cells.find((c) => c.key === "FOREIGN_FIGHTER") as Cell;
    expect(share.denominator?.value).toBe(facts.length);
    expect(share.share).toBeCloseTo((share.count.value as number) / facts.length, 10);
  });

  it("follows a change of category and a delisting from their day", async () => {
    const category = async (day: string) =>
      countsOf((await figure(celex(), "listedPersons", { on: day, by: "CATEGORY" })).points[0] as Point)
        .cells;
    const before = await category("2020-06-30");
    const changed = await category("2020-07-01");
    expect(changed.A).toBe((before.A as number) + 1);
    expect(changed.D).toBe((before.D as number) - 1);
    const delisted = await category("2020-09-01");
    expect(delisted.D).toBe(0);
    expect(delisted.A).toBe(tally(listedFacts("2020-09-01", READERS.celex), "CATEGORY").cells.A);
  });

  it("as a monthly, quarterly and yearly series, each period counted on its first day", async () => {
    for (const [interval, months] of [
      ["MONTH", 1],
      ["QUARTER", 3],
      ["YEAR", 12],
    ] as const) {
      const result = await figure(celex(), "listedPersons", {
        from: "2019-01-15",
        to: "2021-12-31",
        interval,
        by: "CATEGORY",
      });
      const starts = periodStarts("2019-01-15", "2021-12-31", months);
      expect(result.interval).toBe(interval);
      expect(result.points.map((p) => [p.from, p.to])).toEqual(starts.map((s) => [s, s]));
      result.points.forEach((point, i) => {
        const start = starts[i] as string;
        expectTable(point, tally(listedFacts(start, READERS.celex), "CATEGORY"), `${interval} ${start}`);
      });
    }
  });

  it("gives the statistician every case, on the first day of the month asked", async () => {
    for (const by of ["SEX", "ESTABLISHMENT"] as const) {
      const result = await figure(statistician(), "listedPersons", { on: "2020-01-17", by });
      expect(result.scope).toBe("ALL_CASES_PROTECTED");
      expect(result.points.map((p) => p.from)).toEqual(["2020-01-01"]);
      expectShownToStatistician(
        result.points[0] as Point,
        tally(listedFacts("2020-01-01", READERS.everyCase), by),
        `statistician by ${by}`,
      );
    }
    const series = await figure(statistician(), "listedPersons", {
      from: "2019-01-01",
      to: "2021-12-31",
      interval: "QUARTER",
    });
    const starts = periodStarts("2019-01-01", "2021-12-31", 3);
    expect(series.points.map((p) => p.from)).toEqual(starts);
    series.points.forEach((point, i) => {
      const start = starts[i] as string;
      expectShownToStatistician(
        point,
        tally(listedFacts(start, READERS.everyCase), null),
        `quarter ${start}`,
      );
    });
  });
});

describe("the listed share of each prison's population (listedShareOfPopulation)", () => {
  it("divides the listed persons held in each prison by its population that month", async () => {
    const data = await celex().data<{ analytics: { listedShareOfPopulation: Figure } }>(
      `query($on: Date) { analytics { listedShareOfPopulation(on: $on) { ${FIGURE} } } }`,
      { on: "2020-01-01" },
    );
    const point = data.analytics.listedShareOfPopulation.points[0] as Point;
    const table = tally(listedFacts("2020-01-01", READERS.celex), "ESTABLISHMENT");
    expectNonZero(point, table, "shares");
    for (const [code, figures] of Object.entries(POPULATIONS)) {
      const cell = point.cells.find((c) => c.key === code) as Cell;
      expect(cell.denominator?.value, code).toBe(figures.population);
      expect(cell.share, code).toBeCloseTo((table.cells[code] as number) / figures.population, 10);
    }
  });
});

describe("whose cases a figure counts", () => {
  it("counts for a prison officer only the inmates they may read (held in their prison now), and everything for the statistician", async () => {
    const day = "2020-01-01";
    const officerFacts = listedFacts(day, READERS.ittreOfficer);
    // Someone held in Hasselt that day, and someone released from Ittre since, are not the officer's.
    expect(namesIn(officerFacts, null, null)).not.toContain("Claesens");
    expect(namesIn(officerFacts, null, null)).not.toContain("Gilleran");
    expect(namesIn(listedFacts(day, READERS.everyCase), null, null)).toEqual(
      expect.arrayContaining(["Claesens", "Gilleran"]),
    );
    const mine = await figure(officer(), "listedPersons", { on: day, by: "ESTABLISHMENT" });
    expect(mine.scope).toBe("VISIBLE_CASES");
    expectTable(mine.points[0] as Point, tally(officerFacts, "ESTABLISHMENT"), "officer");
    expect(countsOf(mine.points[0] as Point).cells.HAS).toBeUndefined();

    const everyone = await figure(statistician(), "listedPersons", { on: day, by: "ESTABLISHMENT" });
    expectShownToStatistician(
      everyone.points[0] as Point,
      tally(listedFacts(day, READERS.everyCase), "ESTABLISHMENT"),
      "statistician",
    );
    expect(countsOf(everyone.points[0] as Point).cells.HAS).toBeGreaterThan(0);

    const detained = await figure(officer(), "detainedPersons", { on: day, by: "LISTED" });
    expectTable(
      detained.points[0] as Point,
      tally(detainedFacts(day, READERS.ittreOfficer), "LISTED"),
      "detained",
    );
  });

  it("counts re-offending only for those who read the follow-up: CelEx sees the releases but no outcome", async () => {
    const args = { from: "2020-01-01", to: "2020-12-31", withinMonths: 60, reoffence: "ANY", by: "OUTCOME" };
    const seenByCelex = await figure(celex(), "recidivism", args);
    const table = tally(recidivismFacts("2020-01-01", "2021-01-01", 60, "ANY", READERS.celex), "OUTCOME");
    expect(table.cells.REOFFENDED).toBe(0);
    expectTable(seenByCelex.points[0] as Point, table, "CelEx");
  });
});

describe("the two lists side by side (LIST_COMPARISON)", () => {
  it("counts each list, both, and each person on either once in the total", async () => {
    for (const day of [...SAMPLE_DAYS, ...MORE_DAYS]) {
      const result = await figure(celex(), "listComparison", { on: day, by: "LIST" });
      const table = tally(listComparisonFacts(day, READERS.celex), "LIST");
      expectTable(result.points[0] as Point, table, day);
      const cells = table.cells as { CELEX: number; INTELLIGENCE: number; BOTH: number };
      expect(table.total, day).toBe(cells.CELEX + cells.INTELLIGENCE - cells.BOTH);
    }
    const statistics = await figure(statistician(), "listComparison", { on: "2020-01-01", by: "LIST" });
    const table = tally(listComparisonFacts("2020-01-01", READERS.everyCase), "LIST");
    expect(table.cells.BOTH).toBeGreaterThan(0);
    expectShownToStatistician(statistics.points[0] as Point, table, "statistician");
  });
});

describe("detained persons (DETAINED_PERSONS)", () => {
  it("counts everyone detained on the day, listed or not", async () => {
    for (const day of [...SAMPLE_DAYS, ...MORE_DAYS])
      for (const by of ["LISTED", "CATEGORY", "ESTABLISHMENT", "SENTENCE_BAND"] as const) {
        const result = await figure(celex(), "detainedPersons", { on: day, by });
        expectTable(result.points[0] as Point, tally(detainedFacts(day, READERS.celex), by), `${day} ${by}`);
      }
    const statistics = await figure(statistician(), "detainedPersons", { on: "2020-01-09", by: "LISTED" });
    expectShownToStatistician(
      statistics.points[0] as Point,
      tally(detainedFacts("2020-01-01", READERS.everyCase), "LISTED"),
      "statistician",
    );
  });

  it("filters on being listed and on sex", async () => {
    const day = "2020-01-01";
    const result = await figure(celex(), "detainedPersons", {
      on: day,
      by: "SEX",
      filter: { listed: true, sex: "FEMALE" },
    });
    expect(result.filters).toEqual([
      { dimension: "SEX", value: "FEMALE" },
      { dimension: "LISTED", value: "YES" },
    ]);
    const facts = detainedFacts(day, READERS.celex).filter(
      (f) => f.values.LISTED === "YES" && f.values.SEX === "FEMALE",
    );
    expect(facts.length).toBeGreaterThan(0);
    expectTable(result.points[0] as Point, tally(facts, "SEX"), "filtered");
  });
});

describe("D-Rad:Ex occupancy (DRADEX_OCCUPANCY)", () => {
  const UNITS = ["HAS/HAS-DRX", "ITT/ITT-DRX"];

  it("counts the persons in each unit against its places", async () => {
    for (const day of [
      "2019-01-09",
      "2019-01-10",
      "2019-06-01",
      "2020-01-01",
      "2020-04-01",
      "2020-06-01",
      TODAY,
    ]) {
      const result = await figure(celex(), "dradexOccupancy", { on: day, by: "UNIT" });
      expect(result.denominator).toBe("the unit's places");
      const point = result.points[0] as Point;
      expectTable(point, tally(dradexFacts(day, READERS.celex), "UNIT", UNITS), day);
      expect(point.cells.map((c) => c.key)).toEqual(UNITS);
      for (const cell of point.cells) {
        expect(cell.denominator?.value, `${day} ${cell.key}`).toBe(20);
        expect(cell.share, `${day} ${cell.key}`).toBeCloseTo((cell.count.value as number) / 20, 10);
      }
    }
    // Leaving the unit by a move or a release counts from that day.
    const ittre = async (day: string) =>
      countsOf((await figure(celex(), "dradexOccupancy", { on: day, by: "UNIT" })).points[0] as Point).cells[
        "ITT/ITT-DRX"
      ];
    expect([await ittre("2019-12-31"), await ittre("2020-01-01")]).toEqual([5, 4]);
    expect([await ittre("2020-05-31"), await ittre("2020-06-01")]).toEqual([3, 2]);
  });

  it("gives the statistician the same counts and rates", async () => {
    const result = await figure(statistician(), "dradexOccupancy", { on: "2019-06-20", by: "UNIT" });
    const point = result.points[0] as Point;
    expect(point.from).toBe("2019-06-01");
    expectShownToStatistician(
      point,
      tally(dradexFacts("2019-06-01", READERS.everyCase), "UNIT", UNITS),
      "units",
    );
    expect(point.cells.map((c) => [c.key, c.count.value, c.share])).toEqual([
      ["HAS/HAS-DRX", 5, 0.25],
      ["ITT/ITT-DRX", 5, 0.25],
    ]);
  });
});

describe("sentence lengths (SENTENCE_LENGTHS)", () => {
  const rounded = (mean: number | null) => (mean === null ? null : Math.round(mean * 10) / 10);

  it("counts the listed inmates by sentence band, with each band's mean sentence over fixed terms", async () => {
    for (const day of ["2019-07-01", "2020-01-01", "2020-07-01", "2021-03-01", TODAY]) {
      const facts = sentenceFacts(day, READERS.celex);
      for (const by of [null, "SENTENCE_BAND", "CATEGORY"] as const) {
        const result = await figure(celex(), "sentenceLengths", { on: day, ...(by === null ? {} : { by }) });
        expect(result.mean).toBe("mean sentence in months (fixed terms only)");
        const point = result.points[0] as Point;
        const table = tally(facts, by);
        expectTable(point, table, `${day} ${by}`);
        expect(Object.fromEntries(point.cells.map((c) => [c.key, c.mean])), `${day} ${by} means`).toEqual(
          Object.fromEntries(Object.entries(table.means).map(([k, m]) => [k, rounded(m)])),
        );
      }
    }
    // The bands' limits: 60 months is from 5 to 10 years, 120 too; preventive detention has no fixed term.
    const bands = tally(sentenceFacts("2020-01-01", READERS.celex), "SENTENCE_BAND");
    expect(bands.cells.NO_FIXED_TERM).toBe(1);
    expect(bands.means.NO_FIXED_TERM).toBeNull();
  });
});

describe("releases (RELEASES)", () => {
  const QUARTERS = periodStarts("2019-01-01", "2021-12-31", 3);
  const stopOf = (start: string, months: number) => addMonthsToDate(start, months);

  it("counts the listed persons released in each period; a release on a period's first day belongs to it", async () => {
    for (const by of [null, "RELEASE_TYPE", "CATEGORY", "LABEL", "ESTABLISHMENT"] as const) {
      const result = await figure(celex(), "releases", {
        from: "2019-01-01",
        to: "2021-12-31",
        interval: "QUARTER",
        ...(by === null ? {} : { by }),
      });
      expect(result.points.map((p) => [p.from, p.to])).toEqual(
        QUARTERS.map((q) => [q, addDaysToDate(stopOf(q, 3), -1)]),
      );
      result.points.forEach((point, i) => {
        const q = QUARTERS[i] as string;
        expectNonZero(point, tally(releaseFacts(q, stopOf(q, 3), READERS.celex), by), `${q} ${by}`);
      });
    }
    const quarter = async (from: string, to: string) =>
      familyNames(await drill(celex(), { figure: "RELEASES", from, to, first: 100 }));
    // 1 January, the last day of March, the first of April, of July and the last of December.
    expect(await quarter("2020-01-01", "2020-03-31")).toEqual(
      ["Evrardel", "Gilleran", "Mertelaar", "Renardot", "Robertin"].sort(),
    );
    expect(await quarter("2020-04-01", "2020-06-30")).toEqual(["Remyvaert", "Rousselin", "Vastinel"]);
    expect(await quarter("2020-07-01", "2020-09-30")).toEqual(["Raesveld"]);
    expect(await quarter("2020-10-01", "2020-12-31")).toEqual(["Rigauder", "Rolandet"]);
    expect(await quarter("2019-01-01", "2019-12-31")).toEqual([]);
  });

  it("counts by month and by year, and over one period from `from` to `to`", async () => {
    for (const [interval, months] of [
      ["MONTH", 1],
      ["YEAR", 12],
    ] as const) {
      const result = await figure(celex(), "releases", {
        from: "2019-11-20",
        to: "2021-03-01",
        interval,
        by: "RELEASE_TYPE",
      });
      const starts = periodStarts("2019-11-20", "2021-03-01", months);
      expect(result.points.map((p) => p.from)).toEqual(starts);
      result.points.forEach((point, i) => {
        const s = starts[i] as string;
        expectTable(point, tally(releaseFacts(s, stopOf(s, months), READERS.celex), "RELEASE_TYPE"), `${s}`);
      });
    }
    // Without an interval: one period, both days included.
    const span = await figure(celex(), "releases", {
      from: "2020-02-10",
      to: "2020-05-04",
      by: "RELEASE_TYPE",
    });
    expect(span.points.map((p) => [p.from, p.to])).toEqual([["2020-02-10", "2020-05-04"]]);
    expectTable(
      span.points[0] as Point,
      tally(releaseFacts("2020-02-10", "2020-05-05", READERS.celex), "RELEASE_TYPE"),
      "span",
    );
  });

  it("gives the statistician whole months and every release", async () => {
    const year = await figure(statistician(), "releases", {
      from: "2020-01-01",
      to: "2020-12-31",
      by: "RELEASE_TYPE",
    });
    expectShownToStatistician(
      year.points[0] as Point,
      tally(releaseFacts("2020-01-01", "2021-01-01", READERS.everyCase), "RELEASE_TYPE"),
      "2020",
    );
    // Days inside months are widened to the whole months.
    const widened = await figure(statistician(), "releases", { from: "2020-01-15", to: "2020-05-03" });
    expect(widened.points.map((p) => [p.from, p.to])).toEqual([["2020-01-01", "2020-05-31"]]);
    expectShownToStatistician(
      widened.points[0] as Point,
      tally(releaseFacts("2020-01-01", "2020-06-01", READERS.everyCase), null),
      "widened",
    );
  });
});

describe("upcoming release dates (UPCOMING_RELEASE_DATES)", () => {
  const kinds = ["CONDITIONAL_RELEASE_ELIGIBILITY", "END_OF_SENTENCE"] as const;

  it("counts the listed inmates by the year of their next date, by the rule where none was set by hand", async () => {
    for (const day of ["2019-07-01", "2020-01-01", "2021-01-01", "2022-06-01"]) {
      const ends = await figure(celex(), "upcomingReleaseDates", { on: day, by: "YEAR", dateKind: kinds[1] });
      expectTable(ends.points[0] as Point, tally(upcomingFacts(day, kinds[1], READERS.celex), "YEAR"), day);
      // Eligibility in Hasselt, where no date was set by hand (the default kind).
      const eligible = await figure(celex(), "upcomingReleaseDates", {
        on: day,
        by: "YEAR",
        filter: { establishment: "HAS" },
      });
      const facts = upcomingFacts(day, kinds[0], READERS.celex).filter(
        (f) => f.values.ESTABLISHMENT === "HAS",
      );
      expect(facts.length, day).toBeGreaterThan(0);
      // (A filtered figure also lists, at zero, the keys found outside its filter.)
      expectNonZero(eligible.points[0] as Point, tally(facts, "YEAR"), `${day} HAS`);
    }
  });

  it("takes an override from the day it was recorded, and leaves earlier days as they were", async () => {
    const yesterday = addDaysToDate(TODAY, -1);
    const years = async (on: string) =>
      countsOf((await figure(celex(), "upcomingReleaseDates", { on, by: "YEAR" })).points[0] as Point);
    // Today: the eligibility set by hand today.
    const today = await years(TODAY);
    expect(today.cells[OVERRIDDEN_ELIGIBILITY.slice(0, 4)]).toBe(1);
    expectTable(
      (await figure(celex(), "upcomingReleaseDates", { on: TODAY, by: "YEAR" })).points[0] as Point,
      tally(upcomingFacts(TODAY, "CONDITIONAL_RELEASE_ELIGIBILITY", READERS.celex), "YEAR"),
      "today",
    );
    // Yesterday and in 2020 the rule's date was the one known: the override, recorded later, changes nothing.
    for (const day of [yesterday, "2019-07-01", "2020-01-01", "2021-01-01", "2022-06-01"]) {
      const expected = tally(upcomingFacts(day, "CONDITIONAL_RELEASE_ELIGIBILITY", READERS.celex), "YEAR");
      expect(expected.cells[OVERRIDDEN_ELIGIBILITY.slice(0, 4)], day).toBeUndefined();
      expect(await years(day), `as of ${day}`).toEqual({ total: expected.total, cells: expected.cells });
    }
    // Dufrenne: admitted 2019-01-10 for 150 months, eligible after a third (2023) by the rule.
    const dufrenne = async (on: string) =>
      familyNames(
        await drill(celex(), {
          figure: "UPCOMING_RELEASE_DATES",
          on,
          by: "YEAR",
          cell: "2023",
          filter: { category: "A" },
          first: 100,
        }),
      );
    expect(await dufrenne("2020-01-01")).toContain("Dufrenne");
  });
});

describe("programme participation (PROGRAMME_PARTICIPATION)", () => {
  const MONTHS = periodStarts("2020-01-01", "2020-12-31", 1);

  it("counts, of the persons listed in each period, those in a programme of each provider, any or none", async () => {
    const result = await figure(celex(), "programmeParticipation", {
      from: "2020-01-01",
      to: "2020-12-31",
      interval: "MONTH",
      by: "PROVIDER",
    });
    result.points.forEach((point, i) => {
      const start = MONTHS[i] as string;
      const table = tally(programmeFacts(start, addMonthsToDate(start, 1), READERS.celex), "PROVIDER");
      expectNonZero(point, table, start);
      const cells = countsOf(point).cells;
      // The denominator is the period's listed persons; ANY and NONE split them.
      expect((cells.ANY ?? 0) + (cells.NONE ?? 0), start).toBe(point.total.value);
      for (const cell of point.cells) expect(cell.denominator?.value, start).toBe(point.total.value);
    });
    const byMonth = Object.fromEntries(result.points.map((p) => [p.from, countsOf(p).cells.ANY ?? 0]));
    // Active from March; one more from mid-June; one completed at the end of September.
    expect([
      byMonth["2020-02-01"],
      byMonth["2020-03-01"],
      byMonth["2020-06-01"],
      byMonth["2020-10-01"],
    ]).toEqual([0, 5, 6, 5]);
    expect(providerOf(person("Claesens"))).toBe("flemish-disengagement");
  });

  it("counts by quarter, and gives the statistician the denominator of each period", async () => {
    const quarters = await figure(celex(), "programmeParticipation", {
      from: "2020-01-01",
      to: "2020-12-31",
      interval: "QUARTER",
      by: "PROVIDER",
    });
    const starts = periodStarts("2020-01-01", "2020-12-31", 3);
    quarters.points.forEach((point, i) => {
      const s = starts[i] as string;
      expectNonZero(point, tally(programmeFacts(s, addMonthsToDate(s, 3), READERS.celex), "PROVIDER"), s);
    });
    const march = await figure(statistician(), "programmeParticipation", {
      from: "2020-03-01",
      to: "2020-03-31",
    });
    expectShownToStatistician(
      march.points[0] as Point,
      tally(programmeFacts("2020-03-01", "2020-04-01", READERS.everyCase), null),
      "March",
    );
    const any = await figure(statistician(), "programmeParticipation", {
      from: "2020-03-01",
      to: "2020-03-31",
      filter: { provider: "ANY" },
    });
    const active = programmeFacts("2020-03-01", "2020-04-01", READERS.everyCase).filter((f) =>
      (f.values.PROVIDER as string[]).includes("ANY"),
    );
    expectShownToStatistician(any.points[0] as Point, tally(active, null), "ANY");
  });
});

describe("disengagement evaluations (DISENGAGEMENT_EVALUATIONS)", () => {
  it("counts the persons evaluated by the day, by their latest evaluation", async () => {
    for (const day of ["2020-04-30", "2020-05-01", "2020-06-01", "2020-10-15", "2021-02-01", "2021-06-01"])
      for (const by of ["DISENGAGEMENT_SIGNS", "EVALUATION_LEVEL", "EVALUATION_STAGE"] as const) {
        const result = await figure(cuta(), "disengagementEvaluations", { on: day, by });
        expectTable(result.points[0] as Point, tally(evaluationFacts(day, READERS.cuta), by), `${day} ${by}`);
      }
    // Two evaluations on one day: the one recorded last counts.
    const signs = await drill(cuta(), {
      figure: "DISENGAGEMENT_EVALUATIONS",
      on: "2020-06-01",
      by: "EVALUATION_LEVEL",
      cell: "SOME_SIGNS",
      first: 100,
    });
    expect(familyNames(signs)).toContain("Dufrenne");
    const statistics = await figure(statistician(), "disengagementEvaluations", {
      on: "2020-06-10",
      by: "DISENGAGEMENT_SIGNS",
    });
    expectShownToStatistician(
      statistics.points[0] as Point,
      tally(evaluationFacts("2020-06-01", READERS.everyCase), "DISENGAGEMENT_SIGNS"),
      "statistician",
    );
  });
});

describe("recidivism (RECIDIVISM)", () => {
  const YEAR_2020 = { from: "2020-01-01", to: "2020-12-31" };

  it("counts re-offending within the window after each release: the window's last day is the day before", async () => {
    for (const [withinMonths, reoffence] of [
      [12, "TERRORIST"],
      [13, "TERRORIST"],
      [12, "ANY"],
      [60, "ANY"],
    ] as const) {
      for (const by of ["OUTCOME", "FOLLOW_UP_WINDOW", "RELEASE_TYPE"] as const) {
        const result = await figure(cuta(), "recidivism", { ...YEAR_2020, withinMonths, reoffence, by });
        const facts = recidivismFacts("2020-01-01", "2021-01-01", withinMonths, reoffence, READERS.cuta);
        expectTable(result.points[0] as Point, tally(facts, by), `${withinMonths} ${reoffence} ${by}`);
      }
    }
    const reoffended = async (withinMonths: number, reoffence: string) =>
      familyNames(
        await drill(cuta(), {
          figure: "RECIDIVISM",
          ...YEAR_2020,
          withinMonths,
          reoffence,
          by: "OUTCOME",
          cell: "REOFFENDED",
          first: 100,
        }),
      );
    // Released 2020-02-10: re-offending on 2021-02-09 is within 12 months, on 2021-02-10 only within 13.
    expect(await reoffended(12, "TERRORIST")).toEqual(["Remyvaert", "Renardot"]);
    expect(await reoffended(13, "TERRORIST")).toEqual(["Remyvaert", "Renardot", "Robertin"]);
    expect(await reoffended(12, "ANY")).toEqual(["Raesveld", "Remyvaert", "Renardot", "Rousselin"]);
  });

  it("tells whether the whole window has passed by today (FOLLOW_UP_WINDOW)", async () => {
    const window = async (withinMonths: number, args: Args = YEAR_2020) =>
      countsOf(
        (await figure(cuta(), "recidivism", { ...args, withinMonths, by: "FOLLOW_UP_WINDOW" }))
          .points[0] as Point,
      ).cells;
    const released2020 = releaseFacts("2020-01-01", "2021-01-01", READERS.cuta).length;
    expect(released2020).toBe(11);
    expect(await window(12)).toEqual({ COMPLETE: released2020, INCOMPLETE: 0 });
    expect(await window(240)).toEqual({ COMPLETE: 0, INCOMPLETE: released2020 });
    const recent = { from: addDaysToDate(RECENT_RELEASE, -1), to: TODAY };
    for (const withinMonths of [1, 2, 3]) {
      const facts = recidivismFacts(
        recent.from,
        addDaysToDate(TODAY, 1),
        withinMonths,
        "TERRORIST",
        READERS.cuta,
      );
      expect(namesIn(facts, null, null)).toEqual(["Tellieran"]);
      const expected = tally(facts, "FOLLOW_UP_WINDOW").cells;
      expect(await window(withinMonths, recent), `${withinMonths} months`).toEqual(expected);
    }
    // Released two months ago: the two-month window ends today, so it is complete; three months are not.
    if (addMonthsToDate(RECENT_RELEASE, 2) === TODAY) expect((await window(2, recent)).COMPLETE).toBe(1);
    expect((await window(3, recent)).INCOMPLETE).toBe(1);
    // Re-offended ten days after: within a one-month window, recorded by today.
    const outcome = await figure(cuta(), "recidivism", { ...recent, withinMonths: 1, by: "OUTCOME" });
    expect(countsOf(outcome.points[0] as Point).cells).toEqual({ REOFFENDED: 1, NOT_REOFFENDED: 0 });
  });

  it("gives the statistician the rate over the releases of a year", async () => {
    const result = await figure(statistician(), "recidivism", {
      ...YEAR_2020,
      withinMonths: 60,
      reoffence: "ANY",
      by: "OUTCOME",
    });
    const table = tally(recidivismFacts("2020-01-01", "2021-01-01", 60, "ANY", READERS.everyCase), "OUTCOME");
    expectShownToStatistician(result.points[0] as Point, table, "2020");
    const reoffended = (result.points[0] as Point).cells.find((c) => c.key === "REOFFENDED") as Cell;
    expect(reoffended.share).toBeCloseTo(
      roundToBase(table.cells.REOFFENDED as number) / roundToBase(table.total),
      10,
    );
  });
});

describe("what-if shares (whatIfShare)", () => {
  const WHAT_IF = `query($on: Date!, $group: WhatIfGroup!, $additional: Int!) { analytics {
    whatIfShare(on: $on, group: $group, additional: $additional) {
      on group current { ${COUNT} } population additional shareNow shareWithAdditional } } }`;
  interface Projection {
    on: string;
    group: string;
    current: Count;
    population: number | null;
    additional: number;
    shareNow: number | null;
    shareWithAdditional: number | null;
  }
  const project = async (who: GraphQLClient, on: string, group: string, additional: number) =>
    (await who.data<{ analytics: { whatIfShare: Projection } }>(WHAT_IF, { on, group, additional })).analytics
      .whatIfShare;

  const MEN_AND_WOMEN = POPULATIONS.ITT.population + POPULATIONS.HAS.population;
  const WOMEN = POPULATIONS.ITT.women + POPULATIONS.HAS.women;
  const groups: [string, (f: Fact) => boolean, number][] = [
    ["LISTED", (f) => f.values.LISTED === "YES", MEN_AND_WOMEN],
    ["FEMALE_LISTED", (f) => f.values.LISTED === "YES" && f.values.SEX === "FEMALE", WOMEN],
    ["RETURNEES", (f) => f.values.RETURNEE === "YES", MEN_AND_WOMEN],
    ["FEMALE_RETURNEES", (f) => f.values.RETURNEE === "YES" && f.values.SEX === "FEMALE", WOMEN],
  ];

  it("divides the group's detained persons by the prison population, now and with more of them", async () => {
    for (const day of ["2020-01-01", "2020-06-15"])
      for (const [group, inGroup, population] of groups) {
        const current = detainedFacts(day, READERS.celex).filter(inGroup).length;
        expect(current, group).toBeGreaterThan(0);
        const projection = await project(celex(), day, group, 25);
        expect(projection).toMatchObject({ on: day, group, population, additional: 25 });
        expect(projection.current.value, `${day} ${group}`).toBe(current);
        expect(projection.shareNow).toBeCloseTo(current / population, 10);
        expect(projection.shareWithAdditional).toBeCloseTo((current + 25) / (population + 25), 10);
      }
    // Before any population figure: no share.
    const early = await project(celex(), "2019-07-01", "LISTED", 10);
    expect(early).toMatchObject({ population: null, shareNow: null, shareWithAdditional: null });
    expect(early.current.value).toBe(
      detainedFacts("2019-07-01", READERS.celex).filter((f) => f.values.LISTED === "YES").length,
    );
  });

  it("gives the statistician the same arithmetic on the first day of the month", async () => {
    const projection = await project(statistician(), "2020-01-20", "FEMALE_LISTED", 4);
    const current = detainedFacts("2020-01-01", READERS.everyCase).filter(
      (f) => f.values.LISTED === "YES" && f.values.SEX === "FEMALE",
    ).length;
    expect(current).toBeGreaterThanOrEqual(5);
    expect(projection).toMatchObject({
      on: "2020-01-01",
      current: { value: roundToBase(current), suppression: "NONE" },
      population: WOMEN,
    });
    expect(projection.shareNow).toBeCloseTo(roundToBase(current) / WOMEN, 10);
    expect(projection.shareWithAdditional).toBeCloseTo((roundToBase(current) + 4) / (WOMEN + 4), 10);
  });
});

describe("the persons behind a cell (analytics.persons)", () => {
  it("lists exactly the persons of the cell, a page at a time", async () => {
    const day = "2020-01-01";
    const facts = listedFacts(day, READERS.celex);
    for (const [by, cell] of [
      ["LABEL", "FOREIGN_FIGHTER"],
      ["CATEGORY", "A"],
      ["SEX", "FEMALE"],
      ["ESTABLISHMENT", "HAS"],
      [null, null],
    ] as const) {
      const page = await drill(celex(), {
        figure: "LISTED_PERSONS",
        on: day,
        ...(by === null ? {} : { by, cell }),
        first: 100,
      });
      const expected = namesIn(facts, by, cell);
      expect(familyNames(page), `${by} ${cell}`).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
      expect(page.edges.map((e) => e.node.id).sort()).toEqual(
        expected.map((n) => (built.get(n) as Built).personId).sort(),
      );
    }
    // Pages: the second starts after the first's last cursor.
    const first = await drill(celex(), {
      figure: "LISTED_PERSONS",
      on: day,
      by: "CATEGORY",
      cell: "A",
      first: 5,
    });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await drill(celex(), {
      figure: "LISTED_PERSONS",
      on: day,
      by: "CATEGORY",
      cell: "A",
      first: 100,
      after: first.pageInfo.endCursor,
    });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...familyNames(first), ...familyNames(rest)].sort()).toEqual(namesIn(facts, "CATEGORY", "A"));
  });

  it("lists the persons of the NONE cell as the figure counts them", async () => {
    const day = "2020-01-01";
    const facts = detainedFacts(day, READERS.celex);
    const unlisted = namesIn(facts, "CATEGORY", "NONE");
    expect(unlisted).toEqual(["Navezin", "Nevelaar", "Nicolay", "Noelant", "Nysbroek"]);
    const point = (await figure(celex(), "detainedPersons", { on: day, by: "CATEGORY" })).points[0] as Point;
    expect(countsOf(point).cells.NONE).toBe(unlisted.length);
    const page = await drill(celex(), {
      figure: "DETAINED_PERSONS",
      on: day,
      by: "CATEGORY",
      cell: "NONE",
      first: 100,
    });
    expect(familyNames(page)).toEqual(unlisted);
    expect(page.totalCount).toBe(unlisted.length);
  });

  it("is refused to a statistician, and audited as a search naming the figure", async () => {
    const res = await statistician().request(
      fieldQuery("persons", { figure: "LISTED_PERSONS", on: "2020-01-01", first: 10 }, DRILL),
      { figure: "LISTED_PERSONS", on: "2020-01-01", first: 10 },
    );
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    const rows = await audited(app, () =>
      drill(celex(), { figure: "RELEASES", from: "2020-07-01", to: "2020-09-30", first: 10 }),
    );
    expect(rows.filter((r) => r.operation === "SEARCH").map((r) => r.details)).toEqual([
      expect.objectContaining({ analytics: "RELEASES", from: "2020-07-01", returned: 1 }),
    ]);
    expect(rows.filter((r) => r.operation === "AGGREGATE")).toEqual([]);
  });
});

describe("questions the API refuses", () => {
  /** Asks a question that must be refused; returns each error's code and field, and checks nothing was audited. */
  const refused = async (who: GraphQLClient, field: string, args: Args) => {
    let res: GraphQLResponse | undefined;
    const rows = await audited(app, async () => {
      res = await ask(who, field, args);
    });
    expect(
      rows.filter((r) => r.operation === "AGGREGATE"),
      "nothing counted, nothing audited",
    ).toEqual([]);
    return res?.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
  };

  it("names the input at fault (BAD_USER_INPUT with extensions.field)", async () => {
    const cases: [string, Args, string][] = [
      ["listedPersons", { on: "2020-01-01", by: "PROVIDER" }, "by"],
      ["listedPersons", { on: "2020-01-01", from: "2020-01-01", to: "2020-02-01", interval: "MONTH" }, "on"],
      ["releases", { on: "2020-01-01" }, "on"],
      ["releases", { from: "2020-01-01" }, "to"],
      ["releases", { to: "2020-01-01" }, "from"],
      ["listedPersons", { from: "2020-02-01", to: "2020-01-31", interval: "MONTH" }, "to"],
      ["releases", { from: "2020-02-01", to: "2020-01-31" }, "to"],
      ["listedPersons", { from: "2000-01-01", to: "2020-01-01", interval: "MONTH" }, "to"],
      ["listedPersons", { from: "2019-01-01", to: "2020-01-01" }, "interval"],
      ["upcomingReleaseDates", { from: "2019-01-01", to: "2020-01-01" }, "from"],
      ["listedPersons", { on: "2020-01-01", filter: { category: "Z" } }, "filter.category"],
      ["listedPersons", { on: "2020-01-01", filter: { provider: "caprev" } }, "filter.provider"],
      [
        "releases",
        { from: "2020-01-01", to: "2020-12-31", filter: { releaseType: "ESCAPE" } },
        "filter.releaseType",
      ],
      ["detainedPersons", { on: "2020-01-01", filter: { sex: "" } }, "filter.sex"],
      ["recidivism", { from: "2020-01-01", to: "2020-12-31", withinMonths: 0 }, "withinMonths"],
      ["recidivism", { from: "2020-01-01", to: "2020-12-31", withinMonths: 241 }, "withinMonths"],
    ];
    for (const [field, args, at] of cases)
      expect(await refused(celex(), field, args), `${field} ${JSON.stringify(args)}`).toEqual([
        ["BAD_USER_INPUT", at],
      ]);
    // The statistician gets the same answers.
    expect(await refused(statistician(), "releases", { on: "2020-01-01" })).toEqual([
      ["BAD_USER_INPUT", "on"],
    ]);
  });

  it("takes 240 periods and not one more", async () => {
    const longest = await figure(celex(), "listedPersons", {
      from: "2000-01-01",
      to: "2019-12-31",
      interval: "MONTH",
    });
    expect(longest.points).toHaveLength(240);
    expect(
      await refused(celex(), "listedPersons", { from: "2000-01-01", to: "2020-01-01", interval: "MONTH" }),
    ).toEqual([["BAD_USER_INPUT", "to"]]);
  });

  it("refuses a drill-down over several periods, or a cell without its dimension", async () => {
    for (const [args, field] of [
      [
        { figure: "LISTED_PERSONS", from: "2020-01-01", to: "2020-03-01", interval: "MONTH", first: 10 },
        "interval",
      ],
      [{ figure: "LISTED_PERSONS", on: "2020-01-01", cell: "A", first: 10 }, "cell"],
    ] as const) {
      const res = await celex().request(fieldQuery("persons", args, DRILL), args);
      expect(res.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ["BAD_USER_INPUT", field],
      ]);
    }
  });
});

describe("the audit of analytics questions", () => {
  it("writes one AGGREGATE entry per question, naming the figure, its cells and its time, and no person", async () => {
    const questions: [GraphQLClient, string, Args, Record<string, unknown>][] = [
      [
        celex(),
        "listedPersons",
        { on: "2020-01-01", by: "CATEGORY" },
        { figure: "LISTED_PERSONS", scope: "VISIBLE_CASES", by: "CATEGORY", from: "2020-01-01", points: 1 },
      ],
      [
        statistician(),
        "listedPersons",
        { on: "2020-01-17", by: "SEX" },
        { figure: "LISTED_PERSONS", scope: "ALL_CASES_PROTECTED", by: "SEX", from: "2020-01-01", points: 1 },
      ],
      [
        celex(),
        "releases",
        {
          from: "2020-01-01",
          to: "2020-12-31",
          interval: "QUARTER",
          filter: { releaseType: "END_OF_SENTENCE" },
        },
        {
          figure: "RELEASES",
          by: null,
          filters: [{ dimension: "RELEASE_TYPE", value: "END_OF_SENTENCE" }],
          from: "2020-01-01",
          interval: "QUARTER",
          points: 4,
        },
      ],
      [
        cuta(),
        "recidivism",
        { from: "2020-01-01", to: "2020-12-31", withinMonths: 12, reoffence: "ANY" },
        {
          figure: "RECIDIVISM",
          withinMonths: 12,
          reoffence: ["REOFFENDED_TERRORIST", "REOFFENDED_OTHER"],
          points: 1,
        },
      ],
      [
        celex(),
        "upcomingReleaseDates",
        { on: "2020-01-01", dateKind: "END_OF_SENTENCE" },
        { figure: "UPCOMING_RELEASE_DATES", dateKind: "END_OF_SENTENCE" },
      ],
      [
        officer(),
        "dradexOccupancy",
        { on: "2020-01-01", by: "UNIT" },
        { figure: "DRADEX_OCCUPANCY", scope: "VISIBLE_CASES", by: "UNIT" },
      ],
    ];
    for (const [who, field, args, details] of questions) {
      const rows = await audited(app, () => figure(who, field, args));
      expect(
        rows.map((r) => [r.operation, r.person_id]),
        field,
      ).toEqual([["AGGREGATE", null]]);
      expect(rows[0]?.details, field).toMatchObject({ query: "analytics", ...details });
    }
    const whatIf = await audited(app, () =>
      celex().data(
        `{ analytics { whatIfShare(on: "2020-01-01", group: LISTED, additional: 3) { shareNow } } }`,
      ),
    );
    expect(whatIf.map((r) => [r.operation, r.person_id, r.details.query, r.details.figure])).toEqual([
      ["AGGREGATE", null, "whatIfShare", "DETAINED_PERSONS"],
    ]);
    // Two figures in one request: two questions, two entries.
    const two = await audited(app, () =>
      celex().data(
        `{ analytics { a: listedPersons(on: "2020-01-01") { figure } b: detainedPersons(on: "2020-01-01") { figure } } }`,
      ),
    );
    expect(two.map((r) => [r.operation, r.details.figure]).sort()).toEqual([
      ["AGGREGATE", "DETAINED_PERSONS"],
      ["AGGREGATE", "LISTED_PERSONS"],
    ]);
  });
});

/** Dimensions with fixed cells are listed whole and in order, even where zero. */
describe("the cells of a figure", () => {
  it("lists every value of a fixed dimension in the domain's order", async () => {
    for (const [field, by] of [
      ["listedPersons", "CATEGORY"],
      ["listedPersons", "LABEL"],
      ["detainedPersons", "SENTENCE_BAND"],
      ["listComparison", "LIST"],
    ] as const) {
      const point = (await figure(celex(), field, { on: "2019-01-01", by })).points[0] as Point;
      expect(
        point.cells.map((c) => c.key),
        `${field} ${by}`,
      ).toEqual(FIXED_CELLS[by as Dimension]);
    }
  });
});
