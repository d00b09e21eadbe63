import { IdeologicalMotive, IncidentKind } from "@continuum/domain";
import { date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";
import { agencies } from "../agencies/agency.table.js";
import { establishments } from "../establishments/establishment.table.js";
import { persons } from "../persons/person.table.js";

/** An incident in prison, and whether it was ideologically motivated (OBSERVATIONS). */
export const prisonIncidents = pgTable(
  "prison_incidents",
  {
    id: id(),
    personId: uuid()
      .notNull()
      .references(() => persons.id),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    occurredOn: date({ mode: "string" }).notNull(),
    kind: text().notNull().$type<IncidentKind>(),
    ideological: text().notNull().$type<IdeologicalMotive>(),
    description: text().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    ...recorded(),
  },
  (t) => [
    enumCheck("prison_incidents_kind_check", t.kind, Object.values(IncidentKind)),
    enumCheck("prison_incidents_ideological_check", t.ideological, Object.values(IdeologicalMotive)),
    index("prison_incidents_person_idx").on(t.personId, t.occurredOn),
  ],
);
