import type { IsoDate } from "@continuum/domain";
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import type { DetentionChange } from "../detention/detention.service.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange } from "../persons/person-lookup.js";
import { UserType } from "../users/user.type.js";
import { compareLists, recordWatchlistStatus, removeFromWatchlist } from "./watchlist.service.js";
import {
  ListingComparisonType,
  WatchlistEntryType,
  WatchlistPayload,
  WatchlistRecordInput,
  WatchlistRemoveInput,
} from "./watchlist.type.js";

async function payloadOf(
  ctx: RequestContext,
  outcome: MutationOutcome<DetentionChange>,
): Promise<WatchlistPayload> {
  return Object.assign(new WatchlistPayload(), {
    person: outcome.result === null ? null : await personAfterChange(ctx, outcome.result.personId),
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => WatchlistEntryType)
export class WatchlistResolver {
  @Mutation(() => WatchlistPayload, {
    nullable: true,
    description:
      "Puts an inmate on the intelligence service's list, or changes their status (intelligence officers).",
  })
  @Rule("WRITE")
  async watchlistRecord(
    @Arg("input", () => WatchlistRecordInput, { description: "The status and its start." })
    input: WatchlistRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WatchlistPayload> {
    return payloadOf(ctx, await recordWatchlistStatus(ctx, input));
  }

  @Mutation(() => WatchlistPayload, {
    nullable: true,
    description: "Takes a person off the intelligence service's list (intelligence officers).",
  })
  @Rule("WRITE")
  async watchlistRemove(
    @Arg("input", () => WatchlistRemoveInput, { description: "The person and the first day off the list." })
    input: WatchlistRemoveInput,
    @Ctx() ctx: RequestContext,
  ): Promise<WatchlistPayload> {
    return payloadOf(ctx, await removeFromWatchlist(ctx, input));
  }

  @Query(() => ListingComparisonType, {
    description:
      "How many inmates were on the CelEx list and on the intelligence service's broader list on a date " +
      "(the paper's Figure 2). National counts, no persons: CelEx, the prison administration, intelligence " +
      "and threat analysis.",
  })
  @Rule("AUTHENTICATED")
  async listingComparison(
    @Arg("on", () => DateScalar, { description: "The day to count." }) on: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<ListingComparisonType> {
    const row = await compareLists(ctx, on);
    return Object.assign(new ListingComparisonType(), {
      on,
      celexListed: row.celex_listed,
      watchlisted: row.watchlisted,
      onBothLists: row.both_lists,
      celexOnly: row.celex_listed - row.both_lists,
      watchlistOnly: row.watchlisted - row.both_lists,
    });
  }
}

@Resolver(() => PersonType)
export class PersonScreeningResolver {
  @FieldResolver(() => UserType, {
    nullable: true,
    description: "The CelEx analyst responsible for this person's screenings; null when nobody is assigned.",
  })
  @Guarded("LISTING")
  async screeningResponsible(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    const id = person.summary.screeningResponsibleId;
    const user = id === null ? null : await ctx.loaders.user.load(id);
    return user === null ? null : UserType.from(user);
  }

  @FieldResolver(() => [WatchlistEntryType], {
    nullable: true,
    description: "The person's history on the intelligence service's list, oldest first (INTELLIGENCE data).",
  })
  @Guarded("INTELLIGENCE")
  async watchlist(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<WatchlistEntryType[]> {
    return (await ctx.loaders.watchlistOfPerson.load(person.uuid)).map((e) =>
      WatchlistEntryType.from(e, person.access),
    );
  }

  @FieldResolver(() => WatchlistEntryType, {
    nullable: true,
    description: "The person's entry on the intelligence list on a date; null when not on it then.",
  })
  @Guarded("INTELLIGENCE")
  async watchlistOn(
    @Root() person: PersonType,
    @Arg("date", () => DateScalar, { description: "The day to look at." }) date: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<WatchlistEntryType | null> {
    const entries = await ctx.loaders.watchlistOfPerson.load(person.uuid);
    const entry = entries.find((e) => e.validFrom <= date && (e.validTo === null || date < e.validTo));
    return entry === undefined ? null : WatchlistEntryType.from(entry, person.access);
  }
}
