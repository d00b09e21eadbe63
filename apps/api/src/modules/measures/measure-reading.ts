import {
  addDaysToDate,
  type DataClass,
  evaluationDueOn,
  isoDateSchema,
  mayRead,
  measureStateOn,
  type PersonAccess,
} from "@continuum/domain";
import { accessFor, requirePurpose } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import {
  type MeasureRecord,
  measuresStartedBy,
  pendingAppeals,
  pendingRecommendations,
  unnotifiedDecisions,
} from "./measure.repository.js";
import { eventOf } from "./measure.service.js";
import {
  AppealType,
  DecisionType,
  EvaluationDueType,
  RecommendationType,
  SecurityMeasureType,
} from "./measure.type.js";

/** Loads the rows' persons in one batch, so that the loops below read them from the request's cache. */
async function primePersons(ctx: RequestContext, rows: readonly { personId: string }[]): Promise<void> {
  await ctx.loaders.visiblePerson.loadMany([...new Set(rows.map((r) => r.personId))]);
}

/**
 * The rows whose person's data of a class the actor reads (row-level security already narrowed
 * them), mapped with what the actor may see of each person; every person returned is audited as read.
 */
export async function readMeasuresData<R extends { personId: string }, T>(
  ctx: RequestContext,
  rows: readonly R[],
  map: (row: R, access: PersonAccess) => T | null | Promise<T | null>,
  dataClass: DataClass = "MEASURES",
): Promise<T[]> {
  const actor = requirePurpose(ctx);
  await primePersons(ctx, rows);
  const readable: { row: R; access: PersonAccess }[] = [];
  for (const row of rows) {
    const visible = await ctx.loaders.visiblePerson.load(row.personId);
    if (visible === null) continue;
    const access = accessFor(actor, visible.summary);
    if (mayRead(access, dataClass, "SUMMARY")) readable.push({ row, access });
  }
  // Mapped together, so that what the mapping loads (a measure's decisions, say) is one batch.
  const mapped = await Promise.all(readable.map(({ row, access }) => map(row, access)));
  const result: T[] = [];
  for (const [i, { row, access }] of readable.entries()) {
    const value = mapped[i];
    if (value === null || value === undefined) continue;
    ctx.audit.read(row.personId, [dataClass], access.breakGlass);
    result.push(value);
  }
  return result;
}

/** A measure as it stood on a date, from the decisions taken by then; null if not yet decided then. */
export async function measureAsOf(
  ctx: RequestContext,
  measure: MeasureRecord,
  on: string,
  access: PersonAccess,
): Promise<SecurityMeasureType | null> {
  const state = measureStateOn(
    (await ctx.loaders.decisionsOfMeasure.load(measure.id)).map(eventOf),
    on,
    measure.endedOn,
  );
  return state === null ? null : SecurityMeasureType.from(measure, state, on, access);
}

export function checkDate(on: string, argument: string): void {
  if (!isoDateSchema.safeParse(on).success) throw badUserInput("not a date", argument);
}

/**
 * Measures as they stood on a date that `keep` selects, among those the actor reads. Only the
 * persons of the measures returned are audited as read: a measure looked at and left out (lifted,
 * lapsed, not due) was not shown to anyone.
 */
async function measuresOn(
  ctx: RequestContext,
  on: string,
  keep: (measure: SecurityMeasureType) => boolean | Promise<boolean>,
): Promise<SecurityMeasureType[]> {
  const tx = await ctx.tx.get();
  return readMeasuresData(ctx, await measuresStartedBy(tx, on), async (m, access) => {
    const measure = await measureAsOf(ctx, m, on, access);
    return measure !== null && (await keep(measure)) ? measure : null;
  });
}

/** The measures register: every measure in force on a date, with its legal basis and review status then. */
export async function measuresRegister(ctx: RequestContext, on: string): Promise<SecurityMeasureType[]> {
  checkDate(on, "on");
  return measuresOn(ctx, on, (m) => m.status === "ACTIVE");
}

/** Measures in force today whose review is due within `withinDays` (overdue ones first). */
export async function reviewQueue(ctx: RequestContext, withinDays: number): Promise<SecurityMeasureType[]> {
  if (withinDays < 0 || withinDays > 366) throw badUserInput("between 0 and 366", "withinDays");
  const horizon = addDaysToDate(ctx.today, withinDays);
  return (
    await measuresOn(
      ctx,
      ctx.today,
      (m) => m.status === "ACTIVE" && m.nextReviewOn !== null && m.nextReviewOn <= horizon,
    )
  ).sort((a, b) => ((a.nextReviewOn as string) < (b.nextReviewOn as string) ? -1 : 1));
}

/** The periodic evaluations a measure requires as it stands, each with when it is due. */
export async function evaluationsDueOf(
  ctx: RequestContext,
  measure: SecurityMeasureType,
): Promise<EvaluationDueType[]> {
  if (measure.status !== "ACTIVE") return [];
  const type = await ctx.loaders.measureType.load(measure.measureTypeUuid);
  const evaluations = await ctx.loaders.evaluationsOfMeasure.load(measure.uuid);
  const result: EvaluationDueType[] = [];
  for (const rule of type?.rules.evaluations ?? []) {
    let last: string | null = null;
    for (const e of evaluations) {
      const agency = await ctx.loaders.agency.load(e.agencyId);
      if (
        agency?.kind === rule.agencyKind &&
        e.evaluatedOn <= measure.asOf &&
        (last === null || e.evaluatedOn > last)
      )
        last = e.evaluatedOn;
    }
    const dueOn = evaluationDueOn(rule, measure, last);
    result.push(
      Object.assign(new EvaluationDueType(), {
        agencyKind: rule.agencyKind,
        role: rule.role,
        lastEvaluatedOn: last,
        dueOn,
        overdue: dueOn < measure.asOf,
      }),
    );
  }
  return result;
}

/** Measures in force whose evaluation by the actor's service is due within `withinDays`, soonest first. */
export async function evaluationQueue(
  ctx: RequestContext,
  withinDays: number,
): Promise<SecurityMeasureType[]> {
  const actor = requirePurpose(ctx);
  if (withinDays < 0 || withinDays > 366) throw badUserInput("between 0 and 366", "withinDays");
  const horizon = addDaysToDate(ctx.today, withinDays);
  const dueOn = new Map<SecurityMeasureType, string>();
  const due = await measuresOn(ctx, ctx.today, async (measure) => {
    const mine = (await evaluationsDueOf(ctx, measure)).filter(
      (e) => e.agencyKind === actor.agencyKind && actor.roles.includes(e.role) && e.dueOn <= horizon,
    );
    if (mine.length > 0) dueOn.set(measure, mine.map((e) => e.dueOn).sort()[0] as string);
    return mine.length > 0;
  });
  return due.sort((a, b) => ((dueOn.get(a) as string) < (dueOn.get(b) as string) ? -1 : 1));
}

/** Decisions the inmate (detained today) has not been told of, the most overdue first. */
export async function notificationQueue(ctx: RequestContext): Promise<DecisionType[]> {
  const decisions = await readMeasuresData(
    ctx,
    await detainedOnly(ctx, await unnotifiedDecisions(await ctx.tx.get())),
    DecisionType.from,
  );
  return decisions.sort((a, b) =>
    (a.notificationDueOn as string) < (b.notificationDueOn as string) ? -1 : 1,
  );
}

/** Appeals without an answer, oldest first. */
export async function appealQueue(ctx: RequestContext): Promise<AppealType[]> {
  return readMeasuresData(ctx, await pendingAppeals(await ctx.tx.get()), AppealType.from);
}

/**
 * Recommendations awaiting a decision, oldest first: the Director General's inbox. A recommendation
 * on a person released meanwhile is moot: it leaves the inbox (and stays on the person's file).
 */
export async function recommendationInbox(ctx: RequestContext): Promise<RecommendationType[]> {
  return readMeasuresData(
    ctx,
    await detainedOnly(ctx, await pendingRecommendations(await ctx.tx.get())),
    RecommendationType.from,
  );
}

/**
 * The rows about persons detained today. Queues list what someone can still act on: once a person
 * is released, prison staff no longer see them and nobody feeds their measures.
 */
async function detainedOnly<R extends { personId: string }>(
  ctx: RequestContext,
  rows: readonly R[],
): Promise<R[]> {
  await primePersons(ctx, rows);
  const detained: R[] = [];
  for (const row of rows)
    if ((await ctx.loaders.visiblePerson.load(row.personId))?.summary.detentionStatus === "DETAINED")
      detained.push(row);
  return detained;
}
