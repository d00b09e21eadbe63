import { AgencyKind, JudicialDistrict, LanguageCommunity } from "@continuum/domain";
import { sql } from "drizzle-orm";
import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { enumArrayCheck, enumCheck, id, recorded } from "../../db/columns.js";
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
    /** A disengagement service: the language communities whose members it takes on (FR, NL, DE). */
    languageCommunities: text().array().notNull().default(sql`'{}'::text[]`).$type<LanguageCommunity[]>(),
    ...recorded(),
  },
  (t) => [
    enumCheck("agencies_kind_check", t.kind, Object.values(AgencyKind)),
    enumCheck("agencies_judicial_district_check", t.judicialDistrict, Object.values(JudicialDistrict)),
    enumArrayCheck(
      "agencies_language_communities_check",
      t.languageCommunities,
      Object.values(LanguageCommunity),
    ),
  ],
);
