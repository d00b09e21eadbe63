import {
  ConditionStatus,
  conditionStatusOn,
  JudicialDistrict,
  LegacyCategory,
  type PersonAccess,
  ProgrammeStatus,
  ReleaseDateKind,
  ResponsibilityKind,
} from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { type CaseObject, Guarded } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars.js";
import type { BreachRecord, ConditionRecord, ConditionTypeRecord } from "./condition.repository.js";
import type { ResidenceRecord, ResponsibilityRecord } from "./handover.repository.js";
import type { ReleaseDateOverrideRecord, ReleasePlanRecord } from "./release.repository.js";

@ObjectType("ReleaseDateOverride", {
  implements: Node,
  description: "A release date set by hand instead of the rule, with its reason (RELEASE data).",
})
export class ReleaseDateOverrideType extends Node {
  agencyUuid: string;

  @Field(() => ReleaseDateKind, { description: "Which date it sets." })
  kind: ReleaseDateKind;

  @Field(() => DateScalar, { description: "The date that holds instead of the rule's." })
  date: string;

  @Field({ description: "Why (for example the court's ruling, or a life sentence)." })
  reason: string;

  @Field(() => DateTimeScalar, { description: "When it was recorded." })
  recordedAt: Date;

  static from(r: ReleaseDateOverrideRecord): ReleaseDateOverrideType {
    return Object.assign(new ReleaseDateOverrideType(), {
      id: toGlobalId("ReleaseDateOverride", r.id),
      agencyUuid: r.agencyId,
      kind: r.kind,
      date: r.date,
      reason: r.reason,
      recordedAt: r.createdAt,
    });
  }
}

@ObjectType("ReleasePlan", { description: "The preparation of a release (RELEASE data)." })
export class ReleasePlanType {
  agencyUuid: string;

  @Field(() => String, { nullable: true, description: "Municipality where the person intends to live." })
  intendedMunicipality: string | null;

  @Field(() => JudicialDistrict, { nullable: true, description: "Its judicial district." })
  intendedJudicialDistrict: JudicialDistrict | null;

  @Field(() => DateScalar, { nullable: true, description: "When the Local Task Force was informed." })
  localTaskForceInformedOn: string | null;

  @Field(() => String, { nullable: true, description: "Free note on the preparation." })
  note: string | null;

  @Field(() => Int, { description: "Pass it back to change the plan (optimistic locking)." })
  version: number;

  static from(r: ReleasePlanRecord): ReleasePlanType {
    return Object.assign(new ReleasePlanType(), {
      agencyUuid: r.agencyId,
      intendedMunicipality: r.intendedMunicipality,
      intendedJudicialDistrict: r.intendedJudicialDistrict as JudicialDistrict | null,
      localTaskForceInformedOn: r.localTaskForceInformedOn,
      note: r.note,
      version: r.version,
    });
  }
}

@ObjectType("ConditionType", { implements: Node, description: "A kind of release condition." })
export class ConditionTypeType extends Node {
  @Field({ description: "Stable code, e.g. NO_CONTACT." })
  code: string;

  @Field({ description: "Name in English." })
  nameEn: string;

  @Field({ description: "Name in French." })
  nameFr: string;

  @Field({ description: "Name in Dutch." })
  nameNl: string;

  @Field({ description: "Whether a condition of this type needs details (named persons, place, rhythm)." })
  requiresDetails: boolean;

  @Field({ description: "Whether local actors must know it: it appears on the information card." })
  shownOnInformationCard: boolean;

  static from(r: ConditionTypeRecord): ConditionTypeType {
    return Object.assign(new ConditionTypeType(), {
      id: toGlobalId("ConditionType", r.id),
      code: r.code,
      nameEn: r.nameEn,
      nameFr: r.nameFr,
      nameNl: r.nameNl,
      requiresDetails: r.requiresDetails,
      shownOnInformationCard: r.shownOnInformationCard,
    });
  }
}

@ObjectType("ReleaseCondition", {
  implements: Node,
  description:
    "A release condition: proposed in prison, imposed at or after release, then ended (RELEASE data).",
})
export class ReleaseConditionType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  typeUuid: string;
  supervisingAgencyUuid: string;

  @Field(() => String, { nullable: true, description: "Named persons, place or reporting rhythm." })
  @Guarded("RELEASE")
  details: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was proposed in prison." })
  @Guarded("RELEASE")
  proposedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day in force; null while proposed." })
  @Guarded("RELEASE")
  imposedOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Planned end (exclusive); null: until the end of the probation period.",
  })
  @Guarded("RELEASE")
  endsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was lifted early (exclusive end)." })
  @Guarded("RELEASE")
  liftedOn: string | null;

  @Field(() => String, { nullable: true, description: "Why it was lifted." })
  @Guarded("RELEASE")
  liftReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the proposal was withdrawn." })
  @Guarded("RELEASE")
  withdrawnOn: string | null;

  @Field(() => DateScalar, { description: "The date the status is given for." })
  asOf: string;

  @Field(() => ConditionStatus, { description: "Where the condition stands on `asOf`." })
  @Guarded("RELEASE")
  status: ConditionStatus;

  @Field(() => Int, { description: "Pass it back to change the condition (optimistic locking)." })
  version: number;

  static from(r: ConditionRecord, access: PersonAccess, on: string): ReleaseConditionType {
    return Object.assign(new ReleaseConditionType(), {
      id: toGlobalId("ReleaseCondition", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      typeUuid: r.typeId,
      supervisingAgencyUuid: r.supervisingAgencyId,
      details: r.details,
      proposedOn: r.proposedOn,
      imposedOn: r.imposedOn,
      endsOn: r.endsOn,
      liftedOn: r.liftedOn,
      liftReason: r.liftReason,
      withdrawnOn: r.withdrawnOn,
      asOf: on,
      status: conditionStatusOn(r, on),
      version: r.version,
    });
  }
}

@ObjectType("ConditionBreach", {
  implements: Node,
  description: "A breach of a release condition (RELEASE data).",
})
export class ConditionBreachType extends Node {
  agencyUuid: string;

  @Field(() => DateScalar, { description: "The day of the breach." })
  occurredOn: string;

  @Field({ description: "What happened." })
  description: string;

  @Field(() => String, { nullable: true, description: "The response (warning, report to the court, …)." })
  response: string | null;

  static from(r: BreachRecord): ConditionBreachType {
    return Object.assign(new ConditionBreachType(), {
      id: toGlobalId("ConditionBreach", r.id),
      agencyUuid: r.agencyId,
      occurredOn: r.occurredOn,
      description: r.description,
      response: r.response,
    });
  }
}

@ObjectType("Residence", { description: "Where a released person lives, from a date (RELEASE data)." })
export class ResidenceType {
  @Field({ description: "The municipality." })
  municipality: string;

  @Field(() => JudicialDistrict, { description: "Its judicial district." })
  judicialDistrict: JudicialDistrict;

  @Field(() => DateScalar, { description: "First day there." })
  validFrom: string;

  @Field({ description: "Why it was recorded (the release, a move)." })
  reason: string;

  static from(r: ResidenceRecord): ResidenceType {
    return Object.assign(new ResidenceType(), {
      municipality: r.municipality,
      judicialDistrict: r.judicialDistrict,
      validFrom: r.validFrom,
      reason: r.reason,
    });
  }
}

@ObjectType("CaseResponsibility", {
  description: "A local body responsible for a released person over [validFrom, validTo).",
})
export class CaseResponsibilityType {
  agencyUuid: string;

  @Field(() => ResponsibilityKind, { description: "Security (LTF) or socio-preventive (LCIS)." })
  kind: ResponsibilityKind;

  @Field(() => DateScalar, { description: "First day." })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Exclusive end; null while it lasts." })
  validTo: string | null;

  @Field({ description: "Why it began (the release, a hand-over and its reason)." })
  reason: string;

  static from(r: ResponsibilityRecord): CaseResponsibilityType {
    return Object.assign(new CaseResponsibilityType(), {
      agencyUuid: r.agencyId,
      kind: r.kind,
      validFrom: r.validFrom,
      validTo: r.validTo,
      reason: r.reason,
    });
  }
}

@ObjectType("ReleaseCalendarEntry", {
  description: "A detained person reaching conditional-release eligibility or the end of the sentence.",
})
export class ReleaseCalendarEntryType implements CaseObject {
  personUuid: string;
  access: PersonAccess;
  episodeUuid: string;
  establishmentUuid: string | null;

  @Field(() => ReleaseDateKind, { description: "Which date is reached." })
  kind: ReleaseDateKind;

  @Field(() => DateScalar, { description: "The date (the latest override, else the rule's)." })
  date: string;

  @Field(() => String, { nullable: true, description: "Municipality of intended residence (release plan)." })
  intendedMunicipality: string | null;

  @Field(() => JudicialDistrict, { nullable: true, description: "Its judicial district." })
  intendedJudicialDistrict: JudicialDistrict | null;

  @Field(() => LegacyCategory, { nullable: true, description: "Current CelEx category; null if not listed." })
  category: LegacyCategory | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "A risk assessment exists and is not due for renewal before the date (CLINICAL summary).",
  })
  @Guarded("CLINICAL", "SUMMARY")
  riskAssessmentUpToDate: boolean;

  @Field(() => ProgrammeStatus, {
    nullable: true,
    description: "Status of the latest disengagement participation, if any (PROGRAMME summary).",
  })
  @Guarded("PROGRAMME", "SUMMARY")
  programmeStatus: ProgrammeStatus | null;

  @Field(() => Int, { description: "Conditions proposed and not withdrawn." })
  conditionsProposed: number;

  @Field(() => DateScalar, { nullable: true, description: "When the Local Task Force was informed." })
  localTaskForceInformedOn: string | null;
}

@ObjectType("ReleaseCalendarEdge", { description: "One calendar entry in a page, with its cursor." })
export class ReleaseCalendarEdge {
  @Field({ description: "Opaque cursor of this entry." })
  cursor: string;

  @Field(() => ReleaseCalendarEntryType, { description: "The entry." })
  node: ReleaseCalendarEntryType;
}

@ObjectType("ReleaseDateKindCount", { description: "How many entries of one kind the calendar holds." })
export class ReleaseDateKindCountType {
  @Field(() => ReleaseDateKind, { description: "The kind of date." })
  kind: ReleaseDateKind;

  @Field(() => Int, { description: "Entries of this kind in all pages." })
  count: number;
}

@ObjectType("ReleaseCalendar", { description: "The release calendar: entries by date, in pages." })
export class ReleaseCalendarType {
  counter: () => Promise<ReleaseDateKindCountType[]>;

  @Field(() => [ReleaseCalendarEdge], { description: "The entries of this page, by date." })
  edges: ReleaseCalendarEdge[];

  @Field(() => PageInfo, { description: "Where this page sits in the calendar." })
  pageInfo: PageInfo;

  @Field(() => Int, { description: "Entries in all pages (only persons you may see)." })
  async totalCount(): Promise<number> {
    return (await this.counter()).reduce((sum, c) => sum + c.count, 0);
  }

  @Field(() => [ReleaseDateKindCountType], { description: "Entries in all pages, per kind of date." })
  countsByKind(): Promise<ReleaseDateKindCountType[]> {
    return this.counter();
  }
}
