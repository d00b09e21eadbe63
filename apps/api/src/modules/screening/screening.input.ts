import { LegacyCategory, ListingLabel, ScreeningOutcome, ScreeningSource } from "@continuum/domain";
import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";

export const SCREENING_MAX_SOURCE_REPORTS = 50;

@InputType({
  description:
    "Records a CelEx screening. LISTED, CHANGED and DELISTED change the listing from `screenedOn`; " +
    "NOT_LISTED and MAINTAINED leave it as it is.",
})
export class ScreeningRecordInput {
  @Field(() => ID, { description: "The person screened." })
  personId: string;

  @Field(() => DateScalar, { description: "Within the detention episode; not in the future." })
  screenedOn: string;

  @Field(() => ScreeningOutcome, { description: "What the screening decided; must fit the current listing." })
  outcome: ScreeningOutcome;

  @Field(() => LegacyCategory, { nullable: true, description: "Required for LISTED and CHANGED." })
  category?: LegacyCategory | null;

  @Field(() => [ListingLabel], { nullable: true, description: "The 2020 labels that apply (combinable)." })
  labels?: ListingLabel[] | null;

  @Field(() => [ScreeningSource], { description: "At least one source consulted." })
  sources: ScreeningSource[];

  @Field({ description: "Short reasons, 1 to 2000 characters." })
  rationale: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Schedule the next screening earlier than the two-month limit.",
  })
  nextDueOn?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Information reports on this person that the screening rests on (at most ${SCREENING_MAX_SOURCE_REPORTS}).`,
  })
  sourceReportIds?: string[] | null;
}

@InputType({ description: "Makes a CelEx analyst responsible for the screenings of some persons." })
export class ScreeningAssignInput {
  @Field(() => [ID], { description: "The persons, 1 to 100." })
  personIds: string[];

  @Field(() => ID, { description: "The CelEx analyst who becomes responsible." })
  userId: string;
}
