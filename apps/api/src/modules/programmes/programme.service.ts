import {
  enrolmentEndAfter,
  isFinalProgrammeStatus,
  nextProgrammeStatuses,
  programmeContactSchema,
  programmeStatusChangeSchema,
  servesCommunity,
} from "@continuum/domain";
import { requireAction, requireFeed } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { latestEpisodeOf } from "../detention/detention.repository.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import { refreshSummaries } from "../persons/person-summary.js";
import type {
  ProgrammeContactRecordInput,
  ProgrammeOfferInput,
  ProgrammeStatusChangeInput,
} from "./programme.input.js";
import {
  changeEnrolmentStatus,
  contactsByEnrolmentIds,
  type EnrolmentRecord,
  enrolmentsByIds,
  enrolmentsByPersonIds,
  insertContact,
  insertEnrolment,
  statusChangesByEnrolmentIds,
} from "./programme.repository.js";

/**
 * CelEx offers a detained person a disengagement programme in the provider's name: the provider of
 * the person's language community (as configured on the agencies), unless another one serving it
 * is named. The offer opens the case to the provider (place ENROLLED) until a final status.
 */
export function offerProgramme(
  ctx: RequestContext,
  input: ProgrammeOfferInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "PROGRAMME_OFFER");
  return runMutation(ctx, async (tx) => {
    const offer = parseInput(programmeStatusChangeSchema, {
      status: "OFFERED",
      on: input.offeredOn,
      note: input.note ?? null,
    });
    if (offer.on > ctx.today) reject("offeredOn", "must not be in the future");
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "LISTING");
    const { person } = visible;
    const episode = await latestEpisodeOf(tx, person.id);
    if (episode === null || episode.releasedOn !== null)
      return reject("personId", "the person is not detained", UserErrorCode.RULE_VIOLATION);
    if (offer.on < episode.admittedOn)
      reject("offeredOn", `must not be before the admission (${episode.admittedOn})`);

    const providers = (await ctx.loaders.allAgencies.load("all")).filter(
      (a) => a.kind === "DISENGAGEMENT_SERVICE" && servesCommunity(a, person.languageCommunity),
    );
    const named = input.providerAgencyId ? uuidOf(input.providerAgencyId, "Agency") : null;
    const provider = input.providerAgencyId ? providers.find((p) => p.id === named) : providers[0];
    if (provider === undefined)
      return reject(
        "providerAgencyId",
        input.providerAgencyId
          ? `this agency does not run programmes for ${person.languageCommunity}-speaking persons`
          : `no disengagement service takes on ${person.languageCommunity}-speaking persons: an administrator configures the providers`,
        input.providerAgencyId ? UserErrorCode.NOT_FOUND : UserErrorCode.RULE_VIOLATION,
      );
    const earlier = await enrolmentsByPersonIds(tx, [person.id]);
    if (earlier.some((e) => e.endedOn === null))
      reject(
        "personId",
        "the person already has a programme under way: record its end first",
        UserErrorCode.CONFLICT,
      );
    // Participations follow one another: a new one starts on or after the end of the previous one
    // (the day after its final status), never back in its time.
    const previousEnd = earlier.reduce<string | null>(
      (latest, e) => (e.endedOn !== null && (latest === null || e.endedOn > latest) ? e.endedOn : latest),
      null,
    );
    if (previousEnd !== null && offer.on < previousEnd)
      reject(
        "offeredOn",
        `must not be before the end of the previous participation (${previousEnd})`,
        UserErrorCode.CONFLICT,
      );

    const id = newId();
    await insertEnrolment(
      tx,
      {
        id,
        personId: person.id,
        providerAgencyId: provider.id,
        enrolledOn: offer.on,
        status: "OFFERED",
        createdBy: actor.userId,
      },
      {
        enrolmentId: id,
        personId: person.id,
        status: "OFFERED",
        on: offer.on,
        note: offer.note,
        agencyId: actor.agencyId,
        createdBy: actor.userId,
      },
    );
    await refreshSummaries(tx, [person.id]);
    ctx.audit.record({
      operation: "CREATE",
      personId: person.id,
      dataClasses: ["PROGRAMME"],
      recipientAgencyId: provider.id,
      details: { mutation: "programmeOffer", enrolmentId: id, provider: provider.code },
    });
    return { personId: person.id, recordId: id };
  });
}

/** The participation behind an ID, locked and run by the actor's own agency; NOT_FOUND otherwise. */
async function ownParticipation(
  ctx: RequestContext,
  tx: Tx,
  actor: Actor,
  globalId: string,
): Promise<EnrolmentRecord> {
  const id = uuidOf(globalId, "ProgrammeParticipation");
  const [found] = id === null ? [] : await enrolmentsByIds(tx, [id]);
  const visible = await lockCaseForChange(
    ctx,
    tx,
    found?.personId ?? null,
    "participationId",
    "no programme participation with this ID",
  );
  requireFeed(ctx, visible, "PROGRAMME");
  const [fresh] = await enrolmentsByIds(tx, [(found as EnrolmentRecord).id]);
  if (fresh === undefined)
    return reject("participationId", "no programme participation with this ID", UserErrorCode.NOT_FOUND);
  if (fresh.providerAgencyId !== actor.agencyId)
    throw forbidden("Only the provider running the programme records its course.");
  return fresh;
}

/** The provider records the person's answer and the programme's course; a final status ends its need to know. */
export function changeProgrammeStatus(
  ctx: RequestContext,
  input: ProgrammeStatusChangeInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "PROGRAMME_RECORD");
  return runMutation(ctx, async (tx) => {
    const change = parseInput(programmeStatusChangeSchema, {
      status: input.status,
      on: input.on,
      note: input.note ?? null,
    });
    const participation = await ownParticipation(ctx, tx, actor, input.participationId);
    if (participation.version !== input.expectedVersion)
      reject(
        "expectedVersion",
        "the participation changed meanwhile; reload and try again",
        UserErrorCode.CONFLICT,
      );
    const allowed = nextProgrammeStatuses(participation.status);
    if (!allowed.includes(change.status))
      reject(
        "status",
        allowed.length === 0
          ? `the participation ended (${participation.status}): a new offer starts a new one`
          : `from ${participation.status} the participation can become ${allowed.join(", ")}`,
        UserErrorCode.RULE_VIOLATION,
      );
    const last = (await statusChangesByEnrolmentIds(tx, [participation.id])).at(-1);
    if (last !== undefined && change.on < last.on)
      reject("on", `must not be before the last change (${last.on})`);
    if (change.on > ctx.today) reject("on", "must not be in the future");
    // A final status ends the participation the next day: every contact logged stays within it.
    if (isFinalProgrammeStatus(change.status)) {
      const [lastContact] = await contactsByEnrolmentIds(tx, [participation.id]);
      if (lastContact !== undefined && change.on < lastContact.contactedOn)
        reject("on", `must not be before the last contact (${lastContact.contactedOn})`);
    }
    const changed = await changeEnrolmentStatus(
      tx,
      participation,
      {
        enrolmentId: participation.id,
        personId: participation.personId,
        ...change,
        agencyId: actor.agencyId,
        createdBy: actor.userId,
      },
      isFinalProgrammeStatus(change.status) ? enrolmentEndAfter(change.on) : null,
    );
    if (changed === null)
      reject(
        "expectedVersion",
        "the participation changed meanwhile; reload and try again",
        UserErrorCode.CONFLICT,
      );
    await refreshSummaries(tx, [participation.personId]);
    ctx.audit.record({
      operation: "UPDATE",
      personId: participation.personId,
      dataClasses: ["PROGRAMME"],
      details: { mutation: "programmeStatusChange", enrolmentId: participation.id, status: change.status },
    });
    return { personId: participation.personId, recordId: participation.id };
  });
}

/** The provider logs a contact: when, which components, and its note (read by the provider only). */
export function recordContact(
  ctx: RequestContext,
  input: ProgrammeContactRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "PROGRAMME_RECORD");
  return runMutation(ctx, async (tx) => {
    const contact = parseInput(programmeContactSchema, {
      contactedOn: input.contactedOn,
      components: input.components,
      minutes: input.minutes ?? null,
      note: input.note,
    });
    const participation = await ownParticipation(ctx, tx, actor, input.participationId);
    if (contact.contactedOn < participation.enrolledOn)
      reject("contactedOn", `must not be before the offer (${participation.enrolledOn})`);
    if (contact.contactedOn > ctx.today) reject("contactedOn", "must not be in the future");
    if (participation.endedOn !== null && contact.contactedOn >= participation.endedOn)
      reject(
        "contactedOn",
        `the participation ended (${participation.status})`,
        UserErrorCode.RULE_VIOLATION,
      );
    const id = newId();
    await insertContact(
      tx,
      {
        id,
        enrolmentId: participation.id,
        personId: participation.personId,
        contactedOn: contact.contactedOn,
        components: [...new Set(contact.components)],
        minutes: contact.minutes,
        agencyId: actor.agencyId,
        createdBy: actor.userId,
      },
      contact.note,
    );
    ctx.audit.record({
      operation: "CREATE",
      personId: participation.personId,
      dataClasses: ["PROGRAMME"],
      details: { mutation: "programmeContactRecord", enrolmentId: participation.id, contactId: id },
    });
    return { personId: participation.personId, recordId: participation.id };
  });
}
