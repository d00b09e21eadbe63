import { establishmentName } from "@continuum/domain";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { requireActor } from "../../access/policy.js";
import { connectionOf, mapPage, pageOfList } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { Rule } from "../../graphql/rule.js";
import { allEstablishments } from "./establishment.service.js";
import { EstablishmentType, EstablishmentUnitType } from "./establishment.type.js";

export const EstablishmentConnection = connectionOf(
  EstablishmentType,
  "Establishment",
  "A page of establishments, ordered by code.",
);

@Resolver(() => EstablishmentType)
export class EstablishmentResolver {
  @Query(() => EstablishmentConnection, { description: "Prison establishments (reference data)." })
  @Rule("AUTHENTICATED")
  async establishments(
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Arg("includeClosed", () => Boolean, {
      defaultValue: false,
      description: "Also list closed establishments.",
    })
    includeClosed: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof EstablishmentConnection>> {
    requireActor(ctx);
    const all = (await allEstablishments(await ctx.tx.get())).filter(
      (e) => includeClosed || e.closedOn === null || e.closedOn > ctx.today,
    );
    for (const e of all) ctx.loaders.establishment.prime(e.id, e);
    return EstablishmentConnection.fromPage(
      mapPage(
        pageOfList(all, first, after, (e) => e.code),
        EstablishmentType.from,
      ),
    );
  }

  @FieldResolver(() => String, {
    description: "Name in your language (in English, the local official name).",
  })
  name(@Root() establishment: EstablishmentType, @Ctx() ctx: RequestContext): string {
    return establishmentName(establishment, ctx.actor?.language ?? "EN");
  }

  @FieldResolver(() => [EstablishmentUnitType], { description: "Its units, by code." })
  async units(
    @Root() establishment: EstablishmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentUnitType[]> {
    return (await ctx.loaders.unitsOfEstablishment.load(establishment.uuid)).map(EstablishmentUnitType.from);
  }
}

@Resolver(() => EstablishmentUnitType)
export class EstablishmentUnitResolver {
  @FieldResolver(() => EstablishmentType, { description: "The establishment the unit belongs to." })
  async establishment(
    @Root() unit: EstablishmentUnitType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType> {
    const record = await ctx.loaders.establishment.load(unit.establishmentUuid);
    if (record === null) throw new Error(`unit ${unit.uuid} refers to a missing establishment`);
    return EstablishmentType.from(record);
  }
}
