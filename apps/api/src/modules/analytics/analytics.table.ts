import { boolean, date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

// The LISTED_PERSONS figure kept as changes of its stock (migration 0037, docs/analytics.md): a
// figure over 500,000 cases otherwise reads every listing period of the range again at each point.
// Both tables are written only by the triggers on the history they are derived from.

/**
 * Each listed person's listing, cut wherever a counted attribute changes (category, labels or the
 * establishment holding them); what the person contributes to the stock, kept so that it can be
 * taken out again when their history changes.
 */
export const analyticsListingSpans = pgTable(
  "analytics_listing_spans",
  {
    personId: uuid().notNull(),
    /** The case's stage now (IN_PRISON, RELEASED, CLOSED): who may count it depends on it. */
    stage: text().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    category: text(),
    labels: text().array().notNull(),
    establishmentId: uuid(),
    sex: text().notNull(),
    dateOfBirth: date({ mode: "string" }).notNull(),
    nationalityGroup: text().notNull(),
    languageCommunity: text().notNull(),
    returnee: boolean().notNull(),
    failedTraveller: boolean().notNull(),
  },
  (t) => [index("analytics_listing_spans_person_idx").on(t.personId)],
);

/**
 * How the number of listed persons changes on a day, per dimension cell and case stage: +1 where a
 * span starts, -1 where it ends. The stock on a day is the sum of the changes up to that day.
 * Append-only: a refresh inserts the difference it makes, so that concurrent writers never wait on
 * (or deadlock over) a shared counter row; the daily job merges the rows of each cell and day.
 */
export const analyticsListingChanges = pgTable(
  "analytics_listing_changes",
  {
    /** A dimension of the figure, or TOTAL (each person once, key ALL). */
    dimension: text().notNull(),
    stage: text().notNull(),
    /** The cell: a category, label, … or an establishment's ID; NONE where the person has none. */
    key: text().notNull(),
    day: date({ mode: "string" }).notNull(),
    change: integer().notNull(),
  },
  (t) => [index("analytics_listing_changes_cell_idx").on(t.dimension, t.stage, t.key, t.day)],
);
