import { ReleaseDateKind } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded, version } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { detentionEpisodes } from "../detention/detention.table.js";
import { persons } from "../persons/person.table.js";

/** A release date set by hand instead of the rule, with its reason; the latest per episode and kind holds. */
export const releaseDateOverrides = pgTable(
  "release_date_overrides",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    episodeId: uuid()
      .notNull()
      .references(() => detentionEpisodes.id),
    kind: text().notNull().$type<ReleaseDateKind>(),
    date: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("release_date_overrides_kind_check", t.kind, Object.values(ReleaseDateKind)),
    index("release_date_overrides_episode_idx").on(t.episodeId, t.kind, t.createdAt),
  ],
);

/** The preparation of a release: where the person intends to live, and when the LTF was informed. */
export const releasePlans = pgTable("release_plans", {
  episodeId: uuid()
    .primaryKey()
    .references(() => detentionEpisodes.id),
  personId: uuid()
    .notNull()
    .references(() => persons.id),
  intendedMunicipality: text(),
  intendedJudicialDistrict: text(),
  localTaskForceInformedOn: date({ mode: "string" }),
  note: text(),
  agencyId: uuid()
    .notNull()
    .references(() => agencies.id),
  ...recorded(),
  version: version(),
});

/** The kinds of release condition; an administrator adds more. */
export const conditionTypes = pgTable("condition_types", {
  id: id(),
  code: text().notNull().unique(),
  nameEn: text().notNull(),
  nameFr: text().notNull(),
  nameNl: text().notNull(),
  /** Whether the condition needs details (the named persons, the place, the reporting rhythm). */
  requiresDetails: boolean().notNull(),
  /** Whether local actors must know it: it appears on the information card. */
  shownOnInformationCard: boolean().notNull(),
  ...recorded(),
});

/** A release condition: proposed in prison, imposed at a conditional release (or later), then ended. */
export const releaseConditions = pgTable(
  "release_conditions",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    episodeId: uuid()
      .notNull()
      .references(() => detentionEpisodes.id),
    typeId: uuid()
      .notNull()
      .references(() => conditionTypes.id),
    details: text(),
    supervisingAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    proposedOn: date({ mode: "string" }),
    imposedOn: date({ mode: "string" }),
    /** The planned end (exclusive); null: until the end of the probation period. */
    endsOn: date({ mode: "string" }),
    liftedOn: date({ mode: "string" }),
    liftReason: text(),
    withdrawnOn: date({ mode: "string" }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
    version: version(),
  },
  (t) => [
    check("release_conditions_started", sql`${t.proposedOn} is not null or ${t.imposedOn} is not null`),
    check(
      "release_conditions_end_after_start",
      sql`${t.endsOn} is null or ${t.imposedOn} is null or ${t.endsOn} > ${t.imposedOn}`,
    ),
    check("release_conditions_lift_complete", sql`(${t.liftedOn} is null) = (${t.liftReason} is null)`),
    check("release_conditions_withdrawn_or_imposed", sql`${t.withdrawnOn} is null or ${t.imposedOn} is null`),
    index("release_conditions_person_idx").on(t.personId),
    index("release_conditions_supervisor_idx").on(t.supervisingAgencyId),
  ],
);

/** A breach of a release condition, and the response to it. */
export const conditionBreaches = pgTable(
  "condition_breaches",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    conditionId: uuid()
      .notNull()
      .references(() => releaseConditions.id),
    occurredOn: date({ mode: "string" }).notNull(),
    description: text().notNull(),
    response: text(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [index("condition_breaches_condition_idx").on(t.conditionId, t.occurredOn)],
);
