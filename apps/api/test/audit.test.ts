import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendToAuditChain, verifyAuditChain } from "../src/access/audit.js";
import { queryRows } from "../src/db/client.js";
import { admit, EMAIL, places } from "./fixtures.js";
import { engine, type GraphQLClient, startTestApp, type TestApp } from "./harness.js";

let app: TestApp;
let celex: GraphQLClient;
let personId: string;

interface AuditRow {
  operation: string;
  person_id: string | null;
  data_classes: string[];
  details: Record<string, unknown>;
  actor_user_id: string | null;
}

async function auditSince(id: number): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    app.database.db,
    sql`select operation, person_id, data_classes, details, actor_user_id from audit_events where id > ${id} order by id`,
  );
}

async function lastAuditId(): Promise<number> {
  const [row] = await queryRows<{ id: string | null }>(
    app.database.db,
    sql`select max(id)::text as id from audit_events`,
  );
  return Number(row?.id ?? 0);
}

function uuidOf(globalId: string): string {
  return Buffer.from(globalId, "base64url").toString("utf8").split(":")[1] as string;
}

/** The same case file asked `times` times at once, as a page's queries are. */
function readSideBySide(times: number) {
  return Promise.all(
    Array.from({ length: times }, () =>
      celex.request(`query($id: ID!) { person(id: $id) { familyName placements { validFrom } } }`, {
        id: personId,
      }),
    ),
  );
}

beforeAll(async () => {
  app = await startTestApp();
  celex = await app.login(EMAIL("celex.analyst"));
  ({ personId } = await admit(celex, await places(celex), { familyName: "Auditrix" }));
});
afterAll(() => app.close());

describe("the audit trail", () => {
  it("records a search with its terms and one read per person returned, with the classes read", async () => {
    const from = await lastAuditId();
    await celex.data(
      `{ persons(first: 10, filter: { search: "audit" }) { edges { node { familyName listing { category } } } } }`,
    );
    const rows = await auditSince(from);
    expect(rows.map((r) => r.operation).sort()).toEqual(["READ", "SEARCH"]);
    const search = rows.find((r) => r.operation === "SEARCH");
    expect(search?.details).toMatchObject({ search: "audit", returned: 1 });
    const read = rows.find((r) => r.operation === "READ");
    expect(read?.person_id).toBe(uuidOf(personId));
    expect(read?.data_classes).toEqual(["IDENTITY", "LISTING"]);
    expect(read?.actor_user_id).not.toBeNull();
  });

  it("records which classes a case-file read touched, once per person per request", async () => {
    const from = await lastAuditId();
    await celex.data(
      `query($id: ID!) { a: person(id: $id) { familyName } b: person(id: $id) { placements { validFrom } timeline { kind } } }`,
      {
        id: personId,
      },
    );
    const rows = await auditSince(from);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operation: "READ",
      person_id: uuidOf(personId),
      data_classes: ["DETENTION", "IDENTITY", "LISTING"],
    });
  });

  it("audits queries asked side by side, as a page does, each one answered", async () => {
    const from = await lastAuditId();
    const answers = await readSideBySide(8);
    expect(answers.map((a) => a.errors)).toEqual(Array(8).fill(undefined));
    const rows = await auditSince(from);
    expect(rows.map((r) => [r.operation, r.person_id])).toEqual(Array(8).fill(["READ", uuidOf(personId)]));
    // Appended one after the other: the chain still verifies.
    expect((await verifyAuditChain(app.database.db)).ok).toBe(true);
  });

  it("appends the entries of reads ending together in one transaction, each read's entries whole", async () => {
    const from = await lastAuditId();
    const answers = await readSideBySide(24);
    expect(answers.map((a) => a.errors)).toEqual(Array(24).fill(undefined));
    const rows = await queryRows<{ request_id: string; appended_by: string }>(
      app.database.db,
      sql`select request_id, xmin::text as appended_by from audit_events where id > ${from} order by id`,
    );
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(24);
    // Fewer transactions than reads: reads that ended while an append held the chain's head waited
    // and went together. (PGlite runs one request at a time: no two reads end together.)
    if (engine === "postgres") expect(new Set(rows.map((r) => r.appended_by)).size).toBeLessThan(24);
    expect((await verifyAuditChain(app.database.db)).ok).toBe(true);
  });

  it("appends more entries than one INSERT can carry, the chain whole", async () => {
    const from = await lastAuditId();
    // 4,500 entries of 15 columns: more parameters than one statement may have (65,535).
    await app.database.db.transaction((tx) =>
      appendToAuditChain(
        tx,
        Array.from({ length: 4500 }, (_, i) => ({
          occurredAt: new Date(),
          requestId: `bulk-${i}`,
          actorUserId: null,
          actorTokenId: null,
          agencyId: null,
          operation: "AUDIT_VERIFY",
          personId: null,
          dataClasses: [],
          details: { entry: i },
          purposeCode: null,
          purposeNote: null,
          breakGlass: false,
          recipientAgencyId: null,
        })),
      ),
    );
    expect(await auditSince(from)).toHaveLength(4500);
    expect((await verifyAuditChain(app.database.db)).ok).toBe(true);
  });

  it("records a change in the same transaction as the change", async () => {
    const from = await lastAuditId();
    await celex.data(
      `mutation($input: ScreeningRecordInput!) { screeningRecord(input: $input) { userErrors { message } } }`,
      {
        input: {
          personId,
          screenedOn: "2024-01-15",
          outcome: "NOT_LISTED",
          sources: ["POLICE"],
          rationale: "Fictional.",
        },
      },
    );
    const rows = await auditSince(from);
    expect(rows.map((r) => [r.operation, r.details.mutation])).toEqual([["CREATE", "screeningRecord"]]);
  });

  it("records nothing for a person the actor may not see, and no read for a refused change", async () => {
    const hasselt = await app.login(EMAIL("prison-hasselt.officer"));
    const from = await lastAuditId();
    await hasselt.request(`query($id: ID!) { person(id: $id) { familyName } }`, { id: personId });
    expect((await auditSince(from)).filter((r) => r.person_id !== null)).toEqual([]);
  });

  it("records logins, failed logins and logouts", async () => {
    const from = await lastAuditId();
    const client = await app.login(EMAIL("vsse.analyst"));
    await client.data("mutation { logout { loggedOut } }");
    await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation { login(input: { email: "vsse.analyst@continuum.example", password: "wrong" }) { user { id } } }`,
      }),
    });
    expect((await auditSince(from)).map((r) => r.operation)).toEqual([
      "LOGIN",
      "PURPOSE_SET",
      "LOGOUT",
      "LOGIN_FAILED",
    ]);
  });
});
