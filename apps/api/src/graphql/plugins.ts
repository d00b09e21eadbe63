import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { visit } from "graphql";
import type { Logger } from "pino";
import type { RequestContext } from "./context.js";
import { ErrorCode, unauthenticated } from "./errors.js";

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

/**
 * Ends each request's transaction once the response is ready: the audit entries are written, then
 * everything commits together. If that fails the response is replaced by an error, so that no data
 * leaves without its audit entry.
 */
export function requestTransactionPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  const settle = async ({
    contextValue: ctx,
    response,
  }: GraphQLRequestContextWillSendResponse<RequestContext>) => {
    try {
      if (!ctx.audit.isEmpty) await ctx.audit.flush(await ctx.tx.get());
      await ctx.tx.end(true);
    } catch (error) {
      logger.error({ err: error, requestId: ctx.requestId }, "could not commit a request's transaction");
      await ctx.tx.end(false).catch(() => undefined);
      response.body = INTERNAL_ERROR_BODY;
      response.http.status = 500;
    }
  };
  return {
    async requestDidStart() {
      return { willSendResponse: settle };
    },
  };
}

/** Introspection is for authenticated users and tokens only: anonymous requests get nothing but login. */
export const introspectionNeedsActorPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, document }) {
        if (contextValue.actor !== null) return;
        let introspects = false;
        visit(document, {
          Field(node) {
            if (node.name.value === "__schema" || node.name.value === "__type") introspects = true;
          },
        });
        if (introspects) throw unauthenticated("Log in to read the schema.");
      },
    };
  },
};
