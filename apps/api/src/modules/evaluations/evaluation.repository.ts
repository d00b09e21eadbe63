import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { disengagementEvaluations } from "./evaluation.table.js";

// Row-level security (migration 0014): INTELLIGENCE data of the person.

export type EvaluationRecord = typeof disengagementEvaluations.$inferSelect;

export function evaluationsByPersonIds(db: Db, personIds: readonly string[]): Promise<EvaluationRecord[]> {
  return db
    .select()
    .from(disengagementEvaluations)
    .where(inArray(disengagementEvaluations.personId, [...personIds]))
    .orderBy(desc(disengagementEvaluations.evaluatedOn), desc(disengagementEvaluations.createdAt));
}

export async function insertEvaluation(
  db: Db,
  row: typeof disengagementEvaluations.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(disengagementEvaluations).values(row);
}

export async function evaluationById(db: Db, id: string): Promise<EvaluationRecord | null> {
  const [row] = await db
    .select()
    .from(disengagementEvaluations)
    .where(eq(disengagementEvaluations.id, id))
    .limit(1);
  return row ?? null;
}
