import { LegalStatus, Recidivism, ReleaseType } from "@continuum/domain";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";
import { ReleaseConditionInput } from "../release/release.input.js";

const RULE_DATE =
  "Computed from the sentence (docs/release.md); a different date is refused: record it with releaseDateOverride and its reason.";

@InputType({ description: "An admission: opens a detention episode with its first placement." })
export class AdmissionInput {
  @Field(() => DateScalar, { description: "Not in the future; after any earlier release." })
  admittedOn: string;

  @Field(() => LegalStatus, { description: "Legal ground of the detention." })
  legalStatus: LegalStatus;

  @Field(() => Int, { nullable: true, description: "Required when SENTENCED; 1 to 720 months." })
  sentenceMonths?: number | null;

  @Field(() => Recidivism, {
    defaultValue: "NONE",
    description: "Whether a sentenced person is in legal recidivism (eligible after two thirds).",
  })
  recidivism: Recidivism;

  @Field(() => DateScalar, {
    nullable: true,
    description: "If given, must equal the rule's eligibility date.",
    deprecationReason: RULE_DATE,
  })
  conditionalReleaseEligibleOn?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "If given, must equal the rule's end of sentence.",
    deprecationReason: RULE_DATE,
  })
  endOfSentenceOn?: string | null;

  @Field(() => ID, { description: "The establishment the person is admitted to." })
  establishmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: "A unit of that establishment; null for its ordinary regime.",
  })
  unitId?: string | null;
}

@InputType({ description: "Opens a detention episode for a registered person who is not detained now." })
export class DetentionEpisodeOpenInput extends AdmissionInput {
  @Field(() => ID, { description: "The registered person to admit." })
  personId: string;
}

@InputType({ description: "Ends the person's open detention episode." })
export class DetentionEpisodeReleaseInput {
  @Field(() => ID, { description: "The open detention episode." })
  episodeId: string;

  @Field(() => DateScalar, {
    description: "After the admission and the start of the current placement; not in the future.",
  })
  releasedOn: string;

  @Field(() => ReleaseType, { description: "How the person leaves prison." })
  releaseType: ReleaseType;

  @Field(() => String, {
    nullable: true,
    description:
      "Municipality of intended residence (one Continuum knows); required unless transferred abroad or deceased.",
  })
  releaseMunicipality?: string | null;

  @Field(() => [ReleaseConditionInput], {
    defaultValue: [],
    description:
      "Conditions imposed at release besides those proposed: a conditional release or electronic monitoring needs at least one; other releases none.",
  })
  conditions: ReleaseConditionInput[];
}

@InputType({
  description: "Moves a detained person to another establishment or unit from a date (a transfer).",
})
export class PlacementRecordInput {
  @Field(() => ID, { description: "The detained person to move." })
  personId: string;

  @Field(() => ID, { description: "The establishment the person moves to." })
  establishmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: "A unit of that establishment; null for its ordinary regime.",
  })
  unitId?: string | null;

  @Field(() => DateScalar, {
    description: "First day in the new place; after the current placement started.",
  })
  validFrom: string;

  @Field(() => String, { nullable: true, description: "Why (at most 500 characters)." })
  reason?: string | null;
}
