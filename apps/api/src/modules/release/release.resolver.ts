import { JudicialDistrict, LegacyCategory, todayIso } from "@continuum/domain";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { AgencyType } from "../agencies/agency.type.js";
import type { DetentionChange } from "../detention/detention.service.js";
import { DetentionEpisodeType } from "../detention/detention.type.js";
import { EstablishmentType } from "../establishments/establishment.type.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange, personOf } from "../persons/person-lookup.js";
import { releaseCalendar } from "./calendar.service.js";
import { ReleaseDateOverrideInput, ReleasePlanRecordInput } from "./release.input.js";
import { ReleasePreparationPayload } from "./release.payload.js";
import { overrideReleaseDate, recordReleasePlan } from "./release.service.js";
import {
  ReleaseCalendarEntryType,
  ReleaseCalendarType,
  ReleaseDateOverrideType,
  ReleasePlanType,
} from "./release.type.js";

/** The episode a preparation changed, as the actor may now see it. */
async function preparationPayload(
  ctx: RequestContext,
  outcome: MutationOutcome<DetentionChange>,
): Promise<ReleasePreparationPayload> {
  const change = outcome.result;
  const person = change === null ? null : await personAfterChange(ctx, change.personId);
  const record =
    person === null || change === null
      ? undefined
      : (await ctx.loaders.episodesOfPerson.load(change.personId)).find((e) => e.id === change.recordId);
  return Object.assign(new ReleasePreparationPayload(), {
    episode:
      record === undefined || person === null ? null : DetentionEpisodeType.from(record, person.access),
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => DetentionEpisodeType)
export class EpisodeReleaseResolver {
  @FieldResolver(() => [ReleaseDateOverrideType], {
    nullable: true,
    description: "Release dates set by hand on this episode, newest first (RELEASE).",
  })
  @Guarded("RELEASE")
  async releaseDateOverrides(
    @Root() episode: DetentionEpisodeType,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseDateOverrideType[]> {
    return (await ctx.loaders.releaseDateOverridesOfPerson.load(episode.personUuid))
      .filter((o) => o.episodeId === episode.uuid)
      .map(ReleaseDateOverrideType.from);
  }

  @FieldResolver(() => ReleasePlanType, {
    nullable: true,
    description: "The preparation of the release; null when none was recorded (RELEASE).",
  })
  @Guarded("RELEASE")
  async releasePlan(
    @Root() episode: DetentionEpisodeType,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleasePlanType | null> {
    const plan = (await ctx.loaders.releasePlansOfPerson.load(episode.personUuid)).find(
      (p) => p.episodeId === episode.uuid,
    );
    return plan === undefined ? null : ReleasePlanType.from(plan);
  }

  @Mutation(() => ReleasePreparationPayload, {
    nullable: true,
    description: "Sets a release date of an open episode by hand instead of the rule, with its reason.",
  })
  @Rule("WRITE")
  async releaseDateOverride(
    @Arg("input", () => ReleaseDateOverrideInput, { description: "The date and its reason." })
    input: ReleaseDateOverrideInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleasePreparationPayload> {
    return preparationPayload(ctx, await overrideReleaseDate(ctx, input));
  }

  @Mutation(() => ReleasePreparationPayload, {
    nullable: true,
    description: "Records or changes the release plan of an open episode.",
  })
  @Rule("WRITE")
  async releasePlanRecord(
    @Arg("input", () => ReleasePlanRecordInput, { description: "The plan." }) input: ReleasePlanRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleasePreparationPayload> {
    return preparationPayload(ctx, await recordReleasePlan(ctx, input));
  }
}

@Resolver(() => ReleaseDateOverrideType)
export class ReleaseDateOverrideResolver {
  @FieldResolver(() => AgencyType, { nullable: true, description: "The agency that set it." })
  async agency(@Root() o: ReleaseDateOverrideType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    const agency = await ctx.loaders.agency.load(o.agencyUuid);
    return agency === null ? null : AgencyType.from(agency);
  }
}

@Resolver(() => ReleaseCalendarEntryType)
export class ReleaseCalendarResolver {
  @Query(() => ReleaseCalendarType, {
    description:
      "Detained persons reaching conditional-release eligibility or the end of their sentence within a window, by date, with the state of their release preparation.",
  })
  @Rule("AUTHENTICATED")
  releaseCalendar(
    @Arg("from", () => DateScalar, { nullable: true, description: "First day of the window; default today." })
    from: string | null,
    @Arg("months", () => Int, { description: "Length of the window: 3, 6 or 12 months." }) months: number,
    @Arg("establishmentId", () => ID, { nullable: true, description: "Only persons held there." })
    establishmentId: string | null,
    @Arg("judicialDistrict", () => JudicialDistrict, {
      nullable: true,
      description: "Only persons who intend to live in this district (release plan).",
    })
    judicialDistrict: JudicialDistrict | null,
    @Arg("category", () => LegacyCategory, {
      nullable: true,
      description: "Only persons in this CelEx category.",
    })
    category: LegacyCategory | null,
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor of the last entry of the previous page.",
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ReleaseCalendarType> {
    return releaseCalendar(ctx, {
      from: from ?? ctx.today ?? todayIso(),
      months,
      establishmentId: establishmentId ?? null,
      judicialDistrict: judicialDistrict ?? null,
      category: category ?? null,
      first,
      after: after ?? null,
    });
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The person." })
  person(@Root() entry: ReleaseCalendarEntryType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, entry.personUuid);
  }

  @FieldResolver(() => DetentionEpisodeType, { nullable: true, description: "The detention episode." })
  async episode(
    @Root() entry: ReleaseCalendarEntryType,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodeType | null> {
    const episode = (await ctx.loaders.episodesOfPerson.load(entry.personUuid)).find(
      (e) => e.id === entry.episodeUuid,
    );
    return episode === undefined ? null : DetentionEpisodeType.from(episode, entry.access);
  }

  @FieldResolver(() => EstablishmentType, { nullable: true, description: "Where the person is held." })
  async establishment(
    @Root() entry: ReleaseCalendarEntryType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType | null> {
    const record =
      entry.establishmentUuid === null ? null : await ctx.loaders.establishment.load(entry.establishmentUuid);
    return record === null ? null : EstablishmentType.from(record);
  }
}
