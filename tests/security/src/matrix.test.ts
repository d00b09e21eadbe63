import {
  accessTo,
  type DataClass,
  isVisible,
  mayFeed,
  mayPerform,
  mayRead,
  type PersonAccess,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { type GraphQLClient, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import {
  ACCOUNTS,
  actorProfile,
  buildPopulation,
  EMAIL,
  type FixturePerson,
  personFacts,
} from "./fixtures.js";

// For every account of every agency and role, and every case of a population that covers every
// stage and place, the API answers exactly what the access matrix (docs/access.md, encoded in
// packages/domain and checked against the document there) says: no more, no less.

let app: TestApp;
let population: FixturePerson[];
/** The last audit entry written while building the population: the checks look at what follows. */
let auditBefore = 0;
const clients = new Map<string, GraphQLClient>();
const expected = new Map<string, PersonAccess>();

const key = (account: string, person: FixturePerson) => `${account}/${person.label}`;

const CASE_FILE = `query($id: ID!) {
  person(id: $id) {
    id
    access { tier }
    card { familyName detentionStatus }
    familyName
    dateOfBirth
    detentionStatus
    placements { validFrom }
    listing { category }
    screeningState
    detentionEpisodes { admittedOn releasedOn }
  }
}`;

/** Which data class each field of CASE_FILE belongs to. */
const FIELD_CLASSES: Record<string, DataClass> = {
  familyName: "IDENTITY",
  dateOfBirth: "IDENTITY",
  detentionStatus: "DETENTION",
  placements: "DETENTION",
  listing: "LISTING",
  screeningState: "LISTING",
  detentionEpisodes: "DETENTION",
};

beforeAll(async () => {
  app = await startTestApp();
  const celex = await app.login(EMAIL("celex.analyst"));
  population = await buildPopulation(app, celex);
  const [last] = await queryRows<{ id: number }>(
    app.database.db,
    sql`select coalesce(max(id), 0)::int as id from audit_events`,
  );
  auditBefore = last?.id ?? 0;
  for (const account of ACCOUNTS) {
    clients.set(account, await app.login(EMAIL(account)));
    const actor = await actorProfile(app, account);
    for (const person of population)
      expected.set(key(account, person), accessTo(actor, await personFacts(app, person.uuid)));
  }
});
afterAll(() => app.close());

describe("reading one case", () => {
  it("answers each field as the matrix says, for every account and every case", async () => {
    const unknownId = Buffer.from("Person:01900000-0000-7000-8000-000000000000").toString("base64url");
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      const unknown = await client.request(CASE_FILE, { id: unknownId });
      for (const person of population) {
        const access = expected.get(key(account, person)) as PersonAccess;
        const res = await client.request<{ person: Record<string, unknown> | null }>(CASE_FILE, {
          id: person.id,
        });
        const where = `${account} reading ${person.label}`;
        if (!isVisible(access)) {
          expect(res.data?.person ?? null, where).toBeNull();
          expect(
            res.errors?.map((e) => [e.message, e.extensions?.code]),
            where,
          ).toEqual(unknown.errors?.map((e) => [e.message, e.extensions?.code]));
          continue;
        }
        const got = res.data?.person as Record<string, unknown>;
        expect((got.access as { tier: string }).tier, where).toBe(access.tier);
        expect((got.card as { familyName: string }).familyName, where).toBe(`Secfix${person.label}`);
        const forbiddenPaths = new Set(
          (res.errors ?? []).filter((e) => e.extensions?.code === "FORBIDDEN").map((e) => e.path?.join(".")),
        );
        for (const [field, dataClass] of Object.entries(FIELD_CLASSES)) {
          const readable = mayRead(access, dataClass);
          expect(forbiddenPaths.has(`person.${field}`), `${where}: ${field}`).toBe(!readable);
          if (!readable) expect(got[field], `${where}: ${field}`).toBeNull();
        }
        // A field nested in a readable class still follows its own class (a release is RELEASE data).
        const episodes = got.detentionEpisodes as { releasedOn: string | null }[] | null;
        if (episodes !== null && episodes.length > 0)
          expect(forbiddenPaths.has("person.detentionEpisodes.0.releasedOn"), `${where}: releasedOn`).toBe(
            !mayRead(access, "RELEASE"),
          );
        expect(res.errors?.filter((e) => e.extensions?.code !== "FORBIDDEN") ?? [], where).toEqual([]);
      }
    }
  });

  it("hides a case's records from node(id:) unless their class may be read", async () => {
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      for (const person of population) {
        const access = expected.get(key(account, person)) as PersonAccess;
        const res = await client.data<{ node: { id: string } | null }>(
          `query($id: ID!) { node(id: $id) { id } }`,
          {
            id: person.episodeId,
          },
        );
        expect(res.node !== null, `${account} node(episode of ${person.label})`).toBe(
          mayRead(access, "DETENTION"),
        );
      }
    }
  });
});

describe("lists", () => {
  it("list and count only the cases the matrix shows (card or more)", async () => {
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      const res = await client.data<{
        persons: { totalCount: number; edges: { node: { card: { familyName: string } } }[] };
      }>(
        `{ persons(first: 100, filter: { search: "secfix" }) { totalCount edges { node { card { familyName } } } } }`,
      );
      const visible = population
        .filter((p) => isVisible(expected.get(key(account, p)) as PersonAccess))
        .map((p) => `Secfix${p.label}`)
        .sort();
      expect(res.persons.edges.map((e) => e.node.card.familyName).sort(), account).toEqual(visible);
      expect(res.persons.totalCount, account).toBe(visible.length);
    }
  });

  it("do not reveal what may not be read through a filter or an order", async () => {
    // A local cell gets the card only: no establishment, no screening dates. Filtering on them
    // finds nothing, and ordering by them is the same as ordering by name.
    const lcis = clients.get("lcis-molenbeek.member") as GraphQLClient;
    const establishments = await lcis.data<{ establishments: { edges: { node: { id: string } }[] } }>(
      "{ establishments(first: 100, includeClosed: true) { edges { node { id } } } }",
    );
    const filtered = await lcis.data<{
      a: { totalCount: number };
      b: { totalCount: number };
      all: { totalCount: number };
    }>(
      `query($ids: [ID!]) {
         a: persons(first: 1, filter: { establishmentIds: $ids }) { totalCount }
         b: persons(first: 1, filter: { screeningOverdue: true }) { totalCount }
         all: persons(first: 1) { totalCount } }`,
      { ids: establishments.establishments.edges.map((e) => e.node.id) },
    );
    expect(filtered.all.totalCount).toBeGreaterThan(0);
    expect(filtered.a.totalCount).toBe(0);
    expect(filtered.b.totalCount).toBe(0);
    const order = async (field: string) =>
      (
        await lcis.data<{ persons: { edges: { node: { id: string } }[] } }>(
          `{ persons(first: 100, orderBy: { field: ${field} }) { edges { node { id } } } }`,
        )
      ).persons.edges.map((e) => e.node.id);
    expect(await order("NEXT_SCREENING_DUE")).toEqual(await order("NAME"));
    expect(await order("ESTABLISHMENT")).toEqual(await order("NAME"));
  });
});

describe("getting around the rules", () => {
  it("gives nothing to guessed IDs", async () => {
    const officer = clients.get("prison-hasselt.officer") as GraphQLClient;
    for (let i = 0; i < 20; i += 1) {
      const guess = Buffer.from(`Person:${crypto.randomUUID()}`).toString("base64url");
      const res = await officer.request(
        `query($id: ID!) { person(id: $id) { id } n: node(id: $id) { id } }`,
        { id: guess },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(res.data).toEqual({ person: null, n: null });
    }
  });

  it("keeps a field forbidden when reached through an alias or a fragment", async () => {
    const lcis = clients.get("lcis-molenbeek.member") as GraphQLClient;
    const person = population.find((p) => p.label === "Molenbeek") as FixturePerson;
    const res = await lcis.request<{ person: { x: string | null; card: { familyName: string } } }>(
      `fragment Secret on Person { y: dateOfBirth placements { validFrom } }
       query($id: ID!) { person(id: $id) { ... on Person { x: familyName } ...Secret card { familyName } } }`,
      { id: person.id },
    );
    expect(res.data?.person.card.familyName).toBe("SecfixMolenbeek");
    expect(res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]).sort()).toEqual([
      ["person.placements", "FORBIDDEN"],
      ["person.x", "FORBIDDEN"],
      ["person.y", "FORBIDDEN"],
    ]);
  });

  it("refuses changes the matrix does not allow, and allows those it does", async () => {
    for (const account of ACCOUNTS) {
      const client = clients.get(account) as GraphQLClient;
      const actor = await actorProfile(app, account);
      for (const person of population) {
        const access = expected.get(key(account, person)) as PersonAccess;
        const res = await client.request<{ screeningRecord: { userErrors: { code: string }[] } | null }>(
          `mutation($input: ScreeningRecordInput!) { screeningRecord(input: $input) { userErrors { field code } } }`,
          {
            input: {
              personId: person.id,
              screenedOn: "2024-01-20",
              outcome: "MAINTAINED",
              sources: ["POLICE"],
              rationale: "Fictional probe.",
            },
          },
        );
        const where = `${account} screening ${person.label}`;
        const allowed = mayPerform(actor, "SCREENING_RECORD") && mayFeed(access, "LISTING");
        const refusal = res.errors?.[0]?.extensions?.code ?? res.data?.screeningRecord?.userErrors?.[0]?.code;
        if (allowed) expect(refusal, where).toBeUndefined();
        // A case the actor may not see is not found; one they see but may not feed is forbidden.
        else
          expect(refusal, where).toBe(
            isVisible(access) || !mayPerform(actor, "SCREENING_RECORD") ? "FORBIDDEN" : "NOT_FOUND",
          );
      }
    }
  });
});

describe("the audit trail of all of the above", () => {
  it("recorded every read with the purpose the reader stated, and none where the person was hidden", async () => {
    const rows = await queryRows<{ email: string; person_id: string; purpose_code: string | null }>(
      app.database.db,
      sql`select u.email, a.person_id, a.purpose_code from audit_events a join users u on u.id = a.actor_user_id
          where a.operation = 'READ' and a.id > ${auditBefore}`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.purpose_code === null)).toEqual([]);
    for (const account of ACCOUNTS)
      for (const person of population) {
        const read = rows.some((r) => r.email === EMAIL(account) && r.person_id === person.uuid);
        expect(read, `${account} read ${person.label}`).toBe(
          isVisible(expected.get(key(account, person)) as PersonAccess),
        );
      }
  });
});
