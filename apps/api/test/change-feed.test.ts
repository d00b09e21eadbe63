import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import type { Client } from "graphql-ws";
import type pg from "pg";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterActorSession } from "../src/access/database-session.js";
import { queryRows } from "../src/db/client.js";
import { mayReadChange } from "../src/modules/changes/change.service.js";
import { personCaseSummaries, persons } from "../src/modules/persons/person.table.js";
import { buildServer, type ContinuumServer } from "../src/server.js";
import { auditSince, lastAuditId, uuidOf } from "./case-work.js";
import {
  CHANGE_FIELDS,
  type Change,
  closeCode,
  cookieOf,
  SUBSCRIBE,
  subscribe,
  wsClient,
} from "./feed-client.js";
import { admit, EMAIL, type Places, places } from "./fixtures.js";
import { actorOf, engine, type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

// The change feed (docs/change-feed.md): a transactional outbox filled by triggers, read by pull
// (Query.changes) and pushed over WebSocket (Subscription.changes, graphql-ws), under the same
// access policy as every query, in an order that never skips a transaction that commits late.

interface FeedPage {
  changes: Change[];
  endCursor: string | null;
  hasMore: boolean;
}

const CHANGES = `query($after: String, $first: Int) { changes(after: $after, first: $first) {
  changes { ${CHANGE_FIELDS} } endCursor hasMore } }`;

async function pull(client: GraphQLClient, after: string | null = null, first = 1000): Promise<FeedPage> {
  return (await client.data<{ changes: FeedPage }>(CHANGES, { after, first })).changes;
}

/** Every settled change after `after`, page after page, and the cursor to resume from. */
async function pullAll(
  client: GraphQLClient,
  after: string | null = null,
  first = 1000,
): Promise<{ changes: Change[]; endCursor: string | null }> {
  const changes: Change[] = [];
  let cursor = after;
  for (;;) {
    const page = await pull(client, cursor, first);
    changes.push(...page.changes);
    cursor = page.endCursor;
    if (!page.hasMore) return { changes, endCursor: cursor };
  }
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Pulls until a change matching `match` has arrived (other clusters' transactions may hold the horizon back a moment). */
async function pullUntil(
  client: GraphQLClient,
  after: string | null,
  match: (c: Change) => boolean,
): Promise<{ changes: Change[]; endCursor: string | null }> {
  const changes: Change[] = [];
  let cursor = after;
  await waitFor("a change in the feed", async () => {
    const read = await pullAll(client, cursor);
    changes.push(...read.changes);
    cursor = read.endCursor;
    return changes.some(match);
  });
  return { changes, endCursor: cursor };
}

interface EventRow {
  person_id: string;
  data_class: string;
  entity_type: string;
  operation: string;
}

const personUuid = (id: string) => uuidOf(id);

describe("the change feed", () => {
  let app: TestApp;
  let at: Places;
  let celex: GraphQLClient;
  let ittreDirector: GraphQLClient;
  let ittreOfficer: GraphQLClient;
  let hasseltDirector: GraphQLClient;
  let hasseltOfficer: GraphQLClient;
  let vsse: GraphQLClient;
  let inIttre: string;
  let inHasselt: string;
  const open: Client[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    celex = await app.login(EMAIL("celex.analyst"));
    ittreDirector = await app.login(EMAIL("prison-ittre.director"));
    ittreOfficer = await app.login(EMAIL("prison-ittre.officer"));
    hasseltDirector = await app.login(EMAIL("prison-hasselt.director"));
    hasseltOfficer = await app.login(EMAIL("prison-hasselt.officer"));
    vsse = await app.login(EMAIL("vsse.officer"));
    at = await places(celex);
    inIttre = (await admit(ittreDirector, at, { familyName: "Feedittre", establishment: "ITT" })).personId;
    inHasselt = (await admit(hasseltDirector, at, { familyName: "Feedhasselt", establishment: "HAS" }))
      .personId;
    const listed = await vsse.data<{ watchlistRecord: { userErrors: unknown[] } }>(
      `mutation($input: WatchlistRecordInput!) { watchlistRecord(input: $input) { userErrors { message } } }`,
      { input: { personId: inIttre, status: "VULNERABLE", validFrom: "2024-02-01" } },
    );
    expect(listed.watchlistRecord.userErrors).toEqual([]);
  });
  afterAll(async () => {
    for (const c of open) await c.dispose();
    await app.close();
  });

  it("reports a committed change with the record's global ID and its person", async () => {
    // The watchlist entry was written last: once it has settled, everything before it has too.
    const { changes } = await pullUntil(celex, null, (c) => c.entityType === "WatchlistEntry");
    const created = changes.filter((c) => c.person?.id === inIttre && c.operation === "CREATED");
    expect(created.map((c) => c.entityType)).toEqual(
      expect.arrayContaining(["Person", "DetentionEpisode", "Placement", "WatchlistEntry"]),
    );
    const person = created.find((c) => c.entityType === "Person");
    expect(person).toMatchObject({
      entityId: inIttre,
      dataClass: "IDENTITY",
      person: { familyName: "Feedittre" },
    });
    const episode = created.find((c) => c.entityType === "DetentionEpisode");
    expect(episode?.dataClass).toBe("DETENTION");
    expect(Buffer.from(episode?.entityId ?? "", "base64url").toString()).toMatch(/^DetentionEpisode:/);
    // Oldest first, and every cursor distinct.
    const times = changes.map((c) => Date.parse(c.changedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(changes.map((c) => c.cursor)).size).toBe(changes.length);
  });

  it("never reports a change that was rolled back", async () => {
    const { endCursor } = await pullAll(celex);
    await app.database.db
      .transaction(async (tx) => {
        await tx
          .update(persons)
          .set({ familyName: "Rolledback" })
          .where(eq(persons.id, personUuid(inIttre)));
        tx.rollback();
      })
      .catch(() => undefined);
    await app.database.db
      .update(persons)
      .set({ familyName: "Committed" })
      .where(eq(persons.id, personUuid(inIttre)));
    const { changes } = await pullUntil(
      celex,
      endCursor,
      (c) => c.entityType === "Person" && c.entityId === inIttre,
    );
    // (Changes from earlier tests may settle late under load: only this person's identity counts.)
    const updates = changes.filter((c) => c.entityType === "Person" && c.entityId === inIttre);
    expect(updates.map((c) => c.operation)).toEqual(["UPDATED"]);
    expect(updates[0]?.person?.familyName).toBe("Committed");
  });

  it("answers endCursor = after when nothing new has settled, and pages with first", async () => {
    const all = await pullAll(celex);
    const again = await pull(celex, all.endCursor);
    expect(again).toEqual({ changes: [], endCursor: all.endCursor, hasMore: false });
    const firstTwo = await pull(celex, null, 2);
    expect(firstTwo.changes).toHaveLength(2);
    expect(firstTwo.hasMore).toBe(true);
    expect(firstTwo.endCursor).toBe(firstTwo.changes[1]?.cursor);
    const paged = await pullAll(celex, null, 3);
    expect(paged.changes.map((c) => c.cursor)).toEqual(all.changes.map((c) => c.cursor));
  });

  it("refuses a malformed cursor, an out-of-range page size and a session without a purpose", async () => {
    const bad = await celex.request(CHANGES, { after: "not-a-cursor" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const tooMany = await celex.request(CHANGES, { first: 1001 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const noPurpose = await app.login(EMAIL("celex.analyst"), { purpose: false });
    const refused = await noPurpose.request(CHANGES, {});
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "PURPOSE_REQUIRED" });
    expect((await app.anonymous.request(CHANGES, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // The subscription is for WebSocket; over HTTP it is refused as the client's mistake.
    const overHttp = await celex.request(SUBSCRIBE, {});
    expect(overHttp.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it.skipIf(engine === "pglite")(
    "delivers a transaction that started earlier but commits later, before what committed after it " +
      "(Postgres only: PGlite has a single connection, so no transaction can stay open beside another)",
    async () => {
      const { endCursor: start } = await pullAll(celex);
      const pool = (app.database.db as unknown as { $client: pg.Pool }).$client;
      const early = await pool.connect();
      try {
        await early.query("begin");
        await early.query("update persons set family_name = 'Early' where id = $1", [personUuid(inIttre)]);
        // A later transaction commits while the early one is still open.
        await app.database.db
          .update(persons)
          .set({ familyName: "Late" })
          .where(eq(persons.id, personUuid(inHasselt)));
        const meanwhile = await pullAll(celex, start);
        expect(meanwhile.changes).toEqual([]);
        await early.query("commit");
        const { changes } = await pullUntil(celex, meanwhile.endCursor, (c) => c.person?.id === inHasselt);
        expect(changes.map((c) => [c.person?.id, c.operation])).toEqual([
          [inIttre, "UPDATED"],
          [inHasselt, "UPDATED"],
        ]);
      } finally {
        await early.query("rollback").catch(() => undefined);
        early.release();
      }
    },
  );

  it("shows a reader only the persons and classes it may read (pull), and audits each call", async () => {
    const officer = await pullAll(ittreOfficer);
    const ittreSeen = officer.changes.filter((c) => c.person?.id === inIttre);
    expect(ittreSeen.map((c) => c.entityType)).toEqual(
      expect.arrayContaining(["Person", "DetentionEpisode"]),
    );
    expect(officer.changes.some((c) => c.person?.id === inHasselt)).toBe(false);
    expect(officer.changes.some((c) => c.dataClass === "INTELLIGENCE")).toBe(false);
    expect(officer.changes.every((c) => c.person?.id === inIttre)).toBe(true);
    // The cursor still moved past what the officer may not see: nothing is left to read.
    expect(await pull(ittreOfficer, officer.endCursor)).toMatchObject({ changes: [], hasMore: false });
    const hasselt = await pullAll(hasseltOfficer);
    expect(hasselt.changes.length).toBeGreaterThan(0);
    expect(hasselt.changes.every((c) => c.person?.id === inHasselt)).toBe(true);
    const celexSees = await pullAll(celex);
    expect(celexSees.changes.some((c) => c.dataClass === "INTELLIGENCE" && c.person?.id === inIttre)).toBe(
      true,
    );

    const from = await lastAuditId(app);
    await pull(ittreOfficer);
    const entries = (await auditSince(app, from)).filter((e) => e.details.query === "changes");
    expect(entries).toHaveLength(1);
    expect(entries[0]?.operation).toBe("SEARCH");
    expect(entries[0]?.details.persons).toEqual([personUuid(inIttre)]);
    expect(entries[0]?.data_classes).not.toContain("INTELLIGENCE");
  });

  it("bounds the work of each read, and moves a reader past many changes it may not see", async () => {
    const { endCursor: start } = await pullAll(hasseltOfficer);
    const [before] = await queryRows<{ seq: number }>(
      app.database.db,
      sql`select coalesce(max(seq), 0)::int as seq from change_events`,
    );
    // 2500 changes of a person the Hasselt officer may not see (as a large import would write).
    await app.database.db.execute(
      sql`insert into change_events (entity_type, entity_id, person_id, data_class, operation)
          select 'Person', ${personUuid(inIttre)}, ${personUuid(inIttre)}, 'IDENTITY', 'UPDATED'
          from generate_series(1, 2500)`,
    );
    await app.database.db
      .update(persons)
      .set({ givenNames: "After" })
      .where(eq(persons.id, personUuid(inHasselt)));
    // Under load, other databases' transactions may hold the horizon back: wait until these settled.
    await waitFor("the changes to settle", async () => {
      const [row] = await queryRows<{ settled: boolean }>(
        app.database.db,
        sql`select (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint
                   > (select max(transaction_id) from change_events) as settled`,
      );
      return row?.settled === true;
    });
    let cursor = start;
    const pages: FeedPage[] = [];
    await waitFor("the visible change behind the invisible ones", async () => {
      const page = await pull(hasseltOfficer, cursor, 1);
      pages.push(page);
      cursor = page.endCursor;
      return page.changes.some((c) => c.person?.id === inHasselt);
    });
    // Each read looked at 1000 changes at most: empty pages that still move on, then the change.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, 2).every((p) => p.changes.length === 0 && p.hasMore)).toBe(true);
    expect(pages[0]?.endCursor).not.toBe(start);
    expect(pages[1]?.endCursor).not.toBe(pages[0]?.endCursor);
    // The made-up changes leave the outbox again (the owner may; the API's role may not delete).
    await app.database.db.execute(
      sql`delete from change_events where seq > ${before?.seq ?? 0} and person_id = ${personUuid(inIttre)}`,
    );
  });

  it("withholds events in the database itself (row-level security) for the reader's role", async () => {
    const eventsAs = async (client: GraphQLClient) => {
      const actor = await actorOf(app, client);
      return app.database.db.transaction(async (tx) => {
        await enterActorSession(tx, actor);
        return queryRows<EventRow>(
          tx,
          sql`select person_id, data_class, entity_type, operation from change_events`,
        );
      });
    };
    const officerRows = await eventsAs(ittreOfficer);
    expect(officerRows.some((r) => r.person_id === personUuid(inIttre) && r.data_class === "DETENTION")).toBe(
      true,
    );
    expect(officerRows.some((r) => r.data_class === "INTELLIGENCE")).toBe(false);
    expect(officerRows.some((r) => r.person_id === personUuid(inHasselt))).toBe(false);
    const celexRows = await eventsAs(celex);
    expect(celexRows.some((r) => r.data_class === "INTELLIGENCE")).toBe(true);
  });

  it("withholds events by the domain's policy too (the rule of packages/domain, on every event)", async () => {
    // Every event, read as the owner (no row-level security): only the domain rule decides here.
    const rows = await queryRows<EventRow>(
      app.database.db,
      sql`select person_id, data_class, entity_type, operation from change_events`,
    );
    const people = new Map(
      (
        await app.database.db
          .select({ person: persons, summary: personCaseSummaries })
          .from(persons)
          .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, persons.id))
      ).map((p) => [p.person.id, p]),
    );
    const officer = await actorOf(app, ittreOfficer);
    const allowed = rows.filter((r) =>
      mayReadChange(officer, people.get(r.person_id), r.data_class as never),
    );
    expect(allowed.some((r) => r.person_id === personUuid(inIttre) && r.data_class === "DETENTION")).toBe(
      true,
    );
    expect(allowed.some((r) => r.data_class === "INTELLIGENCE")).toBe(false);
    expect(allowed.some((r) => r.person_id === personUuid(inHasselt))).toBe(false);
    const analyst = await actorOf(app, celex);
    expect(
      rows.filter((r) => mayReadChange(analyst, people.get(r.person_id), r.data_class as never)),
    ).toHaveLength(rows.length);
    // A person the reader cannot see at all (erased, or unknown) gives nothing.
    expect(mayReadChange(analyst, undefined, "IDENTITY")).toBe(false);
  });

  it("reports deletions, as when retention erases a class of a closed case", async () => {
    const { endCursor } = await pullAll(celex);
    // What app_retention_carry_out does for INTELLIGENCE/DELETE (with the owner's rights).
    await app.database.db.execute(
      sql`delete from watchlist_entries where person_id = ${personUuid(inIttre)}`,
    );
    const { changes } = await pullUntil(celex, endCursor, (c) => c.entityType === "WatchlistEntry");
    expect(changes.map((c) => [c.entityType, c.operation, c.dataClass, c.person?.id])).toEqual([
      ["WatchlistEntry", "DELETED", "INTELLIGENCE", inIttre],
    ]);
    const ittre = await pull(ittreOfficer, null);
    expect(ittre.changes.some((c) => c.entityType === "WatchlistEntry")).toBe(false);
  });

  it("pushes a change made after subscribing over a real WebSocket, only where the reader may see it", async () => {
    const { endCursor } = await pullAll(hasseltOfficer);
    const client = wsClient(app.url, { cookie: cookieOf(hasseltOfficer) });
    open.push(client);
    const sub = subscribe(client, endCursor);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const from = await lastAuditId(app);
    // First a change the Hasselt officer may not see (a person in Ittre), then one it may.
    await app.database.db
      .update(persons)
      .set({ givenNames: "Unseen" })
      .where(eq(persons.id, personUuid(inIttre)));
    await app.database.db
      .update(persons)
      .set({ givenNames: "Seen" })
      .where(eq(persons.id, personUuid(inHasselt)));
    await waitFor("the pushed change", () => sub.received.length > 0);
    expect(sub.errors).toEqual([]);
    expect(sub.received[0]).toMatchObject({
      operation: "UPDATED",
      entityType: "Person",
      entityId: inHasselt,
      person: { id: inHasselt },
    });
    expect(sub.received.some((c) => c.person?.id === inIttre)).toBe(false);
    // Each delivered change is audited in its own request.
    await waitFor("the delivery's audit entry", async () =>
      (await auditSince(app, from)).some(
        (e) => e.details.query === "changes" && e.details.subscription === true,
      ),
    );
    const delivered = (await auditSince(app, from)).filter((e) => e.details.subscription === true);
    expect(delivered.every((e) => e.person_id === personUuid(inHasselt))).toBe(true);
    sub.stop();
  });

  it("stops reading the feed once the client has gone", async () => {
    const client = wsClient(app.url, { cookie: cookieOf(celex) });
    const sub = subscribe(client, null);
    await waitFor("the history", () => sub.received.length > 0);
    for (const c of open.splice(0)) await c.dispose();
    await client.dispose();
    await new Promise((resolve) => setTimeout(resolve, 700));
    const statements = app.database.stats.statements;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // No subscription polls any more (it would run a few statements every 500 ms).
    expect(app.database.stats.statements).toBe(statements);
  });

  it("authenticates a WebSocket by API token as well", async () => {
    const admin = await app.login(EMAIL("admin"));
    const users = await admin.data<{ users: { edges: { node: { id: string; email: string } }[] } }>(
      "query($s: String) { users(first: 5, search: $s) { edges { node { id email } } } }",
      { s: EMAIL("celex.integration") },
    );
    const userId = users.users.edges.find((e) => e.node.email === EMAIL("celex.integration"))?.node.id;
    const issued = await admin.data<{ apiTokenCreate: { token: string | null; userErrors: unknown[] } }>(
      `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { message } } }`,
      {
        input: {
          userId,
          name: "Change feed",
          scopes: ["READ"],
          expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          purpose: { code: "SYSTEM_INTEGRATION", note: "Follows changes" },
        },
      },
    );
    const token = issued.apiTokenCreate.token as string;
    expect(token).toBeTruthy();
    const client = wsClient(app.url, { token });
    open.push(client);
    const sub = subscribe(client, null);
    await waitFor("the history", () => sub.received.some((c) => c.person?.id === inIttre));
    expect(sub.errors).toEqual([]);
    sub.stop();
  });

  it("refuses a WebSocket without valid credentials (4401) or without a purpose (4403)", async () => {
    expect(await closeCode(wsClient(app.url))).toBe(4401);
    expect(await closeCode(wsClient(app.url, { token: "ctn_not_a_real_token" }))).toBe(4401);
    const noPurpose = await app.login(EMAIL("celex.analyst"), { purpose: false });
    expect(await closeCode(wsClient(app.url, { cookie: cookieOf(noPurpose) }))).toBe(4403);
    // A page of another origin cannot ride on the user's session cookie.
    expect(
      await closeCode(wsClient(app.url, { cookie: cookieOf(celex), origin: "https://elsewhere.example" })),
    ).toBe(4403);
  });

  it("runs only subscriptions over WebSocket", async () => {
    const client = wsClient(app.url, { cookie: cookieOf(celex) });
    open.push(client);
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: "{ changes { hasMore } }" },
        { next: resolve, error: resolve, complete() {} },
      );
    });
    expect(JSON.stringify(errors)).toContain("BAD_USER_INPUT");
    const badCursor = subscribe(client, "bm9wZQ");
    await waitFor("the refusal", () => badCursor.errors.length > 0 || badCursor.completed);
    expect(JSON.stringify(badCursor.errors)).toContain("BAD_USER_INPUT");
  });
});

describe("the change feed across a restart of the API", () => {
  let app: TestApp;
  let restarted: ContinuumServer | null = null;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    if (restarted !== null) await restarted.close();
    else await app.close();
  });

  it("resumes over the subscription from the last cursor with exactly the missed changes", async () => {
    const celex = await app.login(EMAIL("celex.analyst"));
    const at = await places(celex);
    const director = await app.login(EMAIL("prison-ittre.director"));
    const { personId } = await admit(director, at, { familyName: "Restart", establishment: "ITT" });

    const first = wsClient(app.url, { cookie: cookieOf(celex) });
    const before = subscribe(first, null);
    await waitFor("the registration", () => before.received.some((c) => c.entityType === "Placement"));
    const last = before.received.at(-1) as Change;

    // The API stops; the subscription ends with it.
    await app.server.close();
    await waitFor("the subscription's end", () => before.completed || before.errors.length > 0);
    await first.dispose();

    // Changes made while no API runs (another instance, a job) are in the outbox all the same.
    for (const name of ["Missed1", "Missed2"])
      await app.database.db
        .update(persons)
        .set({ givenNames: name })
        .where(eq(persons.id, personUuid(personId)));

    restarted = await buildServer(app.server.config, {
      database: app.database,
      logger: pino({ level: "silent" }),
    });
    await new Promise<void>((resolve) => restarted?.http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(restarted.http.address() as AddressInfo).port}`;

    const second = wsClient(url, { cookie: cookieOf(celex) });
    const after = subscribe(second, last.cursor);
    await waitFor("the missed changes", () => after.received.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(after.errors).toEqual([]);
    expect(after.received.map((c) => [c.entityType, c.operation, c.entityId])).toEqual([
      ["Person", "UPDATED", personId],
      ["Person", "UPDATED", personId],
    ]);
    expect(after.received.some((c) => before.received.some((b) => b.cursor === c.cursor))).toBe(false);
    after.stop();
    await second.dispose();
  });
});
