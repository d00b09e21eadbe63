import { ProgrammeComponent, ProgrammeStatus } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { enumArrayCheck, enumCheck, id, recorded, version } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { persons } from "../persons/person.table.js";

/**
 * A person's participation in a disengagement service's programme, over [enrolled_on, ended_on):
 * from the offer until a final status. It gives the service its need to know (place ENROLLED in
 * docs/access.md). `status` is the current one; the history is in programme_status_changes.
 */
export const programmeEnrolments = pgTable(
  "programme_enrolments",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    providerAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    enrolledOn: date({ mode: "string" }).notNull(),
    endedOn: date({ mode: "string" }),
    status: text().notNull().$type<ProgrammeStatus>().default("ACTIVE"),
    ...recorded(),
    version: version(),
  },
  (t) => [
    check("programme_enrolments_valid_interval", sql`${t.endedOn} is null or ${t.endedOn} > ${t.enrolledOn}`),
    enumCheck("programme_enrolments_status_check", t.status, Object.values(ProgrammeStatus)),
    index("programme_enrolments_person_idx").on(t.personId),
  ],
);

/** Each status a participation went through, with its date (the offer first). */
export const programmeStatusChanges = pgTable(
  "programme_status_changes",
  {
    id: id(),
    enrolmentId: uuid()
      .notNull()
      .references(() => programmeEnrolments.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    status: text().notNull().$type<ProgrammeStatus>(),
    on: date({ mode: "string" }).notNull(),
    note: text(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("programme_status_changes_status_check", t.status, Object.values(ProgrammeStatus)),
    index("programme_status_changes_enrolment_idx").on(t.enrolmentId, t.on),
  ],
);

/** A contact of the provider with the person: when and which components (PROGRAMME summary). */
export const programmeContacts = pgTable(
  "programme_contacts",
  {
    id: id(),
    enrolmentId: uuid()
      .notNull()
      .references(() => programmeEnrolments.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    contactedOn: date({ mode: "string" }).notNull(),
    components: text().array().notNull().$type<ProgrammeComponent[]>(),
    minutes: integer(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumArrayCheck("programme_contacts_components_check", t.components, Object.values(ProgrammeComponent)),
    check("programme_contacts_some_component", sql`cardinality(${t.components}) > 0`),
    index("programme_contacts_enrolment_idx").on(t.enrolmentId, t.contactedOn),
  ],
);

/** The provider's note of a contact: programme detail, read by the provider only. */
export const programmeContactNotes = pgTable("programme_contact_notes", {
  contactId: uuid()
    .primaryKey()
    .references(() => programmeContacts.id),
  personId: uuid()
    .notNull()
    .references(() => persons.id),
  note: text().notNull(),
});
