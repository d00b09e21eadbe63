import { AgeBand, ageBandOf, NationalityGroup, nationalityGroupOf } from "@continuum/domain";
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
