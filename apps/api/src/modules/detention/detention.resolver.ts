import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { EstablishmentType, EstablishmentUnitType } from "../establishments/establishment.type.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange, personOf } from "../persons/person-lookup.js";
import {
  DetentionEpisodeOpenInput,
  DetentionEpisodeReleaseInput,
  PlacementRecordInput,
} from "./detention.input.js";
import { DetentionEpisodePayload, PlacementRecordPayload } from "./detention.payload.js";
import {
  type DetentionChange,
  openEpisode,
  recordPlacement,
  releaseFromEpisode,
} from "./detention.service.js";
import { DetentionEpisodeType, PlacementType } from "./detention.type.js";

/** The episode a change made or ended, as the actor may now see it. */
async function episodePayload(ctx: RequestContext, outcome: MutationOutcome<DetentionChange>) {
  const change = outcome.result;
  const person = change === null ? null : await personAfterChange(ctx, change.personId);
  const record =
    person === null || change === null
      ? undefined
      : (await ctx.loaders.episodesOfPerson.load(change.personId)).find((e) => e.id === change.recordId);
  return Object.assign(new DetentionEpisodePayload(), {
    episode:
      record === undefined || person === null ? null : DetentionEpisodeType.from(record, person.access),
    person,
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => DetentionEpisodeType)
export class DetentionEpisodeResolver {
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person this record belongs to; null if you may not see them.",
  })
  person(@Root() episode: DetentionEpisodeType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, episode.personUuid);
  }

  @FieldResolver(() => [PlacementType], { description: "Placements during this episode, oldest first." })
  async placements(
    @Root() episode: DetentionEpisodeType,
    @Ctx() ctx: RequestContext,
  ): Promise<PlacementType[]> {
    const all = await ctx.loaders.placementsOfPerson.load(episode.personUuid);
    return all.filter((p) => p.episodeId === episode.uuid).map((p) => PlacementType.from(p, episode.access));
  }

  @Mutation(() => DetentionEpisodePayload, {
    nullable: true,
    description: "Admits a registered person who is not detained now: a new episode and its first placement.",
  })
  @Rule("WRITE")
  async detentionEpisodeOpen(
    @Arg("input", () => DetentionEpisodeOpenInput, { description: "The change to make." })
    input: DetentionEpisodeOpenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodePayload> {
    return episodePayload(ctx, await openEpisode(ctx, input));
  }

  @Mutation(() => DetentionEpisodePayload, {
    nullable: true,
    description:
      "Records a release: ends the episode, its placement and any CelEx listing on the release date.",
  })
  @Rule("WRITE")
  async detentionEpisodeRelease(
    @Arg("input", () => DetentionEpisodeReleaseInput, { description: "The change to make." })
    input: DetentionEpisodeReleaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodePayload> {
    return episodePayload(ctx, await releaseFromEpisode(ctx, input));
  }
}

@Resolver(() => PlacementType)
export class PlacementResolver {
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person this record belongs to; null if you may not see them.",
  })
  person(@Root() placement: PlacementType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, placement.personUuid);
  }

  @FieldResolver(() => DetentionEpisodeType, {
    nullable: true,
    description: "The detention episode this placement belongs to.",
  })
  async episode(
    @Root() placement: PlacementType,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodeType | null> {
    const episodes = await ctx.loaders.episodesOfPerson.load(placement.personUuid);
    const episode = episodes.find((e) => e.id === placement.episodeUuid);
    return episode === undefined ? null : DetentionEpisodeType.from(episode, placement.access);
  }

  @FieldResolver(() => EstablishmentType, { description: "The establishment." })
  async establishment(
    @Root() placement: PlacementType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType> {
    const record = await ctx.loaders.establishment.load(placement.establishmentUuid);
    if (record === null) throw new Error(`placement ${placement.uuid} refers to a missing establishment`);
    return EstablishmentType.from(record);
  }

  @FieldResolver(() => EstablishmentUnitType, {
    nullable: true,
    description: "Null for the ordinary regime.",
  })
  async unit(
    @Root() placement: PlacementType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentUnitType | null> {
    // Loaded with all units of the establishment, even for the ordinary regime (no unit): one
    // statement per page, whatever mix of placements the page holds.
    const units = await ctx.loaders.unitsOfEstablishment.load(placement.establishmentUuid);
    const unit = placement.unitUuid === null ? undefined : units.find((u) => u.id === placement.unitUuid);
    return unit === undefined ? null : EstablishmentUnitType.from(unit);
  }

  @Mutation(() => PlacementRecordPayload, {
    nullable: true,
    description:
      "Transfers a detained person: closes the current placement and opens the new one on validFrom.",
  })
  @Rule("WRITE")
  async placementRecord(
    @Arg("input", () => PlacementRecordInput, { description: "The change to make." })
    input: PlacementRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PlacementRecordPayload> {
    const { result, userErrors } = await recordPlacement(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record =
      person === null || result === null
        ? undefined
        : (await ctx.loaders.placementsOfPerson.load(result.personId)).find((p) => p.id === result.recordId);
    return Object.assign(new PlacementRecordPayload(), {
      placement: record === undefined || person === null ? null : PlacementType.from(record, person.access),
      person,
      userErrors,
    });
  }
}
