import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  appeals,
  decisionNotifications,
  decisions,
  measureEvaluations,
  measureTypes,
  recommendationEvidence,
  recommendations,
  securityMeasures,
} from "./measure.table.js";

// Row-level security (migration 0012) keeps every read and write here to persons whose MEASURES
// data the actor sees; the services check the rest.

export type MeasureTypeRecord = typeof measureTypes.$inferSelect;
export type RecommendationRecord = typeof recommendations.$inferSelect;
export type EvidenceRecord = typeof recommendationEvidence.$inferSelect;
export type DecisionRecord = typeof decisions.$inferSelect;
export type MeasureRecord = typeof securityMeasures.$inferSelect;
export type NotificationRecord = typeof decisionNotifications.$inferSelect;
export type AppealRecord = typeof appeals.$inferSelect;
export type EvaluationRecord = typeof measureEvaluations.$inferSelect;

export function listMeasureTypes(db: Db): Promise<MeasureTypeRecord[]> {
  return db.select().from(measureTypes).orderBy(asc(measureTypes.code));
}

export function measureTypesByIds(db: Db, ids: readonly string[]): Promise<MeasureTypeRecord[]> {
  return db
    .select()
    .from(measureTypes)
    .where(inArray(measureTypes.id, [...ids]));
}

export async function insertMeasureType(db: Db, row: typeof measureTypes.$inferInsert): Promise<void> {
  await db.insert(measureTypes).values(row);
}

export async function updateMeasureType(
  db: Db,
  id: string,
  change: Partial<typeof measureTypes.$inferInsert>,
): Promise<void> {
  await db.update(measureTypes).set(change).where(eq(measureTypes.id, id));
}

export async function measureTypeByCode(db: Db, code: string): Promise<MeasureTypeRecord | null> {
  const [row] = await db.select().from(measureTypes).where(eq(measureTypes.code, code)).limit(1);
  return row ?? null;
}

export async function insertRecommendation(
  db: Db,
  row: typeof recommendations.$inferInsert & { id: string },
  evidence: (typeof recommendationEvidence.$inferInsert)[],
): Promise<void> {
  await db.insert(recommendations).values(row);
  if (evidence.length > 0) await db.insert(recommendationEvidence).values(evidence);
}

export function recommendationsByIds(db: Db, ids: readonly string[]): Promise<RecommendationRecord[]> {
  return db
    .select()
    .from(recommendations)
    .where(inArray(recommendations.id, [...ids]));
}

export function recommendationsByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<RecommendationRecord[]> {
  return db
    .select()
    .from(recommendations)
    .where(inArray(recommendations.personId, [...personIds]))
    .orderBy(desc(recommendations.recommendedOn), desc(recommendations.createdAt));
}

/** Recommendations without a decision, oldest first: the Director General's inbox. */
export function pendingRecommendations(db: Db): Promise<RecommendationRecord[]> {
  return db
    .select({ recommendation: recommendations })
    .from(recommendations)
    .leftJoin(decisions, eq(decisions.recommendationId, recommendations.id))
    .where(isNull(decisions.id))
    .orderBy(asc(recommendations.recommendedOn), asc(recommendations.createdAt))
    .then((rows) => rows.map((r) => r.recommendation));
}

export function evidenceByRecommendationIds(db: Db, ids: readonly string[]): Promise<EvidenceRecord[]> {
  return db
    .select()
    .from(recommendationEvidence)
    .where(inArray(recommendationEvidence.recommendationId, [...ids]));
}

export async function insertDecision(
  db: Db,
  row: typeof decisions.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(decisions).values(row);
}

export function decisionsByIds(db: Db, ids: readonly string[]): Promise<DecisionRecord[]> {
  return db
    .select()
    .from(decisions)
    .where(inArray(decisions.id, [...ids]));
}

export function decisionsByPersonIds(db: Db, personIds: readonly string[]): Promise<DecisionRecord[]> {
  return db
    .select()
    .from(decisions)
    .where(inArray(decisions.personId, [...personIds]))
    .orderBy(desc(decisions.decidedOn), desc(decisions.createdAt));
}

export function decisionsByRecommendationIds(db: Db, ids: readonly string[]): Promise<DecisionRecord[]> {
  return db
    .select()
    .from(decisions)
    .where(inArray(decisions.recommendationId, [...ids]));
}

/** Each measure's decisions, oldest first (the history its state is folded from). */
export function decisionsByMeasureIds(db: Db, measureIds: readonly string[]): Promise<DecisionRecord[]> {
  return db
    .select()
    .from(decisions)
    .where(inArray(decisions.measureId, [...measureIds]))
    .orderBy(asc(decisions.decidedOn), asc(decisions.createdAt));
}

export async function insertMeasure(
  db: Db,
  row: typeof securityMeasures.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(securityMeasures).values(row);
}

/** Writes a measure's current state after a decision, if nobody changed it meanwhile (else null). */
export async function updateMeasureState(
  db: Db,
  measure: Pick<MeasureRecord, "id" | "version">,
  state: Pick<MeasureRecord, "endsOn" | "liftedOn" | "nextReviewOn" | "terms">,
): Promise<MeasureRecord | null> {
  const [row] = await db
    .update(securityMeasures)
    .set({ ...state, version: measure.version + 1 })
    .where(and(eq(securityMeasures.id, measure.id), eq(securityMeasures.version, measure.version)))
    .returning();
  return row ?? null;
}

/** A release ends the person's measures still open: nothing is in force after it. */
export async function endMeasuresAtRelease(db: Db, personId: string, releasedOn: string): Promise<void> {
  await db
    .update(securityMeasures)
    .set({ endedOn: releasedOn, version: sql`${securityMeasures.version} + 1` })
    .where(
      and(
        eq(securityMeasures.personId, personId),
        isNull(securityMeasures.endedOn),
        sql`(${securityMeasures.liftedOn} is null or ${securityMeasures.liftedOn} > ${releasedOn}::date)`,
        gt(securityMeasures.endsOn, releasedOn),
      ),
    );
}

export function measuresByIds(db: Db, ids: readonly string[]): Promise<MeasureRecord[]> {
  return db
    .select()
    .from(securityMeasures)
    .where(inArray(securityMeasures.id, [...ids]));
}

export function measuresByPersonIds(db: Db, personIds: readonly string[]): Promise<MeasureRecord[]> {
  return db
    .select()
    .from(securityMeasures)
    .where(inArray(securityMeasures.personId, [...personIds]))
    .orderBy(desc(securityMeasures.startsOn));
}

/** Measures that had started by a date (the register's candidates; their state on it decides). */
export function measuresStartedBy(db: Db, on: string): Promise<MeasureRecord[]> {
  return db
    .select()
    .from(securityMeasures)
    .where(lte(securityMeasures.startsOn, on))
    .orderBy(asc(securityMeasures.startsOn));
}

export async function insertNotification(
  db: Db,
  row: typeof decisionNotifications.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(decisionNotifications).values(row);
}

export function notificationsByDecisionIds(db: Db, ids: readonly string[]): Promise<NotificationRecord[]> {
  return db
    .select()
    .from(decisionNotifications)
    .where(inArray(decisionNotifications.decisionId, [...ids]))
    .orderBy(asc(decisionNotifications.notifiedOn));
}

/** Decisions that must be notified and have not been (rejections need no notice), oldest first. */
export function unnotifiedDecisions(db: Db): Promise<DecisionRecord[]> {
  return db
    .select()
    .from(decisions)
    .where(
      and(
        sql`${decisions.recommendationOutcome} is distinct from 'REJECTED'`,
        sql`not exists (select 1 from ${decisionNotifications} n where n.decision_id = ${decisions.id})`,
      ),
    )
    .orderBy(asc(decisions.effectiveOn), asc(decisions.createdAt));
}

export async function insertAppeal(db: Db, row: typeof appeals.$inferInsert & { id: string }): Promise<void> {
  await db.insert(appeals).values(row);
}

export async function answerAppeal(
  db: Db,
  appeal: Pick<AppealRecord, "id" | "version">,
  answer: Pick<AppealRecord, "outcome" | "outcomeOn" | "outcomeSummary">,
): Promise<AppealRecord | null> {
  const [row] = await db
    .update(appeals)
    .set({ ...answer, version: appeal.version + 1 })
    .where(and(eq(appeals.id, appeal.id), eq(appeals.version, appeal.version), isNull(appeals.outcome)))
    .returning();
  return row ?? null;
}

export function appealsByIds(db: Db, ids: readonly string[]): Promise<AppealRecord[]> {
  return db
    .select()
    .from(appeals)
    .where(inArray(appeals.id, [...ids]));
}

export function appealsByDecisionIds(db: Db, ids: readonly string[]): Promise<AppealRecord[]> {
  return db
    .select()
    .from(appeals)
    .where(inArray(appeals.decisionId, [...ids]))
    .orderBy(asc(appeals.lodgedOn));
}

export function pendingAppeals(db: Db): Promise<AppealRecord[]> {
  return db.select().from(appeals).where(isNull(appeals.outcome)).orderBy(asc(appeals.lodgedOn));
}

export async function insertEvaluation(
  db: Db,
  row: typeof measureEvaluations.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(measureEvaluations).values(row);
}

export function evaluationsByMeasureIds(db: Db, ids: readonly string[]): Promise<EvaluationRecord[]> {
  return db
    .select()
    .from(measureEvaluations)
    .where(inArray(measureEvaluations.measureId, [...ids]))
    .orderBy(asc(measureEvaluations.evaluatedOn));
}

export async function notificationById(db: Db, id: string): Promise<NotificationRecord | null> {
  const [row] = await db
    .select()
    .from(decisionNotifications)
    .where(eq(decisionNotifications.id, id))
    .limit(1);
  return row ?? null;
}

export async function evaluationById(db: Db, id: string): Promise<EvaluationRecord | null> {
  const [row] = await db.select().from(measureEvaluations).where(eq(measureEvaluations.id, id)).limit(1);
  return row ?? null;
}
