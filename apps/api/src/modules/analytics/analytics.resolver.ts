import { AnalyticsInterval, ReleaseDateKind } from "@continuum/domain";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver } from "type-graphql";
import { mapPage } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { PersonConnection } from "../persons/person.payload.js";
import { toPersonType } from "../persons/person-lookup.js";
import { AnalyticsDimension, AnalyticsFigure, FIGURES } from "./analytics.figures.js";
import {
  type FigureQuestion,
  figureOf,
  listedShareOfPopulation,
  personsBehind,
  scopeFor,
  whatIfShare,
} from "./analytics.service.js";
import {
  AnalyticsFilterInput,
  AnalyticsType,
  FigureType,
  ReoffenceKind,
  WhatIfGroup,
  WhatIfProjectionType,
} from "./analytics.type.js";

@ArgsType()
class FigureTimeArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: "The day counted (default today). Not with `from`/`to`.",
  })
  on?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day of a series or of one period." })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day (included) of a series or of one period.",
  })
  to?: string | null;

  @Field(() => AnalyticsInterval, {
    nullable: true,
    description:
      "Splits `from`–`to` into the calendar months, quarters or years that hold them (at most 240). Without it, " +
      "a figure counted over periods counts over `from`–`to` as one period.",
  })
  interval?: AnalyticsInterval | null;
}

@ArgsType()
class FigureArgs extends FigureTimeArgs {
  @Field(() => AnalyticsDimension, {
    nullable: true,
    description: "The cells' dimension; none: one cell, ALL.",
  })
  by?: AnalyticsDimension | null;

  @Field(() => AnalyticsFilterInput, { nullable: true, description: "Counts only what has these values." })
  filter?: AnalyticsFilterInput | null;
}

@ArgsType()
class RecidivismArgs extends FigureArgs {
  @Field(() => Int, { description: "The follow-up window after each release, in months (1–240)." })
  withinMonths: number;

  @Field(() => ReoffenceKind, { defaultValue: "TERRORIST", description: "Which new offences count." })
  reoffence: ReoffenceKind;
}

@ArgsType()
class UpcomingArgs extends FigureArgs {
  @Field(() => ReleaseDateKind, {
    defaultValue: "CONDITIONAL_RELEASE_ELIGIBILITY",
    description: "Eligibility for conditional release, or end of sentence.",
  })
  dateKind: ReleaseDateKind;
}

@ArgsType()
class DrillDownArgs extends FigureArgs {
  @Field(() => AnalyticsFigure, { description: "The figure." })
  figure: AnalyticsFigure;

  @Field(() => String, {
    nullable: true,
    description: "The cell (a key of the `by` dimension); none: the total.",
  })
  cell?: string | null;

  @Field(() => Int, { nullable: true, description: "RECIDIVISM: the window in months." })
  withinMonths?: number | null;

  @Field(() => ReoffenceKind, { nullable: true, description: "RECIDIVISM: which new offences count." })
  reoffence?: ReoffenceKind | null;

  @Field(() => ReleaseDateKind, { nullable: true, description: "UPCOMING_RELEASE_DATES: which date." })
  dateKind?: ReleaseDateKind | null;

  @Field(() => Int, { description: "Page size (at most 100)." })
  first: number;

  @Field(() => String, { nullable: true, description: "Cursor of the previous page's last person." })
  after?: string | null;
}

const described = (figure: AnalyticsFigure, extra = "") => {
  const f = FIGURES[figure];
  const time =
    f.time === "STOCK"
      ? "Counted on `on`, or on the first day of each period of a series."
      : f.time === "FLOW"
        ? "Counted over each period (`from`, `to`, optional `interval`)."
        : "Counted on `on` only.";
  return `${f.definition} ${time} Dimensions: ${f.dimensions.join(", ")}.${extra}`;
};

@Resolver(() => AnalyticsType)
export class AnalyticsResolver {
  @Query(() => AnalyticsType, {
    description:
      "Figures and trends. For readers of cases (over the cases they may read) and statisticians (every case, small counts suppressed).",
  })
  @Rule("AUTHENTICATED")
  analytics(@Ctx() ctx: RequestContext): AnalyticsType {
    return Object.assign(new AnalyticsType(), { scope: scopeFor(ctx) });
  }

  @FieldResolver(() => FigureType, {
    description: described("LISTED_PERSONS", " The paper's Figure 1 is this by CATEGORY as a series."),
  })
  listedPersons(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "LISTED_PERSONS", args);
  }

  @FieldResolver(() => FigureType, { description: described("LIST_COMPARISON") })
  listComparison(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "LIST_COMPARISON", args);
  }

  @FieldResolver(() => FigureType, { description: described("DETAINED_PERSONS") })
  detainedPersons(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "DETAINED_PERSONS", args);
  }

  @FieldResolver(() => FigureType, {
    description:
      "Persons on the CelEx list on the day per establishment holding them, each cell's denominator the establishment's " +
      "prison population (its latest monthly figure of the last 12 months) and its share the listed share.",
  })
  listedShareOfPopulation(@Args() args: FigureTimeArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return listedShareOfPopulation(ctx, args);
  }

  @FieldResolver(() => FigureType, { description: described("DRADEX_OCCUPANCY") })
  dradexOccupancy(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "DRADEX_OCCUPANCY", args);
  }

  @FieldResolver(() => FigureType, { description: described("SENTENCE_LENGTHS") })
  sentenceLengths(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "SENTENCE_LENGTHS", args);
  }

  @FieldResolver(() => FigureType, { description: described("RELEASES") })
  releases(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "RELEASES", args);
  }

  @FieldResolver(() => FigureType, { description: described("UPCOMING_RELEASE_DATES") })
  upcomingReleaseDates(@Args() args: UpcomingArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "UPCOMING_RELEASE_DATES", args);
  }

  @FieldResolver(() => FigureType, { description: described("PROGRAMME_PARTICIPATION") })
  programmeParticipation(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "PROGRAMME_PARTICIPATION", args);
  }

  @FieldResolver(() => FigureType, { description: described("DISENGAGEMENT_EVALUATIONS") })
  disengagementEvaluations(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "DISENGAGEMENT_EVALUATIONS", args);
  }

  @FieldResolver(() => FigureType, { description: described("MEASURES_IN_FORCE") })
  measuresInForce(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "MEASURES_IN_FORCE", args);
  }

  @FieldResolver(() => FigureType, { description: described("MEASURE_REVIEWS") })
  measureReviews(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "MEASURE_REVIEWS", args);
  }

  @FieldResolver(() => FigureType, { description: described("DECISION_NOTIFICATIONS") })
  decisionNotifications(@Args() args: FigureArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "DECISION_NOTIFICATIONS", args);
  }

  @FieldResolver(() => FigureType, { description: described("RECIDIVISM") })
  recidivism(@Args() args: RecidivismArgs, @Ctx() ctx: RequestContext): Promise<FigureType> {
    return figureOf(ctx, "RECIDIVISM", args);
  }

  @FieldResolver(() => WhatIfProjectionType, {
    description:
      "What if `additional` persons of a group were detained too: the group's share of the prison population on the day, now and then.",
  })
  whatIfShare(
    @Arg("on", () => DateScalar, { description: "The day." }) on: string,
    @Arg("group", () => WhatIfGroup, { description: "The group." }) group: WhatIfGroup,
    @Arg("additional", () => Int, { description: "Persons added to the group (0–100000)." })
    additional: number,
    @Ctx() ctx: RequestContext,
  ): Promise<WhatIfProjectionType> {
    return whatIfShare(ctx, on, group, additional);
  }

  @FieldResolver(() => PersonConnection, {
    description:
      "The persons behind one cell of a figure on one day or over one period, by ID: for readers of cases only " +
      "(FORBIDDEN for statisticians). Audited as a search, and each person read as in any list.",
  })
  async persons(
    @Args() args: DrillDownArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof PersonConnection>> {
    const { figure, ...question } = args;
    const page = await personsBehind(ctx, figure, question satisfies FigureQuestion & { first: number });
    return PersonConnection.fromPage(mapPage(page, (visible) => toPersonType(ctx, visible)));
  }
}
