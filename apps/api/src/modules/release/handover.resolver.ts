import { mayRead } from "@continuum/domain";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import { Rule } from "../../graphql/rule.js";
import { AgencyType } from "../agencies/agency.type.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange } from "../persons/person-lookup.js";
import { handOverCase } from "./handover.service.js";
import { CaseHandOverInput } from "./release.input.js";
import { CaseHandOverPayload } from "./release.payload.js";
import { CaseResponsibilityType, ResidenceType } from "./release.type.js";

@Resolver(() => CaseResponsibilityType)
export class CaseResponsibilityResolver {
  @FieldResolver(() => AgencyType, { nullable: true, description: "The responsible local body." })
  async agency(@Root() r: CaseResponsibilityType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    const agency = await ctx.loaders.agency.load(r.agencyUuid);
    return agency === null ? null : AgencyType.from(agency);
  }

  @Mutation(() => CaseHandOverPayload, {
    nullable: true,
    description:
      "Hands a released person over to a new municipality of residence: the responsibilities move to its local bodies.",
  })
  @Rule("WRITE")
  async caseHandOver(
    @Arg("input", () => CaseHandOverInput, { description: "The new residence." }) input: CaseHandOverInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseHandOverPayload> {
    const { result, userErrors } = await handOverCase(ctx, input);
    return Object.assign(new CaseHandOverPayload(), {
      person: result === null ? null : await personAfterChange(ctx, result),
      userErrors,
    });
  }
}

@Resolver(() => PersonType)
export class PersonHandOverResolver {
  @FieldResolver(() => [CaseResponsibilityType], {
    description:
      "Which local bodies were responsible after release, oldest first. Readers of the person's RELEASE or FOLLOW_UP data get the history; whoever else sees the person (a local cell's card) only the responsibilities open now, the contacts the information card names.",
  })
  async responsibilities(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseResponsibilityType[]> {
    const history = mayRead(person.access, "FOLLOW_UP") || mayRead(person.access, "RELEASE");
    ctx.audit.read(person.uuid, history ? ["FOLLOW_UP"] : ["IDENTITY"], person.access.breakGlass);
    const rows = await ctx.loaders.responsibilitiesOfPerson.load(person.uuid);
    return (history ? rows : rows.filter((r) => r.validTo === null)).map(CaseResponsibilityType.from);
  }

  @FieldResolver(() => [ResidenceType], {
    nullable: true,
    description: "Where the person lived after release, newest first (RELEASE).",
  })
  @Guarded("RELEASE")
  async residences(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<ResidenceType[]> {
    return (await ctx.loaders.residencesOfPerson.load(person.uuid)).map(ResidenceType.from);
  }
}
