import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ApolloServer, type ApolloServerPlugin, HeaderMap, type HTTPGraphQLResponse } from "@apollo/server";
import { todayIso } from "@continuum/domain";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";
import { type Logger, pino } from "pino";
import { AuditLog } from "./access/audit.js";
import { enterActorSession } from "./access/database-session.js";
import { viewerScope } from "./access/policy.js";
import type { Actor } from "./auth/actor.js";
import { authenticate } from "./auth/auth.service.js";
import type { Config } from "./config.js";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from "./db/availability.js";
import { type Database, openDatabase } from "./db/client.js";
import { newId } from "./db/columns.js";
import { RequestTransaction } from "./db/request-transaction.js";
import type { RequestContext } from "./graphql/context.js";
import { ErrorCode } from "./graphql/errors.js";
import { RequestRateLimiter, rateLimitedBody, rateLimitKey } from "./graphql/limits.js";
import { createLoaders } from "./graphql/loaders.js";
import { formatError, operationRulesPlugin, requestTransactionPlugin } from "./graphql/plugins.js";
import { graphqlSchema } from "./graphql/schema.js";
import { type DocumentParams, resolveDocument } from "./graphql/trusted-documents.js";
import { attachGraphQLWebSocket } from "./graphql/websocket.js";
import { ImportRunner } from "./modules/imports/import.runner.js";

export const MAX_BODY_BYTES = 1_000_000;

export interface ContinuumServer {
  config: Config;
  database: Database;
  apollo: ApolloServer<RequestContext>;
  http: Server;
  logger: Logger;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), closes the database. */
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Use an already open database (tests share one per worker); otherwise open one from the config. */
  database?: Database;
  logger?: Logger;
}

/** Behind a trusted proxy, the last X-Forwarded-For entry: the one that proxy added itself. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").at(-1)?.trim();
  return (trustProxy && last) || req.socket.remoteAddress || "unknown";
}

/**
 * graphql-armor's token limit parses the document in a hook that runs before Apollo's own parser,
 * so a syntax error comes back as a 500 that carries only BAD_USER_INPUT: it is the client's error.
 */
function statusOf(response: HTTPGraphQLResponse): number {
  const status = response.status ?? 200;
  if (response.body.kind !== "complete") return status;
  // A statement cancelled by the statement timeout: 503, with or without data beside it.
  const timedOut = response.body.string.includes(`"${ErrorCode.TIMEOUT}"`);
  if (status !== 500 && !timedOut) return status;
  try {
    const { errors } = JSON.parse(response.body.string) as { errors?: { extensions?: { code?: string } }[] };
    if (errors?.some((e) => e.extensions?.code === ErrorCode.TIMEOUT)) return 503;
    if (status !== 500) return status;
    const clientError =
      errors !== undefined &&
      errors.length > 0 &&
      errors.every((e) => e.extensions?.code === ErrorCode.BAD_USER_INPUT);
    return clientError ? 400 : status;
  } catch {
    return status;
  }
}

/**
 * Postgres refuses NUL in text and unpaired surrogates (invalid Unicode) in JSON: a request carrying
 * either is refused up front, never a 500 later.
 */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function containsUnstorableText(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000") || UNPAIRED_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(containsUnstorableText);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnstorableText);
  return false;
}

/** The request body, or null when it exceeds the limit (the rest is drained, up to a point, so the client reads our 413). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > 10 * MAX_BODY_BYTES) req.destroy();
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("close", () => resolve(null));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, requestId?: string): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    ...(requestId === undefined ? {} : { "x-request-id": requestId }),
  });
  res.end(JSON.stringify(body));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Apollo's own persisted-query extension, once resolved here, must not reach Apollo (it has them off). */
function withoutPersistedQuery(extensions: unknown): unknown {
  if (!isObject(extensions) || !("persistedQuery" in extensions)) return extensions;
  const { persistedQuery: _resolved, ...rest } = extensions;
  return Object.keys(rest).length === 0 ? undefined : rest;
}

function parseJsonOrUndefined(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function clientError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
}

/** Builds the API: database, GraphQL schema, Apollo and the HTTP server (not yet listening). */
export async function buildServer(config: Config, options: BuildOptions = {}): Promise<ContinuumServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const database = options.database ?? (await openDatabase(config.database));
  const production = config.env === "production";
  // Bounds on what one operation may ask: depth, aliases, tokens, directives and a cost estimate.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxTokens: { n: 3000 },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 20_000 },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const apollo = new ApolloServer<RequestContext>({
    schema: await graphqlSchema(),
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<RequestContext>[]),
      requestTransactionPlugin(logger),
      operationRulesPlugin,
    ],
    validationRules: armor.validationRules,
    formatError: formatError(logger, !production),
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    // Persisted operations are registered per token (trusted-documents.ts), not cached from clients.
    persistedQueries: false,
    // API tokens and users of the query explorer read the schema (its documentation), also in
    // production; operationRulesPlugin refuses introspection to everyone else.
    introspection: true,
    // main.ts handles SIGTERM itself: stop accepting, drain, then close Apollo and the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const rateLimiter = new RequestRateLimiter(config.rateLimit, logger);
  // Import jobs are applied in the background, batch by batch (modules/imports/import.runner.ts).
  const importRunner = new ImportRunner(database, config, logger);

  function createContext(req: IncomingMessage, actor: Actor | null, requestId: string): RequestContext {
    const tx = new RequestTransaction(database.db, (opened) =>
      enterActorSession(opened, ctx.actor, config.statementTimeoutMs),
    );
    const ctx: RequestContext = {
      requestId,
      actor,
      ip: clientAddress(req, config.trustProxy),
      userAgent: req.headers["user-agent"] ?? null,
      today: todayIso(),
      config,
      database,
      tx,
      audit: new AuditLog(requestId, {
        userId: actor?.userId ?? null,
        tokenId: actor?.tokenId ?? null,
        agencyId: actor?.agencyId ?? null,
        purpose: actor?.purpose ?? null,
      }),
      loaders: createLoaders(
        () => tx.get(),
        () => viewerScope(ctx.actor),
      ),
      responseCookies: [],
    };
    return ctx;
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    const method = (req.method ?? "GET").toUpperCase();
    if (method !== "GET" && method !== "POST") {
      res.writeHead(405, { allow: "GET, POST" }).end();
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    if (url.search.includes("%00")) return clientError(res, 400, "The request contains a NUL character.");
    let body: unknown;
    if (method === "POST") {
      const raw = await readBody(req);
      if (raw === null)
        return clientError(res, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
      if ((headers.get("content-type") ?? "").includes("application/json")) {
        try {
          body = raw === "" ? {} : JSON.parse(raw);
        } catch {
          return clientError(res, 400, "The request body is not valid JSON.");
        }
        if (containsUnstorableText(body))
          return clientError(
            res,
            400,
            "The request contains a NUL character or invalid Unicode (an unpaired surrogate).",
          );
      } else body = raw;
    }

    let actor: Actor | null;
    try {
      actor = await authenticate(
        database,
        { authorization: headers.get("authorization") ?? null, cookieHeader: headers.get("cookie") ?? null },
        config.mfaEnforced,
      );
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return sendJson(
        res,
        401,
        { errors: [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] },
        requestId,
      );
    }

    // Each actor's budget of requests, spent before the operation is even parsed (graphql/limits.ts).
    const rate = await rateLimiter.consume(rateLimitKey(actor, clientAddress(req, config.trustProxy)));
    if (!rate.allowed) {
      res.setHeader("retry-after", String(rate.retryAfterSeconds));
      return sendJson(res, 429, rateLimitedBody(rate.retryAfterSeconds), requestId);
    }

    // A registered operation named by its documentId runs as if its text had been sent.
    const params: DocumentParams =
      method === "GET"
        ? {
            query: url.searchParams.get("query") ?? undefined,
            documentId: url.searchParams.get("documentId") ?? undefined,
            extensions: parseJsonOrUndefined(url.searchParams.get("extensions")),
          }
        : isObject(body)
          ? body
          : {};
    const document = await resolveDocument(database.db, actor, params);
    if (document.kind === "refused") {
      const { status, message, code, reason } = document.refusal;
      return sendJson(res, status, { errors: [{ message, extensions: { code, reason } }] }, requestId);
    }
    let search = url.search;
    if (method === "GET") {
      const named = new URLSearchParams(url.search);
      named.delete("documentId");
      if (isObject(params.extensions) && "persistedQuery" in params.extensions) {
        const extensions = withoutPersistedQuery(params.extensions);
        if (extensions === undefined) named.delete("extensions");
        else named.set("extensions", JSON.stringify(extensions));
      }
      if (document.query !== undefined) named.set("query", document.query);
      search = `?${named.toString()}`;
    } else if (isObject(body)) {
      const { documentId: _named, extensions: _extensions, ...rest } = body;
      const extensions = withoutPersistedQuery(body.extensions);
      body = { ...rest, query: document.query, ...(extensions === undefined ? {} : { extensions }) };
    }

    let ctx: RequestContext | null = null;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search, body },
      context: async () => {
        ctx = createContext(req, actor, requestId);
        return ctx;
      },
    });
    const outgoing: Record<string, string | string[]> = { "x-request-id": requestId };
    for (const [key, value] of response.headers) outgoing[key] = value;
    const cookies = (ctx as RequestContext | null)?.responseCookies ?? [];
    if (cookies.length > 0) outgoing["set-cookie"] = cookies;
    res.writeHead(statusOf(response), outgoing);
    if (response.body.kind === "complete") res.end(response.body.string);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  const http = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://api.invalid");
    // Our own ID, always: it ties log lines and audit entries together and a client cannot choose it.
    const requestId = newId();
    try {
      if (url.pathname === "/healthz") return sendJson(res, 200, { status: "ok" });
      if (url.pathname === "/readyz") {
        try {
          await database.ping();
          return sendJson(res, 200, { status: "ready", database: database.kind });
        } catch {
          return sendJson(res, 503, { status: "unavailable", database: database.kind });
        }
      }
      if (url.pathname === "/graphql") return await handleGraphQL(req, res, url, requestId);
      return sendJson(res, 404, { error: "Not found. The API is at /graphql." });
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        logger.warn({ err: error, requestId }, "request failed: database unavailable");
        if (res.headersSent) return void res.end();
        res.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
        return sendJson(
          res,
          503,
          {
            errors: [
              { message: UNAVAILABLE_MESSAGE, extensions: { code: ErrorCode.UNAVAILABLE, retryable: true } },
            ],
          },
          requestId,
        );
      }
      logger.error({ err: error, requestId }, "request failed");
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [
            { message: "Internal server error.", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } },
          ],
        });
      else res.end();
    }
  });
  // Subscriptions (the change feed) over WebSocket at the same path: graphql/websocket.ts.
  const webSocket = attachGraphQLWebSocket({
    http,
    schema: await graphqlSchema(),
    database,
    config,
    logger,
    createContext,
    spendRequest: (req, actor) =>
      rateLimiter.consume(rateLimitKey(actor, clientAddress(req, config.trustProxy))),
  });

  return {
    config,
    database,
    apollo,
    http,
    logger,
    async close() {
      await webSocket.close();
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const grace = setTimeout(() => http.closeAllConnections(), config.shutdownGraceMs);
      await closed;
      clearTimeout(grace);
      await apollo.stop();
      await importRunner.stop();
      rateLimiter.close();
      if (options.database === undefined) await database.close();
    },
  };
}
