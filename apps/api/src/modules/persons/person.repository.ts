import type {
  DetentionStatus,
  IsoDate,
  Language,
  LegacyCategory,
  ListingLabel,
  PersonScope,
} from "@continuum/domain";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { establishments } from "../establishments/establishment.table.js";
import { personCaseSummaries, persons } from "./person.table.js";

export type PersonRecord = typeof persons.$inferSelect;
export type PersonSummaryRecord = typeof personCaseSummaries.$inferSelect;
export type NewPersonRecord = typeof persons.$inferInsert;

export interface VisiblePerson {
  person: PersonRecord;
  summary: PersonSummaryRecord;
}

export type PersonSortField = "NAME" | "CATEGORY" | "ESTABLISHMENT" | "NEXT_SCREENING_DUE" | "ADMITTED_ON";

export interface PersonFilter {
  search: string | null;
  categories: readonly LegacyCategory[] | null;
  establishmentIds: readonly string[] | null;
  detentionStatuses: readonly DetentionStatus[] | null;
  listed: boolean | null;
  /** Only persons whose screening was due before this date (overdue as of it). */
  screeningDueBefore: IsoDate | null;
}

export interface PersonListQuery {
  scope: PersonScope;
  filter: PersonFilter;
  sort: { field: PersonSortField; direction: "ASC" | "DESC" };
  /** Sort-key values of the cursor to continue after. */
  after: readonly string[] | null;
  limit: number;
  language: Language;
}

/** Lower-case and accent-free, for sorting and searching names the same way in every language. */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The rows of the case summary an actor may see: the SQL form of the domain's person scope. */
export function scopeCondition(scope: PersonScope): SQL {
  switch (scope.kind) {
    case "ALL":
      return sql`true`;
    case "ESTABLISHMENT":
      return eq(personCaseSummaries.establishmentId, scope.establishmentId);
    case "RELEASED_IN_DISTRICT":
      return and(
        eq(personCaseSummaries.detentionStatus, "RELEASED"),
        eq(personCaseSummaries.releaseJudicialDistrict, scope.judicialDistrict),
      ) as SQL;
    case "RELEASED_IN_MUNICIPALITY":
      return and(
        eq(personCaseSummaries.detentionStatus, "RELEASED"),
        eq(personCaseSummaries.releaseMunicipality, scope.municipality),
      ) as SQL;
    case "NONE":
      return sql`false`;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterConditions(filter: PersonFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.search !== null && filter.search !== "")
    conditions.push(sql`${persons.searchText} like ${`%${escapeLike(foldName(filter.search))}%`}`);
  if (filter.categories !== null)
    conditions.push(inArray(personCaseSummaries.category, [...filter.categories]));
  if (filter.establishmentIds !== null)
    conditions.push(inArray(personCaseSummaries.establishmentId, [...filter.establishmentIds]));
  if (filter.detentionStatuses !== null)
    conditions.push(inArray(personCaseSummaries.detentionStatus, [...filter.detentionStatuses]));
  if (filter.listed === true) conditions.push(isNotNull(personCaseSummaries.category));
  if (filter.listed === false) conditions.push(isNull(personCaseSummaries.category));
  if (filter.screeningDueBefore !== null)
    conditions.push(lt(personCaseSummaries.nextScreeningDueOn, filter.screeningDueBefore));
  return conditions;
}

const establishmentNameSql = (language: Language): SQL => {
  if (language === "FR") return sql`${establishments.nameFr}`;
  if (language === "NL") return sql`${establishments.nameNl}`;
  return sql`case when ${establishments.judicialDistrict} in ('ANTWERP','LIMBURG','EAST_FLANDERS','WEST_FLANDERS','LEUVEN') then ${establishments.nameNl} else ${establishments.nameFr} end`;
};

// Text sort keys compare byte-wise (COLLATE "C"): names are already folded, and the sentinels that
// put missing values last ('~', '9999-12-31') must sort after every real value.
function primarySortKey(field: PersonSortField, language: Language): SQL | null {
  switch (field) {
    case "NAME":
      return null;
    case "CATEGORY":
      return sql`coalesce(${personCaseSummaries.category}, '~') collate "C"`;
    case "ESTABLISHMENT":
      return sql`coalesce(lower(${establishmentNameSql(language)}), '~') collate "C"`;
    case "NEXT_SCREENING_DUE":
      return sql`coalesce(${personCaseSummaries.nextScreeningDueOn}::text, '9999-12-31') collate "C"`;
    case "ADMITTED_ON":
      return sql`coalesce(${personCaseSummaries.admittedOn}::text, '0000-01-01') collate "C"`;
  }
}

/** One page of the persons an actor may see, with the sort-key values that make each row's cursor. */
export async function listPersons(
  db: Db,
  q: PersonListQuery,
): Promise<(VisiblePerson & { sortKey: string[] })[]> {
  const primary = primarySortKey(q.sort.field, q.language);
  const keys: SQL[] = [
    ...(primary === null ? [] : [primary]),
    sql`${persons.sortName} collate "C"`,
    sql`${persons.id}::text collate "C"`,
  ];
  const conditions = [scopeCondition(q.scope), ...filterConditions(q.filter)];
  if (q.after !== null) {
    const comparison = q.sort.direction === "ASC" ? sql.raw(">") : sql.raw("<");
    const values = q.after.map((v) => sql`${v}`);
    conditions.push(sql`(${sql.join(keys, sql`, `)}) ${comparison} (${sql.join(values, sql`, `)})`);
  }
  const order = q.sort.direction === "ASC" ? asc : desc;
  const rows = await db
    .select({
      person: persons,
      summary: personCaseSummaries,
      sortKey: sql<string[]>`array[${sql.join(keys, sql`, `)}]::text[]`,
    })
    .from(persons)
    .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, persons.id))
    .leftJoin(establishments, eq(establishments.id, personCaseSummaries.establishmentId))
    .where(and(...conditions))
    .orderBy(...keys.map((k) => order(k)))
    .limit(q.limit);
  return rows;
}

export async function countPersons(db: Db, scope: PersonScope, filter: PersonFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(persons)
    .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, persons.id))
    .where(and(scopeCondition(scope), ...filterConditions(filter)));
  return row?.n ?? 0;
}

/** The persons among `ids` that the scope lets the actor see; the others are simply absent. */
export async function visiblePersonsByIds(
  db: Db,
  scope: PersonScope,
  ids: readonly string[],
): Promise<VisiblePerson[]> {
  return db
    .select({ person: persons, summary: personCaseSummaries })
    .from(persons)
    .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, persons.id))
    .where(and(inArray(persons.id, [...ids]), scopeCondition(scope)));
}

/** Locks the person's row for the rest of the transaction, so that changes to one case run one at a time. */
export async function lockPerson(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, id)).for("update");
  return rows.length > 0;
}

export async function insertPerson(db: Db, row: NewPersonRecord): Promise<PersonRecord> {
  const [inserted] = await db.insert(persons).values(row).returning();
  if (inserted === undefined) throw new Error("person insert returned no row");
  return inserted;
}

export async function nextReferenceNumber(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string }>(db, sql`select nextval('person_reference_seq')::text as n`);
  return Number(row?.n);
}

export interface SummarySource {
  personId: string;
  openEpisode: { id: string; admittedOn: string } | null;
  lastEpisode: {
    releasedOn: string | null;
    releaseJudicialDistrict: string | null;
    releaseMunicipality: string | null;
  } | null;
  openPlacement: { establishmentId: string; unitId: string | null } | null;
  openListing: { category: LegacyCategory; labels: ListingLabel[]; validFrom: string } | null;
  lastScreening: { screenedOn: string; nextDueOn: string | null } | null;
}

/** What the case summary is derived from, read from the history tables in one statement. */
export async function loadSummarySources(db: Db, personIds: readonly string[]): Promise<SummarySource[]> {
  const rows = await queryRows<{
    person_id: string;
    open_episode_id: string | null;
    admitted_on: string | null;
    last_released_on: string | null;
    last_release_district: string | null;
    last_release_municipality: string | null;
    has_episode: boolean;
    establishment_id: string | null;
    unit_id: string | null;
    category: LegacyCategory | null;
    labels: ListingLabel[] | null;
    listing_from: string | null;
    screened_on: string | null;
    next_due_on: string | null;
  }>(
    db,
    sql`
    select p.id as person_id,
           oe.id as open_episode_id, oe.admitted_on::text as admitted_on,
           le.id is not null as has_episode, le.released_on::text as last_released_on,
           le.release_judicial_district as last_release_district, le.release_municipality as last_release_municipality,
           pl.establishment_id, pl.unit_id,
           lp.category, lp.labels, lp.valid_from::text as listing_from,
           sc.screened_on::text as screened_on, sc.next_due_on::text as next_due_on
    from persons p
    left join lateral (select id, admitted_on from detention_episodes
                       where person_id = p.id and released_on is null limit 1) oe on true
    left join lateral (select id, released_on, release_judicial_district, release_municipality from detention_episodes
                       where person_id = p.id order by admitted_on desc limit 1) le on true
    left join lateral (select establishment_id, unit_id from placements
                       where person_id = p.id and valid_to is null limit 1) pl on true
    left join lateral (select category, labels, valid_from from listing_periods
                       where person_id = p.id and valid_to is null limit 1) lp on true
    left join lateral (select screened_on, next_due_on from screenings
                       where person_id = p.id and episode_id = oe.id
                       order by screened_on desc, created_at desc limit 1) sc on true
    where p.id = any(${sql.param([...personIds])}::uuid[])`,
  );
  return rows.map((r) => ({
    personId: r.person_id,
    openEpisode:
      r.open_episode_id === null ? null : { id: r.open_episode_id, admittedOn: r.admitted_on as string },
    lastEpisode: r.has_episode
      ? {
          releasedOn: r.last_released_on,
          releaseJudicialDistrict: r.last_release_district,
          releaseMunicipality: r.last_release_municipality,
        }
      : null,
    openPlacement:
      r.establishment_id === null ? null : { establishmentId: r.establishment_id, unitId: r.unit_id },
    openListing:
      r.category === null
        ? null
        : { category: r.category, labels: r.labels ?? [], validFrom: r.listing_from as string },
    lastScreening: r.screened_on === null ? null : { screenedOn: r.screened_on, nextDueOn: r.next_due_on },
  }));
}

export type NewSummaryRecord = typeof personCaseSummaries.$inferInsert;

export async function upsertSummaries(db: Db, rows: NewSummaryRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(personCaseSummaries)
    .values(rows)
    .onConflictDoUpdate({
      target: personCaseSummaries.personId,
      set: {
        detentionStatus: sql`excluded.detention_status`,
        currentEpisodeId: sql`excluded.current_episode_id`,
        admittedOn: sql`excluded.admitted_on`,
        establishmentId: sql`excluded.establishment_id`,
        unitId: sql`excluded.unit_id`,
        category: sql`excluded.category`,
        labels: sql`excluded.labels`,
        categorySince: sql`excluded.category_since`,
        lastScreenedOn: sql`excluded.last_screened_on`,
        nextScreeningDueOn: sql`excluded.next_screening_due_on`,
        releasedOn: sql`excluded.released_on`,
        releaseJudicialDistrict: sql`excluded.release_judicial_district`,
        releaseMunicipality: sql`excluded.release_municipality`,
        updatedAt: sql`now()`,
      },
    });
}
