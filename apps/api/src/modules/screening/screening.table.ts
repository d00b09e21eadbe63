import { LegacyCategory, ListingLabel, ScreeningOutcome, ScreeningSource } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enumArrayCheck, enumCheck, id, recorded } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { detentionEpisodes } from "../detention/detention.table.js";
import { persons } from "../persons/person.table.js";

export const screenings = pgTable(
  "screenings",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    episodeId: uuid()
      .notNull()
      .references(() => detentionEpisodes.id),
    screenedOn: date({ mode: "string" }).notNull(),
    outcome: text().notNull().$type<ScreeningOutcome>(),
    category: text().$type<LegacyCategory>(),
    labels: text().array().notNull().$type<ListingLabel[]>().default(sql`'{}'::text[]`),
    sources: text().array().notNull().$type<ScreeningSource[]>(),
    rationale: text().notNull(),
    nextDueOn: date({ mode: "string" }),
    /** The agency on whose behalf the screening was recorded. */
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("screenings_outcome_check", t.outcome, Object.values(ScreeningOutcome)),
    enumCheck("screenings_category_check", t.category, Object.values(LegacyCategory)),
    enumArrayCheck("screenings_labels_check", t.labels, Object.values(ListingLabel)),
    enumArrayCheck("screenings_sources_check", t.sources, Object.values(ScreeningSource)),
    index("screenings_person_idx").on(t.personId, t.screenedOn),
  ],
);

/** The CelEx list as state intervals: a new row whenever category or labels change, closed on delisting or release. */
export const listingPeriods = pgTable(
  "listing_periods",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    category: text().notNull().$type<LegacyCategory>(),
    labels: text().array().notNull().$type<ListingLabel[]>(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    /** The screening that opened this period (null for history migrated without one). */
    screeningId: uuid().references(() => screenings.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("listing_periods_category_check", t.category, Object.values(LegacyCategory)),
    enumArrayCheck("listing_periods_labels_check", t.labels, Object.values(ListingLabel)),
    check("listing_periods_valid_interval", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    uniqueIndex("listing_periods_one_open_idx").on(t.personId).where(sql`${t.validTo} is null`),
    index("listing_periods_person_idx").on(t.personId, t.validFrom),
    index("listing_periods_valid_idx").on(t.validFrom, t.validTo),
  ],
);
