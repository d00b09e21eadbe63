import { and, asc, eq, lt, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { changeEvents } from "./change.table.js";

// The only file that builds SQL for the change feed. Every statement runs as the request's role
// (continuum_app) under row-level security: change_events_read shows an event only where the
// reader may read that class of that person's case (migration 0030).

export type ChangeEventRecord = typeof changeEvents.$inferSelect;

/** A place in the feed: events are ordered by (transactionId, seq). */
export interface FeedPosition {
  transactionId: number;
  seq: number;
}

export interface SettledFeed {
  /**
   * The current snapshot's xmin: every transaction with a smaller ID has committed or rolled back,
   * so no event can still appear below it. Events at or above it are not delivered yet.
   */
  horizon: number;
  /** The last event below the horizon, whoever may read it; null when there is none. */
  last: FeedPosition | null;
  /** The `scan`-th event after the cursor below the horizon (whoever may read it); null when fewer follow. */
  window: FeedPosition | null;
}

const positionFrom = (transactionId: string | null, seq: string | null): FeedPosition | null =>
  transactionId === null || seq === null ? null : { transactionId: Number(transactionId), seq: Number(seq) };

/** Where the feed stands for a read after `after` that looks at `scan` events at most (definer's rights: positions only). */
export async function settledFeed(db: Db, after: FeedPosition, scan: number): Promise<SettledFeed> {
  const [row] = await queryRows<{
    horizon: string;
    last_transaction_id: string | null;
    last_seq: string | null;
    window_transaction_id: string | null;
    window_seq: string | null;
  }>(
    db,
    sql`select horizon::text, last_transaction_id::text, last_seq::text, window_transaction_id::text, window_seq::text
        from app_change_feed_settled(${after.transactionId}::bigint, ${after.seq}::bigint, ${scan}::integer)`,
  );
  if (row === undefined) throw new Error("app_change_feed_settled answered nothing");
  return {
    horizon: Number(row.horizon),
    last: positionFrom(row.last_transaction_id, row.last_seq),
    window: positionFrom(row.window_transaction_id, row.window_seq),
  };
}

/**
 * The events the reader may see strictly after `after`, up to `upTo` (included) and below
 * `horizon`, in feed order. Only settled transactions (below the horizon) are returned: a
 * transaction still in flight may commit later with a smaller position than events already read,
 * and would otherwise be skipped.
 */
export function changesAfter(
  db: Db,
  range: { after: FeedPosition; upTo: FeedPosition | null; horizon: number },
  limit: number,
): Promise<ChangeEventRecord[]> {
  const { after, upTo, horizon } = range;
  return db
    .select()
    .from(changeEvents)
    .where(
      and(
        sql`(${changeEvents.transactionId}, ${changeEvents.seq}) > (${after.transactionId}::bigint, ${after.seq}::bigint)`,
        upTo === null
          ? undefined
          : sql`(${changeEvents.transactionId}, ${changeEvents.seq}) <= (${upTo.transactionId}::bigint, ${upTo.seq}::bigint)`,
        lt(changeEvents.transactionId, horizon),
      ),
    )
    .orderBy(asc(changeEvents.transactionId), asc(changeEvents.seq))
    .limit(limit);
}

/** One event, if the reader may see it. */
export async function changeBySeq(db: Db, seq: number): Promise<ChangeEventRecord | null> {
  const [row] = await db.select().from(changeEvents).where(eq(changeEvents.seq, seq));
  return row ?? null;
}
