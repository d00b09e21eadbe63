import { AgencyKind, JudicialDistrict } from "@continuum/domain";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { enumCheck, id, recorded } from "../../db/columns.js";
import { establishments } from "../establishments/establishment.table.js";

export const agencies = pgTable(
  "agencies",
  {
    id: id(),
    /** Stable slug used in demo e-mail addresses, e.g. `celex`, `prison-ittre`. */
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull().$type<AgencyKind>(),
    establishmentId: uuid().references(() => establishments.id),
    judicialDistrict: text().$type<JudicialDistrict>(),
    municipality: text(),
    contactEmail: text(),
    ...recorded(),
  },
  (t) => [
    enumCheck("agencies_kind_check", t.kind, Object.values(AgencyKind)),
    enumCheck("agencies_judicial_district_check", t.judicialDistrict, Object.values(JudicialDistrict)),
  ],
);
