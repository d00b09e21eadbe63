import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

let app: TestApp;
let celex: GraphQLClient;
let at: Places;
const ids: Record<string, string> = {};

const SCREEN = `mutation($input: ScreeningRecordInput!) { screeningRecord(input: $input) { userErrors { message } } }`;
const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`;

async function list(client: GraphQLClient, vars: Record<string, unknown>) {
  const data = await client.data<{
    persons: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { familyName: string; listing: { category: string } | null } }[];
    };
  }>(
    `query($first: Int!, $after: String, $filter: PersonFilterInput, $orderBy: PersonOrderInput) {
       persons(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
         totalCount pageInfo { hasNextPage endCursor } edges { node { familyName listing { category } } } } }`,
    { first: 10, ...vars },
  );
  return { ...data.persons, names: data.persons.edges.map((e) => e.node.familyName) };
}

// A small, hand-built caseload: five persons in Ittre, two in Hasselt, one released into Brussels.
beforeAll(async () => {
  app = await startTestApp();
  celex = await app.login(EMAIL("celex.analyst"));
  at = await places(celex);
  const cases = [
    { familyName: "Abravel", establishment: "ITT", category: "C" },
    { familyName: "Béloskir", establishment: "ITT", category: "A" },
    { familyName: "Cendravo", establishment: "ITT", category: null },
    { familyName: "Dovrinek", establishment: "ITT", category: "E" },
    { familyName: "Elmastro", establishment: "ITT", category: "C" },
    { familyName: "Fennoval", establishment: "HAS", category: "D" },
    { familyName: "Gorvaleth", establishment: "HAS", category: null },
    { familyName: "Hestrudin", establishment: "LAN", category: "B" },
  ];
  for (const c of cases) {
    const { personId, episodeId } = await admit(celex, at, {
      familyName: c.familyName,
      establishment: c.establishment,
      admittedOn: "2024-03-01",
    });
    ids[c.familyName] = personId;
    ids[`${c.familyName}/episode`] = episodeId;
    await celex.data(SCREEN, {
      input: {
        personId,
        screenedOn: "2024-03-04",
        outcome: c.category === null ? "NOT_LISTED" : "LISTED",
        category: c.category,
        sources: ["PRISON_STAFF"],
        rationale: "Fictional.",
      },
    });
  }
  await celex.data(RELEASE, {
    input: {
      episodeId: ids["Hestrudin/episode"],
      releasedOn: "2024-05-02",
      releaseType: "END_OF_SENTENCE",
      releaseMunicipality: "Schaerbeek",
    },
  });
});
afterAll(() => app.close());

describe("the caseload", () => {
  it("pages through everyone a CelEx analyst may see, with a stable total", async () => {
    const first = await list(celex, { first: 3 });
    expect(first.totalCount).toBe(8);
    expect(first.names).toEqual(["Abravel", "Béloskir", "Cendravo"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(celex, { first: 3, after: first.pageInfo.endCursor });
    expect(second.names).toEqual(["Dovrinek", "Elmastro", "Fennoval"]);
    const third = await list(celex, { first: 3, after: second.pageInfo.endCursor });
    expect(third.names).toEqual(["Gorvaleth", "Hestrudin"]);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it("sorts by category (unlisted last) and by establishment, both ways, keeping pages consistent", async () => {
    const byCategory = await list(celex, { orderBy: { field: "CATEGORY", direction: "ASC" } });
    expect(byCategory.names).toEqual([
      "Béloskir",
      "Abravel",
      "Elmastro",
      "Fennoval",
      "Dovrinek",
      "Cendravo",
      "Gorvaleth",
      "Hestrudin",
    ]);
    const page1 = await list(celex, { first: 4, orderBy: { field: "CATEGORY", direction: "DESC" } });
    const page2 = await list(celex, {
      first: 4,
      after: page1.pageInfo.endCursor,
      orderBy: { field: "CATEGORY", direction: "DESC" },
    });
    expect([...page1.names, ...page2.names]).toEqual([...byCategory.names].reverse());

    const byPlace = await celex.data<{
      persons: { edges: { node: { currentPlacement: { establishment: { name: string } } | null } }[] };
    }>(
      `{ persons(first: 10, orderBy: { field: ESTABLISHMENT, direction: DESC }) {
           edges { node { currentPlacement { establishment { name } } } } } }`,
    );
    const shown = byPlace.persons.edges.map((e) => e.node.currentPlacement?.establishment.name ?? null);
    // Descending: the released person (no establishment, sorted as last) comes first.
    expect(shown[0]).toBeNull();
    const placed = shown.slice(1) as string[];
    const descending = [...placed].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1));
    expect(placed).toEqual(descending);
    expect(new Set(placed).size).toBe(2);
  });

  it("filters by category, establishment, listing and status, and searches names ignoring accents and case", async () => {
    expect((await list(celex, { filter: { categories: ["C"] } })).names).toEqual(["Abravel", "Elmastro"]);
    expect((await list(celex, { filter: { establishmentIds: [at.establishment("HAS")] } })).names).toEqual([
      "Fennoval",
      "Gorvaleth",
    ]);
    expect((await list(celex, { filter: { listed: false } })).names).toEqual([
      "Cendravo",
      "Gorvaleth",
      "Hestrudin",
    ]);
    expect((await list(celex, { filter: { detentionStatuses: ["RELEASED"] } })).names).toEqual(["Hestrudin"]);
    const search = await list(celex, { filter: { search: "BELOS" } });
    expect(search.names).toEqual(["Béloskir"]);
    expect(search.totalCount).toBe(1);
    expect((await list(celex, { filter: { search: "100%_" } })).names).toEqual([]);
  });

  it("shows overdue screenings: every detained person here was last screened in March 2024", async () => {
    const overdue = await list(celex, { filter: { screeningOverdue: true } });
    expect(overdue.names).toEqual([
      "Abravel",
      "Béloskir",
      "Cendravo",
      "Dovrinek",
      "Elmastro",
      "Fennoval",
      "Gorvaleth",
    ]);
  });

  it("refuses a page size over 100 and a cursor from another sort order", async () => {
    const big = await celex.request("{ persons(first: 101) { totalCount } }");
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const page = await list(celex, { first: 1 });
    const wrong = await celex.request(
      `query($after: String) { persons(first: 1, after: $after, orderBy: { field: CATEGORY }) { totalCount } }`,
      { after: page.pageInfo.endCursor },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("the caseload by next screening", () => {
  it("pages both ways to the same order as one page, the released person (none due) last going up", async () => {
    for (const direction of ["ASC", "DESC"] as const) {
      const orderBy = { field: "NEXT_SCREENING_DUE", direction };
      const whole = await list(celex, { orderBy });
      const first = await list(celex, { first: 3, orderBy });
      const rest = await list(celex, { after: first.pageInfo.endCursor, orderBy });
      expect([...first.names, ...rest.names]).toEqual(whole.names);
      expect(whole.names).toHaveLength(8);
      expect(whole.names.at(direction === "ASC" ? -1 : 0)).toBe("Hestrudin");
    }
  });

  it("refuses a forged cursor whose key is not a date, naming the argument", async () => {
    const forged = Buffer.from(
      JSON.stringify(["soon", "abravel", "0190f0e0-0000-7000-8000-000000000000"]),
    ).toString("base64url");
    const refused = await celex.request(
      `query($after: String) { persons(first: 1, after: $after, orderBy: { field: NEXT_SCREENING_DUE }) { totalCount } }`,
      { after: forged },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("who sees which persons", () => {
  it("a prison officer sees only the inmates of their own establishment", async () => {
    const ittre = await app.login(EMAIL("prison-ittre.officer"));
    const seen = await list(ittre, {});
    expect(seen.names).toEqual(["Abravel", "Béloskir", "Cendravo", "Dovrinek", "Elmastro"]);
    expect(seen.totalCount).toBe(5);
    const hasselt = await app.login(EMAIL("prison-hasselt.officer"));
    expect((await list(hasselt, {})).names).toEqual(["Fennoval", "Gorvaleth"]);
  });

  it("a person outside the scope answers exactly like an unknown ID", async () => {
    const hasselt = await app.login(EMAIL("prison-hasselt.officer"));
    const hidden = await hasselt.request(`query($id: ID!) { person(id: $id) { familyName } }`, {
      id: ids.Abravel,
    });
    const unknown = await hasselt.request(`query($id: ID!) { person(id: $id) { familyName } }`, {
      id: Buffer.from("Person:01900000-0000-7000-8000-000000000000").toString("base64url"),
    });
    expect(hidden.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(
      unknown.errors?.map((e) => [e.message, e.extensions?.code]),
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const node = await hasselt.data<{ node: null }>(`query($id: ID!) { node(id: $id) { id } }`, {
      id: ids.Abravel,
    });
    expect(node.node).toBeNull();
  });

  it("a transfer out of the establishment takes the person out of the officer's caseload", async () => {
    const ittreDirector = await app.login(EMAIL("prison-ittre.director"));
    const res = await ittreDirector.data<{ placementRecord: { person: null; userErrors: unknown[] } }>(
      `mutation($input: PlacementRecordInput!) { placementRecord(input: $input) { person { id } userErrors { message } } }`,
      {
        input: { personId: ids.Dovrinek, establishmentId: at.establishment("NAM"), validFrom: "2024-06-03" },
      },
    );
    expect(res.placementRecord).toEqual({ person: null, userErrors: [] });
    expect((await list(ittreDirector, {})).names).not.toContain("Dovrinek");
  });

  it("prison staff may not admit someone into another prison", async () => {
    const ittre = await app.login(EMAIL("prison-ittre.officer"));
    const res = await ittre.request(
      `mutation($input: PersonRegisterInput!) { personRegister(input: $input) { person { id } } }`,
      {
        input: {
          familyName: "Elsewhere",
          givenNames: "Ok",
          dateOfBirth: "1990-01-01",
          sex: "MALE",
          nationalities: ["BE"],
          languageCommunity: "FR",
          admission: {
            admittedOn: "2024-01-01",
            legalStatus: "PREVENTIVE_DETENTION",
            establishmentId: at.establishment("HAS"),
          },
        },
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the LTF and the local cell see persons released into their district or municipality", async () => {
    const ltf = await app.login(EMAIL("ltf-brussels.member"));
    expect((await list(ltf, {})).names).toEqual(["Hestrudin"]);
    const lcis = await app.login(EMAIL("lcis-molenbeek.member"));
    expect((await list(lcis, {})).names).toEqual([]);
  });

  it("oversight, platform administrators and disengagement services (no enrolments yet) see no case", async () => {
    for (const email of ["oversight.reviewer", "admin", "caprev.counsellor"]) {
      const client = await app.login(EMAIL(email));
      const seen = await list(client, {});
      expect(seen.totalCount).toBe(0);
      expect(seen.names).toEqual([]);
    }
  });

  it("only CelEx analysts record screenings", async () => {
    const director = await app.login(EMAIL("dgepi.director"));
    const res = await director.request(SCREEN, {
      input: {
        personId: ids.Abravel,
        screenedOn: "2024-04-01",
        outcome: "MAINTAINED",
        sources: ["POLICE"],
        rationale: "x",
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
