import {
  accessTo,
  type DetentionEpisodeOpenInput as DomainAdmission,
  detentionEpisodeOpenSchema,
  detentionEpisodeReleaseSchema,
  judicialDistrictOfMunicipality,
  mayFeed,
  placementRecordSchema,
  releaseDatesOf,
  type Sex,
} from "@continuum/domain";
import {
  factsFromRow,
  knownCases,
  loadVisiblePerson,
  requireAction,
  requireFeed,
} from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { forgetPerson } from "../../graphql/loaders.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { resolvePlace } from "../establishments/establishment.service.js";
import { endMeasuresAtRelease } from "../measures/measure.repository.js";
import { lockPerson, type VisiblePerson } from "../persons/person.repository.js";
import { refreshSummaries } from "../persons/person-summary.js";
import { conditionsAtRelease } from "../release/condition.service.js";
import { moveResidence } from "../release/handover.service.js";
import { closeOpenListingOf, lastScreeningOn, openListingOf } from "../screening/screening.repository.js";
import { closeWatchlistEntryOnRelease } from "../screening/watchlist.repository.js";
import type {
  AdmissionInput,
  DetentionEpisodeOpenInput,
  DetentionEpisodeReleaseInput,
  PlacementRecordInput,
} from "./detention.input.js";
import {
  closePlacement,
  endFollowUpAtAdmission,
  episodeById,
  insertEpisode,
  insertPlacement,
  latestEpisodeOf,
  openPlacementOf,
  releaseEpisode,
} from "./detention.repository.js";

/** What a detention change answers: the person and the record it made, by ID. */
export interface DetentionChange {
  personId: string;
  recordId: string;
}

/** Prison staff admit only to their own establishment (they may transfer their inmates elsewhere). */
function assertMayAdmitTo(actor: Actor, establishmentId: string): void {
  if (actor.agencyKind === "PRISON" && actor.establishmentId !== establishmentId)
    throw forbidden("You may only admit persons to your own establishment.");
}

/**
 * Locks the person's case for the rest of the transaction, then checks, on fresh data, that the
 * actor sees the person and feeds their detention data: lock first, so that a concurrent change
 * cannot move the person out of the actor's sight between the check and the write.
 */
export async function lockCaseForChange(
  ctx: RequestContext,
  tx: Tx,
  personUuid: string | null,
  field: string,
  notFound = "no person with this ID",
): Promise<VisiblePerson> {
  if (personUuid !== null) {
    await lockPerson(tx, personUuid);
    forgetPerson(ctx.loaders, personUuid);
  }
  const visible = personUuid === null ? null : await loadVisiblePerson(ctx, personUuid);
  if (visible === null) return reject(field, notFound, UserErrorCode.NOT_FOUND);
  return visible;
}

/**
 * A sentenced person's release dates follow from the rule (releaseDatesOf); the deprecated input
 * dates may only repeat it: a different date is an override, recorded with its reason.
 */
function releaseDatesByRule(
  admission: DomainAdmission,
  fieldPrefix: string,
): { conditionalReleaseEligibleOn: string | null; endOfSentenceOn: string | null } {
  const dates =
    admission.legalStatus === "SENTENCED" && admission.sentenceMonths !== null
      ? releaseDatesOf({
          admittedOn: admission.admittedOn,
          sentenceMonths: admission.sentenceMonths,
          recidivism: admission.recidivism,
        })
      : { conditionalReleaseEligibleOn: null, endOfSentenceOn: null };
  for (const field of ["conditionalReleaseEligibleOn", "endOfSentenceOn"] as const) {
    const given = admission[field];
    if (given !== null && given !== dates[field])
      reject(
        `${fieldPrefix}${field}`,
        `differs from the rule (${dates[field] ?? "no date for this legal status"}): admit without it, then record an override with its reason`,
        UserErrorCode.RULE_VIOLATION,
      );
  }
  return dates;
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
): Promise<string> {
  const admission: DomainAdmission = parseInput(
    detentionEpisodeOpenSchema,
    {
      admittedOn: input.admittedOn,
      legalStatus: input.legalStatus,
      sentenceMonths: input.sentenceMonths ?? null,
      recidivism: input.recidivism ?? "NONE",
      conditionalReleaseEligibleOn: input.conditionalReleaseEligibleOn ?? null,
      endOfSentenceOn: input.endOfSentenceOn ?? null,
    },
    fieldPrefix,
  );
  if (admission.admittedOn > ctx.today) reject(`${fieldPrefix}admittedOn`, "must not be in the future");
  const dates = releaseDatesByRule(admission, fieldPrefix);
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

  const episodeId = newId();
  await insertEpisode(tx, {
    id: episodeId,
    personId: person.id,
    ...admission,
    ...dates,
    ruleEligibleOn: dates.conditionalReleaseEligibleOn,
    ruleEndOfSentenceOn: dates.endOfSentenceOn,
    createdBy: actor.userId,
  });
  await insertPlacement(tx, {
    id: newId(),
    personId: person.id,
    episodeId,
    establishmentId: place.establishment.id,
    unitId: place.unit?.id ?? null,
    validFrom: admission.admittedOn,
    reason: "Admission",
    createdBy: actor.userId,
  });
  if (latest !== null) await endFollowUpAtAdmission(tx, person.id, admission.admittedOn);
  return episodeId;
}

/**
 * Admission of a registered person. Allowed when, once admitted, the case is the actor's to feed
 * (e.g. a prison re-admitting a released person it only had a hit on); a person the actor may not
 * even know of answers NOT_FOUND, as an unknown ID.
 */
export function openEpisode(
  ctx: RequestContext,
  input: DetentionEpisodeOpenInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "DETENTION_RECORD");
  return runMutation(ctx, async (tx) => {
    const personUuid = uuidOf(input.personId, "Person");
    if (personUuid !== null) await lockPerson(tx, personUuid);
    const [row] = personUuid === null ? [] : await knownCases(tx, actor, [personUuid]);
    if (row === undefined) return reject("personId", "no person with this ID", UserErrorCode.NOT_FOUND);
    const personId = row.person_id;
    const admitted = {
      ...factsFromRow(row),
      stage: "IN_PRISON" as const,
      establishmentId: uuidOf(input.establishmentId, "Establishment"),
    };
    if (!mayFeed(accessTo(actor, admitted), "DETENTION"))
      throw forbidden(
        "Once admitted there, this case would not be yours to record: ask CelEx or the prison concerned.",
      );
    const episodeId = await admitPerson(ctx, tx, actor, { id: personId, sex: row.sex }, input, "");
    await refreshSummaries(tx, [personId]);
    forgetPerson(ctx.loaders, personId);
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["DETENTION"],
      details: { mutation: "detentionEpisodeOpen", episodeId },
    });
    return { personId, recordId: episodeId };
  });
}

const NO_MUNICIPALITY_NEEDED = new Set(["TRANSFER_ABROAD", "DEATH_IN_CUSTODY"]);

/**
 * Records a release. Release data are written too (the place of residence, the conditions), so the
 * actor must feed them as well as the detention data.
 */
export function releaseFromEpisode(
  ctx: RequestContext,
  input: DetentionEpisodeReleaseInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "DETENTION_RECORD");
  return runMutation(ctx, async (tx) => {
    const release = parseInput(detentionEpisodeReleaseSchema, {
      releasedOn: input.releasedOn,
      releaseType: input.releaseType,
    });
    const episodeUuid = uuidOf(input.episodeId, "DetentionEpisode");
    const found = episodeUuid === null ? null : await episodeById(tx, episodeUuid);
    const visible = await lockCaseForChange(
      ctx,
      tx,
      found?.personId ?? null,
      "episodeId",
      "no detention episode with this ID",
    );
    requireFeed(ctx, visible, "DETENTION");
    requireFeed(ctx, visible, "RELEASE");
    const episode = found === null ? null : await episodeById(tx, found.id);
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
    const listing = await openListingOf(tx, episode.personId);
    if (listing !== null && release.releasedOn <= listing.validFrom)
      reject(
        "releasedOn",
        `must be after the start of the current CelEx listing (${listing.validFrom})`,
        UserErrorCode.RULE_VIOLATION,
      );
    const lastScreened = await lastScreeningOn(tx, episode.id);
    if (lastScreened !== null && release.releasedOn < lastScreened)
      reject(
        "releasedOn",
        `must not be before the last screening (${lastScreened})`,
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
    await conditionsAtRelease(ctx, tx, actor, episode, release, input.conditions ?? []);
    await moveResidence(tx, actor, {
      personId: episode.personId,
      place: municipality === null || district === null ? null : { municipality, judicialDistrict: district },
      on: release.releasedOn,
      reason: "Release",
    });
    if (placement !== null) await closePlacement(tx, placement.id, release.releasedOn);
    await closeOpenListingOf(tx, episode.personId, release.releasedOn);
    await closeWatchlistEntryOnRelease(tx, episode.personId, release.releasedOn);
    await endMeasuresAtRelease(tx, episode.personId, release.releasedOn);
    await refreshSummaries(tx, [episode.personId]);
    ctx.audit.record({
      operation: "UPDATE",
      personId: episode.personId,
      dataClasses: ["DETENTION", "RELEASE"],
      details: { mutation: "detentionEpisodeRelease", episodeId: episode.id },
    });
    return { personId: episode.personId, recordId: episode.id };
  });
}

/**
 * Moves a detained person (whose case the caller has locked) to another establishment or unit from
 * a date: the current placement ends that day and the new one starts, where the place can hold them
 * (open, right sex, a unit with room that day). Returns the new placement's ID; the caller refreshes
 * the summary.
 */
export async function movePerson(
  ctx: RequestContext,
  tx: Tx,
  actor: Actor,
  person: { id: string; sex: Sex },
  move: {
    establishmentId: string;
    unitId: string | null;
    validFrom: string;
    reason: string | null;
    /** Where the date sits in the caller's input; the place is `establishmentId` / `unitId`. */
    dateField: string;
  },
): Promise<string> {
  const current = await openPlacementOf(tx, person.id);
  if (current === null)
    return reject(
      "personId",
      "the person is not detained: open a detention episode first",
      UserErrorCode.RULE_VIOLATION,
    );
  if (move.validFrom > ctx.today) reject(move.dateField, "must not be in the future");
  if (move.validFrom <= current.validFrom)
    reject(
      move.dateField,
      `overlaps the current placement, which started on ${current.validFrom}: a move must start after it`,
      UserErrorCode.CONFLICT,
    );
  const place = await resolvePlace(ctx, tx, {
    establishmentId: move.establishmentId,
    unitId: move.unitId,
    on: move.validFrom,
    sex: person.sex,
    fieldPrefix: "",
  });
  if (place.establishment.id === current.establishmentId && (place.unit?.id ?? null) === current.unitId)
    reject("establishmentId", "the person is already placed there", UserErrorCode.RULE_VIOLATION);

  await closePlacement(tx, current.id, move.validFrom);
  const placementId = newId();
  await insertPlacement(tx, {
    id: placementId,
    personId: person.id,
    episodeId: current.episodeId,
    establishmentId: place.establishment.id,
    unitId: place.unit?.id ?? null,
    validFrom: move.validFrom,
    reason: move.reason,
    createdBy: actor.userId,
  });
  return placementId;
}

export function recordPlacement(
  ctx: RequestContext,
  input: PlacementRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "DETENTION_RECORD");
  return runMutation(ctx, async (tx) => {
    const change = parseInput(placementRecordSchema, {
      validFrom: input.validFrom,
      reason: input.reason ?? null,
    });
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "DETENTION");
    const { person } = visible;
    const placementId = await movePerson(ctx, tx, actor, person, {
      establishmentId: input.establishmentId,
      unitId: input.unitId ?? null,
      validFrom: change.validFrom,
      reason: change.reason,
      dateField: "validFrom",
    });
    await refreshSummaries(tx, [person.id]);
    ctx.audit.record({
      operation: "CREATE",
      personId: person.id,
      dataClasses: ["DETENTION"],
      details: { mutation: "placementRecord", placementId },
    });
    return { personId: person.id, recordId: placementId };
  });
}
