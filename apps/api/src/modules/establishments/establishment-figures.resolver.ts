import type { IsoDate } from "@continuum/domain";
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { EstablishmentType, EstablishmentUnitType } from "./establishment.type.js";
import { listedShares, type OccupancyInterval, sampleDays, unitOccupancy } from "./establishment-figures.js";

const OccupancyIntervals = { DAY: "DAY", WEEK: "WEEK", MONTH: "MONTH" } as const;
registerEnumType(OccupancyIntervals, {
  name: "OccupancyInterval",
  description: "How often an occupancy series is sampled.",
  valuesConfig: {
    DAY: { description: "Every day." },
    WEEK: { description: "Every seven days from the first." },
    MONTH: { description: "The same day of every month from the first." },
  },
});

@ObjectType("OccupancyPoint", { description: "How many persons a unit held on a day, against its places." })
export class OccupancyPointType {
  @Field(() => DateScalar, { description: "The day." })
  on: string;

  @Field(() => Int, { description: "Persons held in the unit that day." })
  occupied: number;

  @Field(() => Int, { nullable: true, description: "Its places, where it has a limit." })
  capacity: number | null;
}

@ObjectType("EstablishmentListedShare", {
  description: "CelEx-listed inmates held in an establishment on a day, and their share of its population.",
})
export class EstablishmentListedShareType {
  establishmentUuid: string;

  @Field(() => DateScalar, { description: "The day counted." })
  on: string;

  @Field(() => Int, { description: "CelEx-listed persons held there that day." })
  listed: number;

  @Field(() => Int, {
    nullable: true,
    description: "The establishment's population that month; null if unknown.",
  })
  population: number | null;

  @Field(() => DateScalar, { nullable: true, description: "The month of the population figure." })
  populationMonth: string | null;

  @Field(() => Float, { nullable: true, description: "listed / population, in percent (one decimal)." })
  sharePercent: number | null;
}

@Resolver(() => EstablishmentUnitType)
export class UnitOccupancyResolver {
  @FieldResolver(() => [OccupancyPointType], {
    nullable: true,
    description:
      "How many persons the unit held on each sampled day from `from` to `to` (at most 400 points): a count, " +
      "never who. D-Rad:Ex occupancy over time. For readers of every inmate's detention data, and the " +
      "establishment's own staff; each question is audited.",
  })
  async occupancy(
    @Root() unit: EstablishmentUnitType,
    @Arg("from", () => DateScalar, { description: "First day." }) from: IsoDate,
    @Arg("to", () => DateScalar, { description: "Last day (included)." }) to: IsoDate,
    @Arg("every", () => OccupancyIntervals, { defaultValue: "MONTH", description: "Sampling interval." })
    every: OccupancyInterval,
    @Ctx() ctx: RequestContext,
  ): Promise<OccupancyPointType[] | null> {
    const series = await unitOccupancy(ctx, unit, sampleDays(from, to, every));
    return series.map((p) =>
      Object.assign(new OccupancyPointType(), { on: p.day, occupied: p.occupied, capacity: unit.capacity }),
    );
  }
}

@Resolver(() => EstablishmentListedShareType)
export class EstablishmentListedShareResolver {
  @Query(() => [EstablishmentListedShareType], {
    description:
      "For each establishment holding CelEx-listed inmates on a day, how many and what share of its population " +
      "(the paper: at most 6%, in Ittre). National counts, no persons: CelEx, the DG EPI director, intelligence, " +
      "threat analysis; each question is audited.",
  })
  @Rule("AUTHENTICATED")
  async listedShareByEstablishment(
    @Arg("on", () => DateScalar, { description: "The day to count." }) on: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentListedShareType[]> {
    return (await listedShares(ctx, on))
      .map((s) =>
        Object.assign(new EstablishmentListedShareType(), {
          establishmentUuid: s.establishmentId,
          on,
          listed: s.listed,
          population: s.population,
          populationMonth: s.populationMonth,
          sharePercent: s.population ? Math.round((1000 * s.listed) / s.population) / 10 : null,
        }),
      )
      .sort((a, b) => (b.sharePercent ?? 0) - (a.sharePercent ?? 0));
  }

  @FieldResolver(() => EstablishmentType, { nullable: true, description: "The establishment." })
  async establishment(
    @Root() share: EstablishmentListedShareType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType | null> {
    const e = await ctx.loaders.establishment.load(share.establishmentUuid);
    return e === null ? null : EstablishmentType.from(e);
  }
}
