import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { requireActor } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { Rule } from "../../graphql/rule.js";
import { EstablishmentType } from "../establishments/establishment.type.js";
import { AgencyType } from "./agency.type.js";

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => [AgencyType], {
    description: "The agencies that use Continuum (the directory: no personal data), by name.",
  })
  @Rule("AUTHENTICATED")
  async agencies(@Ctx() ctx: RequestContext): Promise<AgencyType[]> {
    requireActor(ctx);
    const all = await ctx.loaders.allAgencies.load("all");
    return [...all].sort((a, b) => a.name.localeCompare(b.name)).map(AgencyType.from);
  }

  @FieldResolver(() => EstablishmentType, {
    nullable: true,
    description: "For a prison or its psychosocial service.",
  })
  async establishment(
    @Root() agency: AgencyType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType | null> {
    if (agency.establishmentUuid === null) return null;
    const record = await ctx.loaders.establishment.load(agency.establishmentUuid);
    return record === null ? null : EstablishmentType.from(record);
  }
}
