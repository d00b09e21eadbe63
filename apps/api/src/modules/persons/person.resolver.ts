import {
  ageOn,
  type DataClass,
  DetentionStatus,
  type IsoDate,
  ScreeningState,
  screeningState,
} from "@continuum/domain";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { mapPage, pageOfList } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { notFound } from "../../graphql/errors.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { DetentionEpisodeType, PlacementType } from "../detention/detention.type.js";
import {
  ListingPeriodType,
  ListingType,
  ScreeningConnection,
  ScreeningType,
} from "../screening/screening.type.js";
import { PersonsArgs } from "./person.args.js";
import { PersonRegisterInput } from "./person.input.js";
import { PersonConnection, PersonRegisterPayload, TimelineEventType } from "./person.payload.js";
import { findVisiblePerson, listVisiblePersons, registerPerson } from "./person.service.js";
import { PersonType } from "./person.type.js";
import { personAfterChange } from "./person-lookup.js";
import { personTimeline } from "./person-timeline.js";

function reads(ctx: RequestContext, person: PersonType, dataClass: DataClass): void {
  ctx.audit.read(person.uuid, [dataClass]);
}

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonConnection, {
    description:
      "The persons you work with (your caseload): only those your agency and role may see. " +
      "Searching and every person returned are recorded in the audit trail.",
  })
  @Rule("AUTHENTICATED")
  async persons(
    @Args() args: PersonsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof PersonConnection>> {
    return PersonConnection.fromPage(mapPage(await listVisiblePersons(ctx, args), PersonType.from));
  }

  @Query(() => PersonType, {
    nullable: true,
    description: "One person. NOT_FOUND when the ID is unknown or the person is outside what you may see.",
  })
  @Rule("AUTHENTICATED")
  async person(
    @Arg("id", () => ID, { description: "Global ID." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonType> {
    const visible = await findVisiblePerson(ctx, id);
    if (visible === null) throw notFound("person");
    return PersonType.from(visible);
  }

  @Mutation(() => PersonRegisterPayload, {
    nullable: true,
    description: "Registers a person, optionally admitting them at once.",
  })
  @Rule("WRITE")
  async personRegister(
    @Arg("input", () => PersonRegisterInput, { description: "The change to make." })
    input: PersonRegisterInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonRegisterPayload> {
    const outcome = await registerPerson(ctx, input);
    return Object.assign(new PersonRegisterPayload(), {
      person: outcome.result === null ? null : await personAfterChange(ctx, outcome.result),
      userErrors: outcome.userErrors,
    });
  }

  @FieldResolver(() => Int, { description: "Age in full years today." })
  age(@Root() person: PersonType, @Ctx() ctx: RequestContext): number {
    return ageOn(person.dateOfBirth, ctx.today);
  }

  @FieldResolver(() => DetentionStatus, {
    description: "Whether the person is detained now, was released, or was never detained.",
  })
  detentionStatus(@Root() person: PersonType, @Ctx() ctx: RequestContext): DetentionStatus {
    reads(ctx, person, "DETENTION");
    return person.summary.detentionStatus;
  }

  @FieldResolver(() => DetentionEpisodeType, {
    nullable: true,
    description: "The open detention episode, if any.",
  })
  async currentEpisode(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodeType | null> {
    reads(ctx, person, "DETENTION");
    const episodes = await ctx.loaders.episodesOfPerson.load(person.uuid);
    const open = episodes.find((e) => e.releasedOn === null);
    return open === undefined ? null : DetentionEpisodeType.from(open);
  }

  @FieldResolver(() => PlacementType, {
    nullable: true,
    description: "Where the person is held now, if detained.",
  })
  async currentPlacement(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<PlacementType | null> {
    reads(ctx, person, "DETENTION");
    const placements = await ctx.loaders.placementsOfPerson.load(person.uuid);
    const open = placements.find((p) => p.validTo === null);
    return open === undefined ? null : PlacementType.from(open);
  }

  @FieldResolver(() => [DetentionEpisodeType], { description: "Every detention episode, oldest first." })
  async detentionEpisodes(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodeType[]> {
    reads(ctx, person, "DETENTION");
    return (await ctx.loaders.episodesOfPerson.load(person.uuid)).map(DetentionEpisodeType.from);
  }

  @FieldResolver(() => [PlacementType], { description: "Placement history, oldest first." })
  async placements(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<PlacementType[]> {
    reads(ctx, person, "DETENTION");
    return (await ctx.loaders.placementsOfPerson.load(person.uuid)).map(PlacementType.from);
  }

  @FieldResolver(() => ListingType, {
    nullable: true,
    description: "The current CelEx listing; null when not listed.",
  })
  listing(@Root() person: PersonType, @Ctx() ctx: RequestContext): ListingType | null {
    reads(ctx, person, "LISTING");
    const s = person.summary;
    if (s.category === null || s.categorySince === null) return null;
    return Object.assign(new ListingType(), {
      personUuid: person.uuid,
      category: s.category,
      labels: s.labels,
      since: s.categorySince,
    });
  }

  @FieldResolver(() => ListingPeriodType, {
    nullable: true,
    description:
      "The listing that held on a date (as of that day); null when the person was not listed then.",
  })
  async listingOn(
    @Root() person: PersonType,
    @Arg("date", () => DateScalar, { description: "The day to look at." }) date: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<ListingPeriodType | null> {
    reads(ctx, person, "LISTING");
    const periods = await ctx.loaders.listingPeriodsOfPerson.load(person.uuid);
    const period = periods.find((p) => p.validFrom <= date && (p.validTo === null || date < p.validTo));
    return period === undefined ? null : ListingPeriodType.from(period);
  }

  @FieldResolver(() => [ListingPeriodType], { description: "The CelEx listing's history, oldest first." })
  async listingHistory(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<ListingPeriodType[]> {
    reads(ctx, person, "LISTING");
    return (await ctx.loaders.listingPeriodsOfPerson.load(person.uuid)).map(ListingPeriodType.from);
  }

  @FieldResolver(() => ScreeningConnection, { description: "Screenings, newest first." })
  async screenings(
    @Root() person: PersonType,
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof ScreeningConnection>> {
    reads(ctx, person, "LISTING");
    const newestFirst = [...(await ctx.loaders.screeningsOfPerson.load(person.uuid))].reverse();
    return ScreeningConnection.fromPage(
      mapPage(
        pageOfList(newestFirst, first, after, (s) => s.id),
        ScreeningType.from,
      ),
    );
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: "When the next screening is due: at admission, then at most two months after the last one.",
  })
  nextScreeningDueOn(@Root() person: PersonType, @Ctx() ctx: RequestContext): string | null {
    reads(ctx, person, "LISTING");
    return person.summary.nextScreeningDueOn;
  }

  @FieldResolver(() => ScreeningState, {
    description: "Whether the next screening is overdue, due soon or later.",
  })
  screeningState(@Root() person: PersonType, @Ctx() ctx: RequestContext): ScreeningState {
    reads(ctx, person, "LISTING");
    return screeningState(person.summary.nextScreeningDueOn, ctx.today);
  }

  @FieldResolver(() => [TimelineEventType], {
    description:
      "What happened, oldest first: admissions, transfers, releases, screenings and listing changes.",
  })
  async timeline(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<TimelineEventType[]> {
    ctx.audit.read(person.uuid, ["DETENTION", "LISTING"]);
    return personTimeline(ctx, person.uuid);
  }
}
