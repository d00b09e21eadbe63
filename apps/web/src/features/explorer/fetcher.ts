import { type ExecutionResult, GraphQLError } from "graphql";

/**
 * How the query explorer talks to the API: a POST of JSON to `/graphql` on the portal's own origin
 * (passed through to the API by `src/proxy.ts`), with the session cookie (`credentials:
 * "same-origin"`). The request is JSON, so the API's CSRF prevention lets it through; nothing else
 * is sent — no header of the user's own, no token.
 */

export interface ExplorerRequest {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

export const GRAPHQL_PATH = "/graphql";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The body of a request: only what GraphQL over HTTP defines. */
export function requestBody(request: ExplorerRequest): string {
  return JSON.stringify({
    query: request.query,
    operationName: request.operationName ?? null,
    variables: request.variables ?? {},
  });
}

/**
 * Sends one operation and gives the API's answer as GraphQL shows it; an answer that is not JSON
 * (the portal could not reach the API) becomes an error the editor shows.
 */
export function sameOriginFetcher(fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  return async (request: ExplorerRequest): Promise<ExecutionResult> => {
    const response = await fetchImpl(GRAPHQL_PATH, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: requestBody(request),
    });
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("json"))
      return { errors: [new GraphQLError(`The API did not answer (HTTP ${response.status}).`)] };
    return (await response.json()) as ExecutionResult;
  };
}
