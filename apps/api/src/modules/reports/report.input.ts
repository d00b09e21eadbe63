import { Classification, HandlingCode, ReportLinkKind, SourceReliability } from "@continuum/domain";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";

@InputType({ description: "Another person a report concerns." })
export class ReportLinkInput {
  @Field(() => ID, { description: "The linked person (you must at least know of them: a hit or more)." })
  personId: string;

  @Field(() => ReportLinkKind, { description: "How they are linked." })
  kind: ReportLinkKind;
}

@InputType({ description: "The content of an information report (a new one, or a correcting version)." })
export class ReportContentInput {
  @Field(() => DateScalar, { description: "When it was observed or learnt; not in the future." })
  observedOn: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "Where it was observed. Prison staff and psychosocial services report for their own establishment, " +
      "which is taken when this is left out.",
  })
  establishmentId?: string | null;

  @Field({ description: "Short title, 1 to 200 characters." })
  title: string;

  @Field({ description: "What was observed or learnt, 1 to 10000 characters." })
  body: string;

  @Field(() => String, {
    nullable: true,
    description: "What identifies the source: seen by your agency only, never disclosed.",
  })
  sourceDetails?: string | null;

  @Field(() => SourceReliability, { description: "Reliability of the source (A–F)." })
  sourceReliability: SourceReliability;

  @Field(() => Int, { description: "Credibility of the information, 1 (confirmed) to 6 (cannot be judged)." })
  informationCredibility: number;

  @Field(() => Classification, {
    description: "Classification; anything but UNCLASSIFIED makes the report INTELLIGENCE data.",
  })
  classification: Classification;

  @Field(() => HandlingCode, { description: "How far the report may travel." })
  handlingCode: HandlingCode;

  @Field(() => String, {
    nullable: true,
    description: "Conditions of use; required for SHARE_WITH_CONDITIONS.",
  })
  handlingConditions?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The agency a NO_FURTHER_DISSEMINATION report is addressed to (required then).",
  })
  addressedToAgencyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Flag the report as sensitive." })
  sensitive?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: "Codes of the observation indicators it relates to (see observationIndicators).",
  })
  indicatorCodes?: string[] | null;

  @Field(() => [ReportLinkInput], { nullable: true, description: "Other persons it concerns, at most 20." })
  links?: ReportLinkInput[] | null;
}

@InputType({ description: "Files a new information report on a person." })
export class ReportFileInput extends ReportContentInput {
  @Field(() => ID, { description: "The person the report is about." })
  personId: string;
}

@InputType({
  description:
    "Corrects a report by a new version (only the originating agency). The version you corrected must " +
    "still be the latest: if someone corrected it meanwhile, the answer is a CONFLICT and nothing is written.",
})
export class ReportCorrectInput extends ReportContentInput {
  @Field(() => ID, { description: "The report version you are correcting." })
  reportId: string;

  @Field(() => Int, { description: "Its version number, as you read it (optimistic concurrency)." })
  expectedVersion: number;

  @Field({ description: "Why it is corrected, 1 to 2000 characters." })
  correctionReason: string;
}
