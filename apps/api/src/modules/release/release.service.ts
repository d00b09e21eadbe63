import {
  judicialDistrictOfMunicipality,
  releaseDateOverrideProblem,
  releaseDateOverrideSchema,
  releasePlanSchema,
} from "@continuum/domain";
import { requireAction, requireFeed } from "../../access/policy.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { type EpisodeRecord, episodeById, setReleaseDate } from "../detention/detention.repository.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import type { ReleaseDateOverrideInput, ReleasePlanRecordInput } from "./release.input.js";
import { insertOverride, insertPlan, planOfEpisode, updatePlan } from "./release.repository.js";

const CHANGED_MEANWHILE = "changed meanwhile; reload and try again";

/** The open episode a release is prepared for, with the case locked and the actor feeding its release data. */
async function episodeInPreparation(ctx: RequestContext, tx: Tx, episodeId: string): Promise<EpisodeRecord> {
  const uuid = uuidOf(episodeId, "DetentionEpisode");
  const found = uuid === null ? null : await episodeById(tx, uuid);
  if (found === null)
    return reject("episodeId", "no detention episode with this ID", UserErrorCode.NOT_FOUND);
  const visible = await lockCaseForChange(
    ctx,
    tx,
    found.personId,
    "episodeId",
    "no detention episode with this ID",
  );
  requireFeed(ctx, visible, "RELEASE");
  const episode = await episodeById(tx, found.id);
  if (episode === null || episode.releasedOn !== null)
    return reject("episodeId", "this detention episode has already ended", UserErrorCode.RULE_VIOLATION);
  return episode;
}

/** Sets a release date by hand, with its reason; the episode's date is the latest override from then on. */
export function overrideReleaseDate(
  ctx: RequestContext,
  input: ReleaseDateOverrideInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "RELEASE_PREPARE");
  return runMutation(ctx, async (tx) => {
    const override = parseInput(releaseDateOverrideSchema, {
      kind: input.kind,
      date: input.date,
      reason: input.reason,
    });
    const episode = await episodeInPreparation(ctx, tx, input.episodeId);
    if (episode.legalStatus !== "SENTENCED")
      reject(
        "episodeId",
        "the person is not sentenced: there are no release dates",
        UserErrorCode.RULE_VIOLATION,
      );
    const problem = releaseDateOverrideProblem(episode, override.kind, override.date);
    if (problem !== null) reject("date", problem, UserErrorCode.RULE_VIOLATION);
    const id = newId();
    await insertOverride(tx, {
      id,
      personId: episode.personId,
      episodeId: episode.id,
      ...override,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    await setReleaseDate(tx, episode.id, override.kind, override.date);
    ctx.audit.record({
      operation: "UPDATE",
      personId: episode.personId,
      dataClasses: ["RELEASE"],
      details: {
        mutation: "releaseDateOverride",
        episodeId: episode.id,
        overrideId: id,
        kind: override.kind,
      },
    });
    return { personId: episode.personId, recordId: episode.id };
  });
}

/** Records the release plan of an open episode, or changes it at the version the actor read. */
export function recordReleasePlan(
  ctx: RequestContext,
  input: ReleasePlanRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "RELEASE_PREPARE");
  return runMutation(ctx, async (tx) => {
    const plan = parseInput(releasePlanSchema, {
      intendedMunicipality: input.intendedMunicipality ?? null,
      localTaskForceInformedOn: input.localTaskForceInformedOn ?? null,
      note: input.note ?? null,
    });
    const episode = await episodeInPreparation(ctx, tx, input.episodeId);
    const district =
      plan.intendedMunicipality === null ? null : judicialDistrictOfMunicipality(plan.intendedMunicipality);
    if (plan.intendedMunicipality !== null && district === null)
      reject("intendedMunicipality", "is not a municipality Continuum knows", UserErrorCode.NOT_FOUND);
    if (plan.localTaskForceInformedOn !== null && plan.localTaskForceInformedOn > ctx.today)
      reject("localTaskForceInformedOn", "must not be in the future");
    const change = { ...plan, intendedJudicialDistrict: district, agencyId: actor.agencyId };
    const existing = await planOfEpisode(tx, episode.id);
    if (existing === null) {
      if (input.version != null) reject("version", `the plan ${CHANGED_MEANWHILE}`, UserErrorCode.CONFLICT);
      await insertPlan(tx, {
        episodeId: episode.id,
        personId: episode.personId,
        ...change,
        createdBy: actor.userId,
      });
    } else if (input.version == null) {
      reject("version", "give the version of the plan you are changing");
    } else if (!(await updatePlan(tx, episode.id, input.version, change))) {
      reject("version", `the plan ${CHANGED_MEANWHILE}`, UserErrorCode.CONFLICT);
    }
    ctx.audit.record({
      operation: existing === null ? "CREATE" : "UPDATE",
      personId: episode.personId,
      dataClasses: ["RELEASE"],
      details: { mutation: "releasePlanRecord", episodeId: episode.id },
    });
    return { personId: episode.personId, recordId: episode.id };
  });
}
