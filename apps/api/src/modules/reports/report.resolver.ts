import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireActor } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden } from "../../graphql/errors.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import { AgencyType } from "../agencies/agency.type.js";
import { EstablishmentType } from "../establishments/establishment.type.js";
import { PersonType } from "../persons/person.type.js";
import { personOf } from "../persons/person-lookup.js";
import { UserType } from "../users/user.type.js";
import { ReportCorrectInput, ReportFileInput } from "./report.input.js";
import { ReportPayload } from "./report.payload.js";
import { reportsByIds } from "./report.repository.js";
import { correctReport, fileReport } from "./report.service.js";
import {
  InformationReportConnection,
  InformationReportType,
  ObservationIndicatorType,
  ReportLinkType,
} from "./report.type.js";
import { readReports, reportFeedPage, reportsOfPerson, versionsOf } from "./report-reading.js";

/** The written version as its author's agency reads it back. */
async function payloadOf(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<ReportPayload> {
  const [report] =
    outcome.result === null
      ? []
      : await readReports(ctx, await reportsByIds(await ctx.tx.get(), [outcome.result]));
  return Object.assign(new ReportPayload(), { report: report ?? null, userErrors: outcome.userErrors });
}

@Resolver(() => InformationReportType)
export class InformationReportResolver {
  @Query(() => [ObservationIndicatorType], {
    description: "The behaviours prison staff were asked to observe (reference data), by code.",
  })
  @Rule("AUTHENTICATED")
  async observationIndicators(@Ctx() ctx: RequestContext): Promise<ObservationIndicatorType[]> {
    requireActor(ctx);
    return (await ctx.loaders.observationIndicators.load("all")).map(ObservationIndicatorType.from);
  }

  @Query(() => InformationReportConnection, {
    description:
      "New reports on the persons you see, newest recorded first (the latest version of each): CelEx's " +
      "feed on its inmates, a prison's on its own. Only reports you may read under the matrix and the " +
      "originator's handling code; each one returned is audited.",
  })
  @Rule("AUTHENTICATED")
  async reportFeed(
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Arg("since", () => DateTimeScalar, {
      nullable: true,
      description:
        "Only reports recorded at or after this instant. A report is stamped when its recording began, so " +
        "one may commit just after a later one: to poll without missing any, ask from a minute before your " +
        "previous poll and skip the IDs you already have.",
    })
    since: Date | null,
    @Arg("establishmentId", () => ID, {
      nullable: true,
      description: "Only reports about what was observed in this establishment.",
    })
    establishmentId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof InformationReportConnection>> {
    return InformationReportConnection.fromPage(
      await reportFeedPage(ctx, {
        first,
        after: after ?? null,
        since: since ?? null,
        establishmentId: establishmentId ?? null,
      }),
    );
  }

  @Mutation(() => ReportPayload, {
    nullable: true,
    description:
      "Files an information report on a person you know of (a hit or more). Its data class follows from " +
      "the classification and your agency; who else reads it follows from the matrix and the handling code.",
  })
  @Rule("WRITE")
  async reportFile(
    @Arg("input", () => ReportFileInput, { description: "The report." }) input: ReportFileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportPayload> {
    return payloadOf(ctx, await fileReport(ctx, input));
  }

  @Mutation(() => ReportPayload, {
    nullable: true,
    description:
      "Corrects a report by a new version (the originating agency only); the corrected version stays in " +
      "the history, superseded. A stale expectedVersion is refused with CONFLICT.",
  })
  @Rule("WRITE")
  async reportCorrect(
    @Arg("input", () => ReportCorrectInput, { description: "The correcting version." })
    input: ReportCorrectInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportPayload> {
    return payloadOf(ctx, await correctReport(ctx, input));
  }

  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person the report is about; null if you may not see them.",
  })
  person(@Root() report: InformationReportType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, report.personUuid);
  }

  @FieldResolver(() => AgencyType, { description: "The agency that produced the report (its originator)." })
  async originatorAgency(
    @Root() report: InformationReportType,
    @Ctx() ctx: RequestContext,
  ): Promise<AgencyType> {
    const agency = await ctx.loaders.agency.load(report.originatorAgencyUuid);
    if (agency === null) throw new Error(`report ${report.uuid} refers to a missing agency`);
    return AgencyType.from(agency);
  }

  @FieldResolver(() => AgencyType, {
    nullable: true,
    description: "The agency a NO_FURTHER_DISSEMINATION report was addressed to.",
  })
  async addressedToAgency(
    @Root() report: InformationReportType,
    @Ctx() ctx: RequestContext,
  ): Promise<AgencyType | null> {
    if (report.addressedToAgencyUuid === null) return null;
    const agency = await ctx.loaders.agency.load(report.addressedToAgencyUuid);
    return agency === null ? null : AgencyType.from(agency);
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description:
      "Who wrote this version. For INTELLIGENCE reports the originating agency only (its officers are not " +
      "named to other agencies): for anyone else null with a FORBIDDEN error.",
  })
  async author(@Root() report: InformationReportType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    if (report.dataClass === "INTELLIGENCE" && !report.fromOwnAgency)
      throw forbidden("Only the originating agency sees who wrote an intelligence report.");
    if (report.authorUuid === null) return null;
    const user = await ctx.loaders.user.load(report.authorUuid);
    return user === null ? null : UserType.from(user);
  }

  @FieldResolver(() => EstablishmentType, {
    nullable: true,
    description: "Where it was observed, if in prison.",
  })
  async establishment(
    @Root() report: InformationReportType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType | null> {
    if (report.establishmentUuid === null) return null;
    const establishment = await ctx.loaders.establishment.load(report.establishmentUuid);
    return establishment === null ? null : EstablishmentType.from(establishment);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "What identifies the source. The originating agency only: for anyone else null with a FORBIDDEN error.",
  })
  sourceDetails(@Root() report: InformationReportType): string | null {
    if (!report.fromOwnAgency) throw forbidden("Only the originating agency sees the details of a source.");
    return report.sourceDetailsText;
  }

  @FieldResolver({ description: "True when your agency produced the report." })
  fromOwnAgency(@Root() report: InformationReportType): boolean {
    return report.fromOwnAgency;
  }

  @FieldResolver(() => [ObservationIndicatorType], {
    description: "The observation indicators it relates to.",
  })
  async indicators(
    @Root() report: InformationReportType,
    @Ctx() ctx: RequestContext,
  ): Promise<ObservationIndicatorType[]> {
    const all = await ctx.loaders.observationIndicators.load("all");
    return all.filter((i) => report.indicatorCodes.includes(i.code)).map(ObservationIndicatorType.from);
  }

  @FieldResolver(() => [ReportLinkType], { description: "Other persons the report concerns." })
  async links(@Root() report: InformationReportType, @Ctx() ctx: RequestContext): Promise<ReportLinkType[]> {
    return (await ctx.loaders.linksOfReport.load(report.uuid)).map((l) =>
      Object.assign(new ReportLinkType(), { linkedPersonUuid: l.linkedPersonId, kind: l.kind }),
    );
  }

  @FieldResolver(() => [InformationReportType], {
    description: "Every version of this report you may read, oldest first (this one included).",
  })
  versions(
    @Root() report: InformationReportType,
    @Ctx() ctx: RequestContext,
  ): Promise<InformationReportType[]> {
    return versionsOf(ctx, report);
  }
}

@Resolver(() => ReportLinkType)
export class ReportLinkResolver {
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The linked person; null if you may not see them (the link itself stays visible).",
  })
  person(@Root() link: ReportLinkType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, link.linkedPersonUuid);
  }
}

@Resolver(() => PersonType)
export class PersonReportsResolver {
  @FieldResolver(() => InformationReportConnection, {
    description:
      "Information reports on this person that you may read (the matrix and each report's handling code), " +
      "newest observation first. Reports of your own agency are always listed.",
  })
  async reports(
    @Root() person: PersonType,
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Arg("includeSuperseded", () => Boolean, {
      defaultValue: false,
      description: "Also list versions that a correction superseded.",
    })
    includeSuperseded: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof InformationReportConnection>> {
    return InformationReportConnection.fromPage(
      await reportsOfPerson(ctx, person, { first, after: after ?? null, includeSuperseded }),
    );
  }
}
