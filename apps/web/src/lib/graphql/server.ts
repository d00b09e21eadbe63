import "server-only";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, print } from "graphql";
import { headers } from "next/headers";
import { apiUrl } from "../api-url";
import { type ApiError, readErrors } from "./errors";

export interface ServerResult<TData> {
  data: TData | null;
  errors: ApiError[];
}

const printed = new WeakMap<DocumentNode, string>();
function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** The incoming request's headers that the API needs: the session cookie and who is asking. */
async function forwardedHeaders(): Promise<Record<string, string>> {
  const incoming = await headers();
  const out: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  const cookie = incoming.get("cookie");
  if (cookie) out.cookie = cookie;
  const forwardedFor = incoming.get("x-forwarded-for");
  if (forwardedFor) out["x-forwarded-for"] = forwardedFor;
  const userAgent = incoming.get("user-agent");
  if (userAgent) out["user-agent"] = userAgent;
  return out;
}

/**
 * Runs a typed operation against the API on behalf of the signed-in user (the browser's session
 * cookie is forwarded). Never cached: every answer depends on who asks and is audited by the API.
 * GraphQL errors are returned, not thrown, so that each page decides what they mean.
 */
export async function serverQuery<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<ServerResult<TData>> {
  const response = await fetch(`${apiUrl()}/graphql`, {
    method: "POST",
    headers: await forwardedHeaders(),
    body: JSON.stringify({ query: queryText(document), variables }),
    cache: "no-store",
  });
  let body: { data?: TData | null; errors?: unknown };
  try {
    body = (await response.json()) as { data?: TData | null; errors?: unknown };
  } catch {
    throw new Error(`The API answered ${response.status} without a GraphQL body.`);
  }
  const errors = readErrors(body.errors);
  if (!response.ok && errors.length === 0) throw new Error(`The API answered ${response.status}.`);
  return { data: body.data ?? null, errors };
}
