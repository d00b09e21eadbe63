import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { mayExploreSchema } from "@continuum/domain";
import type { GraphQLFormattedError } from "graphql";
import { Kind, visit } from "graphql";
import type { Logger } from "pino";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from "../db/availability.js";
import type { RequestContext } from "./context.js";
import { badUserInput, ErrorCode, forbidden, unauthenticated } from "./errors.js";
import { isStatementTimeout, TIMEOUT_MESSAGE } from "./limits.js";

const CLIENT_SIDE_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Keeps `extensions.code` within the fixed list: the server's own GraphQL-level client errors
 * (parse, validation) become BAD_USER_INPUT, and anything unexpected becomes a bare
 * INTERNAL_SERVER_ERROR, logged but never shown (no stack, no SQL).
 */
export function formatError(logger: Logger, includeStacktrace: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    const trace = includeStacktrace && stacktrace !== undefined ? { stacktrace } : {};
    const code = String(extensions.code ?? "");
    if (KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR)
      return { ...formatted, extensions: { ...extensions, ...trace } };
    if (CLIENT_SIDE_CODES.has(code))
      return {
        message: formatted.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code },
      };
    if (isStatementTimeout(error)) {
      logger.warn({ err: error, path: formatted.path }, "a statement ran past the statement timeout");
      return {
        message: TIMEOUT_MESSAGE,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.TIMEOUT, retryable: false },
      };
    }
    if (isDatabaseUnavailable(error)) {
      logger.warn({ err: error, path: formatted.path }, "database unavailable during a GraphQL request");
      return {
        message: UNAVAILABLE_MESSAGE,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.UNAVAILABLE, retryable: true },
      };
    }
    logger.error({ err: error, path: formatted.path }, "unexpected error in a GraphQL request");
    return {
      message: "Internal server error.",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...trace },
    };
  };
}

const INTERNAL_ERROR_BODY = {
  kind: "single" as const,
  singleResult: {
    errors: [{ message: "Internal server error.", extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }],
  },
};

const UNAVAILABLE_BODY = {
  kind: "single" as const,
  singleResult: {
    errors: [{ message: UNAVAILABLE_MESSAGE, extensions: { code: ErrorCode.UNAVAILABLE, retryable: true } }],
  },
};

/** An answer that carries UNAVAILABLE (database unreachable) is a 503 the client may retry after a second. */
function markUnavailable(response: GraphQLRequestContextWillSendResponse<RequestContext>["response"]): void {
  const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
  if (!errors?.some((e) => e.extensions?.code === ErrorCode.UNAVAILABLE)) return;
  response.http.status = 503;
  response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
}

/**
 * Ends each request's transaction once the response is ready, with its audit entries; if that
 * fails the response is replaced by an error, so that no data leaves without its audit entry.
 * - A mutation's entries are appended in its own transaction and commit with its changes.
 * - A query reads one snapshot (REPEATABLE READ), taken before other requests appended to the
 *   chain: locking the chain's head from it would fail as a serialization conflict whenever
 *   requests run side by side (a page that asks several queries at once). So the query's
 *   transaction ends first, and its entries are appended at READ COMMITTED in a transaction of
 *   their own, which waits for the head's lock and sees the latest head, together with those of
 *   the other queries ending meanwhile (AuditBatcher).
 */
export function requestTransactionPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  const settle = async ({
    contextValue: ctx,
    response,
  }: GraphQLRequestContextWillSendResponse<RequestContext>) => {
    try {
      if (ctx.tx.isolationLevel === "repeatable read") {
        await ctx.tx.end(true);
        await ctx.audit.flushAfterRead(ctx.database);
      } else {
        if (!ctx.audit.isEmpty) await ctx.audit.flush(await ctx.tx.get());
        await ctx.tx.end(true);
      }
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      logger[unavailable ? "warn" : "error"](
        { err: error, requestId: ctx.requestId },
        "could not commit a request's transaction",
      );
      await ctx.tx.end(false).catch(() => undefined);
      ctx.responseCookies.length = 0;
      response.body = unavailable ? UNAVAILABLE_BODY : INTERNAL_ERROR_BODY;
      response.http.status = 500;
    }
    markUnavailable(response);
  };
  return {
    async requestDidStart() {
      return { willSendResponse: settle };
    },
  };
}

/**
 * Once the operation is known:
 * - introspection is for API tokens (integrators) and for users who may use the query explorer
 *   (the domain's `mayExploreSchema`); anonymous requests get nothing but login, others FORBIDDEN;
 * - a `login` stands alone in its operation, so that nothing else shares its request (its outcome
 *   must not be inferable from a sibling's failure, nor other entries attributed to the new user);
 * - queries read one snapshot (REPEATABLE READ), mutations run at READ COMMITTED with row locks.
 */
export const operationRulesPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document, operation }) {
        const actor = contextValue.actor;
        if (actor === null || (actor.tokenId === null && !mayExploreSchema(actor))) {
          let introspects = false;
          visit(document, {
            Field(node) {
              if (node.name.value === "__schema" || node.name.value === "__type") introspects = true;
            },
          });
          if (introspects && actor === null) throw unauthenticated("Log in to read the schema.");
          if (introspects)
            throw forbidden(
              "Reading the schema (introspection) is for API tokens and for users of the query explorer.",
            );
        }
        if (operation === undefined) return;
        const roots = operation.selectionSet.selections;
        const logsIn = roots.some((s) => s.kind === Kind.FIELD && s.name.value === "login");
        if (logsIn && roots.length > 1) throw badUserInput("login must be the only field of its operation");
        contextValue.tx.isolationLevel =
          operation.operation === "query" ? "repeatable read" : "read committed";
      },
    };
  },
};
