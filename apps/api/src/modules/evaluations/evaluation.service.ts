import { disengagementEvaluationSchema } from "@continuum/domain";
import { requireAction, requireFeed } from "../../access/policy.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { latestEpisodeOf } from "../detention/detention.repository.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import { insertEvaluation } from "./evaluation.repository.js";
import type { DisengagementEvaluationRecordInput } from "./evaluation.type.js";

/**
 * The threat-analysis body records its evaluation of signs of disengagement, in prison or after
 * release: the stage is where the person stood on the day evaluated (within their latest detention).
 */
export function evaluateDisengagement(
  ctx: RequestContext,
  input: DisengagementEvaluationRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "DISENGAGEMENT_EVALUATE");
  return runMutation(ctx, async (tx) => {
    const evaluation = parseInput(disengagementEvaluationSchema, {
      evaluatedOn: input.evaluatedOn,
      level: input.level,
      rationale: input.rationale,
    });
    if (evaluation.evaluatedOn > ctx.today) reject("evaluatedOn", "must not be in the future");
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "INTELLIGENCE");
    const personId = visible.person.id;
    const episode = await latestEpisodeOf(tx, personId);
    if (episode === null)
      return reject("personId", "the person has never been detained", UserErrorCode.RULE_VIOLATION);
    if (evaluation.evaluatedOn < episode.admittedOn)
      reject("evaluatedOn", `must not be before the latest admission (${episode.admittedOn})`);
    const stage =
      episode.releasedOn !== null && evaluation.evaluatedOn >= episode.releasedOn ? "RELEASED" : "IN_PRISON";
    const id = newId();
    await insertEvaluation(tx, {
      id,
      personId,
      ...evaluation,
      stage,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["INTELLIGENCE"],
      details: { mutation: "disengagementEvaluationRecord", evaluationId: id, level: evaluation.level },
    });
    return { personId, recordId: id };
  });
}
