import {
  DetentionStatus,
  Ideology,
  JudicialDistrict,
  LanguageCommunity,
  LegacyCategory,
  type ListingLabel,
  Sex,
} from "@continuum/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { enumCheck, id, recorded, version } from "../../db/columns.js";
import { establishments, establishmentUnits } from "../establishments/establishment.table.js";

/** Numbers case references of persons registered through the API (the demo population uses lower numbers). */
export const personReferenceSeq = pgSequence("person_reference_seq", { startWith: 5000 });

export const persons = pgTable(
  "persons",
  {
    id: id(),
    /** Internal case reference (CX-YYYY-NNNN); never a national number. */
    reference: text().notNull().unique(),
    familyName: text().notNull(),
    givenNames: text().notNull(),
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    dateOfBirth: date({ mode: "string" }).notNull(),
    sex: text().notNull().$type<Sex>(),
    nationalities: text().array().notNull(),
    languageCommunity: text().notNull().$type<LanguageCommunity>(),
    returnee: boolean().notNull().default(false),
    failedTraveller: boolean().notNull().default(false),
    ideology: text().$type<Ideology>(),
    /** Lower-case, accent-free "family given" used for sorting by name. */
    sortName: text().notNull(),
    /** Lower-case, accent-free names and aliases, searched with a trigram index. */
    searchText: text().notNull(),
    ...recorded(),
    version: version(),
  },
  (t) => [
    enumCheck("persons_sex_check", t.sex, Object.values(Sex)),
    enumCheck("persons_language_community_check", t.languageCommunity, Object.values(LanguageCommunity)),
    enumCheck("persons_ideology_check", t.ideology, Object.values(Ideology)),
    index("persons_sort_name_idx").on(sql`${t.sortName} collate "C"`, t.id),
    index("persons_search_text_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
  ],
);

/**
 * The current state of each case, derived from the history tables in the same transaction as every
 * change (see person-summary.repository.ts). It makes the caseload's filters and sorts indexable;
 * history questions ("as of") read the history tables, never this projection.
 */
export const personCaseSummaries = pgTable(
  "person_case_summaries",
  {
    personId: uuid()
      .primaryKey()
      .references(() => persons.id),
    detentionStatus: text().notNull().$type<DetentionStatus>(),
    currentEpisodeId: uuid(),
    admittedOn: date({ mode: "string" }),
    establishmentId: uuid().references(() => establishments.id),
    unitId: uuid().references(() => establishmentUnits.id),
    category: text().$type<LegacyCategory>(),
    labels: text().array().notNull().$type<ListingLabel[]>().default(sql`'{}'::text[]`),
    /** Since when the current category and labels hold (start of the open listing period). */
    categorySince: date({ mode: "string" }),
    lastScreenedOn: date({ mode: "string" }),
    nextScreeningDueOn: date({ mode: "string" }),
    releasedOn: date({ mode: "string" }),
    releaseJudicialDistrict: text().$type<JudicialDistrict>(),
    releaseMunicipality: text(),
    /** The category of the latest listing period, current or ended (the information card shows it). */
    lastCategory: text().$type<LegacyCategory>(),
    /** Set when the case is closed (outcome recorded); the case stage is then CLOSED. */
    closedOn: date({ mode: "string" }),
    /** The CelEx analyst responsible for the person's screenings (the latest assignment). */
    screeningResponsibleId: uuid(),
    /** Date of the latest risk assessment, and when the next one is due (CLINICAL summary data). */
    lastAssessedOn: date({ mode: "string" }),
    nextAssessmentDueOn: date({ mode: "string" }),
    /** Disengagement services whose programme the person is enrolled in now. */
    enrolledWith: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck("person_case_summaries_status_check", t.detentionStatus, Object.values(DetentionStatus)),
    enumCheck("person_case_summaries_category_check", t.category, Object.values(LegacyCategory)),
    // A screening falls due only during a detention (person-summary.ts), which is never closed:
    // the caseload's order by next screening relies on it (person.repository.ts).
    check(
      "person_case_summaries_screening_in_prison_check",
      sql`${t.nextScreeningDueOn} is null or (${t.detentionStatus} = 'DETAINED' and ${t.closedOn} is null)`,
    ),
    index("person_case_summaries_establishment_idx").on(t.establishmentId),
    index("person_case_summaries_category_idx").on(t.category),
    index("person_case_summaries_due_idx").on(t.nextScreeningDueOn),
    // The caseload's order by next screening (person.repository.ts personSortKeys): a page reads
    // the first rows of this index instead of sorting every case.
    index("person_case_summaries_screening_order_idx").on(
      sql`coalesce(${t.nextScreeningDueOn}, 'infinity'::date)`,
    ),
    index("person_case_summaries_assessment_due_idx").on(t.nextAssessmentDueOn),
    index("person_case_summaries_release_district_idx").on(t.releaseJudicialDistrict),
    index("person_case_summaries_release_municipality_idx").on(t.releaseMunicipality),
  ],
);

/**
 * How many case summaries each group of visibility holds (migration 0038): the columns the
 * visibility test reads, named as on the summary so that the same condition applies. Appended by a
 * trigger on the summaries (+n, -n), merged daily; the caseload's total, unfiltered, sums the rows
 * of the groups the actor sees instead of counting every visible case (510,000 at Europe scale).
 */
export const caseSummaryGroupChanges = pgTable("case_summary_group_changes", {
  detentionStatus: text().notNull(),
  /** NULL, or 1970-01-01 for any closed case: only whether it is closed decides the stage. */
  closedOn: date({ mode: "string" }),
  establishmentId: uuid(),
  releaseJudicialDistrict: text(),
  releaseMunicipality: text(),
  enrolledWith: uuid().array().notNull(),
  change: integer().notNull(),
});
