import {
  ActionItemStatus,
  ClosureReason,
  CommonDatabaseCategory,
  EntryBasis,
  JudicialDistrict,
  LocalBodyKind,
  MeetingKind,
  OutcomeKind,
  ResponsibilityKind,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded, version } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { persons } from "../persons/person.table.js";
import { users } from "../users/user.table.js";

/**
 * Where a released person lives, from a date: set at release, changed by a hand-over. The case
 * summary's district and municipality (which decide the local bodies' access) follow the latest.
 */
export const residences = pgTable(
  "residences",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    municipality: text().notNull(),
    judicialDistrict: text().notNull().$type<JudicialDistrict>(),
    validFrom: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    ...recorded(),
  },
  (t) => [
    enumCheck("residences_district_check", t.judicialDistrict, Object.values(JudicialDistrict)),
    index("residences_person_idx").on(t.personId, t.validFrom),
  ],
);

/** Which local body is responsible for a person after release, over [valid_from, valid_to). */
export const caseResponsibilities = pgTable(
  "case_responsibilities",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    kind: text().notNull().$type<ResponsibilityKind>(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    reason: text().notNull(),
    ...recorded(),
  },
  (t) => [
    enumCheck("case_responsibilities_kind_check", t.kind, Object.values(ResponsibilityKind)),
    check(
      "case_responsibilities_valid_interval",
      sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`,
    ),
    uniqueIndex("case_responsibilities_one_open_idx").on(t.personId, t.kind).where(sql`${t.validTo} is null`),
    index("case_responsibilities_person_idx").on(t.personId, t.validFrom),
    index("case_responsibilities_agency_idx").on(t.agencyId, t.validFrom),
  ],
);

/** A meeting of a Local Task Force or a Local Cell for Integral Security. */
export const localMeetings = pgTable(
  "local_meetings",
  {
    id: id(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    kind: text().notNull().$type<MeetingKind>(),
    heldOn: date({ mode: "string" }).notNull(),
    membersPresent: text().array().notNull(),
    summary: text(),
    ...recorded(),
    version: version(),
  },
  (t) => [
    enumCheck("local_meetings_kind_check", t.kind, Object.values(MeetingKind)),
    index("local_meetings_agency_idx").on(t.agencyId, t.heldOn),
  ],
);

/** A person on an operational meeting's agenda, and what was decided (null until the meeting decides). */
export const meetingDiscussions = pgTable(
  "meeting_discussions",
  {
    id: id(),
    meetingId: uuid()
      .notNull()
      .references(() => localMeetings.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    decision: text(),
    ...recorded(),
  },
  (t) => [
    uniqueIndex("meeting_discussions_once_idx").on(t.meetingId, t.personId),
    index("meeting_discussions_person_idx").on(t.personId),
  ],
);

/** The follow-up measures a local body may start (police visits, discreet surveillance...); configured. */
export const followUpMeasureTypes = pgTable(
  "follow_up_measure_types",
  {
    id: id(),
    code: text().notNull().unique(),
    body: text().notNull().$type<LocalBodyKind>(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
    nameNl: text().notNull(),
    /** Whether local actors must know it: it appears on the information card (never for surveillance). */
    shownOnInformationCard: boolean().notNull(),
    ...recorded(),
  },
  (t) => [enumCheck("follow_up_measure_types_body_check", t.body, Object.values(LocalBodyKind))],
);

/** A follow-up measure, started and stopped by operational decisions of a local body. */
export const followUpMeasures = pgTable(
  "follow_up_measures",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    typeId: uuid()
      .notNull()
      .references(() => followUpMeasureTypes.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    startedOn: date({ mode: "string" }).notNull(),
    startedBy: uuid()
      .notNull()
      .references(() => meetingDiscussions.id),
    endedOn: date({ mode: "string" }),
    endedBy: uuid().references(() => meetingDiscussions.id),
    /** Why a measure ended without a decision: the case was handed over or closed. */
    endReason: text(),
    ...recorded(),
    version: version(),
  },
  (t) => [
    // Ended either by a decision of the body or, without one, for a stated reason.
    check(
      "follow_up_measures_end_complete",
      sql`(${t.endedOn} is null and ${t.endedBy} is null and ${t.endReason} is null)
        or (${t.endedOn} is not null and (${t.endedBy} is null) <> (${t.endReason} is null))`,
    ),
    check("follow_up_measures_end_after_start", sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    index("follow_up_measures_person_idx").on(t.personId, t.startedOn),
  ],
);

/** An action decided at a meeting, with its owner and deadline. */
export const actionItems = pgTable(
  "action_items",
  {
    id: id(),
    meetingId: uuid()
      .notNull()
      .references(() => localMeetings.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** The person it concerns, when it comes from a discussion. */
    personId: uuid().references(() => persons.id),
    description: text().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    dueOn: date({ mode: "string" }).notNull(),
    status: text().notNull().$type<ActionItemStatus>().default("OPEN"),
    closedOn: date({ mode: "string" }),
    closingNote: text(),
    ...recorded(),
    version: version(),
  },
  (t) => [
    enumCheck("action_items_status_check", t.status, Object.values(ActionItemStatus)),
    check("action_items_closed_complete", sql`(${t.status} = 'OPEN') = (${t.closedOn} is null)`),
    index("action_items_agency_idx").on(t.agencyId, t.status, t.dueOn),
    index("action_items_owner_idx").on(t.ownerId, t.status),
  ],
);

/** A person's entry in the threat-analysis body's common database, over [valid_from, valid_to). */
export const commonDatabaseEntries = pgTable(
  "common_database_entries",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    category: text().notNull().$type<CommonDatabaseCategory>(),
    threatLevel: integer().notNull(),
    basis: text().notNull().$type<EntryBasis>(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    /** When the entry was last confirmed by new information; reviews count from it. */
    lastInformationOn: date({ mode: "string" }).notNull(),
    endReason: text(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
    version: version(),
  },
  (t) => [
    enumCheck("common_database_entries_category_check", t.category, Object.values(CommonDatabaseCategory)),
    enumCheck("common_database_entries_basis_check", t.basis, Object.values(EntryBasis)),
    check("common_database_entries_threat_level", sql`${t.threatLevel} between 1 and 4`),
    check(
      "common_database_entries_valid_interval",
      sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`,
    ),
    check("common_database_entries_end_complete", sql`(${t.validTo} is null) = (${t.endReason} is null)`),
    uniqueIndex("common_database_entries_one_open_idx").on(t.personId).where(sql`${t.validTo} is null`),
    index("common_database_entries_person_idx").on(t.personId, t.validFrom),
  ],
);

/** What happened to a person after release (re-offending, return to prison, death, moving abroad). */
export const caseOutcomes = pgTable(
  "case_outcomes",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    kind: text().notNull().$type<OutcomeKind>(),
    occurredOn: date({ mode: "string" }).notNull(),
    note: text(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("case_outcomes_kind_check", t.kind, Object.values(OutcomeKind)),
    index("case_outcomes_person_idx").on(t.personId, t.occurredOn),
  ],
);

/** The closure of a case, with its reason; a later admission reopens it. */
export const caseClosures = pgTable(
  "case_closures",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    closedOn: date({ mode: "string" }).notNull(),
    reason: text().notNull().$type<ClosureReason>(),
    note: text(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("case_closures_reason_check", t.reason, Object.values(ClosureReason)),
    index("case_closures_person_idx").on(t.personId, t.closedOn),
  ],
);
