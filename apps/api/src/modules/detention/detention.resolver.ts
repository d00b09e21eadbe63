import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
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
import { openEpisode, recordPlacement, releaseFromEpisode } from "./detention.service.js";
import { DetentionEpisodeType, PlacementType } from "./detention.type.js";

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
    return all.filter((p) => p.episodeId === episode.uuid).map(PlacementType.from);
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
    const { result, userErrors } = await openEpisode(ctx, input);
    return Object.assign(new DetentionEpisodePayload(), {
      episode: result === null ? null : DetentionEpisodeType.from(result),
      person: result === null ? null : await personAfterChange(ctx, result.personId),
      userErrors,
    });
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
    const { result, userErrors } = await releaseFromEpisode(ctx, input);
    return Object.assign(new DetentionEpisodePayload(), {
      episode: result === null ? null : DetentionEpisodeType.from(result),
      person: result === null ? null : await personAfterChange(ctx, result.personId),
      userErrors,
    });
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
    return episode === undefined ? null : DetentionEpisodeType.from(episode);
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
    return Object.assign(new PlacementRecordPayload(), {
      placement: result === null ? null : PlacementType.from(result),
      person: result === null ? null : await personAfterChange(ctx, result.personId),
      userErrors,
    });
  }
}
