import { DisengagementLevel } from "@continuum/domain";
import { date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { persons } from "../persons/person.table.js";

/** The threat-analysis body's evaluation of signs of disengagement, in prison or after release. */
export const disengagementEvaluations = pgTable(
  "disengagement_evaluations",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    evaluatedOn: date({ mode: "string" }).notNull(),
    level: text().notNull().$type<DisengagementLevel>(),
    rationale: text().notNull(),
    /** Whether the person was detained when evaluated (IN_PRISON) or released (RELEASED). */
    stage: text().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("disengagement_evaluations_level_check", t.level, Object.values(DisengagementLevel)),
    enumCheck("disengagement_evaluations_stage_check", t.stage, ["IN_PRISON", "RELEASED"]),
    index("disengagement_evaluations_person_idx").on(t.personId, t.evaluatedOn),
  ],
);
