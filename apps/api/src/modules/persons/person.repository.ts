import {
  type CaseStage,
  type DataClass,
  type DetentionStatus,
  type IsoDate,
  isIsoDate,
  type Language,
  type LegacyCategory,
  type ListingLabel,
  type Place,
} from "@continuum/domain";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { ViewerScope } from "../../access/policy.js";
import { type Db, queryRows } from "../../db/client.js";
import { isUuid } from "../../graphql/global-id.js";
import { establishments } from "../establishments/establishment.table.js";
import { personCaseSummaries, persons } from "./person.table.js";

export type PersonRecord = typeof persons.$inferSelect;
export type PersonSummaryRecord = typeof personCaseSummaries.$inferSelect;
export type NewPersonRecord = typeof persons.$inferInsert;

export interface VisiblePerson {
  person: PersonRecord;
  summary: PersonSummaryRecord;
}

export type PersonSortField =
  | "NAME"
  | "CATEGORY"
  | "ESTABLISHMENT"
  | "NEXT_SCREENING_DUE"
  | "ADMITTED_ON"
  | "NEXT_ASSESSMENT_DUE";

export interface PersonFilter {
  search: string | null;
  categories: readonly LegacyCategory[] | null;
  establishmentIds: readonly string[] | null;
  detentionStatuses: readonly DetentionStatus[] | null;
  listed: boolean | null;
  /** Only persons whose screening was due before this date (overdue as of it). */
  screeningDueBefore: IsoDate | null;
  /** Only persons whose screening is due on or before this date. */
  screeningDueOnOrBefore: IsoDate | null;
  screeningResponsibleIds: readonly string[] | null;
  screeningUnassigned: boolean | null;
  /** Only persons whose risk assessment is due on or before this date. */
  assessmentDueOnOrBefore: IsoDate | null;
}

export interface PersonListQuery {
  scope: ViewerScope;
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

const STAGES: readonly CaseStage[] = ["IN_PRISON", "RELEASED", "CLOSED"];
const NOTHING = sql`false`;
const stageOf = sql`app_case_stage(${personCaseSummaries.detentionStatus}, ${personCaseSummaries.closedOn})`;

function placeCondition(place: Place, scope: ViewerScope): SQL {
  const s = personCaseSummaries;
  switch (place) {
    case "ANY":
      return sql`true`;
    case "OWN_ESTABLISHMENT":
      return scope.establishmentId === null ? NOTHING : eq(s.establishmentId, scope.establishmentId);
    case "OWN_DISTRICT":
      return scope.judicialDistrict === null
        ? NOTHING
        : sql`${s.releaseJudicialDistrict} = ${scope.judicialDistrict}`;
    case "OWN_MUNICIPALITY":
      return scope.municipality === null ? NOTHING : eq(s.releaseMunicipality, scope.municipality);
    case "ENROLLED":
      return scope.agencyId === null ? NOTHING : sql`${scope.agencyId}::uuid = any(${s.enrolledWith})`;
  }
}

function stageIn(stages: readonly CaseStage[]): SQL {
  return stages.length === 0
    ? NOTHING
    : sql`${stageOf} in (${sql.join(
        stages.map((st) => sql`${st}`),
        sql`, `,
      )})`;
}

function isBreakGlass(scope: ViewerScope): SQL {
  const ids = scope.breakGlass.personIds;
  return ids.length === 0
    ? NOTHING
    : sql`${personCaseSummaries.personId} = any(${sql.param([...ids])}::uuid[])`;
}

/** The cases an actor may see (card or more): the SQL form of the matrix, as the RLS policies apply it. */
export function visibleCondition(scope: ViewerScope): SQL {
  const byStage = STAGES.filter((stage) => scope.stages[stage].places.length > 0).map(
    (stage) =>
      and(
        stageIn([stage]),
        or(...scope.stages[stage].places.map((place) => placeCondition(place, scope))),
      ) as SQL,
  );
  return or(isBreakGlass(scope), ...byStage) ?? NOTHING;
}

/**
 * Rows where the actor may read a data class: filters and sorts on that class's fields apply only
 * there, so that neither a filter nor an order reveals what the actor may not read.
 */
function classReadable(scope: ViewerScope, dataClass: DataClass): SQL {
  const stages = STAGES.filter((stage) => scope.stages[stage].classes.includes(dataClass));
  // Said as simply as it can be, so that an order on a class everyone here reads uses its index.
  if (scope.breakGlass.personIds.length === 0)
    return stages.length === STAGES.length ? sql`true` : stageIn(stages);
  const bgStages = STAGES.filter((stage) => scope.breakGlass.classes[stage].includes(dataClass));
  return or(
    and(isBreakGlass(scope), stageIn(bgStages)),
    and(sql`not (${isBreakGlass(scope)})`, stageIn(stages)),
  ) as SQL;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Names, category and detention status are on the information card, which every actor who sees a
// case may read; the establishment and the screening dates are DETENTION and LISTING data.
function filterConditions(scope: ViewerScope, filter: PersonFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.search !== null && filter.search !== "")
    conditions.push(sql`${persons.searchText} like ${`%${escapeLike(foldName(filter.search))}%`}`);
  if (filter.categories !== null)
    conditions.push(inArray(personCaseSummaries.category, [...filter.categories]));
  if (filter.establishmentIds !== null)
    conditions.push(
      and(
        classReadable(scope, "DETENTION"),
        inArray(personCaseSummaries.establishmentId, [...filter.establishmentIds]),
      ) as SQL,
    );
  if (filter.detentionStatuses !== null)
    conditions.push(inArray(personCaseSummaries.detentionStatus, [...filter.detentionStatuses]));
  if (filter.listed === true) conditions.push(isNotNull(personCaseSummaries.category));
  if (filter.listed === false) conditions.push(isNull(personCaseSummaries.category));
  if (filter.screeningDueBefore !== null)
    conditions.push(
      and(
        classReadable(scope, "LISTING"),
        lt(personCaseSummaries.nextScreeningDueOn, filter.screeningDueBefore),
      ) as SQL,
    );
  if (filter.screeningDueOnOrBefore !== null)
    conditions.push(
      and(
        classReadable(scope, "LISTING"),
        lte(personCaseSummaries.nextScreeningDueOn, filter.screeningDueOnOrBefore),
      ) as SQL,
    );
  if (filter.screeningResponsibleIds !== null)
    conditions.push(
      and(
        classReadable(scope, "LISTING"),
        inArray(personCaseSummaries.screeningResponsibleId, [...filter.screeningResponsibleIds]),
      ) as SQL,
    );
  if (filter.screeningUnassigned !== null)
    conditions.push(
      and(
        classReadable(scope, "LISTING"),
        filter.screeningUnassigned
          ? isNull(personCaseSummaries.screeningResponsibleId)
          : isNotNull(personCaseSummaries.screeningResponsibleId),
      ) as SQL,
    );
  if (filter.assessmentDueOnOrBefore !== null)
    conditions.push(
      and(
        classReadable(scope, "CLINICAL"),
        lte(personCaseSummaries.nextAssessmentDueOn, filter.assessmentDueOnOrBefore),
      ) as SQL,
    );
  return conditions;
}

const establishmentNameSql = (language: Language): SQL => {
  if (language === "FR") return sql`${establishments.nameFr}`;
  if (language === "NL") return sql`${establishments.nameNl}`;
  return sql`case when ${establishments.judicialDistrict} in ('ANTWERP','LIMBURG','EAST_FLANDERS','WEST_FLANDERS','LEUVEN') then ${establishments.nameNl} else ${establishments.nameFr} end`;
};

/**
 * One key of the caseload's order. Texts compare byte-wise (COLLATE "C": names are already folded,
 * and '~' puts missing values last); dates put missing values at ±infinity. The cursor carries each
 * key as text, read back as `type`.
 */
interface SortKey {
  expr: SQL;
  type: "text" | "date" | "uuid";
}

const textKey = (expr: SQL): SortKey => ({ expr: sql`coalesce(${expr}, '~') collate "C"`, type: "text" });
const dateKey = (expr: SQL, missing: "infinity" | "-infinity"): SortKey => ({
  expr: sql`coalesce(${expr}, ${sql.raw(`'${missing}'`)}::date)`,
  type: "date",
});
/** A class's field, or missing where the actor may not read the class (the order must not tell). */
const ifReadable = (scope: ViewerScope, dataClass: DataClass, field: SQL): SQL =>
  sql`case when ${classReadable(scope, dataClass)} then ${field} end`;

function primarySortKey(field: PersonSortField, language: Language, scope: ViewerScope): SortKey | null {
  const s = personCaseSummaries;
  switch (field) {
    case "NAME":
      return null;
    case "CATEGORY":
      return textKey(sql`${s.category}`);
    case "ESTABLISHMENT":
      return textKey(ifReadable(scope, "DETENTION", sql`lower(${establishmentNameSql(language)})`));
    case "NEXT_SCREENING_DUE":
      // Only detained persons have a screening due (a check constraint says so): whoever reads the
      // listing in prison reads every date there is, and the plain column's index gives the order.
      return dateKey(
        scope.breakGlass.personIds.length === 0 && scope.stages.IN_PRISON.classes.includes("LISTING")
          ? sql`${s.nextScreeningDueOn}`
          : ifReadable(scope, "LISTING", sql`${s.nextScreeningDueOn}`),
        "infinity",
      );
    case "ADMITTED_ON":
      return dateKey(ifReadable(scope, "DETENTION", sql`${s.admittedOn}`), "-infinity");
    case "NEXT_ASSESSMENT_DUE":
      return dateKey(ifReadable(scope, "CLINICAL", sql`${s.nextAssessmentDueOn}`), "infinity");
  }
}

const CURSOR_VALUE: Record<SortKey["type"], (value: string) => boolean> = {
  text: () => true,
  date: (v) => v === "infinity" || v === "-infinity" || isIsoDate(v),
  uuid: isUuid,
};

/** The caseload's order for a sort field: its own key (none for NAME), then the name and the ID. */
export function personSortKeys(field: PersonSortField, language: Language, scope: ViewerScope): SortKey[] {
  const primary = primarySortKey(field, language, scope);
  return [
    ...(primary === null ? [] : [primary]),
    { expr: sql`${persons.sortName} collate "C"`, type: "text" },
    { expr: sql`${persons.id}`, type: "uuid" },
  ];
}

/** Whether a cursor's values can be keys of this order (each a text, date or ID as the key is). */
export function cursorFits(keys: readonly SortKey[], values: readonly string[]): boolean {
  return keys.length === values.length && keys.every((k, i) => CURSOR_VALUE[k.type](values[i] ?? ""));
}

/** One page of the persons an actor may see, with the sort-key values that make each row's cursor. */
export async function listPersons(
  db: Db,
  q: PersonListQuery,
): Promise<(VisiblePerson & { sortKey: string[] })[]> {
  const keys = personSortKeys(q.sort.field, q.language, q.scope);
  const conditions = [visibleCondition(q.scope), ...filterConditions(q.scope, q.filter)];
  if (q.after !== null) {
    const comparison = q.sort.direction === "ASC" ? sql.raw(">") : sql.raw("<");
    const values = keys.map((k, i) => sql`${q.after?.[i]}::${sql.raw(k.type)}`);
    conditions.push(
      sql`(${sql.join(
        keys.map((k) => k.expr),
        sql`, `,
      )}) ${comparison} (${sql.join(values, sql`, `)})`,
    );
  }
  const order = q.sort.direction === "ASC" ? asc : desc;
  const rows = await db
    .select({
      person: persons,
      summary: personCaseSummaries,
      sortKey: sql<string[]>`array[${sql.join(
        keys.map((k) => sql`(${k.expr})::text`),
        sql`, `,
      )}]`,
    })
    .from(persons)
    .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, persons.id))
    .leftJoin(establishments, eq(establishments.id, personCaseSummaries.establishmentId))
    .where(and(...conditions))
    .orderBy(...keys.map((k) => order(k.expr)))
    .limit(q.limit);
  return rows;
}

/** How many persons the list holds; without a name search, from the case summaries alone. */
export async function countPersons(db: Db, scope: ViewerScope, filter: PersonFilter): Promise<number> {
  const filters = filterConditions(scope, filter);
  if (filters.length === 0 && scope.breakGlass.personIds.length === 0) return countVisibleCases(db, scope);
  const where = and(visibleCondition(scope), ...filters);
  const count = { n: sql<number>`count(*)`.mapWith(Number) };
  const [row] =
    filter.search === null || filter.search === ""
      ? await db.select(count).from(personCaseSummaries).where(where)
      : await db
          .select(count)
          .from(persons)
          .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, persons.id))
          .where(where);
  return row?.n ?? 0;
}

/**
 * Every case the actor sees, unfiltered: the sum over the groups of visibility they see (migration
 * 0038), instead of a pass over every visible summary. The groups' table takes the summaries' name
 * in this statement, so that the visibility condition written for the summaries applies unchanged.
 */
async function countVisibleCases(db: Db, scope: ViewerScope): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select coalesce(sum(change), 0)::int as n from case_summary_group_changes as person_case_summaries
        where ${visibleCondition(scope)}`,
  );
  return Number(row?.n ?? 0);
}

/** The persons among `ids` that the scope lets the actor see; the others are simply absent. */
export async function visiblePersonsByIds(
  db: Db,
  scope: ViewerScope,
  ids: readonly string[],
): Promise<VisiblePerson[]> {
  return db
    .select({ person: persons, summary: personCaseSummaries })
    .from(persons)
    .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, persons.id))
    .where(and(inArray(persons.id, [...ids]), visibleCondition(scope)));
}

/**
 * Serialises changes to one case until the end of the transaction. An advisory lock rather than a
 * row lock: it is taken before knowing whether the actor may see the person at all.
 */
export async function lockPerson(db: Db, id: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`person:${id}`}))`);
}

// Inserts here return nothing (no RETURNING): under row-level security a row the actor cannot see
// yet (a new inmate before their placement) could not be returned. IDs are made by the application.
export async function insertPersons(
  db: Db,
  rows: readonly (NewPersonRecord & { id: string })[],
): Promise<void> {
  if (rows.length > 0) await db.insert(persons).values([...rows]);
}

/** The next `count` case reference numbers, in order. */
export async function nextReferenceNumbers(db: Db, count: number): Promise<number[]> {
  const rows = await queryRows<{ n: string }>(
    db,
    sql`select nextval('person_reference_seq')::text as n from generate_series(1, ${count}::int)`,
  );
  return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
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
  enrolledWith: string[];
  lastCategory: LegacyCategory | null;
  screeningResponsibleId: string | null;
  lastAssessment: { assessedOn: string; nextReviewOn: string } | null;
  /** Since when a person listed now has been on the list without a break. */
  listedSince: string | null;
  /** The latest closure, unless the person was admitted since. */
  closedOn: string | null;
}

/** What the case summary is derived from, read in one statement by a definer-rights function (migration 0004). */
export async function loadSummarySources(db: Db, personIds: readonly string[]): Promise<SummarySource[]> {
  const rows = await queryRows<{
    person_id: string;
    open_episode_id: string | null;
    admitted_on: string | null;
    has_episode: boolean;
    last_released_on: string | null;
    last_release_district: string | null;
    last_release_municipality: string | null;
    establishment_id: string | null;
    unit_id: string | null;
    category: LegacyCategory | null;
    labels: ListingLabel[] | null;
    listing_from: string | null;
    screened_on: string | null;
    next_due_on: string | null;
    enrolled_with: string[];
    last_category: LegacyCategory | null;
    screening_responsible_id: string | null;
    last_assessed_on: string | null;
    last_assessment_review_on: string | null;
    listed_since: string | null;
    closed_on: string | null;
  }>(db, sql`select * from app_summary_sources(${sql.param([...personIds])}::uuid[])`);
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
    enrolledWith: r.enrolled_with,
    lastCategory: r.last_category,
    screeningResponsibleId: r.screening_responsible_id,
    lastAssessment:
      r.last_assessed_on === null
        ? null
        : { assessedOn: r.last_assessed_on, nextReviewOn: r.last_assessment_review_on as string },
    listedSince: r.listed_since,
    closedOn: r.closed_on,
  }));
}

export type NewSummaryRecord = typeof personCaseSummaries.$inferInsert;

/** Writes summaries through the definer-rights function of migration 0005 (one statement). */
export async function upsertSummaries(db: Db, rows: NewSummaryRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    person_id: r.personId,
    detention_status: r.detentionStatus,
    current_episode_id: r.currentEpisodeId ?? null,
    admitted_on: r.admittedOn ?? null,
    establishment_id: r.establishmentId ?? null,
    unit_id: r.unitId ?? null,
    category: r.category ?? null,
    labels: r.labels ?? [],
    category_since: r.categorySince ?? null,
    last_screened_on: r.lastScreenedOn ?? null,
    next_screening_due_on: r.nextScreeningDueOn ?? null,
    released_on: r.releasedOn ?? null,
    release_judicial_district: r.releaseJudicialDistrict ?? null,
    release_municipality: r.releaseMunicipality ?? null,
    last_category: r.lastCategory ?? null,
    closed_on: r.closedOn ?? null,
    enrolled_with: r.enrolledWith ?? [],
    screening_responsible_id: r.screeningResponsibleId ?? null,
    last_assessed_on: r.lastAssessedOn ?? null,
    next_assessment_due_on: r.nextAssessmentDueOn ?? null,
  }));
  await db.execute(sql`select app_upsert_case_summaries(${JSON.stringify(json)}::jsonb)`);
}
