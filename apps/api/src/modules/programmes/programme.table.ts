import { sql } from "drizzle-orm";
import { check, date, index, pgTable, uuid } from "drizzle-orm/pg-core";
import { id, recorded } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { persons } from "../persons/person.table.js";

/**
 * Enrolment of a person in a disengagement service's programme, over [enrolled_on, ended_on).
 * Gives the service its need to know (place ENROLLED in docs/access.md).
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
    ...recorded(),
  },
  (t) => [
    check("programme_enrolments_valid_interval", sql`${t.endedOn} is null or ${t.endedOn} > ${t.enrolledOn}`),
    index("programme_enrolments_person_idx").on(t.personId),
  ],
);
