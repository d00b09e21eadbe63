import { isAdministrator } from "@continuum/domain";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { mapPage, pageByOffset } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import { Rule } from "../../graphql/rule.js";
import { AgencyType } from "../agencies/agency.type.js";
import { countUsers, listUsers } from "./user.repository.js";
import { UserConnection, UserType } from "./user.type.js";

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserConnection, { description: "User accounts, by e-mail (administrators)." })
  @Rule("ADMIN")
  async users(
    @Arg("first", () => Int, { description: "Page size, 1 to 100." }) first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor after which the page starts (pageInfo.endCursor).",
    })
    after: string | null,
    @Arg("search", () => String, { nullable: true, description: "Part of an e-mail or a name." })
    searchArg: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<InstanceType<typeof UserConnection>> {
    // An argument left out arrives as undefined, not null.
    const search = searchArg?.trim() || null;
    if (search !== null && search.length > 100)
      throw badUserInput("search must be at most 100 characters", "search");
    const tx = await ctx.tx.get();
    const page = await pageByOffset(
      first,
      after,
      (limit, offset) => listUsers(tx, search, limit, offset),
      () => countUsers(tx, search),
    );
    return UserConnection.fromPage(mapPage(page, UserType.from));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "E-mail address: shown to the user themself and to administrators only.",
  })
  email(@Root() user: UserType, @Ctx() ctx: RequestContext): string | null {
    const actor = ctx.actor;
    if (actor === null) return null;
    return actor.userId === user.uuid || isAdministrator(actor) ? user.emailAddress : null;
  }

  @FieldResolver(() => AgencyType, { description: "The agency the user works for." })
  async agency(@Root() user: UserType, @Ctx() ctx: RequestContext): Promise<AgencyType> {
    const agency = await ctx.loaders.agency.load(user.agencyUuid);
    if (agency === null) throw new Error(`user ${user.uuid} refers to a missing agency`);
    return AgencyType.from(agency);
  }
}
