import { Field, ID, InputType, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../graphql/scalars.js";
import { UserError } from "../graphql/user-error.js";
import { ApiTokenType } from "./auth.types.js";
import type { PersistedOperationRecord } from "./persisted-operation.repository.js";
import { documentIdOf } from "./persisted-operation.service.js";

@ObjectType("PersistedOperation", {
  description: "An operation registered for an API token (a trusted document).",
})
export class PersistedOperationType {
  @Field({
    description:
      "What the client sends instead of the query: `documentId` in the request body or URL, 'sha256:' and the SHA-256 of the document's exact text.",
  })
  documentId: string;

  @Field(() => String, { nullable: true, description: "The operation's name, if it has one." })
  operationName: string | null;

  @Field({ description: "The document's text." })
  document: string;

  @Field(() => DateTimeScalar, { description: "When it was registered." })
  registeredAt: Date;

  static from(r: PersistedOperationRecord): PersistedOperationType {
    return Object.assign(new PersistedOperationType(), {
      documentId: documentIdOf(r.documentHash),
      operationName: r.operationName,
      document: r.document,
      registeredAt: r.createdAt,
    });
  }
}

@InputType({ description: "Registers operations for an API token." })
export class PersistedOperationsRegisterInput {
  @Field(() => [String], {
    description:
      "The documents, each one valid operation against the schema, exactly as the client will send it (at most 200).",
  })
  documents: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      "The token to register for (administrators). Omitted: the calling token, while it is not limited to its registered operations.",
  })
  apiTokenId?: string | null;
}

@ObjectType({ description: "Result of persistedOperationsRegister." })
export class PersistedOperationsRegisterPayload {
  @Field(() => ApiTokenType, { nullable: true, description: "The token; null when refused." })
  apiToken: ApiTokenType | null;

  @Field(() => [PersistedOperationType], {
    description: "Every operation now registered for the token.",
  })
  persistedOperations: PersistedOperationType[];

  @Field(() => [UserError], {
    description:
      "Problems with the input (field documents.N names the document); empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
