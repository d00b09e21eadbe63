import { Language, Role } from "@continuum/domain";
import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { enumArrayCheck, enumCheck, id, recorded, version } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Lower-cased. */
    email: text().notNull().unique(),
    displayName: text().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    roles: text().array().notNull().$type<Role[]>(),
    language: text().notNull().$type<Language>().default("EN"),
    /** argon2id; null for service accounts, which authenticate with API tokens only. */
    passwordHash: text(),
    isServiceAccount: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    /** Base32 TOTP secret; set when the user enrolled a second factor. */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    ...recorded(),
    version: version(),
  },
  (t) => [
    enumArrayCheck("users_roles_check", t.roles, Object.values(Role)),
    enumCheck("users_language_check", t.language, Object.values(Language)),
  ],
);
