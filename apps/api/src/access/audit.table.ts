import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit trail: one row per person consulted or changed per request, plus one per search.
 * Append-only: nothing in the application updates or deletes these rows.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    requestId: text().notNull(),
    actorUserId: uuid(),
    actorTokenId: uuid(),
    agencyId: uuid(),
    /** READ, SEARCH, CREATE, UPDATE, LOGIN, LOGOUT, TOKEN_CREATE, TOKEN_REVOKE, … */
    operation: text().notNull(),
    personId: uuid(),
    dataClasses: text().array().notNull(),
    /** What was asked or changed: search terms, filters, the mutation name, the field. */
    details: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("audit_events_person_idx").on(t.personId, t.occurredAt),
    index("audit_events_actor_idx").on(t.actorUserId, t.occurredAt),
  ],
);
