import { ProgrammeComponent, ProgrammeStatus } from "@continuum/domain";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";

@InputType({
  description: "CelEx offers a detained person a disengagement programme, in the provider's name.",
})
export class ProgrammeOfferInput {
  @Field(() => ID, { description: "The person (detained)." })
  personId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The provider; by default the one that takes on the person's language community.",
  })
  providerAgencyId?: string | null;

  @Field(() => DateScalar, {
    description:
      "The day of the offer; not in the future, not before the admission nor the end of the previous participation.",
  })
  offeredOn: string;

  @Field(() => String, { nullable: true, description: "A note on the offer." })
  note?: string | null;
}

@InputType({ description: "The provider records the person's answer or the programme's course." })
export class ProgrammeStatusChangeInput {
  @Field(() => ID, { description: "The participation." })
  participationId: string;

  @Field(() => ProgrammeStatus, {
    description: "The new status (only the changes that make sense are accepted).",
  })
  status: ProgrammeStatus;

  @Field(() => DateScalar, {
    description:
      "From this day; not before the last change, not in the future; a final status not before the last contact.",
  })
  on: string;

  @Field(() => String, { nullable: true, description: "Why (programme detail, for the provider)." })
  note?: string | null;

  @Field(() => Int, {
    description: "The participation's version as read; a change meanwhile makes this one a CONFLICT.",
  })
  expectedVersion: number;
}

@InputType({ description: "A contact of the provider with the person." })
export class ProgrammeContactRecordInput {
  @Field(() => ID, { description: "The participation." })
  participationId: string;

  @Field(() => DateScalar, { description: "The day; within the participation, not in the future." })
  contactedOn: string;

  @Field(() => [ProgrammeComponent], { description: "The components worked on (at least one)." })
  components: ProgrammeComponent[];

  @Field(() => Int, { nullable: true, description: "How long, in minutes." })
  minutes?: number | null;

  @Field(() => String, { description: "The note (programme detail: read by the provider only)." })
  note: string;
}
