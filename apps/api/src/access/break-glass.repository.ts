import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";
import { auditEvents } from "./audit.table.js";
import { type BreakGlassVerdict, breakGlassGrants } from "./break-glass.table.js";

export type BreakGlassGrantRecord = typeof breakGlassGrants.$inferSelect;

export interface CaseFactsRow {
  person_id: string;
  stage: "IN_PRISON" | "RELEASED" | "CLOSED";
  establishment_id: string | null;
  release_judicial_district: string | null;
  release_municipality: string | null;
  enrolled_with: string[];
  sex: "FEMALE" | "MALE" | "OTHER";
}

/** Where each case stands, whatever the actor may see (definer-rights function, migration 0004). */
export function caseFacts(db: Db, personIds: readonly string[]): Promise<CaseFactsRow[]> {
  return queryRows<CaseFactsRow>(db, sql`select * from app_case_facts(${sql.param([...personIds])}::uuid[])`);
}

/** Persons with exactly this folded name and date of birth, whatever the actor may see. */
export async function personsNamed(db: Db, sortName: string, dateOfBirth: string): Promise<string[]> {
  const rows = await queryRows<{ person_id: string }>(
    db,
    sql`select person_id from app_persons_named(${sortName}, ${dateOfBirth}::date)`,
  );
  return rows.map((r) => r.person_id);
}

export async function insertGrant(
  db: Db,
  grant: typeof breakGlassGrants.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(breakGlassGrants).values(grant);
}

export async function grantById(db: Db, id: string): Promise<BreakGlassGrantRecord | null> {
  const [row] = await db.select().from(breakGlassGrants).where(eq(breakGlassGrants.id, id)).limit(1);
  return row ?? null;
}

function pendingCondition(pendingOnly: boolean): SQL | undefined {
  return pendingOnly ? isNull(breakGlassGrants.verdict) : undefined;
}

export function listGrants(
  db: Db,
  pendingOnly: boolean,
  limit: number,
  offset: number,
): Promise<BreakGlassGrantRecord[]> {
  return db
    .select()
    .from(breakGlassGrants)
    .where(pendingCondition(pendingOnly))
    .orderBy(desc(breakGlassGrants.grantedAt), desc(breakGlassGrants.id))
    .limit(limit)
    .offset(offset);
}

export async function countGrants(db: Db, pendingOnly: boolean): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(breakGlassGrants)
    .where(pendingCondition(pendingOnly));
  return row?.n ?? 0;
}

export async function reviewGrant(
  db: Db,
  id: string,
  review: { verdict: BreakGlassVerdict; note: string | null; reviewedBy: string },
): Promise<BreakGlassGrantRecord | null> {
  const [row] = await db
    .update(breakGlassGrants)
    .set({
      verdict: review.verdict,
      reviewNote: review.note,
      reviewedBy: review.reviewedBy,
      reviewedAt: sql`now()`,
    })
    .where(and(eq(breakGlassGrants.id, id), isNull(breakGlassGrants.verdict)))
    .returning();
  return row ?? null;
}

/** How many audit entries a grant produced: what oversight weighs the justification against. */
export async function readsUnderGrant(db: Db, grant: BreakGlassGrantRecord): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorUserId, grant.userId),
        eq(auditEvents.personId, grant.personId),
        eq(auditEvents.breakGlass, true),
        sql`${auditEvents.occurredAt} between ${grant.grantedAt} and ${grant.expiresAt}`,
      ),
    );
  return row?.n ?? 0;
}
