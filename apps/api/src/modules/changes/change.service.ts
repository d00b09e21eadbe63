import { type DataClass, isVisible, mayRead } from "@continuum/domain";
import { accessFor, requirePurpose } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput, forbidden } from "../../graphql/errors.js";
import type { VisiblePerson } from "../persons/person.repository.js";
import {
  type ChangeEventRecord,
  changeBySeq,
  changesAfter,
  type FeedPosition,
  settledFeed,
} from "./change.repository.js";
import { ChangeFeedPageType, ChangeType } from "./change.type.js";

export const DEFAULT_CHANGES_PAGE = 100;
export const MAX_CHANGES_PAGE = 1000;

/** The reason carried by the error of an event that was visible when found but no longer when delivered. */
export const CHANGE_WITHDRAWN = "CHANGE_WITHDRAWN";

const START: FeedPosition = { transactionId: 0, seq: 0 };

/** How many events (visible or not) one read looks at, at most: it bounds the work of a reader who sees few. */
const scanWindow = (first: number) => Math.max(10 * first, 1000);

/** Opaque cursor: base64url of "transactionId:seq". */
export function encodeChangeCursor(position: FeedPosition): string {
  return Buffer.from(`${position.transactionId}:${position.seq}`).toString("base64url");
}

export function decodeChangeCursor(cursor: string): FeedPosition {
  const match =
    cursor.length <= 64
      ? /^(\d{1,18}):(\d{1,18})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"))
      : null;
  const position = match === null ? null : { transactionId: Number(match[1]), seq: Number(match[2]) };
  if (
    position === null ||
    !Number.isSafeInteger(position.transactionId) ||
    !Number.isSafeInteger(position.seq) ||
    encodeChangeCursor(position) !== cursor
  )
    throw badUserInput("after is not a cursor of the change feed", "after");
  return position;
}

function positionOf(r: ChangeEventRecord): FeedPosition {
  return { transactionId: r.transactionId, seq: r.seq };
}

function isAfter(a: FeedPosition, b: FeedPosition): boolean {
  return a.transactionId > b.transactionId || (a.transactionId === b.transactionId && a.seq > b.seq);
}

/**
 * The domain's rule for one event, decided in packages/domain like every read: the actor sees the
 * person (card or more) and may read the event's data class, at least in summary (the class-level
 * sight the database's row-level security also applies). Row-level security has already filtered
 * the events; this check keeps the rule in one place should the two ever differ.
 */
export function mayReadChange(
  actor: Actor,
  person: VisiblePerson | null | undefined,
  dataClass: DataClass,
): boolean {
  if (person === null || person === undefined) return false;
  const access = accessFor(actor, person.summary);
  return isVisible(access) && mayRead(access, dataClass, "SUMMARY");
}

/** The persons behind these events, as the actor sees them (batched through the request's loader). */
async function personsOf(ctx: RequestContext, rows: readonly ChangeEventRecord[]) {
  const ids = [...new Set(rows.map((r) => r.personId))];
  const found = await ctx.loaders.visiblePerson.loadMany(ids);
  const byId = new Map<string, VisiblePerson>();
  for (const p of found) if (p !== null && !(p instanceof Error)) byId.set(p.person.id, p);
  return byId;
}

export interface FeedRead {
  changes: ChangeEventRecord[];
  /** Where the next read starts; null when the feed is empty and no cursor was given. */
  endCursor: FeedPosition | null;
  hasMore: boolean;
  /** Some of the changes are read through a break-the-glass grant (flagged in the audit entry). */
  breakGlass: boolean;
}

/**
 * Up to `first` events after `after`, among those the actor may read, in the request's transaction.
 *
 * Ordering that never skips a commit: events are ordered by (transactionId, seq) and only events
 * of transactions below the snapshot's xmin are read. A sequence number is taken when a row is
 * written, not when its transaction commits: a transaction that started earlier may commit later
 * with smaller positions than events a reader has already passed. Below xmin every transaction
 * has committed or rolled back, so every event before the returned cursor is final.
 *
 * The cursor moves past events the actor may not see (else a client would poll forever on one
 * invisible event): when the page is not full, it moves to the end of what this read looked at (a
 * window of at most max(10 × first, 1000) events, so that a reader who sees few does not scan the
 * whole outbox in one call) or to the last settled event, whoever may see them; it never moves
 * past the horizon.
 */
export async function readFeed(
  ctx: RequestContext,
  actor: Actor,
  after: FeedPosition | null,
  first: number,
): Promise<FeedRead> {
  const tx = await ctx.tx.get();
  const from = after ?? START;
  const settled = await settledFeed(tx, from, scanWindow(first));
  // Read at most up to the window's end: the events in it that the actor may see, in order.
  const rows = await changesAfter(
    tx,
    { after: from, upTo: settled.window, horizon: settled.horizon },
    first + 1,
  );
  const full = rows.length > first;
  const page = rows.slice(0, first);
  const persons = await personsOf(ctx, page);
  const changes = page.filter((r) => mayReadChange(actor, persons.get(r.personId), r.dataClass));
  // A full page ends at its last event; otherwise the whole window was read, and the cursor moves
  // to its end (or to the last settled event), past what the actor may not see.
  const lastRead = page.at(-1);
  const reached = full && lastRead !== undefined ? positionOf(lastRead) : (settled.window ?? settled.last);
  const endCursor = reached !== null && (after === null || isAfter(reached, after)) ? reached : after;
  const hasMore =
    full || (settled.window !== null && settled.last !== null && isAfter(settled.last, settled.window));
  const breakGlass = changes.some((r) => {
    const person = persons.get(r.personId);
    return person !== undefined && accessFor(actor, person.summary).breakGlass;
  });
  return { changes, endCursor, hasMore, breakGlass };
}

function auditDelivery(
  ctx: RequestContext,
  changes: readonly ChangeEventRecord[],
  breakGlass: boolean,
  details: Record<string, unknown>,
) {
  const persons = [...new Set(changes.map((c) => c.personId))];
  ctx.audit.record({
    operation: "SEARCH",
    ...(persons.length === 1 ? { personId: persons[0] } : {}),
    dataClasses: [...new Set(changes.map((c) => c.dataClass))].sort(),
    details: { query: "changes", ...details, returned: changes.length, persons },
    breakGlass,
  });
}

/** `Query.changes`: a page of the feed, audited as one entry naming the persons whose changes it returns. */
export async function changesPage(
  ctx: RequestContext,
  args: { after?: string | null; first?: number | null },
): Promise<ChangeFeedPageType> {
  const actor = requirePurpose(ctx);
  const first = args.first ?? DEFAULT_CHANGES_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_CHANGES_PAGE)
    throw badUserInput(`first must be between 1 and ${MAX_CHANGES_PAGE}`, "first");
  const after = args.after ? decodeChangeCursor(args.after) : null;
  const read = await readFeed(ctx, actor, after, first);
  auditDelivery(ctx, read.changes, read.breakGlass, { after: args.after ?? null, subscription: false });
  const endCursor =
    read.endCursor === null
      ? (args.after ?? null)
      : after !== null && !isAfter(read.endCursor, after)
        ? (args.after as string)
        : encodeChangeCursor(read.endCursor);
  return Object.assign(new ChangeFeedPageType(), {
    changes: read.changes.map((r) => ChangeType.from(r, encodeChangeCursor(positionOf(r)))),
    endCursor,
    hasMore: read.hasMore,
  });
}

/**
 * `Subscription.changes`, one event: read again in the delivering request's own transaction (row-
 * level security and the domain rule, as for a query) and audited there. An event that left the
 * actor's sight since it was found is withdrawn (an error the WebSocket server does not send).
 */
export async function deliverChange(
  ctx: RequestContext,
  found: ChangeEventRecord | undefined,
): Promise<ChangeType> {
  const actor = requirePurpose(ctx);
  // Over HTTP a subscription is executed like a query, without an event to deliver.
  if (found === undefined || found === null)
    throw badUserInput(
      "Subscriptions are served over WebSocket (graphql-ws) at /graphql; over HTTP, query changes.",
    );
  const event = await changeBySeq(await ctx.tx.get(), found.seq);
  const person = event === null ? null : await ctx.loaders.visiblePerson.load(event.personId);
  if (event === null || !mayReadChange(actor, person, event.dataClass))
    throw forbidden("This change is no longer visible to you.", { reason: CHANGE_WITHDRAWN });
  const cursor = encodeChangeCursor(positionOf(event));
  const breakGlass = person !== null && accessFor(actor, person.summary).breakGlass;
  auditDelivery(ctx, [event], breakGlass, { cursor, subscription: true });
  return ChangeType.from(event, cursor);
}
