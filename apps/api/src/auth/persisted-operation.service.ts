import { GraphQLError, type GraphQLSchema, getOperationAST, parse, validate } from "graphql";
import { requireActor, requireAdministrator } from "../access/policy.js";
import type { RequestContext } from "../graphql/context.js";
import { uuidOf } from "../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../graphql/mutation.js";
import { reject, UserErrorCode } from "../graphql/user-error.js";
import { type ApiTokenRecord, findApiTokenById } from "./auth.repository.js";
import {
  insertPersistedOperations,
  type PersistedOperationRecord,
  persistedOperationsOf,
} from "./persisted-operation.repository.js";
import { hashSecret } from "./secrets.js";

export const MAX_DOCUMENTS_PER_REGISTRATION = 200;

/** How clients name a registered document (the GraphQL-over-HTTP persisted documents draft). */
export const documentIdOf = (documentHash: string): string => `sha256:${documentHash}`;

/**
 * Registers operations for a token. The token registers its own while it is not yet limited to
 * them; once it is, only an administrator adds more (a stolen locked token cannot widen itself).
 * Each document must be a single valid operation against the schema, so that a registered one
 * never fails to parse later.
 */
export function registerPersistedOperations(
  ctx: RequestContext,
  schema: GraphQLSchema,
  input: { documents: string[]; apiTokenId?: string | null },
): Promise<MutationOutcome<{ token: ApiTokenRecord; operations: PersistedOperationRecord[] }>> {
  const actor = requireActor(ctx);
  return runMutation(ctx, async (tx) => {
    let token: ApiTokenRecord | null;
    if (input.apiTokenId !== undefined && input.apiTokenId !== null) {
      requireAdministrator(ctx);
      const tokenId = uuidOf(input.apiTokenId, "ApiToken");
      token = tokenId === null ? null : await findApiTokenById(tx, tokenId);
      if (token === null) return reject("apiTokenId", "no API token with this ID", UserErrorCode.NOT_FOUND);
    } else {
      if (actor.tokenId === null)
        return reject(
          "apiTokenId",
          "give the token to register for (only a token registers its own operations)",
        );
      token = await findApiTokenById(tx, actor.tokenId);
      if (token === null) throw new Error("the calling token disappeared");
      if (token.trustedOperationsOnly)
        reject(
          "apiTokenId",
          "the token accepts only its registered operations: an administrator registers new ones",
          UserErrorCode.RULE_VIOLATION,
        );
    }
    if (input.documents.length === 0) reject("documents", "give at least one document");
    if (input.documents.length > MAX_DOCUMENTS_PER_REGISTRATION)
      reject("documents", `at most ${MAX_DOCUMENTS_PER_REGISTRATION} documents at a time`);
    const rows = input.documents.map((document, index) => {
      const field = `documents.${index}`;
      let operationName: string | null = null;
      try {
        const parsed = parse(document);
        const operation = getOperationAST(parsed);
        if (operation === null || operation === undefined)
          return reject(field, "must hold exactly one operation");
        const [invalid] = validate(schema, parsed);
        if (invalid !== undefined) return reject(field, invalid.message);
        operationName = operation.name?.value ?? null;
      } catch (error) {
        if (error instanceof GraphQLError) return reject(field, `is not valid GraphQL: ${error.message}`);
        throw error;
      }
      return {
        tokenId: token.id,
        documentHash: hashSecret(document),
        document,
        operationName,
        createdBy: actor.userId,
      };
    });
    await insertPersistedOperations(tx, rows);
    ctx.audit.record({
      operation: "OPERATIONS_REGISTER",
      details: { tokenId: token.id, documentIds: rows.map((r) => documentIdOf(r.documentHash)) },
    });
    return { token, operations: await persistedOperationsOf(tx, token.id) };
  });
}
