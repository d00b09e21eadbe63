import {
  ageOn,
  caseStageOf,
  DetentionStatus,
  type IsoDate,
  mayRead,
  ScreeningState,
  screeningState,
} from "@continuum/domain";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { CaseAccessType } from "../../access/access.type.js";
import { mapPage, pageOfList } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden, notFound } from "../../graphql/errors.js";
import { Guarded } from "../../graphql/guard.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { DetentionEpisodeType, PlacementType } from "../detention/detention.type.js";
import {
  ListingPeriodType,
  ListingType,
  ScreeningConnection,
  ScreeningType,
} from "../screening/screening.type.js";
import { InformationCardType } from "./information-card.type.js";
import { PersonsArgs } from "./person.args.js";
import { PersonRegisterInput } from "./person.input.js";
import { PersonConnection, PersonRegisterPayload, TimelineEventType } from "./person.payload.js";
import { findVisiblePerson, informationCard, listVisiblePersons, registerPerson } from "./person.service.js";
import { PersonType } from "./person.type.js";
import { personAfterChange, toPersonType } from "./person-lookup.js";
import { personTimeline } from "./person-timeline.js";

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonConnection, {
    description:
      "The persons you work with (your caseload): only those the access matrix lets you see. The search " +
      "and every field read are recorded in the audit trail.",
  })
  @Rule("AUTHENTICATED")
  async persons(
    @Args() args: PersonsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof PersonConnection>> {
    const page = await listVisiblePersons(ctx, args);
    return PersonConnection.fromPage(mapPage(page, (visible) => toPersonType(ctx, visible)));
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
    return toPersonType(ctx, visible);
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

  @FieldResolver(() => CaseAccessType, { description: "What you may see of this case, and why." })
  access(@Root() person: PersonType): CaseAccessType {
    return CaseAccessType.from(person.access, caseStageOf(person.summary));
  }

  @FieldResolver(() => InformationCardType, {
    description: "The information card: the short extract every actor who sees the case may read.",
  })
  card(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<InformationCardType> {
    return informationCard(ctx, person);
  }

  @FieldResolver(() => Int, { nullable: true, description: "Age in full years today." })
  @Guarded("IDENTITY")
  age(@Root() person: PersonType, @Ctx() ctx: RequestContext): number {
    return ageOn(person.dateOfBirth, ctx.today);
  }

  @FieldResolver(() => DetentionStatus, {
    nullable: true,
    description: "Whether the person is detained now, was released, or was never detained.",
  })
  @Guarded("DETENTION")
  detentionStatus(@Root() person: PersonType): DetentionStatus {
    return person.summary.detentionStatus;
  }

  @FieldResolver(() => DetentionEpisodeType, {
    nullable: true,
    description: "The open detention episode, if any.",
  })
  @Guarded("DETENTION")
  async currentEpisode(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodeType | null> {
    const episodes = await ctx.loaders.episodesOfPerson.load(person.uuid);
    const open = episodes.find((e) => e.releasedOn === null);
    return open === undefined ? null : DetentionEpisodeType.from(open, person.access);
  }

  @FieldResolver(() => PlacementType, {
    nullable: true,
    description: "Where the person is held now, if detained.",
  })
  @Guarded("DETENTION")
  async currentPlacement(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<PlacementType | null> {
    const placements = await ctx.loaders.placementsOfPerson.load(person.uuid);
    const open = placements.find((p) => p.validTo === null);
    return open === undefined ? null : PlacementType.from(open, person.access);
  }

  @FieldResolver(() => [DetentionEpisodeType], {
    nullable: true,
    description: "Every detention episode, oldest first.",
  })
  @Guarded("DETENTION")
  async detentionEpisodes(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<DetentionEpisodeType[]> {
    return (await ctx.loaders.episodesOfPerson.load(person.uuid)).map((e) =>
      DetentionEpisodeType.from(e, person.access),
    );
  }

  @FieldResolver(() => [PlacementType], { nullable: true, description: "Placement history, oldest first." })
  @Guarded("DETENTION")
  async placements(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<PlacementType[]> {
    return (await ctx.loaders.placementsOfPerson.load(person.uuid)).map((p) =>
      PlacementType.from(p, person.access),
    );
  }

  @FieldResolver(() => ListingType, {
    nullable: true,
    description: "The current CelEx listing; null when not listed.",
  })
  @Guarded("LISTING")
  listing(@Root() person: PersonType): ListingType | null {
    const s = person.summary;
    if (s.category === null || s.categorySince === null) return null;
    return Object.assign(new ListingType(), {
      personUuid: person.uuid,
      access: person.access,
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
  @Guarded("LISTING")
  async listingOn(
    @Root() person: PersonType,
    @Arg("date", () => DateScalar, { description: "The day to look at." }) date: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<ListingPeriodType | null> {
    const periods = await ctx.loaders.listingPeriodsOfPerson.load(person.uuid);
    const period = periods.find((p) => p.validFrom <= date && (p.validTo === null || date < p.validTo));
    return period === undefined ? null : ListingPeriodType.from(period, person.access);
  }

  @FieldResolver(() => [ListingPeriodType], {
    nullable: true,
    description: "The CelEx listing's history, oldest first.",
  })
  @Guarded("LISTING")
  async listingHistory(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<ListingPeriodType[]> {
    return (await ctx.loaders.listingPeriodsOfPerson.load(person.uuid)).map((p) =>
      ListingPeriodType.from(p, person.access),
    );
  }

  @FieldResolver(() => ScreeningConnection, { nullable: true, description: "Screenings, newest first." })
  @Guarded("LISTING")
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
    const newestFirst = [...(await ctx.loaders.screeningsOfPerson.load(person.uuid))].reverse();
    return ScreeningConnection.fromPage(
      mapPage(
        pageOfList(newestFirst, first, after, (s) => s.id),
        (s) => ScreeningType.from(s, person.access),
      ),
    );
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: "When the next screening is due: at admission, then at most two months after the last one.",
  })
  @Guarded("LISTING")
  nextScreeningDueOn(@Root() person: PersonType): string | null {
    return person.summary.nextScreeningDueOn;
  }

  @FieldResolver(() => ScreeningState, {
    nullable: true,
    description: "Whether the next screening is overdue, due soon or later.",
  })
  @Guarded("LISTING")
  screeningState(@Root() person: PersonType, @Ctx() ctx: RequestContext): ScreeningState {
    return screeningState(person.summary.nextScreeningDueOn, ctx.today);
  }

  @FieldResolver(() => [TimelineEventType], {
    nullable: true,
    description:
      "What happened, oldest first: admissions, transfers and releases (DETENTION data), screenings and " +
      "listing changes (LISTING data): only the kinds of event you may see.",
  })
  async timeline(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<TimelineEventType[]> {
    const detention = mayRead(person.access, "DETENTION");
    const listing = mayRead(person.access, "LISTING");
    if (!detention && !listing) throw forbidden("You may not see the history of this person.");
    ctx.audit.read(
      person.uuid,
      [...(detention ? ["DETENTION" as const] : []), ...(listing ? ["LISTING" as const] : [])],
      person.access.breakGlass,
    );
    return personTimeline(ctx, person, { detention, listing });
  }
}
