import { JudicialDistrict, LegalStatus, type PersonAccess, Recidivism, ReleaseType } from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import { type CaseObject, Guarded } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import type { EpisodeRecord, PlacementRecord } from "./detention.repository.js";

@ObjectType("DetentionEpisode", {
  implements: Node,
  description: "A stay in prison, from admission to release.",
})
export class DetentionEpisodeType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;

  @Field(() => DateScalar, { description: "Date of admission." })
  admittedOn: string;

  @Field(() => LegalStatus, { description: "Legal ground of the detention." })
  legalStatus: LegalStatus;

  @Field(() => Int, { nullable: true, description: "Length of the sentence in months, when sentenced." })
  sentenceMonths: number | null;

  @Field(() => Recidivism, { description: "Whether the person was admitted in legal recidivism." })
  recidivism: Recidivism;

  @Field(() => DateScalar, {
    nullable: true,
    description: "First date of eligibility for conditional release: the latest override, else the rule's.",
  })
  conditionalReleaseEligibleOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Date the sentence ends, when sentenced: the latest override, else the rule's.",
  })
  endOfSentenceOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Null while the person is detained." })
  @Guarded("RELEASE")
  releasedOn: string | null;

  @Field(() => ReleaseType, { nullable: true, description: "How the episode ended; null while detained." })
  @Guarded("RELEASE")
  releaseType: ReleaseType | null;

  @Field(() => String, { nullable: true, description: "Municipality of intended residence after release." })
  @Guarded("RELEASE")
  releaseMunicipality: string | null;

  @Field(() => JudicialDistrict, { nullable: true, description: "Judicial district of intended residence." })
  @Guarded("RELEASE")
  releaseJudicialDistrict: JudicialDistrict | null;

  static from(r: EpisodeRecord, access: PersonAccess): DetentionEpisodeType {
    return Object.assign(new DetentionEpisodeType(), {
      id: toGlobalId("DetentionEpisode", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      admittedOn: r.admittedOn,
      legalStatus: r.legalStatus,
      sentenceMonths: r.sentenceMonths,
      recidivism: r.recidivism,
      conditionalReleaseEligibleOn: r.conditionalReleaseEligibleOn,
      endOfSentenceOn: r.endOfSentenceOn,
      releasedOn: r.releasedOn,
      releaseType: r.releaseType,
      releaseMunicipality: r.releaseMunicipality,
      releaseJudicialDistrict: r.releaseJudicialDistrict,
    });
  }
}

@ObjectType("Placement", {
  implements: Node,
  description: "Where a person was held over [validFrom, validTo): an establishment and, where set, a unit.",
})
export class PlacementType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  episodeUuid: string;
  establishmentUuid: string;
  unitUuid: string | null;

  @Field(() => DateScalar, { description: "First day in this place." })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Exclusive end; null while the placement lasts." })
  validTo: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the person was placed here (admission, transfer reason).",
  })
  reason: string | null;

  static from(r: PlacementRecord, access: PersonAccess): PlacementType {
    return Object.assign(new PlacementType(), {
      id: toGlobalId("Placement", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      episodeUuid: r.episodeId,
      establishmentUuid: r.establishmentId,
      unitUuid: r.unitId,
      validFrom: r.validFrom,
      validTo: r.validTo,
      reason: r.reason,
    });
  }
}
