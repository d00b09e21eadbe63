import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The audit trail: one row per person consulted or changed per request, plus one per search.
 * Append-only (the application's role may insert and, when reviewing, read; never update or
 * delete) and hash-chained: each row's hash covers its content and the previous row's hash.
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
    /** The purpose the actor stated for the session (or the API token). */
    purposeCode: text(),
    purposeNote: text(),
    /** The read was possible only through a break-the-glass grant. */
    breakGlass: boolean().notNull().default(false),
    /** For a disclosure to another agency: the recipient. */
    recipientAgencyId: uuid(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index("audit_events_person_idx").on(t.personId, t.occurredAt),
    index("audit_events_actor_idx").on(t.actorUserId, t.occurredAt),
  ],
);

/**
 * The chain's tail: its one row is locked by each request that appends, so appends are serialised
 * in id order, and it lets the verification notice rows cut off the end of the chain.
 */
export const auditChainHead = pgTable("audit_chain_head", {
  id: smallint().primaryKey().default(1),
  lastHash: text().notNull(),
});
