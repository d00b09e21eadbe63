import type {
  ClosedCase,
  DataClass,
  DueRetention,
  RetentionAction,
  RetentionStatus,
} from "@continuum/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import { retentionItems, retentionRules } from "./retention.table.js";

// Row-level security (migration 0018): retention items are the data-protection officer's only.
// What the officer needs of the cases themselves comes from the definer-rights functions of
// migration 0020, which refuse anyone else.

export type RetentionRuleRecord = typeof retentionRules.$inferSelect;
export type RetentionItemRecord = typeof retentionItems.$inferSelect;

export function listRules(db: Db): Promise<RetentionRuleRecord[]> {
  return db.select().from(retentionRules).orderBy(asc(retentionRules.dataClass));
}

export async function ruleOf(db: Db, dataClass: DataClass): Promise<RetentionRuleRecord | null> {
  const [row] = await db.select().from(retentionRules).where(eq(retentionRules.dataClass, dataClass));
  return row ?? null;
}

export async function upsertRule(
  db: Db,
  rule: { dataClass: DataClass; yearsAfterClosure: number; action: RetentionAction; createdBy: string },
): Promise<void> {
  await db
    .insert(retentionRules)
    .values(rule)
    .onConflictDoUpdate({
      target: retentionRules.dataClass,
      set: { yearsAfterClosure: rule.yearsAfterClosure, action: rule.action },
    });
}

/** One sweep at a time, across API instances: the job at start-up and the officer may overlap. */
export async function lockSweep(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('retention-sweep'))`);
}

export async function closedCases(db: Db): Promise<ClosedCase[]> {
  const rows = await queryRows<{ person_id: string; closed_on: string }>(
    db,
    sql`select person_id, closed_on::text as closed_on from app_retention_closed_cases()`,
  );
  return rows.map((r) => ({ personId: r.person_id, closedOn: r.closed_on }));
}

export interface RetentionCase {
  personId: string;
  reference: string;
  closedOn: string | null;
}

/** The case reference and closure of persons that have retention items. */
export async function retentionCases(db: Db, personIds: readonly string[]): Promise<RetentionCase[]> {
  if (personIds.length === 0) return [];
  const rows = await queryRows<{ person_id: string; reference: string; closed_on: string | null }>(
    db,
    sql`select person_id, reference, closed_on::text as closed_on
        from app_retention_cases(${`{${personIds.join(",")}}`}::uuid[])`,
  );
  return rows.map((r) => ({ personId: r.person_id, reference: r.reference, closedOn: r.closed_on }));
}

export function allItems(db: Db): Promise<RetentionItemRecord[]> {
  return db.select().from(retentionItems);
}

/** A page of the items of one status, by (due date, ID), after the cursor's key. */
export function itemsByStatus(
  db: Db,
  status: RetentionStatus,
  after: { dueOn: string; id: string } | null,
  limit: number,
): Promise<RetentionItemRecord[]> {
  const keyset =
    after === null
      ? eq(retentionItems.status, status)
      : and(
          eq(retentionItems.status, status),
          sql`(${retentionItems.dueOn}, ${retentionItems.id}) > (${after.dueOn}::date, ${after.id}::uuid)`,
        );
  return db
    .select()
    .from(retentionItems)
    .where(keyset)
    .orderBy(asc(retentionItems.dueOn), asc(retentionItems.id))
    .limit(limit);
}

/** How many items have this status. */
export async function countItemsByStatus(db: Db, status: RetentionStatus): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(retentionItems)
    .where(eq(retentionItems.status, status));
  return Number(row?.n ?? 0);
}

const itemsWithIds = (db: Db, ids: readonly string[]) =>
  db
    .select()
    .from(retentionItems)
    .where(inArray(retentionItems.id, [...ids]));

export function itemsByIds(db: Db, ids: readonly string[]): Promise<RetentionItemRecord[]> {
  return itemsWithIds(db, ids);
}

/** The items, locked until the end of the transaction so that two approvals cannot both act on one. */
export function lockItems(db: Db, ids: readonly string[]): Promise<RetentionItemRecord[]> {
  return itemsWithIds(db, ids).for("update");
}

export async function insertItems(
  db: Db,
  due: readonly DueRetention[],
  listedOn: string,
  createdBy: string | null,
): Promise<void> {
  if (due.length === 0) return;
  await db.insert(retentionItems).values(
    due.map((d) => ({
      id: newId(),
      personId: d.personId,
      dataClass: d.dataClass,
      action: d.action,
      dueOn: d.dueOn,
      listedOn,
      createdBy,
    })),
  );
}

export async function deleteItems(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(retentionItems).where(inArray(retentionItems.id, [...ids]));
}

export async function updateItem(
  db: Db,
  id: string,
  change: Partial<Omit<RetentionItemRecord, "id" | "personId" | "dataClass">>,
): Promise<void> {
  await db.update(retentionItems).set(change).where(eq(retentionItems.id, id));
}

/** Deletes or anonymises one class of one closed case (definer rights); the rows affected. */
export async function carryOut(
  db: Db,
  personId: string,
  dataClass: DataClass,
  action: RetentionAction,
): Promise<number> {
  const [row] = await queryRows<{ affected: number }>(
    db,
    sql`select app_retention_carry_out(${personId}::uuid, ${dataClass}, ${action})::int as affected`,
  );
  return row?.affected ?? 0;
}

/** Everything held on one person, as sections of records; null for an unknown person. */
export async function personRecord(db: Db, personId: string): Promise<RecordDocument | null> {
  const [row] = await queryRows<{ document: RecordDocument | null }>(
    db,
    sql`select app_person_record_export(${personId}::uuid) as document`,
  );
  return row?.document ?? null;
}

export interface RecordDocument {
  sections: { dataClass: DataClass; section: string; records: Record<string, unknown>[] }[];
}
