import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { persistedOperations } from "./auth.table.js";

export type PersistedOperationRecord = typeof persistedOperations.$inferSelect;

/** Registers documents for a token; one already registered is left as it is (same hash, same text). */
export async function insertPersistedOperations(
  db: Db,
  rows: {
    tokenId: string;
    documentHash: string;
    document: string;
    operationName: string | null;
    createdBy: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(persistedOperations).values(rows).onConflictDoNothing();
}

export function persistedOperationsOf(db: Db, tokenId: string): Promise<PersistedOperationRecord[]> {
  return db
    .select()
    .from(persistedOperations)
    .where(eq(persistedOperations.tokenId, tokenId))
    .orderBy(asc(persistedOperations.createdAt), asc(persistedOperations.documentHash));
}

/** The registered document with this hash for the token, or null. */
export async function findPersistedDocument(
  db: Db,
  tokenId: string,
  documentHash: string,
): Promise<string | null> {
  const [row] = await db
    .select({ document: persistedOperations.document })
    .from(persistedOperations)
    .where(
      sql`${persistedOperations.tokenId} = ${tokenId} and ${persistedOperations.documentHash} = ${documentHash}`,
    )
    .limit(1);
  return row?.document ?? null;
}

/** A rotated token's successor accepts the same operations. */
export async function copyPersistedOperations(db: Db, fromTokenId: string, toTokenId: string, by: string) {
  const registered = await persistedOperationsOf(db, fromTokenId);
  await insertPersistedOperations(
    db,
    registered.map((op) => ({
      tokenId: toTokenId,
      documentHash: op.documentHash,
      document: op.document,
      operationName: op.operationName,
      createdBy: by,
    })),
  );
}
