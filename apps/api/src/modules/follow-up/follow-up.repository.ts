import type { ActionItemStatus } from "@continuum/domain";
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import type { ResponsibilityRecord } from "../release/handover.repository.js";
import {
  actionItems,
  caseClosures,
  caseOutcomes,
  caseResponsibilities,
  commonDatabaseEntries,
  followUpMeasures,
  followUpMeasureTypes,
  localMeetings,
  meetingDiscussions,
} from "./follow-up.table.js";

// Row-level security (migrations 0018, 0019): meetings, their agenda and action items are the
// holding body's own; a Local Task Force's discussions, follow-up measures, the common database,
// outcomes and closures are FOLLOW_UP data of the person (a body also sees the measures it started).

export type MeetingRecord = typeof localMeetings.$inferSelect;
export type DiscussionRecord = typeof meetingDiscussions.$inferSelect;
export type ActionItemRecord = typeof actionItems.$inferSelect;
export type FollowUpMeasureRecord = typeof followUpMeasures.$inferSelect;
export type FollowUpMeasureTypeRecord = typeof followUpMeasureTypes.$inferSelect;
export type CommonDatabaseEntryRecord = typeof commonDatabaseEntries.$inferSelect;
export type OutcomeRecord = typeof caseOutcomes.$inferSelect;
export type ClosureRecord = typeof caseClosures.$inferSelect;

export async function insertMeeting(db: Db, row: typeof localMeetings.$inferInsert & { id: string }) {
  await db.insert(localMeetings).values(row);
}

export function meetingsByIds(db: Db, ids: readonly string[]): Promise<MeetingRecord[]> {
  return db
    .select()
    .from(localMeetings)
    .where(inArray(localMeetings.id, [...ids]));
}

/** The body's meetings held or planned between two days (either open), newest first. */
export function meetingsOfAgency(
  db: Db,
  agencyId: string,
  range: { from: string | null; to: string | null },
): Promise<MeetingRecord[]> {
  return db
    .select()
    .from(localMeetings)
    .where(
      and(
        eq(localMeetings.agencyId, agencyId),
        range.from === null ? undefined : gte(localMeetings.heldOn, range.from),
        range.to === null ? undefined : lte(localMeetings.heldOn, range.to),
      ),
    )
    .orderBy(desc(localMeetings.heldOn), desc(localMeetings.createdAt));
}

export async function insertDiscussions(
  db: Db,
  rows: (typeof meetingDiscussions.$inferInsert & { id: string })[],
) {
  if (rows.length > 0) await db.insert(meetingDiscussions).values(rows);
}

/** Writes the decision onto an agenda item not yet decided; null when it was decided meanwhile. */
export async function decideDiscussion(
  db: Db,
  id: string,
  decision: string,
): Promise<DiscussionRecord | null> {
  const [row] = await db
    .update(meetingDiscussions)
    .set({ decision })
    .where(and(eq(meetingDiscussions.id, id), isNull(meetingDiscussions.decision)))
    .returning();
  return row ?? null;
}

export function discussionsByMeetingIds(db: Db, ids: readonly string[]): Promise<DiscussionRecord[]> {
  return db
    .select()
    .from(meetingDiscussions)
    .where(inArray(meetingDiscussions.meetingId, [...ids]))
    .orderBy(asc(meetingDiscussions.createdAt), asc(meetingDiscussions.id));
}

export function discussionsByIds(db: Db, ids: readonly string[]): Promise<DiscussionRecord[]> {
  return db
    .select()
    .from(meetingDiscussions)
    .where(inArray(meetingDiscussions.id, [...ids]));
}

export async function insertActionItems(db: Db, rows: (typeof actionItems.$inferInsert & { id: string })[]) {
  if (rows.length > 0) await db.insert(actionItems).values(rows);
}

export function actionItemsByIds(db: Db, ids: readonly string[]): Promise<ActionItemRecord[]> {
  return db
    .select()
    .from(actionItems)
    .where(inArray(actionItems.id, [...ids]));
}

export function actionItemsByMeetingIds(db: Db, ids: readonly string[]): Promise<ActionItemRecord[]> {
  return db
    .select()
    .from(actionItems)
    .where(inArray(actionItems.meetingId, [...ids]))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id));
}

/** The body's action items, soonest deadline first. */
export function actionItemsOfAgency(
  db: Db,
  agencyId: string,
  filter: { status: ActionItemStatus | null; ownerId: string | null },
): Promise<ActionItemRecord[]> {
  return db
    .select()
    .from(actionItems)
    .where(
      and(
        eq(actionItems.agencyId, agencyId),
        filter.status === null ? undefined : eq(actionItems.status, filter.status),
        filter.ownerId === null ? undefined : eq(actionItems.ownerId, filter.ownerId),
      ),
    )
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id));
}

/** Closes an open action item if nobody changed it meanwhile (else null). */
export async function closeActionItem(
  db: Db,
  item: Pick<ActionItemRecord, "id" | "version">,
  closing: { status: ActionItemStatus; closedOn: string; closingNote: string | null },
): Promise<ActionItemRecord | null> {
  const [row] = await db
    .update(actionItems)
    .set({ ...closing, version: item.version + 1 })
    .where(
      and(eq(actionItems.id, item.id), eq(actionItems.version, item.version), eq(actionItems.status, "OPEN")),
    )
    .returning();
  return row ?? null;
}

export function listFollowUpMeasureTypes(db: Db): Promise<FollowUpMeasureTypeRecord[]> {
  return db
    .select()
    .from(followUpMeasureTypes)
    .orderBy(asc(followUpMeasureTypes.body), asc(followUpMeasureTypes.code));
}

export function followUpMeasureTypesByIds(
  db: Db,
  ids: readonly string[],
): Promise<FollowUpMeasureTypeRecord[]> {
  return db
    .select()
    .from(followUpMeasureTypes)
    .where(inArray(followUpMeasureTypes.id, [...ids]));
}

export async function followUpMeasureTypeByCode(
  db: Db,
  code: string,
): Promise<FollowUpMeasureTypeRecord | null> {
  const [row] = await db
    .select()
    .from(followUpMeasureTypes)
    .where(eq(followUpMeasureTypes.code, code))
    .limit(1);
  return row ?? null;
}

export async function insertFollowUpMeasureType(
  db: Db,
  row: typeof followUpMeasureTypes.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(followUpMeasureTypes).values(row);
}

export async function updateFollowUpMeasureType(
  db: Db,
  id: string,
  change: Omit<typeof followUpMeasureTypes.$inferInsert, "id" | "createdAt" | "createdBy">,
): Promise<void> {
  await db.update(followUpMeasureTypes).set(change).where(eq(followUpMeasureTypes.id, id));
}

export async function insertFollowUpMeasures(
  db: Db,
  rows: (typeof followUpMeasures.$inferInsert & { id: string })[],
): Promise<void> {
  if (rows.length > 0) await db.insert(followUpMeasures).values(rows);
}

/**
 * Ends open measures by a decision, or without one for a reason (the case is closed); returns
 * those it ended (a measure changed meanwhile is left out).
 */
export async function endFollowUpMeasures(
  db: Db,
  measures: readonly Pick<FollowUpMeasureRecord, "id" | "version">[],
  end: { endedOn: string } & ({ endedBy: string } | { endReason: string }),
): Promise<FollowUpMeasureRecord[]> {
  const ended: FollowUpMeasureRecord[] = [];
  for (const m of measures) {
    const [row] = await db
      .update(followUpMeasures)
      .set({ ...end, version: m.version + 1 })
      .where(
        and(
          eq(followUpMeasures.id, m.id),
          eq(followUpMeasures.version, m.version),
          isNull(followUpMeasures.endedOn),
        ),
      )
      .returning();
    if (row !== undefined) ended.push(row);
  }
  return ended;
}

export function followUpMeasuresByPersonIds(
  db: Db,
  ids: readonly string[],
): Promise<FollowUpMeasureRecord[]> {
  return db
    .select()
    .from(followUpMeasures)
    .where(inArray(followUpMeasures.personId, [...ids]))
    .orderBy(desc(followUpMeasures.startedOn), desc(followUpMeasures.createdAt));
}

export function followUpMeasuresByDiscussionIds(
  db: Db,
  ids: readonly string[],
): Promise<FollowUpMeasureRecord[]> {
  return db
    .select()
    .from(followUpMeasures)
    .where(or(inArray(followUpMeasures.startedBy, [...ids]), inArray(followUpMeasures.endedBy, [...ids])))
    .orderBy(asc(followUpMeasures.startedOn), asc(followUpMeasures.id));
}

/** The open responsibilities towards an agency (a body's persons), oldest first. */
export function openResponsibilitiesOfAgency(db: Db, agencyId: string): Promise<ResponsibilityRecord[]> {
  return db
    .select()
    .from(caseResponsibilities)
    .where(and(eq(caseResponsibilities.agencyId, agencyId), isNull(caseResponsibilities.validTo)))
    .orderBy(asc(caseResponsibilities.validFrom), asc(caseResponsibilities.personId));
}

export function openResponsibilitiesOfPerson(db: Db, personId: string): Promise<ResponsibilityRecord[]> {
  return db
    .select()
    .from(caseResponsibilities)
    .where(and(eq(caseResponsibilities.personId, personId), isNull(caseResponsibilities.validTo)));
}

export async function endResponsibilities(db: Db, personId: string, on: string): Promise<void> {
  await db
    .update(caseResponsibilities)
    .set({ validTo: on })
    .where(and(eq(caseResponsibilities.personId, personId), isNull(caseResponsibilities.validTo)));
}

export function entriesByPersonIds(db: Db, ids: readonly string[]): Promise<CommonDatabaseEntryRecord[]> {
  return db
    .select()
    .from(commonDatabaseEntries)
    .where(inArray(commonDatabaseEntries.personId, [...ids]))
    .orderBy(desc(commonDatabaseEntries.validFrom), desc(commonDatabaseEntries.createdAt));
}

export async function entryById(db: Db, id: string): Promise<CommonDatabaseEntryRecord | null> {
  const [row] = await db
    .select()
    .from(commonDatabaseEntries)
    .where(eq(commonDatabaseEntries.id, id))
    .limit(1);
  return row ?? null;
}

export function openEntries(db: Db): Promise<CommonDatabaseEntryRecord[]> {
  return db.select().from(commonDatabaseEntries).where(isNull(commonDatabaseEntries.validTo));
}

export async function insertEntry(db: Db, row: typeof commonDatabaseEntries.$inferInsert & { id: string }) {
  await db.insert(commonDatabaseEntries).values(row);
}

/** Changes an open entry if nobody changed it meanwhile (else null). */
export async function updateOpenEntry(
  db: Db,
  entry: Pick<CommonDatabaseEntryRecord, "id" | "version">,
  change: Partial<Pick<CommonDatabaseEntryRecord, "lastInformationOn" | "validTo" | "endReason">>,
): Promise<CommonDatabaseEntryRecord | null> {
  const [row] = await db
    .update(commonDatabaseEntries)
    .set({ ...change, version: entry.version + 1 })
    .where(
      and(
        eq(commonDatabaseEntries.id, entry.id),
        eq(commonDatabaseEntries.version, entry.version),
        isNull(commonDatabaseEntries.validTo),
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertOutcome(db: Db, row: typeof caseOutcomes.$inferInsert & { id: string }) {
  await db.insert(caseOutcomes).values(row);
}

export function outcomesByPersonIds(db: Db, ids: readonly string[]): Promise<OutcomeRecord[]> {
  return db
    .select()
    .from(caseOutcomes)
    .where(inArray(caseOutcomes.personId, [...ids]))
    .orderBy(desc(caseOutcomes.occurredOn), desc(caseOutcomes.createdAt));
}

export async function insertClosure(db: Db, row: typeof caseClosures.$inferInsert & { id: string }) {
  await db.insert(caseClosures).values(row);
}

export function closuresByPersonIds(db: Db, ids: readonly string[]): Promise<ClosureRecord[]> {
  return db
    .select()
    .from(caseClosures)
    .where(inArray(caseClosures.personId, [...ids]))
    .orderBy(desc(caseClosures.closedOn), desc(caseClosures.createdAt));
}

export interface CardExtrasRow {
  person_id: string;
  threat_level: number | null;
  measures: { code: string; nameEn: string; nameFr: string; nameNl: string; since: string }[];
}

/** The threat level and measures to know of a page of information cards, in one statement (definer's rights). */
export function informationCardExtras(
  db: Db,
  personIds: readonly string[],
  on: string,
): Promise<CardExtrasRow[]> {
  return queryRows<CardExtrasRow>(
    db,
    sql`select person_id, threat_level, measures from app_information_card_extras(${sql.param([...personIds])}::uuid[], ${on}::date)`,
  );
}
