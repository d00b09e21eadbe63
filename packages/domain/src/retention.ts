import { z } from "zod";
import { DataClass } from "./access.js";
import type { IsoDate } from "./dates.js";
import { RetentionAction, type RetentionStatus, retentionDueOn } from "./follow-up.js";
import { requiredText } from "./text.js";

/** How long a data class is kept after a case is closed, and what happens then. */
export interface RetentionRule {
  dataClass: DataClass;
  yearsAfterClosure: number;
  action: RetentionAction;
}

/**
 * The order in which one approval carries out classes: records that refer to others' first (a
 * screening, a release condition or a decision refers to detention episodes and placements).
 */
export const RETENTION_CARRY_OUT_ORDER: readonly DataClass[] = [
  "FOLLOW_UP",
  "MEASURES",
  "RELEASE",
  "PROGRAMME",
  "LISTING",
  "CLINICAL",
  "OBSERVATIONS",
  "INTELLIGENCE",
  "DETENTION",
  "IDENTITY",
];

/** The most items one approval may carry out. */
export const RETENTION_BATCH_MAX = 100;

/**
 * The identity is never deleted: it anchors what is kept of the case (the closure, anonymised
 * records, retention decisions) and the audit trail's entries; it is anonymised instead.
 */
export const retentionRuleSchema = z
  .object({
    dataClass: z.enum(DataClass),
    yearsAfterClosure: z
      .number()
      .int({ message: "must be a whole number of years" })
      .min(0, { message: "must not be negative" })
      .max(100, { message: "must be at most 100 years" }),
    action: z.enum(RetentionAction),
  })
  .refine((rule) => rule.dataClass !== "IDENTITY" || rule.action === "ANONYMISE", {
    path: ["action"],
    message: "the identity is anonymised, never deleted: it anchors what is kept of the case",
  });

export const retentionCarryOutSchema = z.object({
  itemIds: z
    .array(z.string())
    .min(1, { message: "name at least one item" })
    .max(RETENTION_BATCH_MAX, { message: `at most ${RETENTION_BATCH_MAX} items at once` }),
  justification: requiredText("give the justification of the approval", 2000),
});

export const retentionPostponeSchema = z.object({
  reason: requiredText("give the reason for postponing (for example a pending court case)", 2000),
});

export const personRecordExportSchema = z.object({
  justification: requiredText("give the justification of the export (for example the access request)", 2000),
});

/** A closed case, as the summary has it. */
export interface ClosedCase {
  personId: string;
  closedOn: IsoDate;
}

/** A data class of a closed case whose retention period has passed. */
export interface DueRetention {
  personId: string;
  dataClass: DataClass;
  action: RetentionAction;
  dueOn: IsoDate;
}

/** Every data class of every closed case that is due on or before `today` under the rules. */
export function dueRetention(
  cases: readonly ClosedCase[],
  rules: readonly RetentionRule[],
  today: IsoDate,
): DueRetention[] {
  return cases.flatMap((c) =>
    rules
      .map((rule) => ({
        personId: c.personId,
        dataClass: rule.dataClass,
        action: rule.action,
        dueOn: retentionDueOn(c.closedOn, rule.yearsAfterClosure),
      }))
      .filter((due) => due.dueOn <= today),
  );
}

/** A retention item already listed. */
export interface ListedRetention {
  id: string;
  personId: string;
  dataClass: DataClass;
  action: RetentionAction;
  dueOn: IsoDate;
  status: RetentionStatus;
}

export interface RetentionSweepPlan {
  /** Due, and neither waiting, postponed nor carried out for that person and class: list it. */
  list: DueRetention[];
  /** Waiting items that are no longer due (the case was reopened, or its period lengthened). */
  drop: string[];
  /** Waiting items still due whose action or due date changed with the rules. */
  update: { id: string; action: RetentionAction; dueOn: IsoDate }[];
}

/**
 * What the daily job does: lists what became due once per person and class, and keeps the waiting
 * items in line with the cases and the rules. Postponed and carried-out items are left as they are;
 * a class carried out before a case was reopened is listed again when its new closure makes it due.
 */
export function planRetentionSweep(
  due: readonly DueRetention[],
  listed: readonly ListedRetention[],
): RetentionSweepPlan {
  const key = (r: { personId: string; dataClass: DataClass }) => `${r.personId}/${r.dataClass}`;
  const dueByKey = new Map(due.map((d) => [key(d), d]));
  // A class carried out for an earlier closure is due again once the case was reopened and closed
  // later (its due date moved on): what was recorded in between is held too.
  const blocks = (item: ListedRetention) => {
    const now = dueByKey.get(key(item));
    return item.status !== "CARRIED_OUT" || now === undefined || item.dueOn >= now.dueOn;
  };
  const listedKeys = new Set(listed.filter(blocks).map(key));
  const plan: RetentionSweepPlan = {
    list: due.filter((d) => !listedKeys.has(key(d))),
    drop: [],
    update: [],
  };
  for (const item of listed) {
    if (item.status !== "PENDING") continue;
    const now = dueByKey.get(key(item));
    if (now === undefined) plan.drop.push(item.id);
    else if (now.action !== item.action || now.dueOn !== item.dueOn)
      plan.update.push({ id: item.id, action: now.action, dueOn: now.dueOn });
  }
  return plan;
}
