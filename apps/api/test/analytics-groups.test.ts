import { AgeBand, ageBandOf, NationalityGroup, nationalityGroupOf } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screen } from "./case-work.js";
import { EMAIL, places, REGISTER } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

// The groups the database computes for figures (age band on the day, nationality group) are the
// ones packages/domain defines: persons born around each band's edges and holding various
// nationalities, counted on two days.

let app: TestApp;
let analyst: GraphQLClient;

const PERSONS = [
  { dateOfBirth: "2004-03-02", nationalities: ["BE", "MA"] },
  { dateOfBirth: "2004-03-01", nationalities: ["MA"] },
  { dateOfBirth: "1994-03-01", nationalities: ["FR", "MA"] },
  { dateOfBirth: "1994-03-02", nationalities: ["NL"] },
  { dateOfBirth: "1984-02-29", nationalities: ["DZ"] },
  { dateOfBirth: "1974-03-01", nationalities: ["BE"] },
  { dateOfBirth: "1960-12-31", nationalities: ["TN", "DE"] },
];
const DAYS = ["2024-03-01", "2024-03-02"];

beforeAll(async () => {
  app = await startTestApp();
  analyst = await app.login(EMAIL("celex.analyst"));
  const at = await places(analyst);
  let i = 0;
  for (const person of PERSONS) {
    i += 1;
    const data = await analyst.data<{ personRegister: { person: { id: string } } }>(REGISTER, {
      input: {
        familyName: `Grouped${String.fromCharCode(97 + i)}`,
        givenNames: "Testo",
        sex: "MALE",
        languageCommunity: "FR",
        ...person,
        admission: {
          admittedOn: "2024-01-10",
          legalStatus: "SENTENCED",
          sentenceMonths: 48,
          establishmentId: at.establishment("ITT"),
        },
      },
    });
    await screen(analyst, data.personRegister.person.id);
  }
});
afterAll(() => app.close());

async function cells(by: string, on: string): Promise<Record<string, number | null>> {
  const data = await analyst.data<{
    analytics: { listedPersons: { points: { cells: { key: string; count: { value: number | null } }[] }[] } };
  }>(
    `query($on: Date, $by: AnalyticsDimension) { analytics { listedPersons(on: $on, by: $by) {
      points { cells { key count { value } } } } } }`,
    { on, by },
  );
  return Object.fromEntries(
    (data.analytics.listedPersons.points[0]?.cells ?? []).map((c) => [c.key, c.count.value]),
  );
}

function counted<K extends string>(keys: readonly K[], of: (p: (typeof PERSONS)[number]) => K) {
  const result = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
  for (const person of PERSONS) result[of(person)] = (result[of(person)] ?? 0) + 1;
  return result;
}

describe("groups in figures", () => {
  it.each(DAYS)("bands ages on the day counted, as the domain does (%s)", async (on) => {
    expect(await cells("AGE_BAND", on)).toEqual(
      counted(Object.values(AgeBand), (p) => ageBandOf(p.dateOfBirth, on)),
    );
  });

  it("groups nationalities as the domain does", async () => {
    expect(await cells("NATIONALITY_GROUP", DAYS[0] as string)).toEqual(
      counted(Object.values(NationalityGroup), (p) => nationalityGroupOf(p.nationalities)),
    );
  });
});

describe("odd questions", () => {
  it("counts a person listed without a label once in the total by label, in a NONE cell", async () => {
    await app.database.db.execute(sql`update listing_periods set labels = '{FOREIGN_FIGHTER}'`);
    await app.database.db.execute(
      sql`update listing_periods set labels = '{}' where person_id = (select id from persons where family_name = 'Groupedb')`,
    );
    const totals = async (by: string | null) => {
      const data = await analyst.data<{
        analytics: {
          listedPersons: {
            points: { total: { value: number }; cells: { key: string; count: { value: number } }[] }[];
          };
        };
      }>(
        `query($by: AnalyticsDimension) { analytics { listedPersons(on: "2024-03-01", by: $by) {
          points { total { value } cells { key count { value } } } } } }`,
        { by },
      );
      return data.analytics.listedPersons.points[0];
    };
    const byLabel = await totals("LABEL");
    expect(byLabel?.total.value).toBe(PERSONS.length);
    expect((await totals(null))?.total.value).toBe(PERSONS.length);
    expect(byLabel?.cells.find((c) => c.key === "NONE")?.count.value).toBe(1);
  });

  it("refuses control characters in codes, malformed cursors, and too many periods in one request", async () => {
    const field = async (query: string) =>
      (await analyst.request(query)).errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
    expect(
      await field(`{ analytics { listedPersons(filter: { establishment: "IT\\u0000T" }) { figure } } }`),
    ).toEqual([["BAD_USER_INPUT", "filter.establishment"]]);
    expect(
      await field(
        `{ analytics { persons(figure: LISTED_PERSONS, first: 5, after: "------------------------------------") { totalCount } } }`,
      ),
    ).toEqual([["BAD_USER_INPUT", "after"]]);
    const series = (i: number) =>
      `s${i}: listedPersons(from: "2000-01-01", to: "2019-12-31", interval: MONTH) { figure }`;
    expect(
      await field(`{ analytics { ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(series).join(" ")} } }`),
    ).toContainEqual(["BAD_USER_INPUT", "interval"]);
  });
});
