import { caseCloseSchema, caseStageOf, followUpMeasureTypeSchema, outcomeSchema } from "@continuum/domain";
import { requireAction, requireAdministrator, requireFeed, requireWriteScope } from "../../access/policy.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import { refreshSummaries } from "../persons/person-summary.js";
import type {
  CaseCloseInput,
  FollowUpMeasureTypeDefineInput,
  OutcomeRecordInput,
} from "./follow-up.input.js";
import {
  endFollowUpMeasures,
  endResponsibilities,
  followUpMeasuresByPersonIds,
  followUpMeasureTypeByCode,
  insertClosure,
  insertFollowUpMeasureType,
  insertOutcome,
  openResponsibilitiesOfPerson,
  updateFollowUpMeasureType,
} from "./follow-up.repository.js";

/** Records what happened to a person after a release (re-offending, death, moving abroad...). */
export function recordOutcome(
  ctx: RequestContext,
  input: OutcomeRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "OUTCOME_RECORD");
  return runMutation(ctx, async (tx) => {
    const outcome = parseInput(outcomeSchema, {
      kind: input.kind,
      occurredOn: input.occurredOn,
      note: input.note ?? null,
    });
    if (outcome.occurredOn > ctx.today) reject("occurredOn", "must not be in the future");
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "FOLLOW_UP");
    const personId = visible.person.id;
    const releases = (await ctx.loaders.episodesOfPerson.load(personId)).flatMap((e) =>
      e.releasedOn === null ? [] : [e.releasedOn],
    );
    if (releases.length === 0)
      reject("personId", "the person was never released", UserErrorCode.RULE_VIOLATION);
    if (!releases.some((r) => r <= outcome.occurredOn))
      reject(
        "occurredOn",
        `must be after a release (first: ${releases.sort()[0]})`,
        UserErrorCode.RULE_VIOLATION,
      );
    const id = newId();
    await insertOutcome(tx, { id, personId, ...outcome, agencyId: actor.agencyId, createdBy: actor.userId });
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["FOLLOW_UP"],
      details: { mutation: "outcomeRecord", outcomeId: id, kind: outcome.kind },
    });
    return { personId, recordId: id };
  });
}

/**
 * Closes the case of a released person: the local bodies' responsibilities end that day and the
 * case becomes CLOSED (the summary derives it; a later admission reopens it). Follow-up measures
 * still in force end that day, with "Case closed" as the reason instead of a decision.
 */
export function closeCase(
  ctx: RequestContext,
  input: CaseCloseInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "OUTCOME_RECORD");
  return runMutation(ctx, async (tx) => {
    const closure = parseInput(caseCloseSchema, {
      closedOn: input.closedOn,
      reason: input.reason,
      note: input.note ?? null,
    });
    if (closure.closedOn > ctx.today) reject("closedOn", "must not be in the future");
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "FOLLOW_UP");
    const personId = visible.person.id;
    const { summary } = visible;
    if (caseStageOf(summary) !== "RELEASED" || summary.releasedOn === null)
      return reject(
        "personId",
        "only the open case of a released person is closed",
        UserErrorCode.RULE_VIOLATION,
      );
    if (closure.closedOn < summary.releasedOn)
      reject(
        "closedOn",
        `must not be before the release (${summary.releasedOn})`,
        UserErrorCode.RULE_VIOLATION,
      );
    const lastHandOver = (await openResponsibilitiesOfPerson(tx, personId))
      .map((r) => r.validFrom)
      .sort()
      .pop();
    if (lastHandOver !== undefined && closure.closedOn < lastHandOver)
      reject(
        "closedOn",
        `must not be before the current responsibility (${lastHandOver})`,
        UserErrorCode.RULE_VIOLATION,
      );
    const openMeasures = (await followUpMeasuresByPersonIds(tx, [personId])).filter(
      (m) => m.endedOn === null,
    );
    const lastStart = openMeasures
      .map((m) => m.startedOn)
      .sort()
      .pop();
    if (lastStart !== undefined && closure.closedOn < lastStart)
      reject(
        "closedOn",
        `must not be before the start of a follow-up measure in force (${lastStart})`,
        UserErrorCode.RULE_VIOLATION,
      );
    const id = newId();
    await insertClosure(tx, { id, personId, ...closure, agencyId: actor.agencyId, createdBy: actor.userId });
    await endFollowUpMeasures(tx, openMeasures, { endedOn: closure.closedOn, endReason: "Case closed" });
    await endResponsibilities(tx, personId, closure.closedOn);
    await refreshSummaries(tx, [personId]);
    ctx.audit.record({
      operation: "UPDATE",
      personId,
      dataClasses: ["FOLLOW_UP"],
      details: { mutation: "caseClose", closureId: id, reason: closure.reason },
    });
    return { personId, recordId: id };
  });
}

/** Adds a follow-up measure type or changes one by its code (platform administrators). */
export function defineFollowUpMeasureType(
  ctx: RequestContext,
  input: FollowUpMeasureTypeDefineInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAdministrator(ctx);
  requireWriteScope(actor);
  return runMutation(ctx, async (tx) => {
    const type = parseInput(followUpMeasureTypeSchema, { ...input });
    const existing = await followUpMeasureTypeByCode(tx, type.code);
    const id = existing?.id ?? newId();
    if (existing === null) await insertFollowUpMeasureType(tx, { id, ...type, createdBy: actor.userId });
    else await updateFollowUpMeasureType(tx, id, type);
    ctx.audit.record({
      operation: existing === null ? "CREATE" : "UPDATE",
      details: { mutation: "followUpMeasureTypeDefine", code: type.code },
    });
    return type.code;
  });
}
