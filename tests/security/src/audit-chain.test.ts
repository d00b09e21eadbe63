import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../../apps/api/src/access/audit.js";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import { buildPopulation, EMAIL } from "./fixtures.js";

// The audit trail is hash-chained: editing or deleting a row directly in the database (which takes
// the owner's rights and switching off the append-only trigger) is found by the chain check.

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const celex = await app.login(EMAIL("celex.analyst"));
  await buildPopulation(app, celex);
  await celex.data(`{ persons(first: 10) { edges { node { familyName listing { category } } } } }`);
});
afterAll(() => app.close());

async function tamper(statement: string): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await tx.execute(sql.raw(statement));
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`);
  });
}

async function ids(): Promise<number[]> {
  return (
    await queryRows<{ id: number }>(app.database.db, sql`select id::int from audit_events order by id`)
  ).map((r) => r.id);
}

describe("the audit chain", () => {
  it("verifies as intact, also for oversight through the API", async () => {
    const result = await verifyAuditChain(app.database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
    const oversight = await app.login(EMAIL("oversight.reviewer"));
    const res = await oversight.data<{
      auditChainVerification: { ok: boolean; firstBrokenEventId: string | null };
    }>("{ auditChainVerification { ok checked firstBrokenEventId reason } }");
    expect(res.auditChainVerification).toMatchObject({ ok: true, firstBrokenEventId: null });
  });

  it("is append-only: the application cannot change an entry, and the owner only by disabling a trigger", async () => {
    const error = await app.database.db.execute(sql`update audit_events set operation = 'X'`).then(
      () => null,
      (e: unknown) => String((e as { cause?: unknown }).cause ?? e),
    );
    expect(error).toMatch(/append-only/);
  });

  it("finds an edited entry", async () => {
    const [, second] = await ids();
    await tamper(`update audit_events set details = '{"search":"nothing to see"}' where id = ${second}`);
    const result = await verifyAuditChain(app.database.db);
    expect(result).toMatchObject({
      ok: false,
      firstBrokenEventId: second,
      reason: "the entry's content does not match its hash",
    });
  });

  it("finds a deleted entry, by the broken link of the next one", async () => {
    // Repair the edit above by re-hashing nothing: delete a later entry and check the report names its successor.
    const all = await ids();
    const victim = all[Math.floor(all.length / 2)] as number;
    const next = all[all.indexOf(victim) + 1] as number;
    await tamper(`delete from audit_events where id <= ${victim - 0} and id >= ${victim}`);
    const result = await verifyAuditChain(app.database.db);
    expect(result.ok).toBe(false);
    // The edited entry above is still the first break; remove it too and the deletion shows.
    const [, second] = all;
    await tamper(`delete from audit_events where id < ${(second as number) + 1}`);
    const after = await verifyAuditChain(app.database.db);
    expect(after).toMatchObject({ ok: false });
    expect([next, (second as number) + 1]).toContain(after.firstBrokenEventId);
  });

  it("finds entries cut off the end", async () => {
    await tamper("delete from audit_events");
    const result = await verifyAuditChain(app.database.db);
    expect(result).toMatchObject({ ok: false, reason: "entries are missing at the end of the trail" });
  });
});
