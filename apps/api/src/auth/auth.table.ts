import { DataClass } from "@continuum/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { enumArrayCheck, id, recorded } from "../db/columns.js";
import { users } from "../modules/users/user.table.js";
import { ApiTokenScope } from "./api-token-scope.js";

/** Portal sessions. Only a SHA-256 of the cookie value is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    tokenHash: text().notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
    /** False while the second factor (TOTP) is still to be given: the session may only do that. */
    mfaSatisfied: boolean().notNull().default(true),
    /** The purpose the user stated for this session; personal data stays closed until it is set. */
    purposeCode: text(),
    purposeNote: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** API tokens for service accounts and analysts: shown once at creation, only a SHA-256 stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    /** The account the token acts as; its agency and roles apply, narrowed by the scopes. */
    userId: uuid()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    /** The first characters of the token, to recognise it in lists. */
    tokenPrefix: text().notNull(),
    scopes: text().array().notNull().$type<ApiTokenScope[]>(),
    /** The data classes the token may read or feed, within what the account's agency and roles allow. */
    dataClasses: text()
      .array()
      .notNull()
      .$type<DataClass[]>()
      .default(
        sql.raw(
          `array[${Object.values(DataClass)
            .map((c) => `'${c}'`)
            .join(", ")}]::text[]`,
        ),
      ),
    /** Only the operations registered for the token (persisted operations) are accepted. */
    trustedOperationsOnly: boolean().notNull().default(false),
    /** The token this one replaced by rotation; the old one stays valid until its shortened expiry. */
    replacesId: uuid().references((): AnyPgColumn => apiTokens.id),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    /** The purpose stated when the token was issued; recorded with everything the token reads. */
    purposeCode: text().notNull(),
    purposeNote: text(),
    ...recorded(),
  },
  (t) => [
    enumArrayCheck("api_tokens_scopes_check", t.scopes, Object.values(ApiTokenScope)),
    enumArrayCheck("api_tokens_data_classes_check", t.dataClasses, Object.values(DataClass)),
    index("api_tokens_user_idx").on(t.userId),
  ],
);

/** The operations an integrator registered for its token (trusted documents), by SHA-256 of their text. */
export const persistedOperations = pgTable(
  "persisted_operations",
  {
    id: id(),
    tokenId: uuid()
      .notNull()
      .references(() => apiTokens.id),
    /** Lower-case hex SHA-256 of the document, as sent: the client refers to it as "sha256:<hash>". */
    documentHash: text().notNull(),
    document: text().notNull(),
    operationName: text(),
    ...recorded(),
  },
  (t) => [unique("persisted_operations_token_hash").on(t.tokenId, t.documentHash)],
);

/** Login attempts, for throttling per account and per address. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: id(),
    email: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.attemptedAt),
    index("login_attempts_ip_idx").on(t.ip, t.attemptedAt),
  ],
);
