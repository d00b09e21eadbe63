import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import type { GraphQLClient } from "./harness.js";

// A client of the change feed's WebSocket (graphql-ws), for the feed's tests and the limits' tests.

export interface Change {
  cursor: string;
  operation: string;
  entityType: string;
  entityId: string;
  dataClass: string;
  changedAt: string;
  person: { id: string; familyName: string } | null;
}

export const CHANGE_FIELDS =
  "cursor operation entityType entityId dataClass changedAt person { id familyName }";
export const SUBSCRIBE = `subscription($after: String) { changes(after: $after) { ${CHANGE_FIELDS} } }`;

export const cookieOf = (client: GraphQLClient) =>
  (client as unknown as { headers: Record<string, string> }).headers.cookie ?? null;

export function wsClient(
  url: string,
  credentials: { cookie?: string | null; token?: string; origin?: string } = {},
): Client {
  const headers = {
    ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
    ...(credentials.origin ? { origin: credentials.origin } : {}),
  };
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: CookieWebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: credentials.token ? { authorization: `Bearer ${credentials.token}` } : {},
  });
}

export interface Subscribed {
  received: Change[];
  errors: unknown[];
  completed: boolean;
  stop(): void;
}

export function subscribe(client: Client, after: string | null): Subscribed {
  const state: Subscribed = { received: [], errors: [], completed: false, stop: () => undefined };
  state.stop = client.subscribe<{ changes: Change }>(
    { query: SUBSCRIBE, variables: { after } },
    {
      next: (result) => {
        if (result.errors) state.errors.push(...result.errors);
        if (result.data) state.received.push(result.data.changes);
      },
      error: (error) => state.errors.push(error),
      complete: () => {
        state.completed = true;
      },
    },
  );
  return state;
}

/** The code a connection attempt was closed with. */
export function closeCode(client: Client): Promise<number> {
  return new Promise((resolve) => {
    client.on("closed", (event) => resolve((event as { code: number }).code));
    client.subscribe({ query: SUBSCRIBE, variables: {} }, { next() {}, error() {}, complete() {} });
  });
}
