import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  programmeContactNotes,
  programmeContacts,
  programmeEnrolments,
  programmeStatusChanges,
} from "./programme.table.js";

// Row-level security (migrations 0004, 0014): participations, statuses and contacts are PROGRAMME
// data; contact notes are programme detail.

export type EnrolmentRecord = typeof programmeEnrolments.$inferSelect;
export type StatusChangeRecord = typeof programmeStatusChanges.$inferSelect;
export type ContactRecord = typeof programmeContacts.$inferSelect;
export type ContactNoteRecord = typeof programmeContactNotes.$inferSelect;

export function enrolmentsByPersonIds(db: Db, personIds: readonly string[]): Promise<EnrolmentRecord[]> {
  return db
    .select()
    .from(programmeEnrolments)
    .where(inArray(programmeEnrolments.personId, [...personIds]))
    .orderBy(desc(programmeEnrolments.enrolledOn));
}

export function enrolmentsByIds(db: Db, ids: readonly string[]): Promise<EnrolmentRecord[]> {
  return db
    .select()
    .from(programmeEnrolments)
    .where(inArray(programmeEnrolments.id, [...ids]));
}

/** The participations a provider runs now (not ended), oldest first. */
export function openEnrolmentsOf(db: Db, providerAgencyId: string): Promise<EnrolmentRecord[]> {
  return db
    .select()
    .from(programmeEnrolments)
    .where(
      and(eq(programmeEnrolments.providerAgencyId, providerAgencyId), isNull(programmeEnrolments.endedOn)),
    )
    .orderBy(asc(programmeEnrolments.enrolledOn));
}

export async function insertEnrolment(
  db: Db,
  enrolment: typeof programmeEnrolments.$inferInsert & { id: string },
  change: typeof programmeStatusChanges.$inferInsert,
): Promise<void> {
  await db.insert(programmeEnrolments).values(enrolment);
  await db.insert(programmeStatusChanges).values(change);
}

/** Moves a participation to a status, if nobody changed it meanwhile (else null). */
export async function changeEnrolmentStatus(
  db: Db,
  enrolment: Pick<EnrolmentRecord, "id" | "version">,
  change: typeof programmeStatusChanges.$inferInsert,
  endedOn: string | null,
): Promise<EnrolmentRecord | null> {
  const [row] = await db
    .update(programmeEnrolments)
    .set({ status: change.status, endedOn, version: enrolment.version + 1 })
    .where(and(eq(programmeEnrolments.id, enrolment.id), eq(programmeEnrolments.version, enrolment.version)))
    .returning();
  if (row !== undefined) await db.insert(programmeStatusChanges).values(change);
  return row ?? null;
}

export function statusChangesByEnrolmentIds(db: Db, ids: readonly string[]): Promise<StatusChangeRecord[]> {
  return db
    .select()
    .from(programmeStatusChanges)
    .where(inArray(programmeStatusChanges.enrolmentId, [...ids]))
    .orderBy(asc(programmeStatusChanges.on), asc(programmeStatusChanges.createdAt));
}

export async function insertContact(
  db: Db,
  contact: typeof programmeContacts.$inferInsert & { id: string },
  note: string,
): Promise<void> {
  await db.insert(programmeContacts).values(contact);
  await db.insert(programmeContactNotes).values({ contactId: contact.id, personId: contact.personId, note });
}

export function contactsByEnrolmentIds(db: Db, ids: readonly string[]): Promise<ContactRecord[]> {
  return db
    .select()
    .from(programmeContacts)
    .where(inArray(programmeContacts.enrolmentId, [...ids]))
    .orderBy(desc(programmeContacts.contactedOn), desc(programmeContacts.createdAt));
}

export function notesByContactIds(db: Db, ids: readonly string[]): Promise<ContactNoteRecord[]> {
  return db
    .select()
    .from(programmeContactNotes)
    .where(inArray(programmeContactNotes.contactId, [...ids]));
}
