import { WatchlistStatus } from "@continuum/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { persons } from "../persons/person.table.js";
import { informationReports } from "../reports/report.table.js";
import { users } from "../users/user.table.js";
import { screenings } from "./screening.table.js";

/** The intelligence service's broader "radicalised or vulnerable" list, as intervals (INTELLIGENCE data). */
export const watchlistEntries = pgTable(
  "watchlist_entries",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    status: text().notNull().$type<WatchlistStatus>(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("watchlist_entries_status_check", t.status, Object.values(WatchlistStatus)),
    check("watchlist_entries_valid_interval", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    uniqueIndex("watchlist_entries_one_open_idx").on(t.personId).where(sql`${t.validTo} is null`),
    index("watchlist_entries_valid_idx").on(t.validFrom, t.validTo),
  ],
);

/** Who at CelEx is responsible for a person's screenings (the latest assignment counts). */
export const screeningAssignments = pgTable(
  "screening_assignments",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    assignedBy: uuid().references(() => users.id),
  },
  (t) => [index("screening_assignments_person_idx").on(t.personId, t.assignedAt)],
);

/** The information reports a screening rests on. */
export const screeningSources = pgTable(
  "screening_sources",
  {
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    reportId: uuid()
      .notNull()
      .references(() => informationReports.id),
  },
  (t) => [primaryKey({ columns: [t.screeningId, t.reportId] })],
);
