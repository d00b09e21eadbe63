import { type PersonAccess, ProgrammeComponent, ProgrammeStatus } from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import type { CaseObject } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import type { ContactRecord, EnrolmentRecord, StatusChangeRecord } from "./programme.repository.js";

@ObjectType("ProgrammeParticipation", {
  implements: Node,
  description:
    "A person's participation in a disengagement programme, from the offer to a final status (PROGRAMME: " +
    "status, dates and components in summary; notes for the provider).",
})
export class ProgrammeParticipationType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  providerUuid: string;

  @Field(() => ProgrammeStatus, { description: "The current status." })
  status: ProgrammeStatus;

  @Field(() => DateScalar, { description: "The day of the offer." })
  offeredOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The day after the final status; null while it runs.",
  })
  endedOn: string | null;

  @Field(() => Int, { description: "Changes with each status: give it back as expectedVersion." })
  version: number;

  static from(r: EnrolmentRecord, access: PersonAccess): ProgrammeParticipationType {
    return Object.assign(new ProgrammeParticipationType(), {
      id: toGlobalId("ProgrammeParticipation", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      providerUuid: r.providerAgencyId,
      status: r.status,
      offeredOn: r.enrolledOn,
      endedOn: r.endedOn,
      version: r.version,
    });
  }
}

@ObjectType("ProgrammeStatusChange", { description: "A status a participation went through." })
export class ProgrammeStatusChangeType implements CaseObject {
  personUuid: string;
  access: PersonAccess;
  noteText: string | null;
  agencyUuid: string;

  @Field(() => ProgrammeStatus, { description: "The status." })
  status: ProgrammeStatus;

  @Field(() => DateScalar, { description: "From this day." })
  on: string;

  static from(r: StatusChangeRecord, access: PersonAccess): ProgrammeStatusChangeType {
    return Object.assign(new ProgrammeStatusChangeType(), {
      personUuid: r.personId,
      access,
      noteText: r.note,
      agencyUuid: r.agencyId,
      status: r.status,
      on: r.on,
    });
  }
}

@ObjectType("ProgrammeContact", { description: "A contact of the provider with the person." })
export class ProgrammeContactType implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  agencyUuid: string;

  @Field(() => DateScalar, { description: "The day." })
  contactedOn: string;

  @Field(() => [ProgrammeComponent], { description: "The components worked on." })
  components: ProgrammeComponent[];

  @Field(() => Int, { nullable: true, description: "How long, in minutes." })
  minutes: number | null;

  static from(r: ContactRecord, access: PersonAccess): ProgrammeContactType {
    return Object.assign(new ProgrammeContactType(), {
      uuid: r.id,
      personUuid: r.personId,
      access,
      agencyUuid: r.agencyId,
      contactedOn: r.contactedOn,
      components: r.components,
      minutes: r.minutes,
    });
  }
}

@ObjectType({ description: "Result of programmeOffer, programmeStatusChange and programmeContactRecord." })
export class ProgrammePayload {
  @Field(() => ProgrammeParticipationType, {
    nullable: true,
    description: "The participation after the change.",
  })
  participation: ProgrammeParticipationType | null;

  @Field(() => PersonType, {
    nullable: true,
    description: "The person; null once the change ends your need to know.",
  })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
