import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import { Rule } from "../../graphql/rule.js";
import { EstablishmentType } from "../establishments/establishment.type.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange } from "../persons/person-lookup.js";
import { recordIncident } from "./incident.service.js";
import { IncidentRecordInput, IncidentRecordPayload, PrisonIncidentType } from "./incident.type.js";

@Resolver(() => PrisonIncidentType)
export class PrisonIncidentResolver {
  @Mutation(() => IncidentRecordPayload, {
    nullable: true,
    description: "Prison staff record an incident of an inmate, and whether it was ideologically motivated.",
  })
  @Rule("WRITE")
  async incidentRecord(
    @Arg("input", () => IncidentRecordInput, { description: "The incident." }) input: IncidentRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<IncidentRecordPayload> {
    const { result, userErrors } = await recordIncident(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record =
      person === null
        ? undefined
        : (await ctx.loaders.incidentsOfPerson.load(person.uuid)).find((i) => i.id === result?.recordId);
    return Object.assign(new IncidentRecordPayload(), {
      incident:
        record === undefined || person === null ? null : PrisonIncidentType.from(record, person.access),
      person,
      userErrors,
    });
  }

  @FieldResolver(() => EstablishmentType, { nullable: true, description: "Where it happened." })
  async establishment(
    @Root() i: PrisonIncidentType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType | null> {
    const e = await ctx.loaders.establishment.load(i.establishmentUuid);
    return e === null ? null : EstablishmentType.from(e);
  }
}

@Resolver(() => PersonType)
export class PersonIncidentsResolver {
  @FieldResolver(() => [PrisonIncidentType], {
    nullable: true,
    description: "Incidents in prison, newest first (OBSERVATIONS).",
  })
  @Guarded("OBSERVATIONS")
  async incidents(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<PrisonIncidentType[]> {
    return (await ctx.loaders.incidentsOfPerson.load(person.uuid)).map((i) =>
      PrisonIncidentType.from(i, person.access),
    );
  }
}
