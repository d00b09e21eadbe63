import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited, screen } from "./case-work.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

// The counts are national totals over every case: this file's database holds only the population below.

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

const RELEASE = `mutation($input: DetentionEpisodeReleaseInput!) { detentionEpisodeRelease(input: $input) { userErrors { message } } }`;

async function put(personId: string, status: string, validFrom: string): Promise<void> {
  const res = await vsse.data<{ watchlistRecord: { userErrors: unknown[] } }>(
    `mutation($input: WatchlistRecordInput!) { watchlistRecord(input: $input) { userErrors { message } } }`,
    { input: { personId, status, validFrom } },
  );
  expect(res.watchlistRecord.userErrors).toEqual([]);
}

async function remove(personId: string, validTo: string): Promise<void> {
  const res = await vsse.data<{ watchlistRemove: { userErrors: unknown[] } }>(
    `mutation($input: WatchlistRemoveInput!) { watchlistRemove(input: $input) { userErrors { message } } }`,
    { input: { personId, validTo } },
  );
  expect(res.watchlistRemove.userErrors).toEqual([]);
}

async function release(episodeId: string, releasedOn: string) {
  await celex.data(RELEASE, {
    input: { episodeId, releasedOn, releaseType: "END_OF_SENTENCE", releaseMunicipality: "Gent" },
  });
}

describe("the two lists side by side (Figure 2)", () => {
  const COMPARE = `query($on: Date!) { listingComparison(on: $on) {
    on celexListed watchlisted onBothLists celexOnly watchlistOnly } }`;

  // Listed by CelEx / on the intelligence list:
  //   Both     listed 2024-01-12,                         watchlisted from 2024-02-01
  //   Celex    listed 2024-01-12,                         never watchlisted
  //   Watch    screened, not listed,                      watchlisted from 2024-02-01
  //   Left     never listed,                              watchlisted from 2024-02-01, released 2024-04-01
  //   Delisted listed 2024-01-12, delisted 2024-06-01,    watchlisted 2024-02-01 to 2024-06-15
  //   Late     listed 2024-04-01
  beforeAll(async () => {
    const make = async (name: string) =>
      admit(celex, at, { familyName: `Figure${name}`, admittedOn: "2024-01-10" });
    const both = await make("Both");
    await screen(celex, both.personId);
    await put(both.personId, "RADICALISED", "2024-02-01");
    await screen(celex, (await make("Celex")).personId);
    const watch = await make("Watch");
    await screen(celex, watch.personId, { outcome: "NOT_LISTED", category: null });
    await put(watch.personId, "VULNERABLE", "2024-02-01");
    const left = await make("Left");
    await put(left.personId, "VULNERABLE", "2024-02-01");
    await release(left.episodeId, "2024-04-01");
    const delisted = await make("Delisted");
    await screen(celex, delisted.personId);
    await screen(celex, delisted.personId, { screenedOn: "2024-06-01", outcome: "DELISTED", category: null });
    await put(delisted.personId, "RADICALISED", "2024-02-01");
    await remove(delisted.personId, "2024-06-15");
    await screen(celex, (await make("Late")).personId, { screenedOn: "2024-04-01" });
  });

  it("counts each list, both, and each alone on a date, before and after the changes", async () => {
    const expected: [string, number, number, number][] = [
      ["2024-01-01", 0, 0, 0],
      ["2024-01-20", 3, 0, 0],
      ["2024-03-01", 3, 4, 2],
      ["2024-05-01", 4, 3, 2],
      ["2024-07-01", 3, 2, 1],
    ];
    for (const [on, celexListed, watchlisted, onBothLists] of expected) {
      const data = await celex.data<{ listingComparison: Record<string, unknown> }>(COMPARE, { on });
      expect(data.listingComparison, on).toEqual({
        on,
        celexListed,
        watchlisted,
        onBothLists,
        celexOnly: celexListed - onBothLists,
        watchlistOnly: watchlisted - onBothLists,
      });
    }
  });

  it("is given to those who read both lists for every inmate, audited as an aggregate", async () => {
    for (const account of ["dgepi.director", "vsse.analyst", "cuta.analyst"]) {
      const client = await app.login(EMAIL(account));
      const data = await client.data<{ listingComparison: { onBothLists: number } }>(COMPARE, {
        on: "2024-03-01",
      });
      expect(data.listingComparison.onBothLists, account).toBe(2);
    }
    const rows = await audited(app, () => celex.data(COMPARE, { on: "2024-03-01" }));
    expect(rows.map((r) => [r.operation, r.person_id, r.details])).toEqual([
      ["AGGREGATE", null, { query: "listingComparison", on: "2024-03-01" }],
    ]);
  });

  it("is refused to everyone else, statisticians included (no small-cell suppression here)", async () => {
    for (const account of [
      "celex.statistician",
      "cuta.statistician",
      "prison-ittre.officer",
      "prison-ittre.director",
      "psd-ittre.psychologist",
      "police.officer",
      "lcis-molenbeek.member",
      "ltf-brussels.member",
      "oversight.reviewer",
    ]) {
      const client = await app.login(EMAIL(account));
      const res = await client.request(COMPARE, { on: "2024-03-01" });
      expect(res.errors?.[0]?.extensions?.code, account).toBe("FORBIDDEN");
      expect(res.data).toBeNull();
    }
    const bad = await celex.request(COMPARE, { on: "2024-02-30" });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
