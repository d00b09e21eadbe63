import {
  Classification,
  DataClass,
  HandlingCode,
  type PersonAccess,
  ReportLinkKind,
  SourceReliability,
} from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { connectionOf } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.js";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars.js";
import type { ObservationIndicatorRecord, ReportRecord } from "./report.repository.js";

@ObjectType("ObservationIndicator", {
  description: "A behaviour prison staff were asked to observe; reports cite these by code.",
})
export class ObservationIndicatorType {
  @Field({ description: "Stable code, e.g. OBS-01." })
  code: string;

  @Field({ description: "Short name in English." })
  nameEn: string;

  @Field({ description: "Short name in French." })
  nameFr: string;

  @Field({ description: "Short name in Dutch." })
  nameNl: string;

  @Field({ description: "False once withdrawn: no longer citable in new reports." })
  active: boolean;

  static from(r: ObservationIndicatorRecord): ObservationIndicatorType {
    return Object.assign(new ObservationIndicatorType(), r);
  }
}

@ObjectType("ReportLink", { description: "Another person a report concerns." })
export class ReportLinkType {
  linkedPersonUuid: string;

  @Field(() => ReportLinkKind, { description: "How the person is linked." })
  kind: ReportLinkKind;
}

@ObjectType("InformationReport", {
  implements: Node,
  description:
    "What an agency observed or learnt about a person, graded and marked by its originator. Reports are " +
    "never edited: a correction is a new version, and the old one stays, superseded. You see a report " +
    "only where the access matrix gives you its data class and its handling code lets it reach you " +
    "(docs/access.md); each read by another agency than the originator is logged as a disclosure.",
})
export class InformationReportType extends Node {
  uuid: string;
  lineageUuid: string;
  personUuid: string;
  /** What the reader may see of the report's person (card or more), or null. */
  access: PersonAccess | null;
  establishmentUuid: string | null;
  originatorAgencyUuid: string;
  addressedToAgencyUuid: string | null;
  authorUuid: string | null;
  sourceDetailsText: string | null;
  indicatorCodes: string[];
  fromOwnAgency: boolean;

  @Field(() => Int, { description: "Version in the report's history, from 1." })
  version: number;

  @Field({ description: "True when a later version corrects this one." })
  superseded: boolean;

  @Field(() => String, { nullable: true, description: "Why this version corrects the previous one." })
  correctionReason: string | null;

  @Field(() => DateScalar, { description: "When it was observed or learnt." })
  observedOn: string;

  @Field({ description: "Short title, at most 200 characters." })
  title: string;

  @Field({ description: "What was observed or learnt." })
  body: string;

  @Field(() => SourceReliability, { description: "Reliability of the source (A–F)." })
  sourceReliability: SourceReliability;

  @Field(() => Int, { description: "Credibility of the information (1–6, 1 = confirmed)." })
  informationCredibility: number;

  @Field(() => Classification, { description: "Security classification." })
  classification: Classification;

  @Field(() => HandlingCode, { description: "How far the originator lets the report travel." })
  handlingCode: HandlingCode;

  @Field(() => String, {
    nullable: true,
    description: "The originator's conditions of use (SHARE_WITH_CONDITIONS).",
  })
  handlingConditions: string | null;

  @Field(() => DataClass, {
    description: "OBSERVATIONS, or INTELLIGENCE when classified or from intelligence.",
  })
  dataClass: "OBSERVATIONS" | "INTELLIGENCE";

  @Field({ description: "Flagged as sensitive by its author (handle with particular care)." })
  sensitive: boolean;

  @Field(() => DateTimeScalar, { description: "When this version was recorded." })
  recordedAt: Date;

  static from(r: ReportRecord, access: PersonAccess | null, readerAgencyId: string): InformationReportType {
    return Object.assign(new InformationReportType(), {
      id: toGlobalId("InformationReport", r.id),
      uuid: r.id,
      lineageUuid: r.lineageId,
      personUuid: r.personId,
      access,
      establishmentUuid: r.establishmentId,
      originatorAgencyUuid: r.originatorAgencyId,
      addressedToAgencyUuid: r.addressedToAgencyId,
      authorUuid: r.createdBy,
      sourceDetailsText: r.sourceDetails,
      indicatorCodes: r.indicatorCodes,
      fromOwnAgency: r.originatorAgencyId === readerAgencyId,
      version: r.version,
      superseded: r.version < r.latestVersion,
      correctionReason: r.correctionReason,
      observedOn: r.observedOn,
      title: r.title,
      body: r.body,
      sourceReliability: r.sourceReliability,
      informationCredibility: Number(r.informationCredibility),
      classification: r.classification,
      handlingCode: r.handlingCode,
      handlingConditions: r.handlingConditions,
      dataClass: r.dataClass,
      sensitive: r.sensitive,
      recordedAt: r.createdAt,
    });
  }
}

export const InformationReportConnection = connectionOf(
  InformationReportType,
  "InformationReport",
  "A page of information reports.",
);
