import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireActor, requirePurpose } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden } from "../../graphql/errors.js";
import { Guarded } from "../../graphql/guard.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { AgencyType } from "../agencies/agency.type.js";
import type { DetentionChange } from "../detention/detention.service.js";
import { readMeasuresData } from "../measures/measure-reading.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange, personOf } from "../persons/person-lookup.js";
import {
  ProgrammeContactRecordInput,
  ProgrammeOfferInput,
  ProgrammeStatusChangeInput,
} from "./programme.input.js";
import { openEnrolmentsOf } from "./programme.repository.js";
import { changeProgrammeStatus, offerProgramme, recordContact } from "./programme.service.js";
import {
  ProgrammeContactType,
  ProgrammeParticipationType,
  ProgrammePayload,
  ProgrammeStatusChangeType,
} from "./programme.type.js";

async function payloadOf(
  ctx: RequestContext,
  outcome: MutationOutcome<DetentionChange>,
): Promise<ProgrammePayload> {
  const person = outcome.result === null ? null : await personAfterChange(ctx, outcome.result.personId);
  const record =
    person === null
      ? undefined
      : (await ctx.loaders.participationsOfPerson.load(person.uuid)).find(
          (e) => e.id === outcome.result?.recordId,
        );
  return Object.assign(new ProgrammePayload(), {
    participation:
      record === undefined || person === null ? null : ProgrammeParticipationType.from(record, person.access),
    person,
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => ProgrammeParticipationType)
export class ProgrammeParticipationResolver {
  @Query(() => [ProgrammeParticipationType], {
    description: "The participations your disengagement service runs now, oldest offer first (PROGRAMME).",
  })
  @Rule("AUTHENTICATED")
  async programmeCaseload(@Ctx() ctx: RequestContext): Promise<ProgrammeParticipationType[]> {
    const actor = requirePurpose(ctx);
    const rows = await openEnrolmentsOf(await ctx.tx.get(), actor.agencyId);
    return readMeasuresData(ctx, rows, ProgrammeParticipationType.from, "PROGRAMME");
  }

  @Mutation(() => ProgrammePayload, {
    nullable: true,
    description: "CelEx offers a detained person a disengagement programme, in the provider's name.",
  })
  @Rule("WRITE")
  async programmeOffer(
    @Arg("input", () => ProgrammeOfferInput, { description: "The offer." }) input: ProgrammeOfferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammePayload> {
    return payloadOf(ctx, await offerProgramme(ctx, input));
  }

  @Mutation(() => ProgrammePayload, {
    nullable: true,
    description:
      "The provider records the person's answer or the programme's course (voluntary participation).",
  })
  @Rule("WRITE")
  async programmeStatusChange(
    @Arg("input", () => ProgrammeStatusChangeInput, { description: "The change." })
    input: ProgrammeStatusChangeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammePayload> {
    return payloadOf(ctx, await changeProgrammeStatus(ctx, input));
  }

  @Mutation(() => ProgrammePayload, {
    nullable: true,
    description: "The provider logs a contact with the person.",
  })
  @Rule("WRITE")
  async programmeContactRecord(
    @Arg("input", () => ProgrammeContactRecordInput, { description: "The contact." })
    input: ProgrammeContactRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammePayload> {
    return payloadOf(ctx, await recordContact(ctx, input));
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The person." })
  person(@Root() p: ProgrammeParticipationType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, p.personUuid);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The provider running it." })
  async provider(
    @Root() p: ProgrammeParticipationType,
    @Ctx() ctx: RequestContext,
  ): Promise<AgencyType | null> {
    const a = await ctx.loaders.agency.load(p.providerUuid);
    return a === null ? null : AgencyType.from(a);
  }

  @FieldResolver(() => [ProgrammeStatusChangeType], { description: "Its statuses, oldest first." })
  async statusHistory(
    @Root() p: ProgrammeParticipationType,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammeStatusChangeType[]> {
    return (await ctx.loaders.statusChangesOfParticipation.load(p.uuid)).map((c) =>
      ProgrammeStatusChangeType.from(c, p.access),
    );
  }

  @FieldResolver(() => [ProgrammeContactType], { description: "Its contacts, newest first." })
  async contacts(
    @Root() p: ProgrammeParticipationType,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammeContactType[]> {
    return (await ctx.loaders.contactsOfParticipation.load(p.uuid)).map((c) =>
      ProgrammeContactType.from(c, p.access),
    );
  }
}

/**
 * A programme note is read by the agency that wrote it only: a provider's notes stay with that
 * provider (not a later one), CelEx reads back the note of its own offer. FORBIDDEN otherwise.
 */
function ownNote(ctx: RequestContext, writtenBy: string, note: () => Promise<string | null> | string | null) {
  if (requireActor(ctx).agencyId !== writtenBy)
    throw forbidden("A programme note is read by the agency that wrote it.", { dataClass: "PROGRAMME" });
  return note();
}

@Resolver(() => ProgrammeStatusChangeType)
export class ProgrammeStatusChangeResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "Why (programme detail: read by the agency that recorded the change).",
  })
  @Guarded("PROGRAMME", "SUMMARY")
  note(
    @Root() c: ProgrammeStatusChangeType,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> | string | null {
    return ownNote(ctx, c.agencyUuid, () => c.noteText);
  }
}

@Resolver(() => ProgrammeContactType)
export class ProgrammeContactResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The note of the contact (programme detail: read by the provider that wrote it).",
  })
  @Guarded("PROGRAMME")
  async note(@Root() c: ProgrammeContactType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return ownNote(
      ctx,
      c.agencyUuid,
      async () => (await ctx.loaders.noteOfContact.load(c.uuid))?.note ?? null,
    );
  }
}

@Resolver(() => PersonType)
export class PersonProgrammesResolver {
  @FieldResolver(() => [ProgrammeParticipationType], {
    nullable: true,
    description:
      "Disengagement programmes, newest offer first (PROGRAMME: in summary, notes for the provider).",
  })
  @Guarded("PROGRAMME", "SUMMARY")
  async programmes(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<ProgrammeParticipationType[]> {
    return (await ctx.loaders.participationsOfPerson.load(person.uuid)).map((e) =>
      ProgrammeParticipationType.from(e, person.access),
    );
  }
}
