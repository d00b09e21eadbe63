import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { CloseCode } from "graphql-ws";
import { type Extra, useServer } from "graphql-ws/use/ws";
import type { Logger } from "pino";
import { type WebSocket, WebSocketServer } from "ws";
import { requirePurpose } from "../access/policy.js";
import type { Actor } from "../auth/actor.js";
import { authenticate, type Credentials } from "../auth/auth.service.js";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { newId } from "../db/columns.js";
import { CHANGE_WITHDRAWN } from "../modules/changes/change.service.js";
import { bindSubscriptionSession, type SubscriptionSession } from "../modules/changes/change.stream.js";
import type { RequestContext } from "./context.js";
import { badUserInput, forbidden, rateLimited, unauthenticated } from "./errors.js";
import type { RateDecision } from "./limits.js";
import { formatError } from "./plugins.js";

// Subscriptions over WebSocket (graphql-ws protocol, subprotocol "graphql-transport-ws") at the
// same path as HTTP, /graphql. Only subscriptions: queries and mutations go over HTTP, where the
// request pipeline (transaction, audit, operation rules) lives. The connection is authenticated
// once at connection_init (an API token in connectionParams.authorization, else the portal's
// session cookie from the upgrade request) and again for every read, so that a revoked session or
// token ends its subscriptions. Every read runs in a request context of its own, created exactly as
// for an HTTP request: its own transaction as the actor under row-level security, its own audit
// entries, committed before anything is sent.

/** How often a subscription looks for new changes when it has caught up. */
export const DEFAULT_POLL_INTERVAL_MS = 500;

/** Each running subscription reads the database twice a second: a connection holds a few at most. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 10;

export interface GraphQLWebSocketOptions {
  http: Server;
  schema: GraphQLSchema;
  database: Database;
  config: Config;
  logger: Logger;
  /** The server's own context creation (server.ts), as for an HTTP request. */
  createContext(req: IncomingMessage, actor: Actor | null, requestId: string): RequestContext;
  /** Spends one request of the actor's rate budget (limits.ts), as an HTTP request does. */
  spendRequest(req: IncomingMessage, actor: Actor): Promise<RateDecision>;
  pollIntervalMs?: number;
}

export interface GraphQLWebSocket {
  /** Ends every subscription and closes every WebSocket connection (clients are told 1001 Going away). */
  close(): Promise<void>;
}

interface Connection {
  credentials: Credentials;
  /** The IDs of its subscriptions that are running. */
  running: Set<string>;
}

type Stream = AsyncGenerator<ExecutionResult>;

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof Object(value)[Symbol.asyncIterator] === "function";

export function attachGraphQLWebSocket(options: GraphQLWebSocketOptions): GraphQLWebSocket {
  const { http, schema, database, config, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const production = config.env === "production";
  const format = formatError(logger, !production);
  // The same bounds as over HTTP (server.ts): depth, aliases, tokens, directives, cost.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxTokens: { n: 3000 },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 20_000 },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const rules = [...specifiedRules, ...armor.validationRules];

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_000_000 });
  const connections = new WeakMap<WebSocket, Connection>();
  const sessions = new WeakMap<RequestContext, SubscriptionSession>();
  const streams = new Set<Stream>();
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://api.invalid").pathname;
    if (closing || path !== "/graphql") {
      socket.end(
        `HTTP/1.1 ${closing ? "503 Service Unavailable" : "404 Not Found"}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  };
  http.on("upgrade", onUpgrade);

  /** Who the connection runs as now; null when its credentials no longer hold. */
  async function currentActor(connection: Connection): Promise<Actor | null> {
    try {
      const actor = await authenticate(database, connection.credentials, config.mfaEnforced);
      return actor?.mfaSatisfied ? actor : null;
    } catch (error) {
      // Credentials refused (a malformed, unknown, expired or revoked token); anything else (the
      // database unavailable) is an error of ours, not the client's.
      if (error instanceof GraphQLError && error.extensions?.code === "UNAUTHENTICATED") return null;
      throw error;
    }
  }

  function sessionFor(extra: Extra, connection: Connection): SubscriptionSession {
    return {
      pollIntervalMs,
      async open() {
        const actor = await currentActor(connection);
        if (actor === null) {
          extra.socket.close(CloseCode.Unauthorized, "Unauthorized");
          throw unauthenticated("The session or API token of this connection is no longer valid.");
        }
        const ctx = options.createContext(extra.request, actor, newId());
        // Reads only, from one snapshot: the feed's horizon and its events agree.
        ctx.tx.isolationLevel = "repeatable read";
        return ctx;
      },
      // As requestTransactionPlugin does for a query: the read's transaction ends first, then its
      // audit entries are appended in a transaction of their own.
      async settle(ctx, commit) {
        if (!commit) return ctx.tx.end(false);
        await ctx.tx.end(true);
        await ctx.audit.flushAfterRead(ctx.database);
      },
    };
  }

  /** Each event of a subscription is executed in a request context of its own, then committed and audited. */
  function deliverEach(
    source: AsyncIterable<unknown>,
    args: ExecutionArgs,
    session: SubscriptionSession,
  ): Stream {
    const iterator = source[Symbol.asyncIterator]();
    const deliver = async (payload: unknown): Promise<ExecutionResult | null> => {
      const ctx = await session.open();
      try {
        const result = await execute({ ...args, rootValue: payload, contextValue: ctx });
        await session.settle(ctx, true);
        const withdrawn =
          result.errors !== undefined &&
          result.errors.length > 0 &&
          result.errors.every((e) => e.extensions?.reason === CHANGE_WITHDRAWN);
        return withdrawn ? null : result;
      } catch (error) {
        await session.settle(ctx, false).catch(() => undefined);
        throw error;
      }
    };
    const stream: Stream = {
      async next() {
        const work = (async (): Promise<IteratorResult<ExecutionResult>> => {
          for (;;) {
            const step = await iterator.next();
            if (step.done) return { done: true, value: undefined };
            const result = await deliver(step.value);
            if (result !== null) return { done: false, value: result };
          }
        })();
        inFlight.add(work);
        try {
          return await work;
        } finally {
          inFlight.delete(work);
        }
      },
      async return() {
        streams.delete(stream);
        await iterator.return?.();
        return { done: true, value: undefined };
      },
      async throw(error: unknown) {
        streams.delete(stream);
        await iterator.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return stream;
      },
    };
    streams.add(stream);
    return stream;
  }

  const formatResult = (result: ExecutionResult) =>
    result.errors === undefined
      ? result
      : { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) };

  const disposable = useServer(
    {
      schema,
      async onConnect(ctx) {
        const { socket, request } = ctx.extra;
        const params = ctx.connectionParams ?? {};
        const authorization = params.authorization ?? params.Authorization;
        const connection: Connection = {
          credentials: {
            authorization: typeof authorization === "string" ? authorization : null,
            cookieHeader: request.headers.cookie ?? null,
          },
          running: new Set(),
        };
        // A browser page of another origin could open a socket that carries the user's cookie
        // (cross-site WebSocket hijacking): a session is accepted only from the API's own origin.
        if (connection.credentials.authorization === null && !sameOrigin(request)) {
          socket.close(CloseCode.Forbidden, "Forbidden: a session connects only from its own origin");
          return false;
        }
        const actor = await currentActor(connection);
        if (actor === null) {
          socket.close(CloseCode.Unauthorized, "Unauthorized: send a valid API token or session");
          return false;
        }
        try {
          requirePurpose({ actor });
        } catch {
          socket.close(CloseCode.Forbidden, "Forbidden: state the purpose of the session first");
          return false;
        }
        // Connecting spends a request of the actor's budget, as does each subscription below.
        const rate = await options.spendRequest(request, actor);
        if (!rate.allowed) {
          socket.close(
            CloseCode.TooManyInitialisationRequests,
            `Too many requests: try again in ${rate.retryAfterSeconds} s`,
          );
          return false;
        }
        connections.set(socket, connection);
        return true;
      },
      onSubscribe(ctx, id, payload) {
        const connection = connections.get(ctx.extra.socket);
        if (connection === undefined) return [unauthenticated()];
        if (connection.running.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION)
          return [
            badUserInput(
              `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions run on one connection: complete one first.`,
            ),
          ];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [badUserInput(error instanceof GraphQLError ? error.message : "The query does not parse.")];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return errors.map((e) => badUserInput(e.message));
        const operation = getOperationAST(document, payload.operationName);
        if (operation === null || operation === undefined)
          return [badUserInput("Name the operation to run.")];
        if (operation.operation !== "subscription")
          return [
            badUserInput(
              "Over WebSocket only subscriptions run: send queries and mutations to POST /graphql.",
            ),
          ];
        // Counted from now, so that many subscribe messages at once cannot all pass the check above.
        connection.running.add(id);
        const refuse = (errors: GraphQLError[]) => {
          connection.running.delete(id);
          return errors;
        };
        return (async () => {
          const actor = await currentActor(connection);
          if (actor === null) return refuse([unauthenticated()]);
          const rate = await options.spendRequest(ctx.extra.request, actor);
          if (!rate.allowed) return refuse([rateLimited(rate.retryAfterSeconds)]);
          // Registered (persisted) operations are resolved by the HTTP pipeline only: a token limited
          // to them cannot send a document of its own here.
          if ((actor as { trustedOperationsOnly?: boolean }).trustedOperationsOnly === true)
            return refuse([
              forbidden(
                "This API token may send only its registered operations, which WebSocket does not take.",
              ),
            ]);
          const contextValue = options.createContext(ctx.extra.request, actor, newId());
          const session = sessionFor(ctx.extra, connection);
          sessions.set(contextValue, session);
          bindSubscriptionSession(contextValue, session);
          return {
            schema,
            document,
            operationName: payload.operationName ?? null,
            variableValues: payload.variables ?? null,
            contextValue,
          };
        })();
      },
      async subscribe(args) {
        const session = sessions.get(args.contextValue as RequestContext);
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source) || session === undefined) return source as ExecutionResult;
        return deliverEach(source, args, session);
      },
      onComplete(ctx, id) {
        connections.get(ctx.extra.socket)?.running.delete(id);
      },
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result as ExecutionResult),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e.toJSON(), e)),
    },
    wss,
  );

  let closed: Promise<void> | null = null;
  return {
    close() {
      closed ??= closeAll();
      return closed;
    },
  };

  async function closeAll(): Promise<void> {
    closing = true;
    http.off("upgrade", onUpgrade);
    await Promise.all([...streams].map((s) => s.return(undefined)));
    const disposed = disposable.dispose();
    const grace = setTimeout(() => {
      for (const client of wss.clients) client.terminate();
    }, config.shutdownGraceMs);
    await disposed;
    clearTimeout(grace);
    await Promise.allSettled([...inFlight]);
  }
}

/** Whether the upgrade came from no browser page (no Origin) or from a page of the API's own host. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
