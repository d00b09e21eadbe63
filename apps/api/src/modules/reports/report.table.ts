import {
  Classification,
  HandlingCode,
  InformationCredibility,
  ReportLinkKind,
  SourceReliability,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { establishments } from "../establishments/establishment.table.js";
import { persons } from "../persons/person.table.js";

/** Behaviours prison staff were asked to observe (circulated instructions); administered as data. */
export const observationIndicators = pgTable("observation_indicators", {
  code: text().primaryKey(),
  nameEn: text().notNull(),
  nameFr: text().notNull(),
  nameNl: text().notNull(),
  active: boolean().notNull().default(true),
  ...recorded(),
});

/**
 * Information reports. Append-only: a correction is a new version in the same lineage (`lineage_id`,
 * `version`), and the older one stays, superseded. `data_class` is OBSERVATIONS or INTELLIGENCE
 * (classified or from an intelligence service) and decides who may read the row, with the handling
 * code (row-level security, migration 0007).
 */
export const informationReports = pgTable(
  "information_reports",
  {
    id: id(),
    lineageId: uuid().notNull(),
    version: integer().notNull(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    observedOn: date({ mode: "string" }).notNull(),
    establishmentId: uuid().references(() => establishments.id),
    originatorAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    addressedToAgencyId: uuid().references(() => agencies.id),
    title: text().notNull(),
    body: text().notNull(),
    /** What identifies a human source: the originating agency only. */
    sourceDetails: text(),
    sourceReliability: text().notNull().$type<SourceReliability>(),
    informationCredibility: text().notNull().$type<InformationCredibility>(),
    classification: text().notNull().$type<Classification>(),
    handlingCode: text().notNull().$type<HandlingCode>(),
    handlingConditions: text(),
    dataClass: text().notNull().$type<"OBSERVATIONS" | "INTELLIGENCE">(),
    sensitive: boolean().notNull().default(false),
    indicatorCodes: text().array().notNull().default(sql`'{}'::text[]`),
    correctionReason: text(),
    ...recorded(),
  },
  (t) => [
    unique("information_reports_version_unique").on(t.lineageId, t.version),
    enumCheck("information_reports_reliability_check", t.sourceReliability, Object.values(SourceReliability)),
    enumCheck(
      "information_reports_credibility_check",
      t.informationCredibility,
      Object.values(InformationCredibility),
    ),
    enumCheck("information_reports_classification_check", t.classification, Object.values(Classification)),
    enumCheck("information_reports_handling_check", t.handlingCode, Object.values(HandlingCode)),
    enumCheck("information_reports_class_check", t.dataClass, ["OBSERVATIONS", "INTELLIGENCE"]),
    index("information_reports_person_idx").on(t.personId, t.observedOn),
    index("information_reports_created_idx").on(t.createdAt),
  ],
);

/** Other persons a report concerns (contacts, co-defendants, visitors). */
export const informationReportLinks = pgTable(
  "information_report_links",
  {
    reportId: uuid()
      .notNull()
      .references(() => informationReports.id),
    /** The report's person (row-level security reads it). */
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    linkedPersonId: uuid()
      .notNull()
      .references(() => persons.id),
    kind: text().notNull().$type<ReportLinkKind>(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.linkedPersonId] }),
    enumCheck("information_report_links_kind_check", t.kind, Object.values(ReportLinkKind)),
  ],
);
