import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id } from "../db/columns.js";
import { agencies } from "../modules/agencies/agency.table.js";
import { persons } from "../modules/persons/person.table.js";
import { users } from "../modules/users/user.table.js";

export const BREAK_GLASS_VERDICTS = ["JUSTIFIED", "UNJUSTIFIED"] as const;
export type BreakGlassVerdict = (typeof BREAK_GLASS_VERDICTS)[number];

/** Access to a case outside the matrix, granted on a written justification, time-limited and reviewed. */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    justification: text().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    verdict: text().$type<BreakGlassVerdict>(),
    reviewNote: text(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    enumCheck("break_glass_grants_verdict_check", t.verdict, BREAK_GLASS_VERDICTS),
    index("break_glass_grants_user_idx").on(t.userId, t.expiresAt),
    index("break_glass_grants_pending_idx").on(t.grantedAt).where(sql`${t.verdict} is null`),
  ],
);
