import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, screen, uuidOf } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

// Figures on regimes: a unit's occupancy over time (counts, never who) and the share of each
// prison's population on the CelEx list (national counts, for readers of every inmate's listing).

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};

const ACCOUNTS = [
  "celex.analyst",
  "celex.statistician",
  "dgepi.director",
  "vsse.officer",
  "police.officer",
  "prison-ittre.director",
] as const;
type Account = (typeof ACCOUNTS)[number];
const client = (account: Account) => as[account] as GraphQLClient;
const celex = () => client("celex.analyst");

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(celex());
});
afterAll(() => app.close());

describe("a unit's occupancy over time", () => {
  const OCCUPANCY = `query($id: ID!, $from: Date!, $to: Date!, $every: OccupancyInterval!) { node(id: $id) {
    ... on EstablishmentUnit { code capacity occupancy(from: $from, to: $to, every: $every) { on occupied capacity } } } }`;
  interface Point {
    on: string;
    occupied: number;
    capacity: number | null;
  }
  const series = async (from: string, to: string, every = "DAY", who = client("dgepi.director")) =>
    (
      await who.data<{ node: { code: string; capacity: number; occupancy: Point[] } }>(OCCUPANCY, {
        id: at.unit("ITT-DRX"),
        from,
        to,
        every,
      })
    ).node.occupancy;

  let baseline: number;
  let leaver: string;

  beforeAll(async () => {
    baseline = (await series(addDays(TODAY, -40), addDays(TODAY, -40)))[0]?.occupied as number;
    for (const name of ["Occupa", "Occupb", "Occupc"]) {
      const { personId } = await admit(celex(), at, {
        familyName: name,
        establishment: "ITT",
        unit: "ITT-DRX",
        admittedOn: addDays(TODAY, -20),
      });
      leaver ??= personId;
    }
    // Someone in the ordinary regime of the same prison does not count.
    await admit(celex(), at, { familyName: "Occupd", establishment: "ITT", admittedOn: addDays(TODAY, -20) });
    const moved = await celex().data<{ placementRecord: { userErrors: unknown[] } }>(
      `mutation($input: PlacementRecordInput!) { placementRecord(input: $input) { userErrors { message } } }`,
      {
        input: { personId: leaver, establishmentId: at.establishment("ITT"), validFrom: addDays(TODAY, -5) },
      },
    );
    expect(moved.placementRecord.userErrors).toEqual([]);
  });

  it("counts the persons held in the unit on each day, against its places", async () => {
    const days = await series(addDays(TODAY, -21), TODAY);
    expect(days).toHaveLength(22);
    expect(days.every((p) => p.capacity === 20)).toBe(true);
    const on = (day: string) => days.find((p) => p.on === day)?.occupied;
    expect(on(addDays(TODAY, -21))).toBe(baseline);
    expect(on(addDays(TODAY, -20))).toBe(baseline + 3);
    expect(on(addDays(TODAY, -6))).toBe(baseline + 3);
    expect(on(addDays(TODAY, -5))).toBe(baseline + 2);
    expect(on(TODAY)).toBe(baseline + 2);
  });

  it("samples every week or month from the first day", async () => {
    expect(await series(addDays(TODAY, -28), TODAY, "WEEK")).toEqual([
      { on: addDays(TODAY, -28), occupied: baseline, capacity: 20 },
      { on: addDays(TODAY, -21), occupied: baseline, capacity: 20 },
      { on: addDays(TODAY, -14), occupied: baseline + 3, capacity: 20 },
      { on: addDays(TODAY, -7), occupied: baseline + 3, capacity: 20 },
      { on: TODAY, occupied: baseline + 2, capacity: 20 },
    ]);
    const monthly = await series("2023-01-31", "2023-04-30", "MONTH");
    expect(monthly.map((p) => p.on)).toEqual(["2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"]);
  });

  it("refuses a range that ends before it starts or has too many points", async () => {
    for (const [from, to] of [
      [TODAY, addDays(TODAY, -1)],
      ["2020-01-01", "2022-01-01"],
    ] as const) {
      const res = await client("dgepi.director").request(OCCUPANCY, {
        id: at.unit("ITT-DRX"),
        from,
        to,
        every: "DAY",
      });
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("who may count a unit's occupants", () => {
  const COUNT = `query($id: ID!, $on: Date!) { node(id: $id) {
    ... on EstablishmentUnit { occupancy(from: $on, to: $on) { occupied } } } }`;
  const ask = (account: Account, unit: string) =>
    client(account).request<{ node: { occupancy: { occupied: number }[] | null } | null }>(COUNT, {
      id: at.unit(unit),
      on: TODAY,
    });

  it("lets the prison's own staff and readers of every inmate's detention count, and no one else", async () => {
    for (const account of [
      "celex.analyst",
      "dgepi.director",
      "vsse.officer",
      "prison-ittre.director",
    ] as const)
      expect((await ask(account, "ITT-DRX")).errors, account).toBeUndefined();
    for (const [account, unit] of [
      ["police.officer", "ITT-DRX"],
      ["celex.statistician", "ITT-DRX"],
      ["prison-ittre.director", "HAS-DRX"],
    ] as const) {
      const res = await ask(account, unit);
      expect(
        res.errors?.map((e) => e.extensions?.code),
        `${account} ${unit}`,
      ).toEqual(["FORBIDDEN"]);
    }
  });

  it("audits each question as an aggregate, naming no one", async () => {
    const rows = await audited(app, () => ask("dgepi.director", "HAS-DRX"));
    expect(rows.map((r) => [r.operation, r.person_id, r.details])).toEqual([
      ["AGGREGATE", null, { query: "unitOccupancy", unit: "HAS-DRX", from: TODAY, to: TODAY, points: 1 }],
    ]);
  });
});

describe("the listed share of each prison's population", () => {
  const SHARES = `query($on: Date!) { listedShareByEstablishment(on: $on) {
    on listed population populationMonth sharePercent establishment { code } } }`;
  interface Share {
    on: string;
    listed: number;
    population: number | null;
    populationMonth: string | null;
    sharePercent: number | null;
    establishment: { code: string };
  }
  const shares = async (on: string, who = celex()) =>
    (await who.data<{ listedShareByEstablishment: Share[] }>(SHARES, { on })).listedShareByEstablishment;

  const day = addDays(TODAY, -10);
  const month = `${day.slice(0, 8)}01`;

  async function population(code: string, on: string, count: number): Promise<void> {
    await app.database.db.execute(
      sql`insert into establishment_populations (establishment_id, "on", population, women_population)
          values (${uuidOf(at.establishment(code))}::uuid, ${on}::date, ${count}, 0)`,
    );
  }

  beforeAll(async () => {
    const person = async (name: string, establishment: string, listed: boolean) => {
      const { personId, episodeId } = await admit(celex(), at, {
        familyName: name,
        establishment,
        admittedOn: addDays(TODAY, -30),
      });
      await screen(
        celex(),
        personId,
        listed
          ? { screenedOn: addDays(TODAY, -25) }
          : { screenedOn: addDays(TODAY, -25), outcome: "NOT_LISTED", category: null, labels: [] },
      );
      return episodeId;
    };
    await person("Sharea", "ITT", true);
    await person("Shareb", "ITT", true);
    await person("Sharec", "ITT", false);
    await person("Shared", "HAS", true);
    // Released before the day: no longer held there.
    const gone = await person("Sharee", "ITT", true);
    await celex().data(
      `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`,
      {
        input: {
          episodeId: gone,
          releasedOn: addDays(TODAY, -15),
          releaseType: "END_OF_SENTENCE",
          releaseMunicipality: "Gent",
        },
      },
    );
    await population("ITT", month, 300);
    // A figure more than a year old says nothing about the day.
    await population("HAS", addDays(month, -800), 400);
  });

  it("counts the listed inmates held in each prison that day, as a share of its population", async () => {
    const result = await shares(day);
    expect(result).toEqual([
      {
        on: day,
        listed: 2,
        population: 300,
        populationMonth: month,
        sharePercent: 0.7,
        establishment: { code: "ITT" },
      },
      {
        on: day,
        listed: 1,
        population: null,
        populationMonth: null,
        sharePercent: null,
        establishment: { code: "HAS" },
      },
    ]);
    // Before anyone was listed, no prison holds a listed inmate; the released inmate counted while held.
    expect(await shares(addDays(TODAY, -28))).toEqual([]);
    expect((await shares(addDays(TODAY, -20))).find((s) => s.establishment.code === "ITT")?.listed).toBe(3);
  });

  it("is open to readers of every inmate's listing, and refused to the police, statisticians and prisons", async () => {
    for (const account of ["dgepi.director", "vsse.officer"] as const)
      expect(
        (await shares(day, client(account))).map((s) => s.listed),
        account,
      ).toEqual([2, 1]);
    for (const account of ["police.officer", "celex.statistician", "prison-ittre.director"] as const) {
      const rows = await audited(app, async () => {
        const res = await client(account).request(SHARES, { on: day });
        expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
        expect(res.data, account).toBeNull();
      });
      expect(
        rows.filter((r) => r.operation === "AGGREGATE"),
        account,
      ).toEqual([]);
    }
  });

  it("audits each question as an aggregate, naming no one", async () => {
    const rows = await audited(app, () => shares(day));
    expect(rows.map((r) => [r.operation, r.person_id, r.details])).toEqual([
      ["AGGREGATE", null, { query: "listedShareByEstablishment", on: day }],
    ]);
  });
});
