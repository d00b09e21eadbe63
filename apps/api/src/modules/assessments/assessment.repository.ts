import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import {
  assessmentInstruments,
  instrumentDomains,
  instrumentIndicators,
  instrumentIndicatorTexts,
  riskAssessmentDetails,
  riskAssessmentDomainSummaries,
  riskAssessmentRatings,
  riskAssessments,
} from "./assessment.table.js";

export type InstrumentRecord = typeof assessmentInstruments.$inferSelect;
export type InstrumentDomainRecord = typeof instrumentDomains.$inferSelect;
export type InstrumentIndicatorRecord = typeof instrumentIndicators.$inferSelect & {
  /** The licensed item text, where loaded and the reader reads clinical detail (row-level security). */
  text: string | null;
};
export type RiskAssessmentRecord = typeof riskAssessments.$inferSelect;
export type RiskAssessmentDetailRecord = typeof riskAssessmentDetails.$inferSelect;
export type RatingRecord = typeof riskAssessmentRatings.$inferSelect;
export type DomainSummaryRecord = typeof riskAssessmentDomainSummaries.$inferSelect;

export function listInstruments(db: Db): Promise<InstrumentRecord[]> {
  return db
    .select()
    .from(assessmentInstruments)
    .orderBy(asc(assessmentInstruments.code), asc(assessmentInstruments.version));
}

export function instrumentsByIds(db: Db, ids: readonly string[]): Promise<InstrumentRecord[]> {
  return db
    .select()
    .from(assessmentInstruments)
    .where(inArray(assessmentInstruments.id, [...ids]));
}

export function domainsByInstrumentIds(db: Db, ids: readonly string[]): Promise<InstrumentDomainRecord[]> {
  return db
    .select()
    .from(instrumentDomains)
    .where(inArray(instrumentDomains.instrumentId, [...ids]))
    .orderBy(asc(instrumentDomains.position));
}

export async function indicatorsByDomainIds(
  db: Db,
  ids: readonly string[],
): Promise<InstrumentIndicatorRecord[]> {
  const rows = await db
    .select({ indicator: instrumentIndicators, text: instrumentIndicatorTexts.text })
    .from(instrumentIndicators)
    .leftJoin(instrumentIndicatorTexts, eq(instrumentIndicatorTexts.indicatorId, instrumentIndicators.id))
    .where(inArray(instrumentIndicators.domainId, [...ids]))
    .orderBy(asc(instrumentIndicators.position));
  return rows.map((r) => ({ ...r.indicator, text: r.text }));
}

export function assessmentsByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<RiskAssessmentRecord[]> {
  return db
    .select()
    .from(riskAssessments)
    .where(inArray(riskAssessments.personId, [...personIds]))
    .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.createdAt));
}

export async function assessmentById(db: Db, id: string): Promise<RiskAssessmentRecord | null> {
  const [row] = await db.select().from(riskAssessments).where(eq(riskAssessments.id, id)).limit(1);
  return row ?? null;
}

export function detailsByAssessmentIds(
  db: Db,
  ids: readonly string[],
): Promise<RiskAssessmentDetailRecord[]> {
  return db
    .select()
    .from(riskAssessmentDetails)
    .where(inArray(riskAssessmentDetails.assessmentId, [...ids]));
}

export function ratingsByAssessmentIds(db: Db, ids: readonly string[]): Promise<RatingRecord[]> {
  return db
    .select()
    .from(riskAssessmentRatings)
    .where(inArray(riskAssessmentRatings.assessmentId, [...ids]));
}

export function domainSummariesByAssessmentIds(
  db: Db,
  ids: readonly string[],
): Promise<DomainSummaryRecord[]> {
  return db
    .select()
    .from(riskAssessmentDomainSummaries)
    .where(inArray(riskAssessmentDomainSummaries.assessmentId, [...ids]));
}

export interface NewAssessment {
  summary: typeof riskAssessments.$inferInsert & { id: string };
  narrative: string;
  ratings: Omit<RatingRecord, "assessmentId" | "personId">[];
  domainSummaries: Omit<DomainSummaryRecord, "assessmentId" | "personId">[];
}

export async function insertAssessment(db: Db, a: NewAssessment): Promise<void> {
  const keys = { assessmentId: a.summary.id, personId: a.summary.personId };
  await db.insert(riskAssessments).values(a.summary);
  await db.insert(riskAssessmentDetails).values({ ...keys, narrative: a.narrative });
  if (a.ratings.length > 0)
    await db.insert(riskAssessmentRatings).values(a.ratings.map((r) => ({ ...keys, ...r })));
  if (a.domainSummaries.length > 0)
    await db.insert(riskAssessmentDomainSummaries).values(a.domainSummaries.map((s) => ({ ...keys, ...s })));
}

/**
 * Stores licensed item texts through the definer-rights function of migration 0007: an
 * administrator loads them without being able to read them back. Returns how many were stored.
 */
export async function loadInstrumentTexts(
  db: Db,
  instrumentId: string,
  texts: readonly { code: string; text: string }[],
  by: string,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select app_load_instrument_texts(${instrumentId}::uuid, ${JSON.stringify(texts)}::jsonb, ${by}::uuid) as n`,
  );
  return row?.n ?? 0;
}
