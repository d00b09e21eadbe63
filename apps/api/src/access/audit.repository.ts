import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { auditEvents } from "./audit.table.js";

export type AuditEventRecord = typeof auditEvents.$inferSelect;

export interface AuditFilter {
  personId: string | null;
  userId: string | null;
  operation: string | null;
  breakGlass: boolean | null;
  from: Date | null;
  to: Date | null;
}

function conditions(filter: AuditFilter): SQL[] {
  const c: SQL[] = [];
  if (filter.personId !== null) c.push(eq(auditEvents.personId, filter.personId));
  if (filter.userId !== null) c.push(eq(auditEvents.actorUserId, filter.userId));
  if (filter.operation !== null) c.push(eq(auditEvents.operation, filter.operation));
  if (filter.breakGlass !== null) c.push(eq(auditEvents.breakGlass, filter.breakGlass));
  if (filter.from !== null) c.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to !== null) c.push(lt(auditEvents.occurredAt, filter.to));
  return c;
}

/** Audit entries, newest first, continuing below an entry number (keyset pagination). */
export function listAuditEvents(db: Db, filter: AuditFilter, beforeId: number | null, limit: number) {
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions(filter), beforeId === null ? undefined : lt(auditEvents.id, beforeId)))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

export async function countAuditEvents(db: Db, filter: AuditFilter): Promise<number> {
  return db.$count(auditEvents, and(...conditions(filter)));
}
