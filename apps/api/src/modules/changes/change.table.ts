import { ChangeOperation, DataClass } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { enumCheck } from "../../db/columns.js";

/**
 * The transactional outbox of the change feed: triggers on the case tables append a row in the
 * transaction that changes the record, so a rolled-back change never appears and a committed one
 * always does. IDs only, no personal data: the feed resolves each record under the reader's access.
 */
export const changeEvents = pgTable(
  "change_events",
  {
    seq: bigserial({ mode: "number" }).primaryKey(),
    /** The writing transaction's ID (xid8 as a number): the feed orders by it and delivers only settled transactions. */
    transactionId: bigint({ mode: "number" }).notNull().default(sql`(pg_current_xact_id()::text)::bigint`),
    /** The GraphQL type of the record (Person, DetentionEpisode, InformationReport, ...). */
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    personId: uuid().notNull(),
    dataClass: text().notNull().$type<DataClass>(),
    operation: text().notNull().$type<ChangeOperation>(),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck("change_events_class_check", t.dataClass, Object.values(DataClass)),
    enumCheck("change_events_operation_check", t.operation, Object.values(ChangeOperation)),
    index("change_events_order_idx").on(t.transactionId, t.seq),
  ],
);
