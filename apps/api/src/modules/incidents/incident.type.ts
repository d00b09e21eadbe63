import { IdeologicalMotive, IncidentKind, type PersonAccess } from "@continuum/domain";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import type { CaseObject } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import type { IncidentRecord } from "./incident.repository.js";

@ObjectType("PrisonIncident", {
  implements: Node,
  description: "An incident in prison and whether it was ideologically motivated (OBSERVATIONS data).",
})
export class PrisonIncidentType extends Node implements CaseObject {
  personUuid: string;
  access: PersonAccess;
  establishmentUuid: string;
  agencyUuid: string;

  @Field(() => DateScalar, { description: "The day." })
  occurredOn: string;

  @Field(() => IncidentKind, { description: "What happened." })
  kind: IncidentKind;

  @Field(() => IdeologicalMotive, { description: "Whether it was ideologically motivated." })
  ideological: IdeologicalMotive;

  @Field({ description: "What happened, in short." })
  description: string;

  static from(r: IncidentRecord, access: PersonAccess): PrisonIncidentType {
    return Object.assign(new PrisonIncidentType(), {
      id: toGlobalId("PrisonIncident", r.id),
      personUuid: r.personId,
      access,
      establishmentUuid: r.establishmentId,
      agencyUuid: r.agencyId,
      occurredOn: r.occurredOn,
      kind: r.kind,
      ideological: r.ideological,
      description: r.description,
    });
  }
}

@InputType({ description: "An incident in prison." })
export class IncidentRecordInput {
  @Field(() => ID, { description: "The inmate (held in your establishment that day)." })
  personId: string;

  @Field(() => DateScalar, { description: "The day; not in the future." })
  occurredOn: string;

  @Field(() => IncidentKind, { description: "What happened." })
  kind: IncidentKind;

  @Field(() => IdeologicalMotive, { description: "Whether it was ideologically motivated." })
  ideological: IdeologicalMotive;

  @Field({ description: "What happened, in short (required)." })
  description: string;
}

@ObjectType({ description: "Result of incidentRecord." })
export class IncidentRecordPayload {
  @Field(() => PrisonIncidentType, { nullable: true, description: "The incident; null when refused." })
  incident: PrisonIncidentType | null;

  @Field(() => PersonType, { nullable: true, description: "The person." })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
