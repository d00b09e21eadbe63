import { createHash } from "node:crypto";
import type { DataClass } from "@continuum/domain";
import { asc, eq, gt } from "drizzle-orm";
import { stringify } from "safe-stable-stringify";
import type { StatedPurpose } from "../auth/actor.js";
import { isDatabaseUnavailable } from "../db/availability.js";
import type { Db, Tx } from "../db/client.js";
import { auditChainHead, auditEvents } from "./audit.table.js";

/** Every kind of audit entry; `READ` rows are merged per person and request. */
export type AuditOperation =
  | "READ"
  | "SEARCH"
  | "LOOKUP"
  | "CREATE"
  | "UPDATE"
  | "LOGIN"
  | "LOGIN_FAILED"
  | "LOGOUT"
  | "PURPOSE_SET"
  | "MFA_ENROLLED"
  | "TOKEN_CREATE"
  | "TOKEN_REVOKE"
  | "TOKEN_ROTATE"
  | "TOKEN_UPDATE"
  | "OPERATIONS_REGISTER"
  | "USER_DISABLE"
  | "USER_ENABLE"
  | "BREAK_GLASS_OPEN"
  | "BREAK_GLASS_REVIEW"
  | "AUDIT_QUERY"
  | "AUDIT_VERIFY"
  | "DISCLOSURE"
  | "AGGREGATE";

export interface AuditEvent {
  operation: AuditOperation;
  personId?: string | null;
  dataClasses?: readonly DataClass[];
  details?: Record<string, unknown>;
  breakGlass?: boolean;
  recipientAgencyId?: string | null;
}

export interface AuditActor {
  userId: string | null;
  tokenId: string | null;
  agencyId: string | null;
  purpose: StatedPurpose | null;
}

export const GENESIS_HASH = "0".repeat(64);

type AuditRow = typeof auditEvents.$inferInsert;

/** The fields an entry's hash covers, in a canonical form that survives a round trip through jsonb. */
function hashOf(row: Omit<AuditRow, "id" | "hash">): string {
  const content = stringify({
    occurredAt: (row.occurredAt as Date).toISOString(),
    requestId: row.requestId,
    actorUserId: row.actorUserId ?? null,
    actorTokenId: row.actorTokenId ?? null,
    agencyId: row.agencyId ?? null,
    operation: row.operation,
    personId: row.personId ?? null,
    dataClasses: row.dataClasses,
    details: row.details,
    purposeCode: row.purposeCode ?? null,
    purposeNote: row.purposeNote ?? null,
    breakGlass: row.breakGlass ?? false,
    recipientAgencyId: row.recipientAgencyId ?? null,
    prevHash: row.prevHash,
  });
  return createHash("sha256")
    .update(content as string)
    .digest("hex");
}

/** One INSERT carries at most 65,535 parameters, and an entry has 15 columns. */
const ROWS_PER_INSERT = 2000;

/** Appends entries to the chain: the head row is locked until commit, so appends are serialised. */
export async function appendToAuditChain(
  tx: Tx,
  entries: Omit<AuditRow, "prevHash" | "hash">[],
): Promise<void> {
  if (entries.length === 0) return;
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for("update");
  // The head is created by the migration; without it the chain cannot be continued, so nothing is written.
  if (head === undefined) throw new Error("the audit chain's head is missing");
  let prevHash = head.lastHash;
  const rows: AuditRow[] = entries.map((entry) => {
    const row = { ...entry, prevHash };
    prevHash = hashOf(row);
    return { ...row, hash: prevHash };
  });
  for (let first = 0; first < rows.length; first += ROWS_PER_INSERT)
    await tx.insert(auditEvents).values(rows.slice(first, first + ROWS_PER_INSERT));
  await tx.update(auditChainHead).set({ lastHash: prevHash }).where(eq(auditChainHead.id, 1));
}

/**
 * Collects a request's audit entries in memory and writes them in one append: reads are merged per
 * person (one entry per person and request, with every data class read), other events are kept one
 * by one.
 */
export class AuditLog {
  private readonly reads = new Map<string, { classes: Set<DataClass>; breakGlass: boolean }>();
  private readonly events: AuditEvent[] = [];
  private actor: AuditActor;

  constructor(
    private readonly requestId: string,
    actor: AuditActor,
  ) {
    this.actor = actor;
  }

  /** Who the entries are attributed to; login, and a purpose stated mid-request, change it. */
  attributeTo(actor: AuditActor): void {
    this.actor = actor;
  }

  read(personId: string, dataClasses: readonly DataClass[], breakGlass = false): void {
    let entry = this.reads.get(personId);
    if (entry === undefined) {
      entry = { classes: new Set(), breakGlass: false };
      this.reads.set(personId, entry);
    }
    for (const c of dataClasses) entry.classes.add(c);
    entry.breakGlass ||= breakGlass;
  }

  record(event: AuditEvent): void {
    this.events.push(event);
  }

  /** How many events are recorded so far (reads aside): a mark for discardEventsAfter. */
  get eventCount(): number {
    return this.events.length;
  }

  /** Forgets the events recorded after the mark, for work rolled back to a savepoint. */
  discardEventsAfter(mark: number): void {
    this.events.length = Math.min(this.events.length, mark);
  }

  get isEmpty(): boolean {
    return this.reads.size === 0 && this.events.length === 0;
  }

  /** Appends the entries in `tx` (a mutation's own transaction: they commit with its changes). */
  async flush(tx: Tx): Promise<void> {
    await appendToAuditChain(tx, this.take());
  }

  /**
   * Appends the entries of a read whose transaction has ended, batched with those of other reads
   * ending meanwhile (AuditBatcher); resolves once they are committed.
   */
  async flushAfterRead(database: { db: Db }): Promise<void> {
    await batcherOf(database).append(this.take());
  }

  /** The entries recorded so far, as rows to append; the log is empty afterwards. */
  private take(): Omit<AuditRow, "prevHash" | "hash">[] {
    if (this.isEmpty) return [];
    const occurredAt = new Date();
    const base = {
      occurredAt,
      requestId: this.requestId,
      actorUserId: this.actor.userId,
      actorTokenId: this.actor.tokenId,
      agencyId: this.actor.agencyId,
      purposeCode: this.actor.purpose?.code ?? null,
      purposeNote: this.actor.purpose?.note ?? null,
    };
    const rows = [
      ...[...this.reads].map(([personId, entry]) => ({
        ...base,
        operation: "READ" as const,
        personId,
        dataClasses: [...entry.classes].sort(),
        details: {},
        breakGlass: entry.breakGlass,
        recipientAgencyId: null,
      })),
      ...this.events.map((e) => ({
        ...base,
        operation: e.operation,
        personId: e.personId ?? null,
        dataClasses: [...(e.dataClasses ?? [])],
        details: e.details ?? {},
        breakGlass: e.breakGlass ?? false,
        recipientAgencyId: e.recipientAgencyId ?? null,
      })),
    ];
    this.reads.clear();
    this.events.length = 0;
    return rows;
  }
}

type PendingAppend = {
  rows: Omit<AuditRow, "prevHash" | "hash">[];
  resolve: () => void;
  reject: (error: unknown) => void;
};

/**
 * Appends the audit entries of reads in batches (group commit). Every append locks the chain's
 * head until it commits, so appends one by one queue behind each other: at Europe scale that queue,
 * not the reads, bounded the caseload's throughput. While one batch holds the head, the entries of
 * the reads that end meanwhile wait together and go in the next: one lock and one commit for all.
 * Each read still answers only once its own entries are committed. If a batch fails for another
 * reason than an unreachable database, its reads' entries are appended one read at a time, so that
 * one read's failure is not another's.
 */
class AuditBatcher {
  private pending: PendingAppend[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  append(rows: Omit<AuditRow, "prevHash" | "hash">[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.pending.length > 0) {
      const batch = this.nextBatch();
      try {
        await this.db.transaction((tx) =>
          appendToAuditChain(
            tx,
            batch.flatMap((p) => p.rows),
          ),
        );
        for (const p of batch) p.resolve();
      } catch (error) {
        // Unreachable database: each read fails at once (and a commit whose outcome is unknown is
        // not appended twice). Otherwise the batch was rolled back: each read's entries alone.
        if (batch.length === 1 || isDatabaseUnavailable(error)) for (const p of batch) p.reject(error);
        else
          for (const p of batch)
            await this.db.transaction((tx) => appendToAuditChain(tx, p.rows)).then(p.resolve, p.reject);
      }
    }
    this.draining = false;
  }

  /** The oldest pending appends, up to one INSERT's worth of rows (at least one append, however large). */
  private nextBatch(): PendingAppend[] {
    let rows = 0;
    let count = 0;
    while (
      count < this.pending.length &&
      (count === 0 || rows + (this.pending[count] as PendingAppend).rows.length <= ROWS_PER_INSERT)
    ) {
      rows += (this.pending[count] as PendingAppend).rows.length;
      count += 1;
    }
    return this.pending.splice(0, count);
  }
}

const batchers = new WeakMap<object, AuditBatcher>();

/** The batcher of a database (one per connection pool, so one per API process). */
function batcherOf(database: { db: Db }): AuditBatcher {
  let batcher = batchers.get(database);
  if (batcher === undefined) {
    batcher = new AuditBatcher(database.db);
    batchers.set(database, batcher);
  }
  return batcher;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenEventId: number | null;
  reason: string | null;
}

const VERIFY_BATCH = 2000;

/**
 * Walks the whole trail in order and recomputes every hash: an edited row breaks its own hash, a
 * deleted or inserted row breaks the next row's link, and rows cut off the end no longer match the
 * chain's head.
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(VERIFY_BATCH);
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return {
          ok: false,
          checked,
          firstBrokenEventId: row.id,
          reason: "the link to the previous entry is broken",
        };
      if (hashOf(row) !== row.hash)
        return {
          ok: false,
          checked,
          firstBrokenEventId: row.id,
          reason: "the entry's content does not match its hash",
        };
      prevHash = row.hash;
      checked += 1;
      afterId = row.id;
    }
    if (rows.length < VERIFY_BATCH) break;
  }
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  if (head !== undefined && head.lastHash !== prevHash)
    return {
      ok: false,
      checked,
      firstBrokenEventId: null,
      reason: "entries are missing at the end of the trail",
    };
  return { ok: true, checked, firstBrokenEventId: null, reason: null };
}
