import { ImportFormat, ImportJobStatus, ImportRecordType, type PurposeCode } from "@continuum/domain";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { enumCheck, id, recorded, version } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { persons } from "../persons/person.table.js";

/** A bulk import: its records arrive in parts, are validated together, then applied in batches. */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: id(),
    recordType: text().notNull().$type<ImportRecordType>(),
    format: text().notNull().$type<ImportFormat>(),
    /** The integrator's system the records come from: with the agency, the namespace of their externalIds. */
    sourceSystem: text().notNull(),
    fileName: text().notNull(),
    status: text().notNull().$type<ImportJobStatus>().default("RECEIVING"),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** The API token that created the job, when an integrator did. */
    tokenId: uuid(),
    purposeCode: text().notNull().$type<PurposeCode>(),
    purposeNote: text(),
    total: integer().notNull().default(0),
    applied: integer().notNull().default(0),
    invalid: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    /** Why the last run stopped, when it failed. */
    failure: text(),
    ...recorded(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    enumCheck("import_jobs_record_type_check", t.recordType, Object.values(ImportRecordType)),
    enumCheck("import_jobs_format_check", t.format, Object.values(ImportFormat)),
    enumCheck("import_jobs_status_check", t.status, Object.values(ImportJobStatus)),
    check(
      "import_jobs_counts",
      sql`${t.applied} between 0 and ${t.total} and ${t.invalid} between 0 and ${t.total}`,
    ),
    index("import_jobs_agency_idx").on(t.agencyId, t.createdAt),
  ],
);

/** One record of a job, as parsed from its line; `errors` once validated, `recordId` once applied. */
export const importJobLines = pgTable(
  "import_job_lines",
  {
    jobId: uuid()
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    lineNumber: integer().notNull(),
    /** The record's fields as read from the line; emptied once the job has succeeded. */
    payload: jsonb().notNull().$type<Record<string, unknown>>(),
    errors: jsonb().$type<{ field: string; reason: string }[]>(),
    recordId: uuid(),
    appliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.lineNumber] })],
);

/** Which record an integrator's ID stands for, per agency and source system: what makes a re-import an update. */
export const externalReferences = pgTable(
  "external_references",
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    sourceSystem: text().notNull(),
    recordType: text().notNull().$type<ImportRecordType>(),
    externalId: text().notNull(),
    recordId: uuid().notNull(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    ...recorded(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.sourceSystem, t.recordType, t.externalId] }),
    enumCheck("external_references_record_type_check", t.recordType, Object.values(ImportRecordType)),
    index("external_references_record_idx").on(t.recordId),
    index("external_references_person_idx").on(t.personId),
  ],
);
