import type { PubSub } from "type-graphql";
import { requirePurpose } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import type { ChangeEventRecord, FeedPosition } from "./change.repository.js";
import { decodeChangeCursor, readFeed } from "./change.service.js";

/** Events read per poll of a subscription. */
const POLL_BATCH = 100;

/**
 * What the WebSocket server (graphql/websocket.ts) gives a subscription: fresh request contexts,
 * each with its own transaction as the connection's actor, and the way to end them.
 */
export interface SubscriptionSession {
  /** A new request context (the actor authenticated again: a revoked session or token ends the stream). */
  open(): Promise<RequestContext>;
  /** Ends the context's transaction and appends its audit entries, as for an HTTP request. */
  settle(ctx: RequestContext, commit: boolean): Promise<void>;
  pollIntervalMs: number;
}

const sessions = new WeakMap<RequestContext, SubscriptionSession>();

/** Called by the WebSocket server for the context a subscription is started with. */
export function bindSubscriptionSession(ctx: RequestContext, session: SubscriptionSession): void {
  sessions.set(ctx, session);
}

/**
 * The source of `Subscription.changes`: polls the feed (the same read as `Query.changes`, each poll
 * in a transaction of its own) and yields every event the actor may see, in feed order. It stops
 * as soon as `return()` is called (the client completed or disconnected, or the server closes),
 * also in the middle of a wait. Each yielded event is then read again and audited by the
 * delivering request (change.service.ts deliverChange).
 */
export function changeStream(
  ctx: RequestContext,
  afterArg: string | null | undefined,
): AsyncGenerator<ChangeEventRecord> {
  requirePurpose(ctx);
  const bound = sessions.get(ctx);
  if (bound === undefined)
    throw badUserInput("Subscriptions are served over WebSocket (graphql-ws) at /graphql.");
  const session: SubscriptionSession = bound;
  let after: FeedPosition | null = afterArg ? decodeChangeCursor(afterArg) : null;
  const queue: ChangeEventRecord[] = [];
  let stopped = false;
  let wake: (() => void) | null = null;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  async function poll(): Promise<boolean> {
    const pollCtx = await session.open();
    try {
      const read = await readFeed(pollCtx, requirePurpose(pollCtx), after, POLL_BATCH);
      await session.settle(pollCtx, true);
      queue.push(...read.changes);
      after = read.endCursor ?? after;
      return read.hasMore;
    } catch (error) {
      await session.settle(pollCtx, false).catch(() => undefined);
      throw error;
    }
  }

  const stop = () => {
    stopped = true;
    queue.length = 0;
    wake?.();
  };

  const stream: AsyncGenerator<ChangeEventRecord> = {
    async next() {
      while (!stopped) {
        const event = queue.shift();
        if (event !== undefined) return { done: false, value: event };
        const more = await poll();
        if (!stopped && queue.length === 0 && !more) await wait(session.pollIntervalMs);
      }
      return { done: true, value: undefined };
    },
    async return() {
      stop();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

/**
 * type-graphql needs a PubSub as soon as the schema has a subscription, even one that brings its
 * own `subscribe` (ours polls the outbox): this one is never used.
 */
export const unusedPubSub: PubSub = {
  publish() {
    throw new Error("Continuum publishes nothing: subscriptions read the change feed's outbox.");
  },
  subscribe() {
    throw new Error("Continuum's subscriptions bring their own source (the change feed's outbox).");
  },
};
