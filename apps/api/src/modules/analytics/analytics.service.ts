import {
  type AnalyticsInterval,
  type AnalyticsScope,
  addDaysToDate,
  addMonthsToDate,
  analyticsScopeOf,
  displayOf,
  isoDateSchema,
  mayDrillDown,
  type Period,
  type ProtectedCount,
  periodStartOf,
  periodsBetween,
  protectCount,
  type ReleaseDateKind,
  SMALL_COUNT_THRESHOLD,
} from "@continuum/domain";
import { loadVisiblePerson, requireActor, requirePurpose } from "../../access/policy.js";
import type { Page } from "../../graphql/connection.js";
import { decodeCursor, encodeCursor, pageSize } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput, forbidden } from "../../graphql/errors.js";
import { isUuid } from "../../graphql/global-id.js";
import type { VisiblePerson } from "../persons/person.repository.js";
import {
  type AnalyticsDimension,
  type AnalyticsFigure,
  DIMENSION_CELLS,
  FIGURES,
} from "./analytics.figures.js";
import {
  type AggregateQuery,
  type AggregateRow,
  aggregate,
  countPersonsInCell,
  dradexCapacities,
  type FactsParams,
  personsInCell,
  populationsByCode,
  stockAggregate,
} from "./analytics.repository.js";
import { stockViewFor } from "./analytics.stock.js";
import type { AnalyticsFilterInput, ReoffenceKind, WhatIfGroup } from "./analytics.type.js";
import {
  FigureCellType,
  FigureCountType,
  FigureFilterValueType,
  FigurePointType,
  FigureType,
  WhatIfProjectionType,
} from "./analytics.type.js";

/** How a figure is asked: on a day, or as a series of calendar periods (or one period from/to). */
export interface FigureTime {
  on?: string | null;
  from?: string | null;
  to?: string | null;
  interval?: AnalyticsInterval | null;
}

export interface FigureQuestion extends FigureTime {
  by?: AnalyticsDimension | null;
  filter?: AnalyticsFilterInput | null;
  withinMonths?: number | null;
  reoffence?: ReoffenceKind | null;
  dateKind?: ReleaseDateKind | null;
}

const RECIDIVISM_MAX_MONTHS = 240;
const OPEN_VALUE_MAX_LENGTH = 40;
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** A value naming a cell or filter: a code of at most 40 printable characters. */
function checkCode(value: string, field: string): void {
  if (value.length === 0 || value.length > OPEN_VALUE_MAX_LENGTH)
    throw badUserInput(`must be 1 to ${OPEN_VALUE_MAX_LENGTH} characters`, field);
  if (CONTROL_CHARACTERS.test(value)) throw badUserInput("must not contain control characters", field);
}

/** Whose cases the actor's figures count; refused to those with neither case access nor a statistician's role. */
export function scopeFor(ctx: RequestContext): AnalyticsScope {
  const actor = requireActor(ctx);
  const scope = analyticsScopeOf(actor);
  if (scope === null)
    throw forbidden("Figures are for readers of cases and for statisticians; your role has neither.");
  // Readers of cases count personal data they may open: the same conditions as opening it.
  if (scope === "VISIBLE_CASES") requirePurpose(ctx);
  return scope;
}

function checkDate(value: string, field: string): string {
  if (!isoDateSchema.safeParse(value).success) throw badUserInput("not a date (YYYY-MM-DD)", field);
  return value;
}

const monthStart = (day: string) => periodStartOf(day, "MONTH");

/** The periods a question covers. Statisticians' days are first days of months (see docs/analytics.md). */
function periodsOf(
  figure: AnalyticsFigure,
  time: FigureTime,
  scope: AnalyticsScope,
  today: string,
): { periods: Period[]; interval: AnalyticsInterval | null } {
  const { time: kind } = FIGURES[figure];
  const protectedScope = scope === "ALL_CASES_PROTECTED";
  const hasRange = time.from != null || time.to != null;
  if (time.on != null && hasRange) throw badUserInput("give either `on`, or `from` and `to`", "on");
  if (time.interval != null && !hasRange) throw badUserInput("a series needs `from` and `to`", "interval");
  if (kind === "ON_DAY" && hasRange) throw badUserInput("this figure is asked on one day: give `on`", "from");
  if (kind === "FLOW" && time.on != null)
    throw badUserInput("this figure counts over periods: give `from` and `to`", "on");
  if (!hasRange) {
    if (kind === "FLOW") throw badUserInput("this figure counts over periods: give `from` and `to`", "from");
    const asked = checkDate(time.on ?? today, "on");
    const day = protectedScope ? monthStart(asked) : asked;
    return { periods: [{ start: day, end: addDaysToDate(day, 1) }], interval: null };
  }
  if (time.from == null) throw badUserInput("give `from` with `to`", "from");
  if (time.to == null) throw badUserInput("give `to` with `from`", "to");
  const from = checkDate(time.from, "from");
  const to = checkDate(time.to, "to");
  if (to < from) throw badUserInput("must not be before `from`", "to");
  if (time.interval == null) {
    if (kind === "STOCK")
      throw badUserInput("a series needs an `interval` (MONTH, QUARTER or YEAR)", "interval");
    // One period from `from` to `to`, both included (whole months for statisticians).
    return protectedScope
      ? { periods: [{ start: monthStart(from), end: addMonthsToDate(monthStart(to), 1) }], interval: null }
      : { periods: [{ start: from, end: addDaysToDate(to, 1) }], interval: null };
  }
  const periods = periodsBetween(from, to, time.interval);
  if (periods === null)
    throw badUserInput("too many periods: choose a shorter range or a longer interval", "to");
  return { periods, interval: time.interval };
}

const FILTER_DIMENSIONS: Record<keyof AnalyticsFilterInput, AnalyticsDimension> = {
  category: "CATEGORY",
  label: "LABEL",
  sex: "SEX",
  ageBand: "AGE_BAND",
  nationalityGroup: "NATIONALITY_GROUP",
  languageCommunity: "LANGUAGE_COMMUNITY",
  returnee: "RETURNEE",
  failedTraveller: "FAILED_TRAVELLER",
  establishment: "ESTABLISHMENT",
  sentenceBand: "SENTENCE_BAND",
  releaseType: "RELEASE_TYPE",
  provider: "PROVIDER",
  listed: "LISTED",
  evaluationStage: "EVALUATION_STAGE",
  disengagementSigns: "DISENGAGEMENT_SIGNS",
  measureType: "MEASURE_TYPE",
  timeliness: "TIMELINESS",
  outcome: "OUTCOME",
  followUpWindow: "FOLLOW_UP_WINDOW",
};

/** The filters as (dimension, value) pairs, each checked against the figure's dimensions and values. */
function filtersOf(
  figure: AnalyticsFigure,
  filter: AnalyticsFilterInput | null | undefined,
): { dimension: AnalyticsDimension; value: string }[] {
  const filters: { dimension: AnalyticsDimension; value: string }[] = [];
  for (const [field, dimension] of Object.entries(FILTER_DIMENSIONS) as [
    keyof AnalyticsFilterInput,
    AnalyticsDimension,
  ][]) {
    const raw = filter?.[field];
    if (raw === null || raw === undefined) continue;
    const path = `filter.${field}`;
    if (!FIGURES[figure].dimensions.includes(dimension))
      throw badUserInput(`${figure} has no ${dimension} dimension`, path);
    const value = typeof raw === "boolean" ? (raw ? "YES" : "NO") : raw;
    const cells = DIMENSION_CELLS[dimension];
    if (cells !== undefined && !cells.includes(value))
      throw badUserInput(`must be one of ${cells.join(", ")}`, path);
    checkCode(value, path);
    filters.push({ dimension, value });
  }
  return filters;
}

function factsParams(
  question: FigureQuestion,
  periods: Period[],
  today: string,
  figure: AnalyticsFigure,
): FactsParams {
  const withinMonths = question.withinMonths ?? null;
  if (figure === "RECIDIVISM") {
    if (withinMonths === null) throw badUserInput("give the follow-up window in months", "withinMonths");
    if (!Number.isInteger(withinMonths) || withinMonths < 1 || withinMonths > RECIDIVISM_MAX_MONTHS)
      throw badUserInput(`must be from 1 to ${RECIDIVISM_MAX_MONTHS} months`, "withinMonths");
  }
  return {
    periods,
    today,
    withinMonths: withinMonths ?? 0,
    reoffenceKinds:
      question.reoffence === "ANY" ? ["REOFFENDED_TERRORIST", "REOFFENDED_OTHER"] : ["REOFFENDED_TERRORIST"],
    releaseDateKind: question.dateKind ?? "CONDITIONAL_RELEASE_ELIGIBILITY",
  };
}

interface PreparedQuestion {
  scope: AnalyticsScope;
  query: AggregateQuery;
  interval: AnalyticsInterval | null;
}

/** Periods one request may ask for over all its figures: a dashboard's worth, not a flood. */
const PERIODS_PER_REQUEST = 2000;
const periodsAsked = new WeakMap<RequestContext, number>();

function spendPeriods(ctx: RequestContext, periods: number): void {
  const asked = (periodsAsked.get(ctx) ?? 0) + periods;
  if (asked > PERIODS_PER_REQUEST)
    throw badUserInput(
      `at most ${PERIODS_PER_REQUEST} periods over all the figures of one request: split it, or use longer intervals`,
      "interval",
    );
  periodsAsked.set(ctx, asked);
}

function prepare(ctx: RequestContext, figure: AnalyticsFigure, question: FigureQuestion): PreparedQuestion {
  const scope = scopeFor(ctx);
  const by = question.by ?? null;
  if (by !== null && !FIGURES[figure].dimensions.includes(by))
    throw badUserInput(
      `${figure} has no ${by} dimension; it has ${FIGURES[figure].dimensions.join(", ")}`,
      "by",
    );
  const { periods, interval } = periodsOf(figure, question, scope, ctx.today);
  spendPeriods(ctx, periods.length);
  const filters = filtersOf(figure, question.filter);
  const params = factsParams(question, periods, ctx.today, figure);
  return {
    scope,
    interval,
    query: { figure, params, by, filters, withComplements: scope === "ALL_CASES_PROTECTED" },
  };
}

function auditQuestion(ctx: RequestContext, prepared: PreparedQuestion, query = "analytics"): void {
  const { figure, params, by, filters } = prepared.query;
  ctx.audit.record({
    operation: "AGGREGATE",
    details: {
      query,
      figure,
      scope: prepared.scope,
      by,
      filters,
      from: params.periods[0]?.start,
      to: addDaysToDate((params.periods.at(-1) as Period).end, -1),
      interval: prepared.interval,
      points: params.periods.length,
      ...(figure === "RECIDIVISM"
        ? { withinMonths: params.withinMonths, reoffence: params.reoffenceKinds }
        : {}),
      ...(figure === "UPCOMING_RELEASE_DATES" ? { dateKind: params.releaseDateKind } : {}),
    },
  });
}

/** A count as the scope shows it: exact to readers of cases, protected for statisticians. */
function countOf(value: ProtectedCount, rounded: boolean): FigureCountType {
  return Object.assign(new FigureCountType(), {
    value: value.value,
    display: displayOf(value.value, value.suppression),
    suppression: value.suppression,
    rounded: rounded && value.value !== null,
  });
}

const exactly = (count: number): ProtectedCount => ({ value: count, suppression: "NONE" });

const shareOf = (count: FigureCountType, denominator: FigureCountType) =>
  count.value === null || denominator.value === null || denominator.value === 0
    ? null
    : count.value / denominator.value;

/** Cells of the dimension, in order: a fixed list shown even at zero, or the keys found in any period. */
function cellKeys(
  by: AnalyticsDimension | null,
  rows: readonly AggregateRow[],
  extra: readonly string[],
): string[] {
  if (by === null) return ["ALL"];
  const found = new Set(rows.flatMap((r) => (r.key === null ? [] : [r.key])));
  for (const key of extra) found.add(key);
  const fixed = DIMENSION_CELLS[by];
  if (fixed === undefined) return [...found].sort();
  return [...fixed, ...[...found].filter((k) => !fixed.includes(k)).sort()];
}

/** Cells whose denominator is not the period's total: a unit's places, an establishment's population. */
type Denominators = (point: number) => Map<string, number | null>;

function assemble(
  prepared: PreparedQuestion,
  rows: readonly AggregateRow[],
  denominators: { label: string; of: Denominators; keys: readonly string[] } | null,
): FigureType {
  const { figure, params, by, filters } = prepared.query;
  const definition = FIGURES[figure];
  const isProtected = prepared.scope === "ALL_CASES_PROTECTED";
  const keys = cellKeys(by, rows, denominators?.keys ?? []);
  const empty = { count: 0, mean: null, meanCount: 0, complements: filters.map(() => 0) };
  const shown = (row: AggregateRow) =>
    isProtected ? countOf(protectCount(row), true) : countOf(exactly(row.count), false);
  // A mean over fewer than 5 persons would tell a statistician one person's sentence.
  const meanOf = (row: AggregateRow, count: FigureCountType) =>
    count.value === null || row.mean === null || (isProtected && row.meanCount < SMALL_COUNT_THRESHOLD)
      ? null
      : Math.round(row.mean * 10) / 10;
  const points = params.periods.map((period, point) => {
    const ofPoint = rows.filter((r) => r.point === point);
    const total = ofPoint.find((r) => r.key === null) ?? { ...empty, point, key: null };
    const totalCount = shown(total);
    const external = denominators?.of(point);
    return Object.assign(new FigurePointType(), {
      from: period.start,
      to: definition.time === "FLOW" ? addDaysToDate(period.end, -1) : period.start,
      total: totalCount,
      cells: keys.map((key) => {
        const row = by === null ? total : (ofPoint.find((r) => r.key === key) ?? { ...empty, point, key });
        const count = by === null ? totalCount : shown(row);
        const outside = external?.get(key);
        const denominator =
          external === undefined ? totalCount : outside == null ? null : countOf(exactly(outside), false);
        return Object.assign(new FigureCellType(), {
          key,
          count,
          denominator,
          share: denominator === null ? null : shareOf(count, denominator),
          mean: meanOf(row, count),
        });
      }),
    });
  });
  return Object.assign(new FigureType(), {
    figure,
    definition: definition.definition,
    unit: definition.unit,
    scope: prepared.scope,
    by,
    filters: filters.map((f) => Object.assign(new FigureFilterValueType(), f)),
    interval: prepared.interval,
    denominator: denominators?.label ?? definition.denominator ?? "the period's total",
    mean: definition.mean ?? null,
    points,
  });
}

/** The figure's counts: from its stock where that gives the live count's answer, else counted live. */
async function countsOf(ctx: RequestContext, prepared: PreparedQuestion): Promise<AggregateRow[]> {
  const tx = await ctx.tx.get();
  const view = stockViewFor(requireActor(ctx), prepared.scope, prepared.query);
  return view === null
    ? aggregate(tx, prepared.scope, prepared.query)
    : stockAggregate(tx, prepared.scope, prepared.query, view);
}

/** One figure, asked on a day or as a series; audited as an aggregate question. */
export async function figureOf(
  ctx: RequestContext,
  figure: AnalyticsFigure,
  question: FigureQuestion,
): Promise<FigureType> {
  const prepared = prepare(ctx, figure, question);
  auditQuestion(ctx, prepared);
  const rows = await countsOf(ctx, prepared);
  if (figure !== "DRADEX_OCCUPANCY" || prepared.query.by !== "UNIT") return assemble(prepared, rows, null);
  const capacities = await dradexCapacities(await ctx.tx.get());
  return assemble(prepared, rows, {
    label: "the unit's places",
    of: () => capacities,
    keys: [...capacities.keys()],
  });
}

/** CelEx-listed persons per establishment as a share of its population (that month's figure). */
export async function listedShareOfPopulation(ctx: RequestContext, time: FigureTime): Promise<FigureType> {
  const prepared = prepare(ctx, "LISTED_PERSONS", { ...time, by: "ESTABLISHMENT" });
  auditQuestion(ctx, prepared, "listedShareOfPopulation");
  const rows = await countsOf(ctx, prepared);
  const tx = await ctx.tx.get();
  const populations = await Promise.all(
    prepared.query.params.periods.map(async (p) => {
      const byCode = await populationsByCode(tx, p.start);
      return new Map([...byCode].map(([code, figure]) => [code, figure.population]));
    }),
  );
  return assemble(prepared, rows, {
    label: "the establishment's prison population (its latest monthly figure of the last 12 months)",
    of: (point) => populations[point] ?? new Map(),
    keys: [...new Set(populations.flatMap((m) => [...m.keys()]))],
  });
}

const WHAT_IF_FILTERS: Record<WhatIfGroup, AnalyticsFilterInput> = {
  RETURNEES: { returnee: true },
  FEMALE_RETURNEES: { returnee: true, sex: "FEMALE" },
  LISTED: { listed: true },
  FEMALE_LISTED: { listed: true, sex: "FEMALE" },
};

const WHAT_IF_MAX_ADDITIONAL = 100_000;

/** A group's share of the prison population on a day, now and with `additional` more of them. */
export async function whatIfShare(
  ctx: RequestContext,
  on: string,
  group: WhatIfGroup,
  additional: number,
): Promise<WhatIfProjectionType> {
  if (!Number.isInteger(additional) || additional < 0 || additional > WHAT_IF_MAX_ADDITIONAL)
    throw badUserInput(`must be from 0 to ${WHAT_IF_MAX_ADDITIONAL}`, "additional");
  const prepared = prepare(ctx, "DETAINED_PERSONS", { on, filter: WHAT_IF_FILTERS[group] });
  auditQuestion(ctx, prepared, "whatIfShare");
  const tx = await ctx.tx.get();
  const figure = assemble(prepared, await countsOf(ctx, prepared), null);
  const point = figure.points[0] as FigurePointType;
  const populations = [...(await populationsByCode(tx, point.from)).values()];
  const women = group === "FEMALE_RETURNEES" || group === "FEMALE_LISTED";
  const population =
    populations.length === 0
      ? null
      : populations.reduce((sum, p) => sum + (women ? p.women : p.population), 0);
  const current = point.total;
  const known = current.value !== null && population !== null && population > 0;
  return Object.assign(new WhatIfProjectionType(), {
    on: point.from,
    group,
    current,
    population,
    additional,
    shareNow: known ? (current.value as number) / (population as number) : null,
    shareWithAdditional: known
      ? ((current.value as number) + additional) / ((population as number) + additional)
      : null,
  });
}

/**
 * The persons behind one cell of a figure on one day or period: for readers of cases only. The
 * question is audited as a search; each person read is audited as it resolves, as in any list.
 */
export async function personsBehind(
  ctx: RequestContext,
  figure: AnalyticsFigure,
  question: FigureQuestion & { cell?: string | null; first: number; after?: string | null },
): Promise<Page<VisiblePerson>> {
  const prepared = prepare(ctx, figure, question);
  if (!mayDrillDown(prepared.scope))
    throw forbidden(
      "Only readers of cases may see the persons behind a figure; statisticians get figures only.",
    );
  if (prepared.query.params.periods.length !== 1)
    throw badUserInput(
      "the persons behind a figure are listed for one day or one period: give `on`, or `from` and `to` without `interval`",
      "interval",
    );
  const cell = question.cell ?? null;
  if (cell !== null && prepared.query.by === null) throw badUserInput("give `by` with `cell`", "cell");
  if (cell !== null) checkCode(cell, "cell");
  const cells = prepared.query.by === null ? undefined : DIMENSION_CELLS[prepared.query.by];
  if (cell !== null && cells !== undefined && ![...cells, "NONE"].includes(cell))
    throw badUserInput(`must be one of ${[...cells, "NONE"].join(", ")}`, "cell");
  const limit = pageSize(question.first);
  const after = question.after == null ? null : (decodeCursor(question.after, 1)[0] as string);
  if (after !== null && !isUuid(after)) throw badUserInput("after is not a cursor of this list", "after");
  const tx = await ctx.tx.get();
  const ids = await personsInCell(tx, prepared.query, cell, after, limit + 1);
  const persons = await Promise.all(ids.slice(0, limit).map((id) => loadVisiblePerson(ctx, id)));
  const items = persons.flatMap((p, i) =>
    p === null ? [] : [{ node: p, cursor: encodeCursor([ids[i] as string]) }],
  );
  ctx.audit.record({
    operation: "SEARCH",
    details: {
      analytics: prepared.query.figure,
      by: prepared.query.by,
      cell,
      filters: prepared.query.filters,
      from: prepared.query.params.periods[0]?.start,
      returned: items.length,
    },
  });
  return {
    items,
    hasNextPage: ids.length > limit,
    hasPreviousPage: after !== null,
    count: () => countPersonsInCell(tx, prepared.query, cell),
  };
}
