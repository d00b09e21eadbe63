import { IndicatorRating, type PersonAccess, RiskJudgement } from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import { type CaseObject, Guarded } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars.js";
import type {
  InstrumentDomainRecord,
  InstrumentIndicatorRecord,
  InstrumentRecord,
  RiskAssessmentRecord,
} from "./assessment.repository.js";

@ObjectType("AssessmentInstrument", {
  implements: Node,
  description:
    "A structured risk-assessment instrument, as data: its version, domains, indicators and rating scale " +
    "(VERA-2R, ERG22+, TRAP-18). The assessment form is generated from it.",
})
export class AssessmentInstrumentType extends Node {
  uuid: string;

  @Field({ description: "Instrument code, e.g. VERA-2R." })
  code: string;

  @Field({ description: "Version of the instrument." })
  version: string;

  @Field({ description: "Full name." })
  name: string;

  @Field(() => [IndicatorRating], {
    description: "Every rating an indicator may take, NOT_RATED (which needs a reason) included.",
  })
  ratingScale: IndicatorRating[];

  @Field({ description: "False once withdrawn: no new assessments with it." })
  active: boolean;

  static from(r: InstrumentRecord): AssessmentInstrumentType {
    return Object.assign(new AssessmentInstrumentType(), {
      id: toGlobalId("AssessmentInstrument", r.id),
      uuid: r.id,
      code: r.code,
      version: r.version,
      name: r.name,
      ratingScale: [...r.ratingScale, ...(r.ratingScale.includes("NOT_RATED") ? [] : ["NOT_RATED" as const])],
      active: r.active,
    });
  }
}

@ObjectType("InstrumentDomain", { description: "A domain of an instrument, grouping indicators." })
export class InstrumentDomainType {
  uuid: string;

  @Field({ description: "Code within the instrument, e.g. BAI." })
  code: string;

  @Field({ description: "Neutral short name." })
  name: string;

  @Field(() => Int, { description: "Order within the instrument, from 0." })
  position: number;

  static from(r: InstrumentDomainRecord): InstrumentDomainType {
    return Object.assign(new InstrumentDomainType(), {
      uuid: r.id,
      code: r.code,
      name: r.name,
      position: r.position,
    });
  }
}

@ObjectType("InstrumentIndicator", { description: "An indicator (item) of an instrument." })
export class InstrumentIndicatorType {
  uuid: string;

  @Field({ description: "Code within the instrument, e.g. BAI-1." })
  code: string;

  @Field({ description: "Neutral short name (the licensed item text is separate)." })
  name: string;

  @Field({ description: "Must be rated (or NOT_RATED with a reason) in every assessment." })
  required: boolean;

  @Field(() => Int, { description: "Order within its domain, from 0." })
  position: number;

  @Field(() => String, {
    nullable: true,
    description:
      "The licensed item text, once an administrator loaded it; shown only to those who read clinical " +
      "detail (the psychosocial service), null for anyone else.",
  })
  licensedText: string | null;

  static from(r: InstrumentIndicatorRecord): InstrumentIndicatorType {
    return Object.assign(new InstrumentIndicatorType(), {
      uuid: r.id,
      code: r.code,
      name: r.name,
      required: r.required,
      position: r.position,
      licensedText: r.text,
    });
  }
}

@ObjectType("RiskAssessment", {
  implements: Node,
  description:
    "A structured professional risk assessment by the psychosocial service (CLINICAL data). The final " +
    "judgement and the dates are the summary others may see where the matrix allows (CelEx); the " +
    "narrative, ratings and domain summaries are for full clinical readers only.",
})
export class RiskAssessmentType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  instrumentUuid: string;
  agencyUuid: string;
  assessorUuid: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of the assessment." })
  @Guarded("CLINICAL", "SUMMARY")
  assessedOn: string;

  @Field(() => RiskJudgement, { nullable: true, description: "The final professional judgement." })
  @Guarded("CLINICAL", "SUMMARY")
  finalJudgement: RiskJudgement;

  @Field(() => DateScalar, {
    nullable: true,
    description: "When the person must be reassessed at the latest.",
  })
  @Guarded("CLINICAL", "SUMMARY")
  nextReviewOn: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was recorded." })
  @Guarded("CLINICAL", "SUMMARY")
  recordedAt: Date;

  static from(r: RiskAssessmentRecord, access: PersonAccess): RiskAssessmentType {
    return Object.assign(new RiskAssessmentType(), {
      id: toGlobalId("RiskAssessment", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      instrumentUuid: r.instrumentId,
      agencyUuid: r.agencyId,
      assessorUuid: r.createdBy,
      assessedOn: r.assessedOn,
      finalJudgement: r.finalJudgement,
      nextReviewOn: r.nextReviewOn,
      recordedAt: r.createdAt,
    });
  }
}

@ObjectType("IndicatorRatingEntry", { description: "How one indicator was rated in an assessment." })
export class IndicatorRatingEntryType {
  @Field({ description: "The indicator's code." })
  indicatorCode: string;

  @Field({ description: "The indicator's neutral short name." })
  indicatorName: string;

  @Field({ description: "The code of the indicator's domain." })
  domainCode: string;

  @Field(() => IndicatorRating, { description: "The rating." })
  rating: IndicatorRating;

  @Field(() => String, { nullable: true, description: "Why it was not rated (NOT_RATED)." })
  notRatedReason: string | null;
}

@ObjectType("DomainSummary", { description: "The assessor's summary of one domain." })
export class DomainSummaryType {
  @Field({ description: "The domain's code." })
  domainCode: string;

  @Field({ description: "The domain's neutral short name." })
  domainName: string;

  @Field({ description: "The summary." })
  summary: string;
}
