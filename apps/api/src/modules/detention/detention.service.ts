import {
  type DetentionEpisodeOpenInput as DomainAdmission,
  detentionEpisodeOpenSchema,
  detentionEpisodeReleaseSchema,
  judicialDistrictOfMunicipality,
  placementRecordSchema,
  type Sex,
} from "@continuum/domain";
import { loadVisiblePerson, requireAction } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { resolvePlace } from "../establishments/establishment.service.js";
import { lockPerson } from "../persons/person.repository.js";
import { refreshSummaries } from "../persons/person-summary.js";
import { closeOpenListingOf } from "../screening/screening.repository.js";
import type {
  AdmissionInput,
  DetentionEpisodeOpenInput,
  DetentionEpisodeReleaseInput,
  PlacementRecordInput,
} from "./detention.input.js";
import {
  closePlacement,
  type EpisodeRecord,
  episodeById,
  insertEpisode,
  insertPlacement,
  latestEpisodeOf,
  openPlacementOf,
  type PlacementRecord,
  releaseEpisode,
} from "./detention.repository.js";

/** Prison staff admit only to their own establishment (they may transfer their inmates elsewhere). */
function assertMayAdmitTo(actor: Actor, establishmentId: string): void {
  if (actor.agencyKind === "PRISON" && actor.establishmentId !== establishmentId)
    throw forbidden("You may only record placements in your own establishment.");
}

/**
 * Admits a person (opens an episode and its first placement) inside the caller's transaction.
 * `fieldPrefix` names where the admission sits in the mutation's input (e.g. "admission.").
 */
export async function admitPerson(
  ctx: RequestContext,
  tx: Tx,
  actor: Actor,
  person: { id: string; sex: Sex },
  input: AdmissionInput,
  fieldPrefix: string,
): Promise<EpisodeRecord> {
  const admission: DomainAdmission = parseInput(
    detentionEpisodeOpenSchema,
    {
      admittedOn: input.admittedOn,
      legalStatus: input.legalStatus,
      sentenceMonths: input.sentenceMonths ?? null,
      conditionalReleaseEligibleOn: input.conditionalReleaseEligibleOn ?? null,
      endOfSentenceOn: input.endOfSentenceOn ?? null,
    },
    fieldPrefix,
  );
  if (admission.admittedOn > ctx.today) reject(`${fieldPrefix}admittedOn`, "must not be in the future");
  const place = await resolvePlace(ctx, tx, {
    establishmentId: input.establishmentId,
    unitId: input.unitId ?? null,
    on: admission.admittedOn,
    sex: person.sex,
    fieldPrefix,
  });
  assertMayAdmitTo(actor, place.establishment.id);

  const latest = await latestEpisodeOf(tx, person.id);
  if (latest !== null && latest.releasedOn === null)
    reject("personId", "the person is already detained: record a transfer instead", UserErrorCode.CONFLICT);
  if (latest !== null && latest.releasedOn !== null && admission.admittedOn < latest.releasedOn)
    reject(
      `${fieldPrefix}admittedOn`,
      `must not be before the end of the previous detention (${latest.releasedOn})`,
      UserErrorCode.CONFLICT,
    );

  const episode = await insertEpisode(tx, { personId: person.id, ...admission, createdBy: actor.userId });
  await insertPlacement(tx, {
    personId: person.id,
    episodeId: episode.id,
    establishmentId: place.establishment.id,
    unitId: place.unit?.id ?? null,
    validFrom: admission.admittedOn,
    reason: "Admission",
    createdBy: actor.userId,
  });
  return episode;
}

async function visiblePersonForChange(ctx: RequestContext, tx: Tx, personGlobalId: string, field: string) {
  const uuid = uuidOf(personGlobalId, "Person");
  const visible = uuid === null ? null : await loadVisiblePerson(ctx, uuid);
  if (visible === null) return reject(field, "no person with this ID", UserErrorCode.NOT_FOUND);
  await lockPerson(tx, visible.person.id);
  return visible;
}

export function openEpisode(
  ctx: RequestContext,
  input: DetentionEpisodeOpenInput,
): Promise<MutationOutcome<EpisodeRecord>> {
  const actor = requireAction(ctx, "DETENTION_RECORD");
  return runMutation(ctx, async (tx) => {
    const { person } = await visiblePersonForChange(ctx, tx, input.personId, "personId");
    const episode = await admitPerson(ctx, tx, actor, person, input, "");
    await refreshSummaries(tx, [person.id]);
    ctx.audit.record({
      operation: "CREATE",
      personId: person.id,
      dataClasses: ["DETENTION"],
      details: { mutation: "detentionEpisodeOpen", episodeId: episode.id },
    });
    return episode;
  });
}

const NO_MUNICIPALITY_NEEDED = new Set(["TRANSFER_ABROAD", "DEATH_IN_CUSTODY"]);

export function releaseFromEpisode(
  ctx: RequestContext,
  input: DetentionEpisodeReleaseInput,
): Promise<MutationOutcome<EpisodeRecord>> {
  requireAction(ctx, "DETENTION_RECORD");
  return runMutation(ctx, async (tx) => {
    const release = parseInput(detentionEpisodeReleaseSchema, {
      releasedOn: input.releasedOn,
      releaseType: input.releaseType,
    });
    const episodeUuid = uuidOf(input.episodeId, "DetentionEpisode");
    const found = episodeUuid === null ? null : await episodeById(tx, episodeUuid);
    const visible = found === null ? null : await loadVisiblePerson(ctx, found.personId);
    if (found === null || visible === null)
      return reject("episodeId", "no detention episode with this ID", UserErrorCode.NOT_FOUND);
    await lockPerson(tx, found.personId);
    const episode = await episodeById(tx, found.id);
    if (episode === null || episode.releasedOn !== null)
      return reject("episodeId", "this detention episode has already ended", UserErrorCode.RULE_VIOLATION);
    if (release.releasedOn < episode.admittedOn)
      reject(
        "releasedOn",
        `must not be before the admission date (${episode.admittedOn})`,
        UserErrorCode.RULE_VIOLATION,
      );
    if (release.releasedOn > ctx.today) reject("releasedOn", "must not be in the future");
    const placement = await openPlacementOf(tx, episode.personId);
    if (placement !== null && release.releasedOn <= placement.validFrom)
      reject(
        "releasedOn",
        `must be after the start of the current placement (${placement.validFrom})`,
        UserErrorCode.RULE_VIOLATION,
      );

    const municipality = input.releaseMunicipality?.trim() || null;
    const district = municipality === null ? null : judicialDistrictOfMunicipality(municipality);
    if (municipality === null && !NO_MUNICIPALITY_NEEDED.has(release.releaseType))
      reject("releaseMunicipality", "is required for this type of release");
    if (municipality !== null && district === null)
      reject("releaseMunicipality", "is not a municipality Continuum knows", UserErrorCode.NOT_FOUND);

    const released = await releaseEpisode(tx, episode, {
      releasedOn: release.releasedOn,
      releaseType: release.releaseType,
      releaseMunicipality: municipality,
      releaseJudicialDistrict: district,
    });
    if (released === null)
      return reject(
        "episodeId",
        "the episode changed meanwhile; reload and try again",
        UserErrorCode.CONFLICT,
      );
    if (placement !== null) await closePlacement(tx, placement.id, release.releasedOn);
    await closeOpenListingOf(tx, episode.personId, release.releasedOn);
    await refreshSummaries(tx, [episode.personId]);
    ctx.audit.record({
      operation: "UPDATE",
      personId: episode.personId,
      dataClasses: ["DETENTION", "RELEASE"],
      details: { mutation: "detentionEpisodeRelease", episodeId: episode.id },
    });
    return released;
  });
}

export function recordPlacement(
  ctx: RequestContext,
  input: PlacementRecordInput,
): Promise<MutationOutcome<PlacementRecord>> {
  const actor = requireAction(ctx, "DETENTION_RECORD");
  return runMutation(ctx, async (tx) => {
    const change = parseInput(placementRecordSchema, {
      validFrom: input.validFrom,
      reason: input.reason ?? null,
    });
    const { person } = await visiblePersonForChange(ctx, tx, input.personId, "personId");
    const current = await openPlacementOf(tx, person.id);
    if (current === null)
      return reject(
        "personId",
        "the person is not detained: open a detention episode first",
        UserErrorCode.RULE_VIOLATION,
      );
    if (change.validFrom > ctx.today) reject("validFrom", "must not be in the future");
    if (change.validFrom <= current.validFrom)
      reject(
        "validFrom",
        `overlaps the current placement, which started on ${current.validFrom}: a transfer must start after it`,
        UserErrorCode.CONFLICT,
      );
    const place = await resolvePlace(ctx, tx, {
      establishmentId: input.establishmentId,
      unitId: input.unitId ?? null,
      on: change.validFrom,
      sex: person.sex,
      fieldPrefix: "",
    });
    if (place.establishment.id === current.establishmentId && (place.unit?.id ?? null) === current.unitId)
      reject("establishmentId", "the person is already placed there", UserErrorCode.RULE_VIOLATION);

    await closePlacement(tx, current.id, change.validFrom);
    const placement = await insertPlacement(tx, {
      personId: person.id,
      episodeId: current.episodeId,
      establishmentId: place.establishment.id,
      unitId: place.unit?.id ?? null,
      validFrom: change.validFrom,
      reason: change.reason,
      createdBy: actor.userId,
    });
    await refreshSummaries(tx, [person.id]);
    ctx.audit.record({
      operation: "CREATE",
      personId: person.id,
      dataClasses: ["DETENTION"],
      details: { mutation: "placementRecord", placementId: placement.id },
    });
    return placement;
  });
}
