import {
  type AnalyticsScope,
  addDaysToDate,
  CALENDAR_TIME_ZONE,
  NOTIFICATION_GRACE_DAYS,
  type Period,
  type ReleaseDateKind,
} from "@continuum/domain";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import { type AnalyticsDimension, type AnalyticsFigure, FIGURES } from "./analytics.figures.js";
import type { StockView } from "./analytics.stock.js";

// The SQL behind every figure: one statement per figure. Each figure is a set of facts (one row
// per counted thing and period: a person, a measure, a review, a decision) with the columns its
// dimensions group and filter by; `aggregate` counts them per period and cell in the database.

export interface FactsParams {
  periods: readonly Period[];
  today: string;
  withinMonths: number;
  reoffenceKinds: readonly string[];
  releaseDateKind: ReleaseDateKind;
}

/** A dimension's column in the facts: a single value, or several (a person has several labels). */
interface DimensionColumn {
  column: string;
  multiple?: boolean;
}

const DIMENSION_COLUMNS: Record<AnalyticsDimension, DimensionColumn> = {
  CATEGORY: { column: "category" },
  LABEL: { column: "labels", multiple: true },
  SEX: { column: "sex" },
  AGE_BAND: { column: "age_band" },
  NATIONALITY_GROUP: { column: "nationality_group" },
  LANGUAGE_COMMUNITY: { column: "language_community" },
  RETURNEE: { column: "returnee" },
  FAILED_TRAVELLER: { column: "failed_traveller" },
  ESTABLISHMENT: { column: "establishment" },
  SENTENCE_BAND: { column: "sentence_band" },
  RELEASE_TYPE: { column: "release_type" },
  PROVIDER: { column: "providers", multiple: true },
  LIST: { column: "lists", multiple: true },
  UNIT: { column: "unit" },
  LISTED: { column: "listed" },
  YEAR: { column: "year" },
  EVALUATION_LEVEL: { column: "evaluation_level" },
  EVALUATION_STAGE: { column: "evaluation_stage" },
  DISENGAGEMENT_SIGNS: { column: "disengagement_signs" },
  MEASURE_TYPE: { column: "measure_type" },
  TIMELINESS: { column: "timeliness" },
  OUTCOME: { column: "outcome" },
  FOLLOW_UP_WINDOW: { column: "follow_up_window" },
};

const yesNo = (expr: SQL) => sql`case when ${expr} then 'YES' else 'NO' end`;

/** The person's attributes on a day, as the dimensions name them (`p` is the persons row). */
function personColumns(day: SQL): SQL {
  return sql`p.sex as sex, app_age_band(p.date_of_birth, ${day}) as age_band,
    app_nationality_group(p.nationalities) as nationality_group,
    p.language_community as language_community,
    ${yesNo(sql`p.returnee`)} as returnee,
    ${yesNo(sql`p.failed_traveller`)} as failed_traveller`;
}

/** The periods as a relation `pt(point, start, stop, day)`; a stock is counted on the period's first day. */
function periodsRelation(periods: readonly Period[]): SQL {
  const starts = `{${periods.map((p) => p.start).join(",")}}`;
  const stops = `{${periods.map((p) => p.end).join(",")}}`;
  return sql`(select (o.point - 1)::int as point, o.start, o.stop, o.start as day
    from unnest(${starts}::date[], ${stops}::date[]) with ordinality as o(start, stop, point))`;
}

const during = (from: SQL, to: SQL, day: SQL) => sql`${from} <= ${day} and (${to} is null or ${to} > ${day})`;

function sentenceBand(months: SQL): SQL {
  return sql`case when ${months} is null then 'NO_FIXED_TERM' when ${months} < 60 then 'UNDER_5_YEARS'
    when ${months} <= 120 then 'FROM_5_TO_10_YEARS' else 'OVER_10_YEARS' end`;
}

/** Persons on the CelEx list on each period's first day, with where they were held and their sentence. */
function listedPersonsFacts(pt: SQL): SQL {
  return sql`select pt.point, lp.person_id as counted, ${personColumns(sql`pt.day`)},
      lp.category, lp.labels, e.code as establishment,
      ${sentenceBand(sql`de.sentence_months`)} as sentence_band, de.sentence_months::numeric as mean_value,
      de.id is not null as detained
    from ${pt} pt
    join listing_periods lp on ${during(sql`lp.valid_from`, sql`lp.valid_to`, sql`pt.day`)}
    join persons p on p.id = lp.person_id
    left join placements pl on pl.person_id = lp.person_id and ${during(sql`pl.valid_from`, sql`pl.valid_to`, sql`pt.day`)}
    left join establishments e on e.id = pl.establishment_id
    left join detention_episodes de on de.person_id = lp.person_id
      and ${during(sql`de.admitted_on`, sql`de.released_on`, sql`pt.day`)}`;
}

const FACTS: Record<AnalyticsFigure, (pt: SQL, params: FactsParams) => SQL> = {
  LISTED_PERSONS: listedPersonsFacts,

  SENTENCE_LENGTHS: (pt) => sql`select * from (${listedPersonsFacts(pt)}) listed where listed.detained`,

  LIST_COMPARISON: (pt) => sql`select pt.point, x.person_id as counted, ${personColumns(sql`pt.day`)},
      array_remove(array[case when x.celex then 'CELEX' end, case when x.intelligence then 'INTELLIGENCE' end,
                         case when x.celex and x.intelligence then 'BOTH' end], null) as lists
    from ${pt} pt
    cross join lateral (
      select u.person_id, bool_or(u.celex) as celex, bool_or(not u.celex) as intelligence from (
        select lp.person_id, true as celex from listing_periods lp
          where ${during(sql`lp.valid_from`, sql`lp.valid_to`, sql`pt.day`)}
        union all
        select w.person_id, false from watchlist_entries w
          where ${during(sql`w.valid_from`, sql`w.valid_to`, sql`pt.day`)}
      ) u group by u.person_id
    ) x
    join persons p on p.id = x.person_id`,

  DETAINED_PERSONS: (pt) => sql`select pt.point, de.person_id as counted, ${personColumns(sql`pt.day`)},
      e.code as establishment, ${yesNo(sql`lp.person_id is not null`)} as listed, lp.category,
      ${sentenceBand(sql`de.sentence_months`)} as sentence_band
    from ${pt} pt
    join detention_episodes de on ${during(sql`de.admitted_on`, sql`de.released_on`, sql`pt.day`)}
    join persons p on p.id = de.person_id
    left join placements pl on pl.person_id = de.person_id and ${during(sql`pl.valid_from`, sql`pl.valid_to`, sql`pt.day`)}
    left join establishments e on e.id = pl.establishment_id
    left join listing_periods lp on lp.person_id = de.person_id
      and ${during(sql`lp.valid_from`, sql`lp.valid_to`, sql`pt.day`)}`,

  DRADEX_OCCUPANCY: (pt) => sql`select pt.point, pl.person_id as counted, ${personColumns(sql`pt.day`)},
      e.code || '/' || u.code as unit, lp.category
    from ${pt} pt
    join placements pl on ${during(sql`pl.valid_from`, sql`pl.valid_to`, sql`pt.day`)}
    join establishment_units u on u.id = pl.unit_id and u.kind = 'DRADEX'
    join establishments e on e.id = u.establishment_id
    join persons p on p.id = pl.person_id
    left join listing_periods lp on lp.person_id = pl.person_id
      and ${during(sql`lp.valid_from`, sql`lp.valid_to`, sql`pt.day`)}`,

  RELEASES: (pt) => sql`select pt.point, de.person_id as counted, ${personColumns(sql`de.released_on`)},
      lp.category, lp.labels, de.release_type, e.code as establishment
    from ${pt} pt
    join detention_episodes de on de.released_on >= pt.start and de.released_on < pt.stop
    join listing_periods lp on lp.person_id = de.person_id and lp.valid_from < de.released_on
      and (lp.valid_to is null or lp.valid_to >= de.released_on)
    join persons p on p.id = de.person_id
    left join placements pl on pl.person_id = de.person_id and pl.valid_from < de.released_on
      and (pl.valid_to is null or pl.valid_to >= de.released_on)
    left join establishments e on e.id = pl.establishment_id`,

  UPCOMING_RELEASE_DATES: (pt, params) => {
    // Before any override was recorded, the rule's date held (unknown for episodes overridden
    // before the rule's date was kept: their current date stands in, see migration 0027).
    const byRule =
      params.releaseDateKind === "END_OF_SENTENCE"
        ? sql`coalesce(de.rule_end_of_sentence_on, de.end_of_sentence_on)`
        : sql`coalesce(de.rule_eligible_on, de.conditional_release_eligible_on)`;
    return sql`select pt.point, de.person_id as counted, ${personColumns(sql`pt.day`)}, lp.category,
        e.code as establishment, extract(year from d.on)::int::text as year
      from ${pt} pt
      join detention_episodes de on ${during(sql`de.admitted_on`, sql`de.released_on`, sql`pt.day`)}
      join listing_periods lp on lp.person_id = de.person_id
        and ${during(sql`lp.valid_from`, sql`lp.valid_to`, sql`pt.day`)}
      join persons p on p.id = de.person_id
      left join placements pl on pl.person_id = de.person_id
        and ${during(sql`pl.valid_from`, sql`pl.valid_to`, sql`pt.day`)}
      left join establishments e on e.id = pl.establishment_id
      cross join lateral (
        select coalesce((
          select o.date from release_date_overrides o
          where o.episode_id = de.id and o.kind = ${params.releaseDateKind} and o.created_at < (pt.day + 1)::timestamp at time zone ${CALENDAR_TIME_ZONE}
          order by o.created_at desc limit 1), ${byRule}) as on
      ) d
      where d.on >= pt.day`;
  },

  PROGRAMME_PARTICIPATION: (
    pt,
  ) => sql`select pt.point, lp.person_id as counted, ${personColumns(sql`pt.start`)},
      lp.category, lp.labels,
      case when cardinality(took.providers) = 0 then '{NONE}'::text[] else took.providers || '{ANY}'::text[] end
        as providers
    from ${pt} pt
    cross join lateral (
      select distinct on (l.person_id) l.person_id, l.category, l.labels from listing_periods l
      where l.valid_from < pt.stop and (l.valid_to is null or l.valid_to > pt.start)
      order by l.person_id, l.valid_from desc
    ) lp
    join persons p on p.id = lp.person_id
    cross join lateral (
      select array(
        select distinct a.code from programme_enrolments en join agencies a on a.id = en.provider_agency_id
        where en.person_id = lp.person_id and en.enrolled_on < pt.stop and (en.ended_on is null or en.ended_on > pt.start)
          and exists (select 1 from programme_status_changes sc
                      where sc.enrolment_id = en.id and sc.status = 'ACTIVE' and sc.on < pt.stop)
      ) as providers
    ) took`,

  DISENGAGEMENT_EVALUATIONS: (
    pt,
  ) => sql`select pt.point, ev.person_id as counted, ${personColumns(sql`pt.day`)},
      ev.level as evaluation_level, ev.stage as evaluation_stage,
      ${yesNo(sql`ev.level <> 'NO_SIGNS'`)} as disengagement_signs
    from ${pt} pt
    cross join lateral (
      select distinct on (d.person_id) d.person_id, d.level, d.stage from disengagement_evaluations d
      where d.evaluated_on <= pt.day
      order by d.person_id, d.evaluated_on desc, d.created_at desc
    ) ev
    join persons p on p.id = ev.person_id`,

  MEASURES_IN_FORCE: (
    pt,
  ) => sql`select pt.point, sm.id as counted, sm.person_id, ${personColumns(sql`pt.day`)},
      mt.code as measure_type, e.code as establishment
    from ${pt} pt
    join security_measures sm on sm.starts_on <= pt.day
      and least(sm.ends_on, coalesce(sm.lifted_on, sm.ends_on), coalesce(sm.ended_on, sm.ends_on)) > pt.day
    join measure_types mt on mt.id = sm.measure_type_id
    join establishments e on e.id = sm.establishment_id
    join persons p on p.id = sm.person_id`,

  MEASURE_REVIEWS: (
    pt,
    params,
  ) => sql`select pt.point, d.id as counted, d.person_id, ${personColumns(sql`d.next_review_on`)},
      mt.code as measure_type, e.code as establishment,
      case when r.decided_on is null and d.next_review_on >= ${params.today}::date then 'NOT_YET_DUE'
           when r.decided_on is null then 'OUTSTANDING'
           when r.decided_on <= d.next_review_on then 'ON_TIME' else 'LATE' end as timeliness
    from ${pt} pt
    join decisions d on d.next_review_on >= pt.start and d.next_review_on < pt.stop and d.measure_id is not null
    join security_measures sm on sm.id = d.measure_id
      and least(sm.ends_on, coalesce(sm.lifted_on, sm.ends_on), coalesce(sm.ended_on, sm.ends_on)) > d.next_review_on
    join measure_types mt on mt.id = sm.measure_type_id
    join establishments e on e.id = sm.establishment_id
    join persons p on p.id = d.person_id
    left join lateral (
      select min(r.decided_on) as decided_on from decisions r
      where r.measure_id = d.measure_id and r.kind = 'MEASURE_REVIEWED' and r.id <> d.id
        and (r.decided_on, r.created_at) > (d.decided_on, d.created_at)
    ) r on true`,

  DECISION_NOTIFICATIONS: (pt, params) => {
    const due = sql`(greatest(d.effective_on, d.decided_on) + ${NOTIFICATION_GRACE_DAYS}::int)`;
    return sql`select pt.point, d.id as counted, d.person_id, ${personColumns(sql`d.effective_on`)},
        case when n.notified_on is null and ${due} >= ${params.today}::date then 'NOT_YET_DUE'
             when n.notified_on is null then 'OUTSTANDING'
             when n.notified_on <= ${due} then 'ON_TIME' else 'LATE' end as timeliness
      from ${pt} pt
      join decisions d on d.effective_on >= pt.start and d.effective_on < pt.stop
        and d.recommendation_outcome is distinct from 'REJECTED'
      join persons p on p.id = d.person_id
      left join lateral (select min(dn.notified_on) as notified_on from decision_notifications dn
                         where dn.decision_id = d.id) n on true`;
  },

  RECIDIVISM: (pt, params) => {
    const windowEnd = sql`(r.released_on + make_interval(months => ${params.withinMonths}::int))::date`;
    return sql`select pt.point, r.person_id as counted, ${personColumns(sql`r.released_on`)}, r.category,
        r.release_type,
        case when exists (select 1 from case_outcomes o where o.person_id = r.person_id
                            and o.kind = any (${`{${params.reoffenceKinds.join(",")}}`}::text[])
                            and o.occurred_on >= r.released_on and o.occurred_on < ${windowEnd}
                            and o.occurred_on < ${params.today}::date + 1)
             then 'REOFFENDED' else 'NOT_REOFFENDED' end as outcome,
        case when ${windowEnd} <= ${params.today}::date then 'COMPLETE' else 'INCOMPLETE' end as follow_up_window
      from ${pt} pt
      cross join lateral (
        select distinct on (de.person_id) de.person_id, de.released_on, de.release_type, lp.category
        from detention_episodes de
        join listing_periods lp on lp.person_id = de.person_id and lp.valid_from < de.released_on
          and (lp.valid_to is null or lp.valid_to >= de.released_on)
        where de.released_on >= pt.start and de.released_on < pt.stop
          and de.release_type not in ('TRANSFER_ABROAD', 'DEATH_IN_CUSTODY')
        order by de.person_id, de.released_on
      ) r
      join persons p on p.id = r.person_id`;
  },
};

export interface AggregateRow {
  point: number;
  /** Null on the period's total row. */
  key: string | null;
  count: number;
  mean: number | null;
  /** How many persons the mean is over (fixed-term sentences only). */
  meanCount: number;
  complements: number[];
}

export interface AggregateQuery {
  figure: AnalyticsFigure;
  params: FactsParams;
  by: AnalyticsDimension | null;
  filters: readonly { dimension: AnalyticsDimension; value: string }[];
  /** Count, per filter, the same cell with that filter reversed (for disclosure control). */
  withComplements: boolean;
}

/** A single-valued dimension's cell: its value, or NONE where the fact has none (not held, not listed). */
const cellOf = (column: string) => sql`coalesce(f.${sql.identifier(column)}::text, 'NONE')`;

function filterCondition(dimension: AnalyticsDimension, value: string): SQL {
  const { column, multiple } = DIMENSION_COLUMNS[dimension];
  return multiple === true
    ? sql`${value} = any (f.${sql.identifier(column)})`
    : sql`${cellOf(column)} = ${value}`;
}

function allOf(conditions: readonly SQL[]): SQL {
  return conditions.length === 0
    ? sql`true`
    : sql.join(
        conditions.map((c) => sql`(${c})`),
        sql` and `,
      );
}

/** The case tables figures read; row-level security checks each of their rows. */
const CASE_TABLES = [
  "persons",
  "listing_periods",
  "watchlist_entries",
  "placements",
  "detention_episodes",
  "release_date_overrides",
  "programme_enrolments",
  "programme_status_changes",
  "disengagement_evaluations",
  "security_measures",
  "decisions",
  "decision_notifications",
  "case_outcomes",
];

/**
 * Under row-level security each case table is read once, into a CTE of the same name that the
 * facts then read: the policy's per-row check runs once per row instead of once per row and
 * period (a 6-year monthly series would otherwise check every row 72 times). A CTE that the
 * figure does not use is never evaluated. The statistics role has no per-row check to save.
 */
function readOnce(scope: AnalyticsScope): SQL {
  if (scope !== "VISIBLE_CASES") return sql``;
  return sql.join(
    CASE_TABLES.map(
      (table) => sql`${sql.identifier(table)} as materialized (select * from ${sql.identifier(table)}), `,
    ),
    sql``,
  );
}

/** The statement counting one figure per period and cell, with each period's total. */
function aggregateStatement(scope: AnalyticsScope, query: AggregateQuery): SQL {
  const facts = FACTS[query.figure](periodsRelation(query.params.periods), query.params);
  const conditions = query.filters.map((f) => filterCondition(f.dimension, f.value));
  const complements = query.withComplements
    ? conditions.map(
        (reversed, i) =>
          sql`, count(distinct f.counted) filter (where ${allOf(conditions.filter((_, j) => j !== i))}
              and not coalesce(${reversed}, false))::int as ${sql.identifier(`c${i}`)}`,
      )
    : [];
  const byColumn = query.by === null ? null : DIMENSION_COLUMNS[query.by];
  const keyFrom =
    byColumn === null
      ? sql``
      : byColumn.multiple === true
        ? sql`cross join lateral unnest(coalesce(nullif(f.${sql.identifier(byColumn.column)}, '{}'), '{NONE}')) as k(key)`
        : sql`cross join lateral (select ${cellOf(byColumn.column)} as key) as k`;
  const grouping = byColumn === null ? sql`(f.point)` : sql`(f.point, k.key), (f.point)`;
  const keyColumn = byColumn === null ? sql`null::text` : sql`k.key`;
  const totalFlag = byColumn === null ? sql`1` : sql`grouping(k.key)`;
  const averaged = sql`(where f.mean_value is not null and ${allOf(conditions)})`;
  const [mean, meanCount] =
    query.figure === "SENTENCE_LENGTHS"
      ? [sql`avg(f.mean_value) filter ${averaged}`, sql`count(distinct f.counted) filter ${averaged}`]
      : [sql`null`, sql`0`];
  return sql`with ${readOnce(scope)} f as (${facts})
    select f.point, ${keyColumn} as key, ${totalFlag} as is_total,
      count(distinct f.counted) filter (where ${allOf(conditions)})::int as count,
      ${mean}::float8 as mean, ${meanCount}::int as mean_count
      ${sql.join(complements, sql``)}
    from f ${keyFrom}
    group by grouping sets (${grouping})`;
}

const dialect = new PgDialect();

/**
 * Runs a figure's statement. Readers of cases run it as themselves, under row-level security, so
 * it counts what they may read. Statisticians' statements go, with their values inlined (and
 * quoted), through `app_statistics_rows` (migration 0028), which runs that one statement with the
 * rights of the statistics role: every case, only the columns figures count by.
 */
async function rowsOf(tx: Tx, scope: AnalyticsScope, statement: SQL): Promise<Record<string, unknown>[]> {
  if (scope === "VISIBLE_CASES") return queryRows<Record<string, unknown>>(tx, statement);
  const text = dialect.sqlToQuery(statement.inlineParams()).sql;
  const rows = await queryRows<{ row: Record<string, unknown> }>(
    tx,
    sql`select app_statistics_rows(${text}) as row`,
  );
  return rows.map((r) => r.row);
}

export async function aggregate(
  tx: Tx,
  scope: AnalyticsScope,
  query: AggregateQuery,
): Promise<AggregateRow[]> {
  const rows = await rowsOf(tx, scope, aggregateStatement(scope, query));
  return rows.map((row) => aggregateRowOf(query, row));
}

function aggregateRowOf(query: AggregateQuery, row: Record<string, unknown>): AggregateRow {
  return {
    point: Number(row.point),
    key: Number(row.is_total) === 1 ? null : (row.key as string),
    count: Number(row.count),
    mean: row.mean === null || row.mean === undefined ? null : Number(row.mean),
    meanCount: Number(row.mean_count ?? 0),
    complements: query.filters.map((_, i) => Number(row[`c${i}`] ?? 0)),
  };
}

/**
 * LISTED_PERSONS from its stock (migration 0037): the changes of the stages the actor counts, summed
 * up to each point. A change on a day after point i's day counts from point i + 1 on (its bucket).
 * Where the actor does not read placements at a stage, the stage's persons are all in the
 * ESTABLISHMENT cell NONE, as in the live count: that cell takes the stage's TOTAL changes (row-level
 * security hides its per-establishment rows).
 */
function stockStatement(query: AggregateQuery, view: StockView): SQL {
  const days = query.params.periods.map((p) => p.start);
  const list = (values: readonly string[]) => `{${values.join(",")}}`;
  const firstPointAfter = list(days.map((day) => addDaysToDate(day, 1)));
  const byEstablishment = query.by === "ESTABLISHMENT";
  const cellStages = byEstablishment ? view.establishmentStages : view.stages;
  const noneStages = byEstablishment ? view.stages.filter((s) => !view.establishmentStages.includes(s)) : [];
  const changes = (dimension: string, stages: readonly string[], key: SQL) =>
    sql`select c.day, ${key} as key, c.change from analytics_listing_changes c
        where c.dimension = ${dimension} and c.stage = any (${list(stages)}::text[]) and c.day <= ${days.at(-1)}::date`;
  const sources = [changes("TOTAL", view.stages, sql`null::text`)];
  if (query.by !== null) sources.push(changes(query.by, cellStages, sql`c.key`));
  if (noneStages.length > 0) sources.push(changes("TOTAL", noneStages, sql`'NONE'`));
  const cell = byEstablishment
    ? sql`coalesce((select e.code from establishments e where e.id::text = changed.key), changed.key)`
    : sql`changed.key`;
  return sql`with changed as (
      select width_bucket(c.day, ${firstPointAfter}::date[]) as bucket, c.key, sum(c.change) as change
      from (${sql.join(sources, sql` union all `)}) c
      group by 1, 2)
    select p.point, ${cell} as key, (changed.key is null)::int as is_total, sum(changed.change)::int as count,
      null::float8 as mean, 0 as mean_count
    from generate_series(0, ${days.length - 1}::int) as p(point)
    join changed on changed.bucket <= p.point
    group by p.point, changed.key
    having sum(changed.change) > 0`;
}

export function stockAggregate(
  tx: Tx,
  scope: AnalyticsScope,
  query: AggregateQuery,
  view: StockView,
): Promise<AggregateRow[]> {
  return rowsOf(tx, scope, stockStatement(query, view)).then((rows) =>
    rows.map((row) => aggregateRowOf(query, row)),
  );
}

/** The persons behind one cell of a figure, as a relation `cell(person_id)` (drill-down). */
function cellPersons(query: AggregateQuery, cell: string | null): SQL {
  const facts = FACTS[query.figure](periodsRelation(query.params.periods), query.params);
  const conditions = query.filters.map((f) => filterCondition(f.dimension, f.value));
  if (query.by !== null && cell !== null) conditions.push(filterCondition(query.by, cell));
  const personColumn = FIGURES[query.figure].unit === "PERSONS" ? sql`f.counted` : sql`f.person_id`;
  return sql`(with ${readOnce("VISIBLE_CASES")} f as (${facts}) select distinct ${personColumn} as person_id from f where ${allOf(conditions)}) cell`;
}

/** A page of the persons behind one cell of a figure in one period, by ID (readers of cases only). */
export async function personsInCell(
  tx: Tx,
  query: AggregateQuery,
  cell: string | null,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await queryRows<{ person_id: string }>(
    tx,
    sql`select cell.person_id from ${cellPersons(query, cell)}
      ${after === null ? sql`` : sql`where cell.person_id > ${after}::uuid`}
      order by 1 limit ${limit}`,
  );
  return rows.map((r) => r.person_id);
}

export async function countPersonsInCell(
  tx: Tx,
  query: AggregateQuery,
  cell: string | null,
): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    tx,
    sql`select count(*)::int as count from ${cellPersons(query, cell)}`,
  );
  return Number(row?.count ?? 0);
}

/** Places of each D-Rad:Ex unit, keyed as the figure's UNIT cells ("ITT/DRX"). */
export async function dradexCapacities(tx: Tx): Promise<Map<string, number | null>> {
  const rows = await queryRows<{ unit: string; capacity: number | null }>(
    tx,
    sql`select e.code || '/' || u.code as unit, u.capacity from establishment_units u
        join establishments e on e.id = u.establishment_id where u.kind = 'DRADEX'`,
  );
  return new Map(rows.map((r) => [r.unit, r.capacity === null ? null : Number(r.capacity)]));
}

/** Each establishment's latest monthly population on or before the day, keyed by its code. */
export async function populationsByCode(
  tx: Tx,
  on: string,
): Promise<Map<string, { population: number; women: number; month: string }>> {
  const rows = await queryRows<{ code: string; population: number; women_population: number; on: string }>(
    tx,
    sql`select distinct on (ep.establishment_id) e.code, ep.population, ep.women_population, ep.on::text as on
        from establishment_populations ep join establishments e on e.id = ep.establishment_id
        where ep.on <= ${on}::date and ep.on >= ${on}::date - 366
        order by ep.establishment_id, ep.on desc`,
  );
  return new Map(
    rows.map((r) => [
      r.code,
      { population: Number(r.population), women: Number(r.women_population), month: r.on },
    ]),
  );
}
