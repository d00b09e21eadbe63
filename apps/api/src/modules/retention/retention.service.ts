import {
  type DataClass,
  dueRetention,
  type IsoDate,
  isIsoDate,
  planRetentionSweep,
  RETENTION_CARRY_OUT_ORDER,
  type RetentionStatus,
  retentionCarryOutSchema,
  retentionPostponeSchema,
  retentionRuleSchema,
} from "@continuum/domain";
import type { AuditEvent, AuditLog } from "../../access/audit.js";
import { requireDataProtectionOfficer } from "../../access/policy.js";
import type { Db } from "../../db/client.js";
import { decodeCursor, encodeCursor, type Page, pageSize } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, postgresError, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { checkCitedIds, parseInput } from "../../graphql/validate.js";
import { refreshSummaries } from "../persons/person-summary.js";
import {
  allItems,
  carryOut,
  closedCases,
  countItemsByStatus,
  deleteItems,
  insertItems,
  itemsByIds,
  itemsByStatus,
  listRules,
  lockItems,
  lockSweep,
  type RetentionCase,
  type RetentionItemRecord,
  retentionCases,
  ruleOf,
  updateItem,
  upsertRule,
} from "./retention.repository.js";
import type {
  RetentionCarryOutInput,
  RetentionPostponeInput,
  RetentionRuleSetInput,
} from "./retention.type.js";

export interface SweepOutcome {
  listed: number;
  dropped: number;
}

/**
 * Lists what became due (once per person and class) and keeps the waiting items in line with the
 * cases and the rules: an item of a reopened case, or one whose period was lengthened, is dropped.
 * Runs as the officer, or as the daily job on the officer's behalf (`by` null).
 */
export async function sweepRetention(
  db: Db,
  audit: AuditLog,
  today: IsoDate,
  by: string | null,
): Promise<SweepOutcome> {
  await lockSweep(db);
  const due = dueRetention(await closedCases(db), await listRules(db), today);
  const plan = planRetentionSweep(due, await allItems(db));
  await deleteItems(db, plan.drop);
  for (const { id, ...change } of plan.update) await updateItem(db, id, change);
  await insertItems(db, plan.list, today, by);
  const outcome = { listed: plan.list.length, dropped: plan.drop.length };
  audit.record({
    operation: "UPDATE",
    details: { retentionSweep: today, ...outcome, updated: plan.update.length, by: by ?? "daily job" },
  });
  return outcome;
}

export function sweepRetentionNow(ctx: RequestContext): Promise<MutationOutcome<SweepOutcome>> {
  const actor = requireDataProtectionOfficer(ctx);
  return runMutation(ctx, (tx) => sweepRetention(tx, ctx.audit, ctx.today, actor.userId));
}

export function setRetentionRule(
  ctx: RequestContext,
  input: RetentionRuleSetInput,
): Promise<MutationOutcome<DataClass>> {
  const actor = requireDataProtectionOfficer(ctx);
  return runMutation(ctx, async (tx) => {
    const rule = parseInput(retentionRuleSchema, {
      dataClass: input.dataClass,
      yearsAfterClosure: input.yearsAfterClosure,
      action: input.action,
    });
    const before = await ruleOf(tx, rule.dataClass);
    await upsertRule(tx, { ...rule, createdBy: actor.userId });
    ctx.audit.record({
      operation: "UPDATE",
      details: {
        mutation: "retentionRuleSet",
        dataClass: rule.dataClass,
        before:
          before === null ? null : { yearsAfterClosure: before.yearsAfterClosure, action: before.action },
        after: { yearsAfterClosure: rule.yearsAfterClosure, action: rule.action },
      },
    });
    return rule.dataClass;
  });
}

export interface QueuedItem {
  item: RetentionItemRecord;
  case: RetentionCase;
}

/** Items with the case reference and closure each needs; those whose person is unknown are left out. */
async function withCases(db: Db, items: readonly RetentionItemRecord[]): Promise<QueuedItem[]> {
  const cases = new Map(
    (await retentionCases(db, [...new Set(items.map((i) => i.personId))])).map((c) => [c.personId, c]),
  );
  return items.flatMap((item) => {
    const found = cases.get(item.personId);
    return found === undefined ? [] : [{ item, case: found }];
  });
}

export interface RetentionQueueArgs {
  status: RetentionStatus;
  first: number;
  after: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The queue's cursor, checked before it reaches SQL: a forged one is bad input, not a failed query. */
function queueCursor(after: string): { dueOn: string; id: string } {
  const [dueOn, id] = decodeCursor(after, 2) as [string, string];
  if (!isIsoDate(dueOn) || !UUID.test(id)) throw badUserInput("after is not a cursor of this list", "after");
  return { dueOn, id };
}

/**
 * The officer's queue: a page of the items of one status, by (due date, ID); each person listed on
 * the page is audited.
 */
export async function retentionQueue(
  ctx: RequestContext,
  args: RetentionQueueArgs,
): Promise<Page<QueuedItem>> {
  requireDataProtectionOfficer(ctx);
  const limit = pageSize(args.first);
  const after = args.after === null ? null : queueCursor(args.after);
  const tx = await ctx.tx.get();
  const rows = await itemsByStatus(tx, args.status, after, limit + 1);
  const queued = await withCases(tx, rows.slice(0, limit));
  for (const personId of new Set(queued.map((q) => q.item.personId)))
    ctx.audit.record({
      operation: "READ",
      personId,
      details: { list: "retentionQueue", status: args.status },
    });
  return {
    items: queued.map((q) => ({ node: q, cursor: encodeCursor([q.item.dueOn, q.item.id]) })),
    hasNextPage: rows.length > limit,
    hasPreviousPage: after !== null,
    count: () => countItemsByStatus(tx, args.status),
  };
}

/** Items by ID, in that order, for payloads and `node(id:)` (the officer's only: row-level security). */
export async function retentionItemsByIds(
  ctx: RequestContext,
  ids: readonly string[],
): Promise<QueuedItem[]> {
  const tx = await ctx.tx.get();
  const items = await itemsByIds(tx, ids);
  const byId = new Map((await withCases(tx, items)).map((q) => [q.item.id, q]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Carries out waiting or postponed items: each class of each case is deleted or anonymised by the
 * definer-rights function, under the rule as it stands today (an item no longer due is refused).
 * The audit trail is untouched; the approval itself is audited with its justification.
 */
export function carryOutRetention(
  ctx: RequestContext,
  input: RetentionCarryOutInput,
): Promise<MutationOutcome<string[]>> {
  const actor = requireDataProtectionOfficer(ctx);
  return runMutation(ctx, async (tx) => {
    const { itemIds, justification } = parseInput(retentionCarryOutSchema, {
      itemIds: input.itemIds,
      justification: input.justification,
    });
    const decoded = itemIds.map((id) => uuidOf(id, "RetentionItem"));
    const items = await lockItems(
      tx,
      decoded.filter((id) => id !== null),
    );
    const ids = checkCitedIds(
      decoded,
      new Set(items.map((i) => i.id)),
      "itemIds",
      "no retention item with this ID",
    );
    const rules = await listRules(tx);
    const cases = new Map(
      (
        await retentionCases(
          tx,
          items.map((i) => i.personId),
        )
      ).map((c) => [c.personId, c]),
    );
    const ordered = [...items].sort(
      (a, b) =>
        RETENTION_CARRY_OUT_ORDER.indexOf(a.dataClass) - RETENTION_CARRY_OUT_ORDER.indexOf(b.dataClass),
    );
    const done: AuditEvent[] = [];
    for (const item of ordered) {
      const field = `itemIds.${ids.indexOf(item.id)}`;
      if (item.status === "CARRIED_OUT")
        reject(field, "this item was already carried out", UserErrorCode.RULE_VIOLATION);
      const closedOn = cases.get(item.personId)?.closedOn ?? null;
      const rule = rules.filter((r) => r.dataClass === item.dataClass);
      const [due] =
        closedOn === null ? [] : dueRetention([{ personId: item.personId, closedOn }], rule, ctx.today);
      if (due === undefined)
        reject(
          field,
          "no longer due: the case was reopened or its period lengthened",
          UserErrorCode.RULE_VIOLATION,
        );
      const rowsAffected = await carryOutClass(tx, item, due.action, field);
      await updateItem(tx, item.id, {
        status: "CARRIED_OUT",
        action: due.action,
        dueOn: due.dueOn,
        decidedBy: actor.userId,
        decidedAt: new Date(),
        rowsAffected,
      });
      done.push({
        operation: "UPDATE",
        personId: item.personId,
        dataClasses: [item.dataClass],
        details: {
          mutation: "retentionCarryOut",
          itemId: item.id,
          action: due.action,
          rowsAffected,
          justification,
        },
      });
    }
    await refreshSummaries(tx, [...new Set(items.map((i) => i.personId))]);
    // Audited once every item is carried out: a refusal part-way rolls all of them back.
    for (const event of done) ctx.audit.record(event);
    return ids;
  });
}

async function carryOutClass(
  tx: Db,
  item: RetentionItemRecord,
  action: RetentionItemRecord["action"],
  field: string,
): Promise<number> {
  try {
    return await carryOut(tx, item.personId, item.dataClass, action);
  } catch (error) {
    // A record of another class still refers to these (e.g. a screening to a detention episode).
    if (postgresError(error)?.code === "23503")
      reject(
        field,
        `other data of this person still refers to its ${item.dataClass} records: carry those classes out first`,
        UserErrorCode.RULE_VIOLATION,
      );
    throw error;
  }
}

export function postponeRetention(
  ctx: RequestContext,
  input: RetentionPostponeInput,
): Promise<MutationOutcome<string>> {
  const actor = requireDataProtectionOfficer(ctx);
  return runMutation(ctx, async (tx) => {
    const { reason } = parseInput(retentionPostponeSchema, { reason: input.reason });
    const id = uuidOf(input.itemId, "RetentionItem");
    const [item] = id === null ? [] : await lockItems(tx, [id]);
    if (item === undefined)
      return reject("itemId", "no retention item with this ID", UserErrorCode.NOT_FOUND);
    if (item.status !== "PENDING")
      reject("itemId", "only a waiting item can be postponed", UserErrorCode.RULE_VIOLATION);
    await updateItem(tx, item.id, {
      status: "POSTPONED",
      postponeReason: reason,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    });
    ctx.audit.record({
      operation: "UPDATE",
      personId: item.personId,
      dataClasses: [item.dataClass],
      details: { mutation: "retentionPostpone", itemId: item.id, reason },
    });
    return item.id;
  });
}
