import {
  addMonthsToDate,
  allowanceOf,
  checkMeasureTerm,
  decisionReasonsSchema,
  type MeasureEvent,
  type MeasureState,
  type MeasureTypeRules,
  measureStateOn,
  measureTermSchema,
  type RuleIssue,
} from "@continuum/domain";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { reject, UserErrorCode, UserInputRejected, userError } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import type { VisiblePerson } from "../persons/person.repository.js";
import type { MeasureTermInput } from "./measure.input.js";
import {
  type DecisionRecord,
  decisionsByMeasureIds,
  insertDecision,
  insertMeasure,
  type MeasureRecord,
  type MeasureTypeRecord,
  measureTypesByIds,
} from "./measure.repository.js";

/** Rule problems become user errors: who may decide is RULE_VIOLATION, the rest INVALID. */
export function rejectIssues(issues: readonly RuleIssue[], prefix = ""): void {
  if (issues.length > 0)
    throw new UserInputRejected(
      issues.map((i) =>
        userError(
          `${prefix}${i.field}`,
          i.message,
          i.message.includes("may not") ? UserErrorCode.RULE_VIOLATION : UserErrorCode.INVALID,
        ),
      ),
    );
}

export function eventOf(d: DecisionRecord): MeasureEvent {
  return {
    kind: d.kind as MeasureEvent["kind"],
    reviewOutcome: d.reviewOutcome,
    decidedOn: d.decidedOn,
    effectiveOn: d.effectiveOn,
    endsOn: d.endsOn,
    nextReviewOn: d.nextReviewOn,
    terms: d.terms,
  };
}

/** A measure's state on a date, from its decisions (the actor sees them all when they see the measure). */
export async function stateOf(tx: Tx, measure: MeasureRecord, on: string): Promise<MeasureState | null> {
  return measureStateOn((await decisionsByMeasureIds(tx, [measure.id])).map(eventOf), on, measure.endedOn);
}

export async function activeMeasureType(tx: Tx, globalId: string, field: string): Promise<MeasureTypeRecord> {
  const id = uuidOf(globalId, "MeasureType");
  const [type] = id === null ? [] : await measureTypesByIds(tx, [id]);
  if (type === undefined || !type.active)
    return reject(field, "no measure type in use with this ID", UserErrorCode.NOT_FOUND);
  return type;
}

/** The parsed common part of every decision: reasons and dates (decided by today, effective from then). */
export function parseDecision(
  ctx: RequestContext,
  input: { reasons: string; reasonsClassified: boolean; decidedOn: string; effectiveOn: string },
) {
  const decision = parseInput(decisionReasonsSchema, input);
  if (decision.decidedOn > ctx.today) reject("decidedOn", "must not be in the future");
  if (decision.effectiveOn < decision.decidedOn)
    reject("effectiveOn", `must not be before the decision (${decision.decidedOn})`);
  return decision;
}

/** Only detained persons get regime decisions and measures. */
export function requireDetained(visible: VisiblePerson): void {
  if (visible.summary.detentionStatus !== "DETAINED")
    reject("personId", "the person is not detained", UserErrorCode.RULE_VIOLATION);
}

/**
 * Imposes a measure of `type` on a person whose case the caller has locked: the type's rules decide
 * whether this decider may, and for how long; the review date is mandatory. Writes the measure and
 * its imposing decision; returns the measure's ID. `prefix` names where the term sits in the input,
 * `typeField` the input field that names the type (a decider the type does not allow is refused there).
 */
export async function imposeMeasure(
  tx: Tx,
  actor: Actor,
  visible: VisiblePerson,
  type: MeasureTypeRecord,
  decision: {
    id: string;
    reasons: string;
    reasonsClassified: boolean;
    decidedOn: string;
    effectiveOn: string;
    recommendation: { id: string; outcome: "ACCEPTED" | "AMENDED" } | null;
  },
  termInput: MeasureTermInput,
  prefix: string,
  typeField: string,
): Promise<string> {
  const term = parseInput(
    measureTermSchema,
    {
      legalBasis: termInput.legalBasis ?? type.legalBasis,
      terms: termInput.terms ?? null,
      endsOn: termInput.endsOn,
      nextReviewOn: termInput.nextReviewOn,
    },
    prefix,
  );
  rejectIssues(
    checkMeasureTerm(type.rules, actor, {
      kind: "IMPOSE",
      from: decision.effectiveOn,
      until: term.endsOn,
      reviewOn: term.nextReviewOn,
    }).map((i) => ({ ...i, field: i.field === "measureTypeId" ? typeField : `${prefix}${i.field}` })),
  );
  const establishmentId = visible.summary.establishmentId;
  if (establishmentId === null)
    return reject("personId", "the person is not placed in an establishment", UserErrorCode.RULE_VIOLATION);
  const measureId = newId();
  await insertMeasure(tx, {
    id: measureId,
    personId: visible.person.id,
    measureTypeId: type.id,
    establishmentId,
    legalBasis: term.legalBasis,
    startsOn: decision.effectiveOn,
    endsOn: term.endsOn,
    nextReviewOn: term.nextReviewOn,
    terms: term.terms,
    createdBy: actor.userId,
  });
  await insertDecision(tx, {
    id: decision.id,
    personId: visible.person.id,
    kind: "MEASURE_IMPOSED",
    recommendationId: decision.recommendation?.id ?? null,
    recommendationOutcome: decision.recommendation?.outcome ?? null,
    measureId,
    reasons: decision.reasons,
    reasonsClassified: decision.reasonsClassified,
    decidedOn: decision.decidedOn,
    effectiveOn: decision.effectiveOn,
    endsOn: term.endsOn,
    nextReviewOn: term.nextReviewOn,
    terms: term.terms,
    agencyId: actor.agencyId,
    createdBy: actor.userId,
  });
  return measureId;
}

/** Whether the decider may review (maintain, ease or lift) a type: whoever may impose or prolong it. */
export function mayReview(rules: MeasureTypeRules, actor: Actor): boolean {
  return allowanceOf(rules.impose, actor) !== null || allowanceOf(rules.prolong, actor) !== null;
}

/** The latest review date a review decided on `decidedOn` may set. */
export function latestReviewFrom(rules: MeasureTypeRules, decidedOn: string): string {
  return addMonthsToDate(decidedOn, rules.reviewWithinMonths);
}
