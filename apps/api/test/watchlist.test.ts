import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, audited, expectNothingWritten, UNKNOWN, type UserErrorShape } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

let app: TestApp;
let at: Places;
let celex: GraphQLClient;
let vsse: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  celex = await app.login(EMAIL("celex.analyst"));
  vsse = await app.login(EMAIL("vsse.officer"));
  at = await places(celex);
});
afterAll(() => app.close());

const RECORD = `mutation($input: WatchlistRecordInput!) { watchlistRecord(input: $input) {
  person { watchlist { id status validFrom validTo } } userErrors { field message code } } }`;
const REMOVE = `mutation($input: WatchlistRemoveInput!) { watchlistRemove(input: $input) {
  person { watchlist { status validFrom validTo } } userErrors { field message code } } }`;
const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`;

interface Entry {
  id?: string;
  status: string;
  validFrom: string;
  validTo: string | null;
}
interface Payload {
  person: { watchlist: Entry[] } | null;
  userErrors: UserErrorShape[];
}

async function put(personId: string, status: string, validFrom: string, who = vsse): Promise<Payload> {
  return (await who.data<{ watchlistRecord: Payload }>(RECORD, { input: { personId, status, validFrom } }))
    .watchlistRecord;
}

async function remove(personId: string, validTo: string): Promise<Payload> {
  return (await vsse.data<{ watchlistRemove: Payload }>(REMOVE, { input: { personId, validTo } }))
    .watchlistRemove;
}

async function release(episodeId: string, releasedOn: string) {
  await celex.data(RELEASE, {
    input: { episodeId, releasedOn, releaseType: "END_OF_SENTENCE", releaseMunicipality: "Gent" },
  });
}

const strip = (entries: Entry[] | undefined) =>
  entries?.map(({ status, validFrom, validTo }) => ({ status, validFrom, validTo }));

describe("the intelligence service's list", () => {
  let personId: string;

  beforeAll(async () => {
    personId = (await admit(celex, at, { familyName: "Watcha", admittedOn: "2024-01-10" })).personId;
  });

  it("puts an inmate on the list, and a change of status closes the previous entry that day", async () => {
    const rows = await audited(app, async () => {
      const first = await put(personId, "VULNERABLE", "2024-02-01");
      expect(first.userErrors).toEqual([]);
      expect(strip(first.person?.watchlist)).toEqual([
        { status: "VULNERABLE", validFrom: "2024-02-01", validTo: null },
      ]);
    });
    expect(
      rows.filter((r) => r.person_id !== null && r.operation !== "READ").map((r) => r.operation),
    ).toEqual(["CREATE"]);
    const changed = await put(personId, "RADICALISED", "2024-05-01");
    expect(changed.userErrors).toEqual([]);
    expect(strip(changed.person?.watchlist)).toEqual([
      { status: "VULNERABLE", validFrom: "2024-02-01", validTo: "2024-05-01" },
      { status: "RADICALISED", validFrom: "2024-05-01", validTo: null },
    ]);
  });

  it("answers as of a date", async () => {
    const data = await celex.data<{ person: Record<string, { status: string } | null> }>(
      `query($id: ID!) { person(id: $id) {
         before: watchlistOn(date: "2024-01-31") { status }
         first: watchlistOn(date: "2024-04-30") { status }
         changeDay: watchlistOn(date: "2024-05-01") { status } } }`,
      { id: personId },
    );
    expect(data.person).toEqual({
      before: null,
      first: { status: "VULNERABLE" },
      changeDay: { status: "RADICALISED" },
    });
  });

  it("refuses the same status again, a start not after the current one, a future date or one before admission", async () => {
    await expectNothingWritten(app, ["watchlist_entries"], async () => {
      expect((await put(personId, "RADICALISED", "2024-06-01")).userErrors).toEqual([
        {
          field: "status",
          message: "the person is already on the list with this status",
          code: "RULE_VIOLATION",
        },
      ]);
      expect((await put(personId, "VULNERABLE", "2024-05-01")).userErrors).toEqual([
        {
          field: "validFrom",
          message: "must be after the start of the current entry (2024-05-01)",
          code: "CONFLICT",
        },
      ]);
      expect((await put(personId, "VULNERABLE", addDays(TODAY, 1))).userErrors).toEqual([
        { field: "validFrom", message: "must not be in the future", code: "INVALID" },
      ]);
      const other = (await admit(celex, at, { familyName: "Watchb", admittedOn: "2024-01-10" })).personId;
      expect((await put(other, "VULNERABLE", "2024-01-09")).userErrors).toEqual([
        { field: "validFrom", message: "must be on or after the admission (2024-01-10)", code: "INVALID" },
      ]);
      expect((await put(UNKNOWN("Person"), "VULNERABLE", "2024-02-01")).userErrors).toEqual([
        { field: "personId", message: "no person with this ID", code: "NOT_FOUND" },
      ]);
    });
  });

  it("ends the entry when the person is released, whoever records the release", async () => {
    const { personId: leaving, episodeId } = await admit(celex, at, {
      familyName: "Watchr",
      admittedOn: "2024-01-10",
    });
    expect((await put(leaving, "RADICALISED", "2024-02-01")).userErrors).toEqual([]);
    await release(episodeId, "2024-06-01");
    const data = await vsse.data<{ person: { watchlist: Entry[]; watchlistOn: Entry | null } }>(
      `query($id: ID!) { person(id: $id) { watchlist { status validFrom validTo }
         watchlistOn(date: "2024-06-01") { status } } }`,
      { id: leaving },
    );
    expect(data.person.watchlist).toEqual([
      { status: "RADICALISED", validFrom: "2024-02-01", validTo: "2024-06-01" },
    ]);
    expect(data.person.watchlistOn).toBeNull();
  });

  it("closes an entry begun on the day of the release, keeping it for the record", async () => {
    const { personId: leaving, episodeId } = await admit(celex, at, {
      familyName: "Watchs",
      admittedOn: "2024-01-10",
    });
    expect((await put(leaving, "VULNERABLE", "2024-06-01")).userErrors).toEqual([]);
    await release(episodeId, "2024-06-01");
    const data = await vsse.data<{ person: { watchlist: Entry[] } }>(
      `query($id: ID!) { person(id: $id) { watchlist { status validFrom validTo } } }`,
      { id: leaving },
    );
    expect(data.person.watchlist).toEqual([
      { status: "VULNERABLE", validFrom: "2024-06-01", validTo: "2024-06-02" },
    ]);
  });

  it("never lets entries overlap: a new one starts on or after the end of the previous", async () => {
    const { personId: back } = await admit(celex, at, { familyName: "Watcho", admittedOn: "2024-01-10" });
    expect((await put(back, "VULNERABLE", "2024-01-11")).userErrors).toEqual([]);
    expect((await remove(back, "2024-02-01")).userErrors).toEqual([]);
    await expectNothingWritten(app, ["watchlist_entries"], async () => {
      expect((await put(back, "RADICALISED", "2024-01-15")).userErrors).toEqual([
        {
          field: "validFrom",
          message: "must be on or after the end of the previous entry (2024-02-01)",
          code: "CONFLICT",
        },
      ]);
    });
    expect((await put(back, "RADICALISED", "2024-02-01")).userErrors).toEqual([]);
  });

  it("covers inmates only", async () => {
    const { personId: released, episodeId } = await admit(celex, at, {
      familyName: "Watchc",
      admittedOn: "2024-01-10",
    });
    await release(episodeId, "2024-03-01");
    await expectNothingWritten(app, ["watchlist_entries"], async () => {
      expect((await put(released, "VULNERABLE", "2024-02-01")).userErrors).toEqual([
        {
          field: "personId",
          message: "the list covers inmates: this person is not detained",
          code: "RULE_VIOLATION",
        },
      ]);
    });
  });

  it("takes a person off the list, and refuses to take off someone not on it", async () => {
    await expectNothingWritten(app, ["watchlist_entries"], async () => {
      expect((await remove(personId, "2024-05-01")).userErrors).toEqual([
        {
          field: "validTo",
          message: "must be after the start of the current entry (2024-05-01)",
          code: "INVALID",
        },
      ]);
      expect((await remove(personId, addDays(TODAY, 1))).userErrors).toEqual([
        { field: "validTo", message: "must not be in the future", code: "INVALID" },
      ]);
    });
    const removed = await remove(personId, "2024-08-01");
    expect(removed.userErrors).toEqual([]);
    expect(strip(removed.person?.watchlist)?.at(-1)).toEqual({
      status: "RADICALISED",
      validFrom: "2024-05-01",
      validTo: "2024-08-01",
    });
    await expectNothingWritten(app, ["watchlist_entries"], async () => {
      expect((await remove(personId, "2024-09-01")).userErrors).toEqual([
        { field: "personId", message: "the person is not on the list", code: "RULE_VIOLATION" },
      ]);
    });
    const after = await celex.data<{ person: { on: null; watchlist: Entry[] } }>(
      `query($id: ID!) { person(id: $id) { on: watchlistOn(date: "2024-08-01") { status } watchlist { status } } }`,
      { id: personId },
    );
    expect(after.person.on).toBeNull();
    expect(after.person.watchlist).toHaveLength(2);
    // Back on the list later: a new entry.
    expect((await put(personId, "VULNERABLE", "2024-10-01")).person?.watchlist).toHaveLength(3);
  });

  it("is kept by intelligence officers only", async () => {
    const target = (await admit(celex, at, { familyName: "Watchd", admittedOn: "2024-01-10" })).personId;
    await expectNothingWritten(app, ["watchlist_entries"], async () => {
      for (const account of ["vsse.analyst", "celex.analyst", "cuta.analyst", "prison-ittre.officer"]) {
        const client = await app.login(EMAIL(account));
        for (const [query, input] of [
          [RECORD, { personId: target, status: "VULNERABLE", validFrom: "2024-02-01" }],
          [REMOVE, { personId, validTo: "2024-11-01" }],
        ] as const) {
          const res = await client.request(query, { input });
          expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
        }
      }
    });
  });

  it("is intelligence data: readable where the matrix gives INTELLIGENCE, hidden from node(id:) elsewhere", async () => {
    const entries = (
      await celex.data<{ person: { watchlist: Entry[] } }>(
        `query($id: ID!) { person(id: $id) { watchlist { id status } } }`,
        {
          id: personId,
        },
      )
    ).person.watchlist;
    const entryId = entries[0]?.id as string;
    const officer = await app.login(EMAIL("prison-ittre.officer"));
    const res = await officer.request<{ person: { familyName: string; watchlist: null; watchlistOn: null } }>(
      `query($id: ID!) { person(id: $id) { familyName watchlist { status } watchlistOn(date: "2024-03-01") { status } } }`,
      { id: personId },
    );
    expect(res.data?.person).toEqual({ familyName: "Watcha", watchlist: null, watchlistOn: null });
    expect(res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]).sort()).toEqual([
      ["person.watchlist", "FORBIDDEN"],
      ["person.watchlistOn", "FORBIDDEN"],
    ]);
    const node = `query($id: ID!) { node(id: $id) { ... on WatchlistEntry { status validFrom } } }`;
    expect((await officer.data<{ node: null }>(node, { id: entryId })).node).toBeNull();
    expect((await celex.data<{ node: Entry }>(node, { id: entryId })).node).toEqual({
      status: "VULNERABLE",
      validFrom: "2024-02-01",
    });
    const cuta = await app.login(EMAIL("cuta.analyst"));
    expect((await cuta.data<{ node: Entry | null }>(node, { id: entryId })).node).not.toBeNull();
  });
});
