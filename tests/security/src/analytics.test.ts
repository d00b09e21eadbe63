import {
  accessTo,
  analyticsScopeOf,
  type DataClass,
  isVisible,
  mayRead,
  roundToBase,
} from "@continuum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLClient, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import {
  ACCOUNTS,
  actorProfile,
  buildPopulation,
  EMAIL,
  type FixturePerson,
  personFacts,
} from "./fixtures.js";

// Analytics go through the access policy: every demo account gets the figures its role allows —
// over exactly the cases it may read, or (statisticians) over every case, or none — and the
// drill-down lists exactly the persons it may read.

let app: TestApp;
let population: FixturePerson[];
const as: Record<string, GraphQLClient> = {};
const DAY = "2024-03-01";

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  population = await buildPopulation(app, as["celex.analyst"] as GraphQLClient);
}, 120_000);
afterAll(() => app.close());

const FIGURES = `query($on: Date!) { analytics { scope
  listed: listedPersons(on: $on) { points { total { value } } }
  detained: detainedPersons(on: $on) { points { total { value } } } } }`;

const DRILL_DOWN = `query($on: Date!) { analytics {
  persons(figure: LISTED_PERSONS, on: $on, first: 100) { totalCount edges { node { id } } } } }`;

/** The fixture persons whose class the account may read now (the figures count through row-level security). */
async function readable(account: string, dataClass: DataClass): Promise<string[]> {
  const profile = await actorProfile(app, account);
  const ids: string[] = [];
  for (const person of population) {
    const access = accessTo(profile, await personFacts(app, person.uuid));
    if (isVisible(access) && mayRead(access, dataClass, "SUMMARY")) ids.push(person.id);
  }
  return ids;
}

describe("analytics for every account", () => {
  it.each(ACCOUNTS)("%s gets the scope and counts its role allows, nothing more", async (account) => {
    const client = as[account] as GraphQLClient;
    const scope = analyticsScopeOf(await actorProfile(app, account));
    const res = await client.request<{
      analytics: {
        scope: string;
        listed: { points: { total: { value: number | null } }[] };
        detained: { points: { total: { value: number | null } }[] };
      };
    }>(FIGURES, { on: DAY });
    if (scope === null) {
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(res.data?.analytics ?? null).toBeNull();
      return;
    }
    expect(res.errors).toBeUndefined();
    const analytics = res.data?.analytics;
    expect(analytics?.scope).toBe(scope);
    const listed = analytics?.listed.points[0]?.total.value;
    const detained = analytics?.detained.points[0]?.total.value;
    if (scope === "ALL_CASES_PROTECTED") {
      // Every case, rounded to a multiple of 5 (disclosure control).
      expect(listed).toBe(roundToBase(population.length));
      expect(detained).toBe(roundToBase(population.length));
      return;
    }
    expect(listed).toBe((await readable(account, "LISTING")).length);
    expect(detained).toBe((await readable(account, "DETENTION")).length);
  });

  it.each(ACCOUNTS)("%s drills down to exactly the persons it may read, or is refused", async (account) => {
    const client = as[account] as GraphQLClient;
    const scope = analyticsScopeOf(await actorProfile(app, account));
    const res = await client.request<{
      analytics: { persons: { totalCount: number; edges: { node: { id: string } }[] } };
    }>(DRILL_DOWN, { on: DAY });
    if (scope !== "VISIBLE_CASES") {
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      return;
    }
    const expected = (await readable(account, "LISTING")).sort();
    expect(res.data?.analytics.persons.edges.map((e) => e.node.id).sort()).toEqual(expected);
    expect(res.data?.analytics.persons.totalCount).toBe(expected.length);
  });
});
