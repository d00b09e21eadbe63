import { JudicialDistrict, UnitKind } from "@continuum/domain";
import { boolean, date, integer, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";

export const establishments = pgTable(
  "establishments",
  {
    id: id(),
    code: text().notNull().unique(),
    nameFr: text().notNull(),
    nameNl: text().notNull(),
    city: text().notNull(),
    judicialDistrict: text().notNull().$type<JudicialDistrict>(),
    capacity: integer().notNull(),
    holdsWomen: boolean().notNull().default(false),
    openedOn: date({ mode: "string" }),
    closedOn: date({ mode: "string" }),
    ...recorded(),
  },
  (t) => [
    enumCheck("establishments_judicial_district_check", t.judicialDistrict, Object.values(JudicialDistrict)),
  ],
);

export const establishmentUnits = pgTable(
  "establishment_units",
  {
    id: id(),
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    code: text().notNull(),
    name: text().notNull(),
    kind: text().notNull().$type<UnitKind>(),
    capacity: integer(),
    ...recorded(),
  },
  (t) => [
    unique("establishment_units_code_unique").on(t.establishmentId, t.code),
    enumCheck("establishment_units_kind_check", t.kind, Object.values(UnitKind)),
  ],
);

/** Monthly prison population of an establishment: the denominator for "share of the population listed". */
export const establishmentPopulations = pgTable(
  "establishment_populations",
  {
    establishmentId: uuid()
      .notNull()
      .references(() => establishments.id),
    /** First day of the month the figure describes. */
    on: date({ mode: "string" }).notNull(),
    population: integer().notNull(),
    womenPopulation: integer().notNull(),
    ...recorded(),
  },
  (t) => [primaryKey({ columns: [t.establishmentId, t.on] })],
);
