import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import { Rule } from "../../graphql/rule.js";
import { AgencyType } from "../agencies/agency.type.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange, personOf } from "../persons/person-lookup.js";
import { InformationReportType } from "../reports/report.type.js";
import { readReports } from "../reports/report-reading.js";
import { UserType } from "../users/user.type.js";
import { ScreeningAssignInput, ScreeningRecordInput } from "./screening.input.js";
import { ScreeningAssignPayload, ScreeningRecordPayload } from "./screening.payload.js";
import { assignScreenings, recordScreening } from "./screening.service.js";
import { ListingPeriodType, ListingType, ScreeningType } from "./screening.type.js";

@Resolver(() => ScreeningType)
export class ScreeningResolver {
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person this record belongs to; null if you may not see them.",
  })
  person(@Root() screening: ScreeningType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, screening.personUuid);
  }

  @FieldResolver(() => AgencyType, { description: "The agency that screened." })
  async agency(@Root() screening: ScreeningType, @Ctx() ctx: RequestContext): Promise<AgencyType> {
    const agency = await ctx.loaders.agency.load(screening.agencyUuid);
    if (agency === null) throw new Error(`screening ${screening.uuid} refers to a missing agency`);
    return AgencyType.from(agency);
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: "Who recorded it (null for migrated history).",
  })
  async recordedBy(@Root() screening: ScreeningType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    if (screening.createdByUuid === null) return null;
    const user = await ctx.loaders.user.load(screening.createdByUuid);
    return user === null ? null : UserType.from(user);
  }

  @FieldResolver(() => [InformationReportType], {
    nullable: true,
    description: "The information reports the screening rests on (those you may read).",
  })
  @Guarded("LISTING")
  async sourceReports(
    @Root() screening: ScreeningType,
    @Ctx() ctx: RequestContext,
  ): Promise<InformationReportType[]> {
    const ids = new Set((await ctx.loaders.sourcesOfScreening.load(screening.uuid)).map((s) => s.reportId));
    if (ids.size === 0) return [];
    const rows = await ctx.loaders.reportsOfPerson.load(screening.personUuid);
    return readReports(
      ctx,
      rows.filter((r) => ids.has(r.id)),
    );
  }

  @Mutation(() => ScreeningAssignPayload, {
    nullable: true,
    description: "Makes a CelEx analyst responsible for the screenings of some persons (CelEx analysts).",
  })
  @Rule("WRITE")
  async screeningAssign(
    @Arg("input", () => ScreeningAssignInput, { description: "Who becomes responsible for whom." })
    input: ScreeningAssignInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ScreeningAssignPayload> {
    const { result, userErrors } = await assignScreenings(ctx, input);
    const persons = result === null ? [] : await Promise.all(result.map((id) => personAfterChange(ctx, id)));
    return Object.assign(new ScreeningAssignPayload(), {
      persons: persons.filter((p): p is PersonType => p !== null),
      userErrors,
    });
  }

  @Mutation(() => ScreeningRecordPayload, {
    nullable: true,
    description: "Records a screening and applies its outcome to the CelEx listing (CelEx analysts).",
  })
  @Rule("WRITE")
  async screeningRecord(
    @Arg("input", () => ScreeningRecordInput, { description: "The change to make." })
    input: ScreeningRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ScreeningRecordPayload> {
    const { result, userErrors } = await recordScreening(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record =
      person === null || result === null
        ? undefined
        : (await ctx.loaders.screeningsOfPerson.load(result.personId)).find((s) => s.id === result.recordId);
    return Object.assign(new ScreeningRecordPayload(), {
      screening: record === undefined || person === null ? null : ScreeningType.from(record, person.access),
      person,
      userErrors,
    });
  }
}

@Resolver(() => ListingPeriodType)
export class ListingPeriodResolver {
  @FieldResolver(() => ScreeningType, {
    nullable: true,
    description: "The screening that opened this period.",
  })
  async screening(
    @Root() period: ListingPeriodType,
    @Ctx() ctx: RequestContext,
  ): Promise<ScreeningType | null> {
    if (period.screeningUuid === null) return null;
    const screenings = await ctx.loaders.screeningsOfPerson.load(period.personUuid);
    const screening = screenings.find((s) => s.id === period.screeningUuid);
    return screening === undefined ? null : ScreeningType.from(screening, period.access);
  }
}

@Resolver(() => ListingType)
export class ListingResolver {
  @FieldResolver(() => ListingPeriodType, {
    nullable: true,
    description: "The listing just before this one, when the category or labels changed without a gap.",
  })
  async previous(
    @Root() listing: ListingType,
    @Ctx() ctx: RequestContext,
  ): Promise<ListingPeriodType | null> {
    const periods = await ctx.loaders.listingPeriodsOfPerson.load(listing.personUuid);
    const previous = periods.find((p) => p.validTo === listing.since);
    return previous === undefined ? null : ListingPeriodType.from(previous, listing.access);
  }
}
