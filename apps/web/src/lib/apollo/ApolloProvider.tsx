"use client";

import { HttpLink } from "@apollo/client";
import { ApolloClient, ApolloNextAppProvider, InMemoryCache } from "@apollo/client-integration-nextjs";
import type { ReactNode } from "react";

/**
 * The browser's Apollo Client. It talks to /graphql on the portal's own origin (rewritten to the
 * API by next.config), so the session cookie stays first-party and HttpOnly. Client components
 * use it for what needs interaction (log in, log out, change language); pages read on the server.
 */
function makeClient() {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: new HttpLink({ uri: "/graphql", credentials: "same-origin" }),
  });
}

export function ApolloProvider({ children }: { children: ReactNode }) {
  return <ApolloNextAppProvider makeClient={makeClient}>{children}</ApolloNextAppProvider>;
}
