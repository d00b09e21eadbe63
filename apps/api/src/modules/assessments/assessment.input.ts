import { IndicatorRating, RiskJudgement } from "@continuum/domain";
import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";

@InputType({ description: "The rating of one indicator." })
export class IndicatorRatingInput {
  @Field({ description: "The indicator's code, e.g. BAI-1." })
  indicatorCode: string;

  @Field(() => IndicatorRating, { description: "On the instrument's scale, or NOT_RATED with a reason." })
  rating: IndicatorRating;

  @Field(() => String, { nullable: true, description: "Why it is not rated (required for NOT_RATED)." })
  notRatedReason?: string | null;
}

@InputType({ description: "The assessor's summary of one domain." })
export class DomainSummaryInput {
  @Field({ description: "The domain's code, e.g. BAI." })
  domainCode: string;

  @Field({ description: "At most 4000 characters." })
  summary: string;
}

@InputType({
  description:
    "Records a risk assessment (psychosocial service, on an inmate of its establishment). Every required " +
    "indicator of the instrument must be rated.",
})
export class RiskAssessmentRecordInput {
  @Field(() => ID, { description: "The person assessed." })
  personId: string;

  @Field(() => ID, { description: "The instrument version used (an active AssessmentInstrument)." })
  instrumentId: string;

  @Field(() => DateScalar, { description: "Date of the assessment; not in the future." })
  assessedOn: string;

  @Field(() => RiskJudgement, { description: "The final professional judgement." })
  finalJudgement: RiskJudgement;

  @Field({ description: "The assessor's narrative, 1 to 10000 characters." })
  narrative: string;

  @Field(() => DateScalar, {
    description: "When to reassess: after the assessment, at most 12 months later.",
  })
  nextReviewOn: string;

  @Field(() => [IndicatorRatingInput], { description: "One rating per indicator rated." })
  ratings: IndicatorRatingInput[];

  @Field(() => [DomainSummaryInput], { nullable: true, description: "Summaries per domain." })
  domainSummaries?: DomainSummaryInput[] | null;
}

@InputType({ description: "One licensed item text." })
export class InstrumentTextInput {
  @Field({ description: "The indicator's code." })
  indicatorCode: string;

  @Field({ description: "The licensed text, 1 to 4000 characters." })
  text: string;
}

@InputType({ description: "Licensed item texts of an instrument, loaded by an administrator." })
export class InstrumentTextsLoadInput {
  @Field(() => ID, { description: "The instrument." })
  instrumentId: string;

  @Field(() => [InstrumentTextInput], { description: "The texts, one per indicator code." })
  texts: InstrumentTextInput[];
}
