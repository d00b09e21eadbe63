import { isAdministrator } from "@continuum/domain";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { requireActor } from "../access/policy.js";
import { findApiTokenById } from "../auth/auth.repository.js";
import { ApiTokenType } from "../auth/auth.types.js";
import { AgencyType } from "../modules/agencies/agency.type.js";
import { episodeById, placementById } from "../modules/detention/detention.repository.js";
import { DetentionEpisodeType, PlacementType } from "../modules/detention/detention.type.js";
import { EstablishmentType, EstablishmentUnitType } from "../modules/establishments/establishment.type.js";
import { findVisiblePerson } from "../modules/persons/person.service.js";
import { PersonType } from "../modules/persons/person.type.js";
import { listingPeriodById, screeningById } from "../modules/screening/screening.repository.js";
import { ListingPeriodType, ScreeningType } from "../modules/screening/screening.type.js";
import { UserType } from "../modules/users/user.type.js";
import type { RequestContext } from "./context.js";
import { fromGlobalId } from "./global-id.js";
import { Node } from "./node.js";
import { Rule } from "./rule.js";

/**
 * `node(id:)` answers null for an unknown ID, a malformed one, and an object that belongs to a
 * person the actor may not see, so that it never reveals whether something exists.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global ID; null when unknown or not visible to you.",
  })
  @Rule("AUTHENTICATED")
  async node(
    @Arg("id", () => ID, { description: "Global ID." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node | null> {
    const actor = requireActor(ctx);
    const decoded = fromGlobalId(id);
    if (decoded === null) return null;
    const { uuid } = decoded;
    const tx = await ctx.tx.get();
    // A case record is returned only when its person is visible; reading it audits that person.
    const ifPersonVisible = async <R extends { personId: string }, T>(
      record: R | null,
      map: (r: R) => T,
    ): Promise<T | null> => {
      if (record === null) return null;
      const visible = await ctx.loaders.visiblePerson.load(record.personId);
      if (visible === null) return null;
      ctx.audit.read(record.personId, ["IDENTITY"]);
      return map(record);
    };
    switch (decoded.type) {
      case "Person": {
        const visible = await findVisiblePerson(ctx, id);
        return visible === null ? null : PersonType.from(visible);
      }
      case "DetentionEpisode":
        return ifPersonVisible(await episodeById(tx, uuid), DetentionEpisodeType.from);
      case "Placement":
        return ifPersonVisible(await placementById(tx, uuid), PlacementType.from);
      case "Screening":
        return ifPersonVisible(await screeningById(tx, uuid), ScreeningType.from);
      case "ListingPeriod":
        return ifPersonVisible(await listingPeriodById(tx, uuid), ListingPeriodType.from);
      case "Establishment": {
        const r = await ctx.loaders.establishment.load(uuid);
        return r === null ? null : EstablishmentType.from(r);
      }
      case "EstablishmentUnit": {
        const r = await ctx.loaders.unit.load(uuid);
        return r === null ? null : EstablishmentUnitType.from(r);
      }
      case "Agency": {
        const r = await ctx.loaders.agency.load(uuid);
        return r === null ? null : AgencyType.from(r);
      }
      case "User": {
        const r = await ctx.loaders.user.load(uuid);
        return r === null ? null : UserType.from(r);
      }
      case "ApiToken": {
        if (!isAdministrator(actor)) return null;
        const r = await findApiTokenById(tx, uuid);
        return r === null ? null : ApiTokenType.from(r);
      }
    }
  }
}
