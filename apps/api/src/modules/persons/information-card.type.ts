import {
  INFORMATION_CARD_FIELD_DESCRIPTIONS as D,
  DetentionStatus,
  LegacyCategory,
  Sex,
} from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";
import { AgencyType } from "../agencies/agency.type.js";

@ObjectType("MeasureToKnow", {
  description:
    "A release condition or follow-up measure in force that local actors must know (its type is shown on the card).",
})
export class MeasureToKnowType {
  @Field({ description: "Code of the condition or measure type." })
  code: string;

  @Field({ description: "Name in English." })
  nameEn: string;

  @Field({ description: "Name in French." })
  nameFr: string;

  @Field({ description: "Name in Dutch." })
  nameNl: string;

  @Field(() => DateScalar, { description: "In force since." })
  since: string;
}

@ObjectType("InformationCard", {
  description:
    "The fixed, short, unclassified extract of a person that every actor who sees the case may read; it is all " +
    "that local cells (LCIS) and mayors get. Its fields are defined once in packages/domain (information-card.ts).",
})
export class InformationCardType {
  @Field({ description: D.familyName })
  familyName: string;

  @Field({ description: D.givenNames })
  givenNames: string;

  @Field(() => DateScalar, { description: D.dateOfBirth })
  dateOfBirth: string;

  @Field(() => Sex, { description: D.sex })
  sex: Sex;

  @Field(() => String, { nullable: true, description: D.photoReference })
  photoReference: string | null;

  @Field(() => LegacyCategory, { nullable: true, description: D.category })
  category: LegacyCategory | null;

  @Field(() => DetentionStatus, { description: D.detentionStatus })
  detentionStatus: DetentionStatus;

  @Field(() => Int, { nullable: true, description: D.threatLevel })
  threatLevel: number | null;

  @Field(() => AgencyType, { nullable: true, description: D.responsibleAgency })
  responsibleAgency: AgencyType | null;

  @Field(() => String, { nullable: true, description: D.contactEmail })
  contactEmail: string | null;

  @Field(() => [MeasureToKnowType], { description: D.measuresToKnow })
  measuresToKnow: MeasureToKnowType[];
}
