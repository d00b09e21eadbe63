import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLClient, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import { buildPopulation, databaseActor, EMAIL, type FixturePerson, asActor as runAs } from "./fixtures.js";

// An API token limited to data classes must not reach the others by any path: the database's own
// policies, the node() look-up, the case file's nested fields and timeline, lists, or the export.

let app: TestApp;
let population: FixturePerson[];
let narrow: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  const celex = await app.login(EMAIL("celex.analyst"));
  population = await buildPopulation(app, celex);
  const admin = await app.login(EMAIL("admin"));
  const users = await admin.data<{ users: { edges: { node: { id: string; email: string } }[] } }>(
    "query($s: String) { users(first: 5, search: $s) { edges { node { id email } } } }",
    { s: EMAIL("celex.integration") },
  );
  const accountId = users.users.edges.find((e) => e.node.email === EMAIL("celex.integration"))?.node.id;
  const created = await admin.data<{ apiTokenCreate: { token: string } }>(
    `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token } }`,
    {
      input: {
        userId: accountId,
        name: "Identity and listing only",
        scopes: ["READ", "WRITE"],
        dataClasses: ["IDENTITY", "LISTING"],
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        purpose: { code: "SYSTEM_INTEGRATION" },
      },
    },
  );
  narrow = app.withToken(created.apiTokenCreate.token);
}, 120_000);
afterAll(() => app.close());

const inPrison = (): FixturePerson =>
  population.find((p) => p.label === "Ittre") ?? (population[0] as FixturePerson);

describe("a token limited to IDENTITY and LISTING", () => {
  it("reads no detention row in the database, where the same account's session reads them", async () => {
    const account = await databaseActor(app, "celex.analyst");
    const limited = { ...account, kind: "API_TOKEN" as const, dataClasses: ["IDENTITY", "LISTING"] as const };
    const count = sql`select count(*)::int as n from detention_episodes where person_id = ${inPrison().uuid}`;
    expect((await runAs<{ n: number }>(app, account, count))[0]?.n).toBe(1);
    expect(
      (await runAs<{ n: number }>(app, { ...limited, dataClasses: [...limited.dataClasses] }, count))[0]?.n,
    ).toBe(0);
  });

  it("gets no detention data through node(), the case file, the timeline or a list", async () => {
    const person = inPrison();
    const byNode = await narrow.request<{ node: unknown }>(
      "query($id: ID!) { node(id: $id) { id ... on DetentionEpisode { admittedOn } } }",
      {
        id: person.episodeId,
      },
    );
    expect(byNode.data?.node ?? null).toBeNull();

    const file = await narrow.request<{
      node: { timeline: { kind: string }[] | null; detentionEpisodes: unknown } | null;
    }>("query($id: ID!) { node(id: $id) { ... on Person { detentionEpisodes { id } timeline { kind } } } }", {
      id: person.id,
    });
    expect(file.data?.node?.detentionEpisodes ?? null).toBeNull();
    expect(JSON.stringify(file.data?.node?.timeline ?? [])).not.toMatch(/ADMISSION|TRANSFER|RELEASE/);

    const list = await narrow.request<{ persons: { edges: { node: { currentPlacement: unknown } }[] } }>(
      `{ persons(first: 50, filter: { search: "Secfix" }) { edges { node { currentPlacement { id } } } } }`,
    );
    expect(list.data?.persons.edges.length).toBeGreaterThan(0);
    expect(list.data?.persons.edges.every((e) => e.node.currentPlacement === null)).toBe(true);
  });
});
