import { ReleaseDateKind } from "@continuum/domain";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";

@InputType({ description: "Sets a release date by hand instead of the rule, with its reason." })
export class ReleaseDateOverrideInput {
  @Field(() => ID, { description: "The open detention episode of a sentenced person." })
  episodeId: string;

  @Field(() => ReleaseDateKind, { description: "Which date to set." })
  kind: ReleaseDateKind;

  @Field(() => DateScalar, {
    description: "Not before admission; eligibility not after the end of the sentence, nor the reverse.",
  })
  date: string;

  @Field({ description: "Why (the court's ruling, a life sentence, …); at most 1000 characters." })
  reason: string;
}

@InputType({ description: "Records or changes the preparation of a release." })
export class ReleasePlanRecordInput {
  @Field(() => ID, { description: "The open detention episode." })
  episodeId: string;

  @Field(() => String, {
    nullable: true,
    description: "Municipality of intended residence (one Continuum knows).",
  })
  intendedMunicipality?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "When the Local Task Force was informed; not in the future.",
  })
  localTaskForceInformedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Free note (at most 2000 characters)." })
  note?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The plan's version as read; null when there is no plan yet.",
  })
  version?: number | null;
}

@InputType({ description: "The terms of a release condition." })
export class ReleaseConditionInput {
  @Field({ description: "Code of the condition type (see conditionTypes)." })
  conditionType: string;

  @Field(() => String, { nullable: true, description: "Required when the type requires details." })
  details?: string | null;

  @Field(() => ID, {
    description:
      "The supervising agency: probation, a Local Task Force, the police or a disengagement service.",
  })
  supervisingAgencyId: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Planned end (exclusive), after the start; null: until the end of the probation period.",
  })
  endsOn?: string | null;
}

@InputType({ description: "Proposes a condition for the release of a detained person." })
export class ReleaseConditionProposeInput extends ReleaseConditionInput {
  @Field(() => ID, { description: "The detained person." })
  personId: string;
}

@InputType({ description: "Imposes a condition on a conditionally released person, from a date." })
export class ReleaseConditionImposeInput extends ReleaseConditionInput {
  @Field(() => ID, { description: "The released person." })
  personId: string;

  @Field(() => DateScalar, { description: "First day in force: not before the release, not in the future." })
  imposedOn: string;
}

@InputType({ description: "Withdraws a proposed condition." })
export class ReleaseConditionWithdrawInput {
  @Field(() => ID, { description: "The proposed condition." })
  conditionId: string;

  @Field(() => Int, { description: "The condition's version as read." })
  version: number;
}

@InputType({ description: "Lifts an active condition early." })
export class ReleaseConditionLiftInput {
  @Field(() => ID, { description: "The active condition." })
  conditionId: string;

  @Field(() => DateScalar, { description: "First day without it: after its start, not in the future." })
  liftedOn: string;

  @Field({ description: "Why (at most 1000 characters)." })
  reason: string;

  @Field(() => Int, { description: "The condition's version as read." })
  version: number;
}

@InputType({ description: "Records a breach of a release condition." })
export class ConditionBreachRecordInput {
  @Field(() => ID, { description: "The condition breached." })
  conditionId: string;

  @Field(() => DateScalar, { description: "A day the condition was active; not in the future." })
  occurredOn: string;

  @Field({ description: "What happened (at most 4000 characters)." })
  description: string;

  @Field(() => String, { nullable: true, description: "The response given, if any." })
  response?: string | null;
}

@InputType({ description: "Adds a condition type or changes one by its code (administrators)." })
export class ConditionTypeDefineInput {
  @Field({ description: "2–40 capital letters, digits or underscores." })
  code: string;

  @Field({ description: "Name in English." })
  nameEn: string;

  @Field({ description: "Name in French." })
  nameFr: string;

  @Field({ description: "Name in Dutch." })
  nameNl: string;

  @Field({ description: "Whether a condition of this type needs details." })
  requiresDetails: boolean;

  @Field({ description: "Whether it appears on the information card." })
  shownOnInformationCard: boolean;
}

@InputType({ description: "Hands a released person over to the local bodies of a new place of residence." })
export class CaseHandOverInput {
  @Field(() => ID, { description: "The released person (case not closed)." })
  personId: string;

  @Field({ description: "The new municipality of residence (one Continuum knows)." })
  municipality: string;

  @Field(() => DateScalar, {
    description: "First day there: not before the current residence, not in the future.",
  })
  on: string;

  @Field({ description: "Why (at most 1000 characters)." })
  reason: string;
}
