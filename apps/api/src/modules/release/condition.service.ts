import {
  CONDITION_SUPERVISOR_KINDS,
  conditionBreachSchema,
  conditionImposeSchema,
  conditionLiftSchema,
  conditionProposeSchema,
  conditionStatusOn,
  conditionTypeDefineSchema,
  RELEASE_CONDITIONS_MAX,
  RELEASE_TYPES_WITH_CONDITIONS,
  type ReleaseType,
} from "@continuum/domain";
import { requireAction, requireAdministrator, requireFeed, requireWriteScope } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { checkListSize, parseInput } from "../../graphql/validate.js";
import { latestEpisodeOf } from "../detention/detention.repository.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import {
  type ConditionRecord,
  conditionById,
  conditionTypeByCode,
  insertBreach,
  insertConditions,
  insertConditionType,
  proposedConditionsOf,
  updateCondition,
  updateConditionType,
} from "./condition.repository.js";
import type {
  ConditionBreachRecordInput,
  ConditionTypeDefineInput,
  ReleaseConditionImposeInput,
  ReleaseConditionInput,
  ReleaseConditionLiftInput,
  ReleaseConditionProposeInput,
  ReleaseConditionWithdrawInput,
} from "./release.input.js";

interface ConditionTerms {
  typeId: string;
  details: string | null;
  supervisingAgencyId: string;
  endsOn: string | null;
}

/**
 * The terms of a condition, checked: a known type (with details where it needs them), a supervising
 * agency of a kind that supervises conditions, and an end after `startsOn`.
 */
async function conditionTerms(
  ctx: RequestContext,
  tx: Tx,
  input: ReleaseConditionInput,
  prefix: string,
  startsOn: string,
): Promise<ConditionTerms> {
  const terms = parseInput(
    conditionProposeSchema,
    { details: input.details ?? null, endsOn: input.endsOn ?? null },
    prefix,
  );
  const type = await conditionTypeByCode(tx, input.conditionType.trim());
  if (type === null)
    return reject(
      `${prefix}conditionType`,
      "is not a condition type Continuum knows",
      UserErrorCode.NOT_FOUND,
    );
  if (type.requiresDetails && terms.details === null)
    reject(`${prefix}details`, "is required for this type of condition");
  const agencyUuid = uuidOf(input.supervisingAgencyId, "Agency");
  const agency = agencyUuid === null ? null : await ctx.loaders.agency.load(agencyUuid);
  if (agency === null)
    return reject(`${prefix}supervisingAgencyId`, "no agency with this ID", UserErrorCode.NOT_FOUND);
  if (!CONDITION_SUPERVISOR_KINDS.includes(agency.kind))
    reject(
      `${prefix}supervisingAgencyId`,
      "must be a probation house, a Local Task Force, the police or a disengagement service",
      UserErrorCode.RULE_VIOLATION,
    );
  if (terms.endsOn !== null && terms.endsOn <= startsOn)
    reject(`${prefix}endsOn`, `must be after the start (${startsOn})`);
  return { typeId: type.id, details: terms.details, supervisingAgencyId: agency.id, endsOn: terms.endsOn };
}

function recordConditionChange(
  ctx: RequestContext,
  operation: "CREATE" | "UPDATE",
  condition: { personId: string; id: string },
  mutation: string,
): DetentionChange {
  ctx.audit.record({
    operation,
    personId: condition.personId,
    dataClasses: ["RELEASE"],
    details: { mutation, conditionId: condition.id },
  });
  return { personId: condition.personId, recordId: condition.id };
}

/** A condition, with its case locked and the actor feeding the person's release data. */
async function conditionForChange(
  ctx: RequestContext,
  tx: Tx,
  conditionId: string,
): Promise<ConditionRecord> {
  const uuid = uuidOf(conditionId, "ReleaseCondition");
  const found = uuid === null ? null : await conditionById(tx, uuid);
  if (found === null) return reject("conditionId", "no condition with this ID", UserErrorCode.NOT_FOUND);
  const visible = await lockCaseForChange(
    ctx,
    tx,
    found.personId,
    "conditionId",
    "no condition with this ID",
  );
  requireFeed(ctx, visible, "RELEASE");
  const condition = await conditionById(tx, found.id);
  if (condition === null) return reject("conditionId", "no condition with this ID", UserErrorCode.NOT_FOUND);
  return condition;
}

async function changeCondition(
  tx: Tx,
  condition: { id: string },
  version: number,
  change: Parameters<typeof updateCondition>[2],
): Promise<void> {
  if (!(await updateCondition(tx, { id: condition.id, version }, change)))
    reject("version", "the condition changed meanwhile; reload and try again", UserErrorCode.CONFLICT);
}

/** Proposes a condition for the release of a detained person (imposed at a conditional release). */
export function proposeCondition(
  ctx: RequestContext,
  input: ReleaseConditionProposeInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "RELEASE_PREPARE");
  return runMutation(ctx, async (tx) => {
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "RELEASE");
    const episode = await latestEpisodeOf(tx, visible.person.id);
    if (episode === null || episode.releasedOn !== null)
      return reject(
        "personId",
        "the person is not detained: conditions are proposed before the release",
        UserErrorCode.RULE_VIOLATION,
      );
    const terms = await conditionTerms(ctx, tx, input, "", ctx.today);
    const id = newId();
    await insertConditions(tx, [
      {
        id,
        personId: episode.personId,
        episodeId: episode.id,
        ...terms,
        proposedOn: ctx.today,
        agencyId: actor.agencyId,
        createdBy: actor.userId,
      },
    ]);
    return recordConditionChange(
      ctx,
      "CREATE",
      { personId: episode.personId, id },
      "releaseConditionPropose",
    );
  });
}

export function withdrawCondition(
  ctx: RequestContext,
  input: ReleaseConditionWithdrawInput,
): Promise<MutationOutcome<DetentionChange>> {
  requireAction(ctx, "RELEASE_PREPARE");
  return runMutation(ctx, async (tx) => {
    const condition = await conditionForChange(ctx, tx, input.conditionId);
    if (condition.imposedOn !== null || condition.withdrawnOn !== null)
      reject("conditionId", "only a proposed condition can be withdrawn", UserErrorCode.RULE_VIOLATION);
    await changeCondition(tx, condition, input.version, { withdrawnOn: ctx.today });
    return recordConditionChange(ctx, "UPDATE", condition, "releaseConditionWithdraw");
  });
}

/**
 * The conditions of a release, inside the release's transaction: a release with conditions imposes
 * the proposed ones and `added` on the release date, and needs at least one; any other release
 * withdraws the proposed ones and takes none.
 */
export async function conditionsAtRelease(
  ctx: RequestContext,
  tx: Tx,
  actor: Actor,
  episode: { id: string; personId: string },
  release: { releasedOn: string; releaseType: ReleaseType },
  added: readonly ReleaseConditionInput[],
): Promise<void> {
  checkListSize(added, RELEASE_CONDITIONS_MAX, "conditions");
  const proposed = await proposedConditionsOf(tx, episode.id);
  if (!(RELEASE_TYPES_WITH_CONDITIONS as readonly ReleaseType[]).includes(release.releaseType)) {
    if (added.length > 0)
      reject(
        "conditions",
        "must be empty: this type of release comes without conditions",
        UserErrorCode.RULE_VIOLATION,
      );
    for (const c of proposed) await changeCondition(tx, c, c.version, { withdrawnOn: release.releasedOn });
    return;
  }
  const terms: ConditionTerms[] = [];
  for (const [i, c] of added.entries())
    terms.push(await conditionTerms(ctx, tx, c, `conditions.${i}.`, release.releasedOn));
  if (proposed.length + terms.length === 0)
    reject(
      "conditions",
      "at least one condition is required for this type of release",
      UserErrorCode.RULE_VIOLATION,
    );
  for (const c of proposed) {
    if (c.endsOn !== null && c.endsOn <= release.releasedOn)
      reject(
        "conditions",
        `a proposed condition ends on ${c.endsOn}, not after the release: withdraw it first`,
        UserErrorCode.RULE_VIOLATION,
      );
    await changeCondition(tx, c, c.version, { imposedOn: release.releasedOn });
  }
  await insertConditions(
    tx,
    terms.map((t) => ({
      id: newId(),
      personId: episode.personId,
      episodeId: episode.id,
      ...t,
      imposedOn: release.releasedOn,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    })),
  );
}

/** Imposes a condition on a person on conditional release, from a date (a condition added later). */
export function imposeCondition(
  ctx: RequestContext,
  input: ReleaseConditionImposeInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "CONDITION_SUPERVISE");
  return runMutation(ctx, async (tx) => {
    const { imposedOn } = parseInput(conditionImposeSchema, {
      details: input.details ?? null,
      endsOn: input.endsOn ?? null,
      imposedOn: input.imposedOn,
    });
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "RELEASE");
    const episode = await latestEpisodeOf(tx, visible.person.id);
    if (
      visible.summary.closedOn !== null ||
      episode?.releasedOn == null ||
      !(RELEASE_TYPES_WITH_CONDITIONS as readonly (string | null)[]).includes(episode.releaseType)
    )
      return reject(
        "personId",
        "the person is not on a release with conditions",
        UserErrorCode.RULE_VIOLATION,
      );
    if (imposedOn < episode.releasedOn)
      reject(
        "imposedOn",
        `must not be before the release (${episode.releasedOn})`,
        UserErrorCode.RULE_VIOLATION,
      );
    if (imposedOn > ctx.today) reject("imposedOn", "must not be in the future");
    const terms = await conditionTerms(ctx, tx, input, "", imposedOn);
    const id = newId();
    await insertConditions(tx, [
      {
        id,
        personId: episode.personId,
        episodeId: episode.id,
        ...terms,
        imposedOn,
        agencyId: actor.agencyId,
        createdBy: actor.userId,
      },
    ]);
    return recordConditionChange(ctx, "CREATE", { personId: episode.personId, id }, "releaseConditionImpose");
  });
}

export function liftCondition(
  ctx: RequestContext,
  input: ReleaseConditionLiftInput,
): Promise<MutationOutcome<DetentionChange>> {
  requireAction(ctx, "CONDITION_SUPERVISE");
  return runMutation(ctx, async (tx) => {
    const lift = parseInput(conditionLiftSchema, { liftedOn: input.liftedOn, reason: input.reason });
    if (lift.liftedOn > ctx.today) reject("liftedOn", "must not be in the future");
    const condition = await conditionForChange(ctx, tx, input.conditionId);
    if (condition.liftedOn !== null)
      reject("conditionId", "the condition has already been lifted", UserErrorCode.RULE_VIOLATION);
    if (conditionStatusOn(condition, lift.liftedOn) !== "ACTIVE" || lift.liftedOn === condition.imposedOn)
      reject(
        "liftedOn",
        "must be a day the condition is in force, after its first day",
        UserErrorCode.RULE_VIOLATION,
      );
    await changeCondition(tx, condition, input.version, { liftedOn: lift.liftedOn, liftReason: lift.reason });
    return recordConditionChange(ctx, "UPDATE", condition, "releaseConditionLift");
  });
}

export function recordBreach(
  ctx: RequestContext,
  input: ConditionBreachRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "CONDITION_SUPERVISE");
  return runMutation(ctx, async (tx) => {
    const breach = parseInput(conditionBreachSchema, {
      occurredOn: input.occurredOn,
      description: input.description,
      response: input.response ?? null,
    });
    if (breach.occurredOn > ctx.today) reject("occurredOn", "must not be in the future");
    const condition = await conditionForChange(ctx, tx, input.conditionId);
    if (conditionStatusOn(condition, breach.occurredOn) !== "ACTIVE")
      reject("occurredOn", "the condition was not in force that day", UserErrorCode.RULE_VIOLATION);
    const id = newId();
    await insertBreach(tx, {
      id,
      personId: condition.personId,
      conditionId: condition.id,
      ...breach,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: "CREATE",
      personId: condition.personId,
      dataClasses: ["RELEASE"],
      details: { mutation: "conditionBreachRecord", conditionId: condition.id, breachId: id },
    });
    return { personId: condition.personId, recordId: condition.id };
  });
}

/** Adds a condition type or changes one by its code (platform administrators). */
export function defineConditionType(
  ctx: RequestContext,
  input: ConditionTypeDefineInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAdministrator(ctx);
  requireWriteScope(actor);
  return runMutation(ctx, async (tx) => {
    const { code, ...type } = parseInput(conditionTypeDefineSchema, input);
    const existing = await conditionTypeByCode(tx, code);
    const id = existing?.id ?? newId();
    if (existing === null) await insertConditionType(tx, { id, code, ...type, createdBy: actor.userId });
    else await updateConditionType(tx, id, type);
    ctx.audit.record({
      operation: existing === null ? "CREATE" : "UPDATE",
      details: { mutation: "conditionTypeDefine", code },
    });
    return id;
  });
}
