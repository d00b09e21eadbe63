import { appealOutcomeSchema, appealSchema, needsNotification, notificationSchema } from "@continuum/domain";
import { requireAction, requireFeed } from "../../access/policy.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import type { AppealAnswerInput, AppealRecordInput, DecisionNotifyInput } from "./measure.input.js";
import {
  answerAppeal,
  appealsByIds,
  type DecisionRecord,
  decisionsByIds,
  insertAppeal,
  insertNotification,
} from "./measure.repository.js";

/** The decision behind an ID, with its case locked and fed by the actor; NOT_FOUND at `field` otherwise. */
async function decisionForNotice(
  ctx: RequestContext,
  tx: Tx,
  globalId: string,
  field: string,
): Promise<DecisionRecord> {
  const id = uuidOf(globalId, "Decision");
  const [found] = id === null ? [] : await decisionsByIds(tx, [id]);
  const visible = await lockCaseForChange(
    ctx,
    tx,
    found?.personId ?? null,
    field,
    "no decision with this ID",
  );
  requireFeed(ctx, visible, "MEASURES");
  return found as DecisionRecord;
}

// Each answers the person and the decision concerned (recordId), shown with its notices and appeals.

/**
 * Records when and how the inmate was told of a decision and which reasons they were given. A
 * decision may be notified more than once (told orally, then handed the written decision).
 */
export function notifyDecision(
  ctx: RequestContext,
  input: DecisionNotifyInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "NOTICE_RECORD");
  return runMutation(ctx, async (tx) => {
    const notice = parseInput(notificationSchema, {
      notifiedOn: input.notifiedOn,
      method: input.method,
      reasonsGiven: input.reasonsGiven,
      interpreter: input.interpreter,
    });
    const decision = await decisionForNotice(ctx, tx, input.decisionId, "decisionId");
    if (!needsNotification(decision))
      reject(
        "decisionId",
        "a rejected recommendation changes nothing for the inmate: there is nothing to notify",
        UserErrorCode.RULE_VIOLATION,
      );
    if (notice.notifiedOn < decision.decidedOn)
      reject("notifiedOn", `must not be before the decision (${decision.decidedOn})`);
    if (notice.notifiedOn > ctx.today) reject("notifiedOn", "must not be in the future");
    const id = newId();
    await insertNotification(tx, {
      id,
      decisionId: decision.id,
      personId: decision.personId,
      ...notice,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: "CREATE",
      personId: decision.personId,
      dataClasses: ["MEASURES"],
      details: { mutation: "decisionNotify", decisionId: decision.id, notificationId: id },
    });
    return { personId: decision.personId, recordId: decision.id };
  });
}

/** Records an appeal or complaint against a decision. */
export function recordAppeal(
  ctx: RequestContext,
  input: AppealRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "NOTICE_RECORD");
  return runMutation(ctx, async (tx) => {
    const appeal = parseInput(appealSchema, {
      body: input.body,
      lodgedOn: input.lodgedOn,
      grounds: input.grounds ?? null,
    });
    const decision = await decisionForNotice(ctx, tx, input.decisionId, "decisionId");
    if (appeal.lodgedOn < decision.decidedOn)
      reject("lodgedOn", `must not be before the decision (${decision.decidedOn})`);
    if (appeal.lodgedOn > ctx.today) reject("lodgedOn", "must not be in the future");
    const id = newId();
    await insertAppeal(tx, {
      id,
      decisionId: decision.id,
      personId: decision.personId,
      ...appeal,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: "CREATE",
      personId: decision.personId,
      dataClasses: ["MEASURES"],
      details: { mutation: "appealRecord", decisionId: decision.id, appealId: id, body: appeal.body },
    });
    return { personId: decision.personId, recordId: decision.id };
  });
}

/** Records the answer to an appeal; an appeal is answered once. */
export function recordAppealAnswer(
  ctx: RequestContext,
  input: AppealAnswerInput,
): Promise<MutationOutcome<DetentionChange>> {
  requireAction(ctx, "NOTICE_RECORD");
  return runMutation(ctx, async (tx) => {
    const answer = parseInput(appealOutcomeSchema, {
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      summary: input.summary,
    });
    const id = uuidOf(input.appealId, "Appeal");
    const [found] = id === null ? [] : await appealsByIds(tx, [id]);
    const visible = await lockCaseForChange(
      ctx,
      tx,
      found?.personId ?? null,
      "appealId",
      "no appeal with this ID",
    );
    requireFeed(ctx, visible, "MEASURES");
    const [appeal] = await appealsByIds(tx, [(found as NonNullable<typeof found>).id]);
    if (appeal === undefined || appeal.outcome !== null)
      return reject("appealId", "this appeal has already been answered", UserErrorCode.CONFLICT);
    if (answer.decidedOn < appeal.lodgedOn)
      reject("decidedOn", `must not be before the appeal was lodged (${appeal.lodgedOn})`);
    if (answer.decidedOn > ctx.today) reject("decidedOn", "must not be in the future");
    const answered = await answerAppeal(tx, appeal, {
      outcome: answer.outcome,
      outcomeOn: answer.decidedOn,
      outcomeSummary: answer.summary,
    });
    if (answered === null)
      reject("appealId", "this appeal has already been answered", UserErrorCode.CONFLICT);
    ctx.audit.record({
      operation: "UPDATE",
      personId: appeal.personId,
      dataClasses: ["MEASURES"],
      details: { mutation: "appealAnswer", appealId: appeal.id, outcome: answer.outcome },
    });
    return { personId: appeal.personId, recordId: appeal.decisionId };
  });
}
