import { JudicialDistrict, LegalStatus, Recidivism, ReleaseType } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded, version } from "../../db/columns.js";
import { establishments, establishmentUnits } from "../establishments/establishment.table.js";
import { persons } from "../persons/person.table.js";

export const detentionEpisodes = pgTable(
  "detention_episodes",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    admittedOn: date({ mode: "string" }).notNull(),
    legalStatus: text().notNull().$type<LegalStatus>(),
    sentenceMonths: integer(),
    recidivism: text().notNull().$type<Recidivism>().default("NONE"),
    conditionalReleaseEligibleOn: date({ mode: "string" }),
    endOfSentenceOn: date({ mode: "string" }),
    /** The rule's dates at admission (releaseDatesOf); the two above are these unless overridden. */
    ruleEligibleOn: date({ mode: "string" }),
    ruleEndOfSentenceOn: date({ mode: "string" }),
    releasedOn: date({ mode: "string" }),
    releaseType: text().$type<ReleaseType>(),
    releaseMunicipality: text(),
    releaseJudicialDistrict: text().$type<JudicialDistrict>(),
    ...recorded(),
    version: version(),
  },
  (t) => [
    enumCheck("detention_episodes_legal_status_check", t.legalStatus, Object.values(LegalStatus)),
    enumCheck("detention_episodes_recidivism_check", t.recidivism, Object.values(Recidivism)),
    enumCheck("detention_episodes_release_type_check", t.releaseType, Object.values(ReleaseType)),
    enumCheck(
      "detention_episodes_release_district_check",
      t.releaseJudicialDistrict,
      Object.values(JudicialDistrict),
    ),
    check(
      "detention_episodes_release_after_admission",
      sql`${t.releasedOn} is null or ${t.releasedOn} >= ${t.admittedOn}`,
    ),
    check("detention_episodes_release_complete", sql`(${t.releasedOn} is null) = (${t.releaseType} is null)`),
    // A person is in at most one open detention episode.
    uniqueIndex("detention_episodes_one_open_idx").on(t.personId).where(sql`${t.releasedOn} is null`),
    index("detention_episodes_person_idx").on(t.personId, t.admittedOn),
    // The release calendar reads the open episodes by each kind of date (release.repository.ts).
    index("detention_episodes_open_eligibility_idx")
      .on(t.conditionalReleaseEligibleOn, t.personId)
      .where(sql`${t.releasedOn} is null`),
    index("detention_episodes_open_end_idx")
      .on(t.endOfSentenceOn, t.personId)
      .where(sql`${t.releasedOn} is null`),
  ],
);

/** Where a person was held: establishment and unit over [valid_from, valid_to). */
export const placements = pgTable(
  "placements",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    episodeId: uuid()
      .notNull()
      .references(() => detentionEpisodes.id),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    unitId: uuid().references(() => establishmentUnits.id),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    reason: text(),
    ...recorded(),
  },
  (t) => [
    check("placements_valid_interval", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
    uniqueIndex("placements_one_open_idx").on(t.personId).where(sql`${t.validTo} is null`),
    index("placements_person_idx").on(t.personId, t.validFrom),
    index("placements_establishment_idx").on(t.establishmentId, t.validFrom),
    index("placements_unit_idx").on(t.unitId, t.validFrom),
  ],
);
