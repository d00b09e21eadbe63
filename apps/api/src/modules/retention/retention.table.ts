import { DataClass, RetentionAction, RetentionStatus } from "@continuum/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";
import { persons } from "../persons/person.table.js";
import { users } from "../users/user.table.js";

/** How long each data class is kept after a case is closed, and what happens then. */
export const retentionRules = pgTable(
  "retention_rules",
  {
    dataClass: text().primaryKey().$type<DataClass>(),
    yearsAfterClosure: integer().notNull(),
    action: text().notNull().$type<RetentionAction>(),
    ...recorded(),
  },
  (t) => [
    enumCheck("retention_rules_class_check", t.dataClass, Object.values(DataClass)),
    enumCheck("retention_rules_action_check", t.action, Object.values(RetentionAction)),
    check("retention_rules_years", sql`${t.yearsAfterClosure} between 0 and 100`),
  ],
);

/** A data class of a closed case that is due for deletion or anonymisation, listed by the daily job. */
export const retentionItems = pgTable(
  "retention_items",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    dataClass: text().notNull().$type<DataClass>(),
    action: text().notNull().$type<RetentionAction>(),
    dueOn: date({ mode: "string" }).notNull(),
    listedOn: date({ mode: "string" }).notNull(),
    status: text().notNull().$type<RetentionStatus>().default("PENDING"),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    postponeReason: text(),
    /** How many rows the deletion or anonymisation touched. */
    rowsAffected: integer(),
    ...recorded(),
  },
  (t) => [
    enumCheck("retention_items_class_check", t.dataClass, Object.values(DataClass)),
    enumCheck("retention_items_action_check", t.action, Object.values(RetentionAction)),
    enumCheck("retention_items_status_check", t.status, Object.values(RetentionStatus)),
    uniqueIndex("retention_items_pending_idx")
      .on(t.personId, t.dataClass)
      .where(sql`${t.status} = 'PENDING'`),
    index("retention_items_status_idx").on(t.status, t.dueOn),
  ],
);
