import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { EstablishmentType } from "../establishments/establishment.type.js";
import { AgencyType } from "./agency.type.js";

@Resolver(() => AgencyType)
export class AgencyResolver {
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
