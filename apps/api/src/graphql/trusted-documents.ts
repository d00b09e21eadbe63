import type { Actor } from "../auth/actor.js";
import { findPersistedDocument } from "../auth/persisted-operation.repository.js";
import { hashSecret } from "../auth/secrets.js";
import type { Db } from "../db/client.js";
import { ErrorCode } from "./errors.js";

/** The GraphQL parameters of a request that name its document. */
export interface DocumentParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

export interface RefusedDocument {
  status: number;
  message: string;
  code: ErrorCode;
  reason: string;
}

export type DocumentOutcome =
  | { kind: "query"; query: string | undefined }
  | { kind: "refused"; refusal: RefusedDocument };

const DOCUMENT_ID = /^sha256:([0-9a-f]{64})$/;

const refused = (status: number, code: ErrorCode, reason: string, message: string): DocumentOutcome => ({
  kind: "refused",
  refusal: { status, code, reason, message },
});

/**
 * The hash a request refers to instead of sending its query: `documentId: "sha256:<hex>"` (the
 * GraphQL-over-HTTP persisted documents convention) or Apollo's `extensions.persistedQuery.sha256Hash`.
 */
function referencedHash(params: DocumentParams): string | null | "malformed" {
  if (params.documentId !== undefined) {
    const match = typeof params.documentId === "string" ? DOCUMENT_ID.exec(params.documentId) : null;
    return match?.[1] ?? "malformed";
  }
  const extensions = params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const apollo = extensions?.persistedQuery?.sha256Hash;
  if (apollo === undefined) return null;
  return typeof apollo === "string" && /^[0-9a-f]{64}$/.test(apollo) ? apollo : "malformed";
}

/**
 * The query a request runs: its own text, or the document registered for its token under the hash it
 * names. A token limited to trusted operations is refused any text that is not registered for it.
 */
export async function resolveDocument(
  db: Db,
  actor: Actor | null,
  params: DocumentParams,
): Promise<DocumentOutcome> {
  const hash = referencedHash(params);
  if (hash === "malformed")
    return refused(
      400,
      ErrorCode.BAD_USER_INPUT,
      "DOCUMENT_ID_MALFORMED",
      "documentId must be 'sha256:' and 64 lower-case hex digits.",
    );
  if (hash !== null) {
    if (typeof params.query === "string" && params.query !== "")
      return refused(
        400,
        ErrorCode.BAD_USER_INPUT,
        "QUERY_AND_DOCUMENT_ID",
        "Send either query or documentId, not both.",
      );
    if (actor?.tokenId == null)
      return refused(
        400,
        ErrorCode.BAD_USER_INPUT,
        "PERSISTED_QUERY_NOT_SUPPORTED",
        "Operations are registered per API token: send the query itself.",
      );
    const document = await findPersistedDocument(db, actor.tokenId, hash);
    if (document === null)
      return refused(
        400,
        ErrorCode.BAD_USER_INPUT,
        "PERSISTED_QUERY_NOT_FOUND",
        "No operation is registered for this token under this documentId.",
      );
    return { kind: "query", query: document };
  }
  const query = typeof params.query === "string" ? params.query : undefined;
  if (actor?.trustedOperationsOnly && actor.tokenId !== null) {
    const registered =
      query === undefined ? null : await findPersistedDocument(db, actor.tokenId, hashSecret(query));
    if (registered === null)
      return refused(
        403,
        ErrorCode.FORBIDDEN,
        "OPERATION_NOT_REGISTERED",
        "This API token may send only its registered operations (documentId).",
      );
  }
  return { kind: "query", query };
}
