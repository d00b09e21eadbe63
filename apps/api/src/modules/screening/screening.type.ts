import {
  LegacyCategory,
  ListingLabel,
  type PersonAccess,
  ScreeningOutcome,
  ScreeningSource,
} from "@continuum/domain";
import { Field, ObjectType } from "type-graphql";
import { connectionOf } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import type { CaseObject } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar, DateTimeScalar } from "../../graphql/scalars.js";
import type { ListingPeriodRecord, ScreeningRecord } from "./screening.repository.js";

@ObjectType("Screening", {
  implements: Node,
  description:
    "A CelEx screening: is this inmate a CelEx inmate, in which category, and when is the next one due.",
})
export class ScreeningType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  agencyUuid: string;
  createdByUuid: string | null;

  @Field(() => DateScalar, { description: "Date of the screening." })
  screenedOn: string;

  @Field(() => ScreeningOutcome, { description: "What the screening decided." })
  outcome: ScreeningOutcome;

  @Field(() => LegacyCategory, {
    nullable: true,
    description: "The category decided (LISTED, CHANGED, MAINTAINED).",
  })
  category: LegacyCategory | null;

  @Field(() => [ListingLabel], { description: "The labels decided (the listing's labels for MAINTAINED)." })
  labels: ListingLabel[];

  @Field(() => [ScreeningSource], { description: "Sources consulted." })
  sources: ScreeningSource[];

  @Field({ description: "Short reasons for the outcome." })
  rationale: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The next screening date the screener scheduled, if any.",
  })
  nextDueOn: string | null;

  @Field(() => DateTimeScalar, { description: "When it was recorded." })
  recordedAt: Date;

  static from(r: ScreeningRecord, access: PersonAccess): ScreeningType {
    return Object.assign(new ScreeningType(), {
      id: toGlobalId("Screening", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      agencyUuid: r.agencyId,
      createdByUuid: r.createdBy,
      screenedOn: r.screenedOn,
      outcome: r.outcome,
      category: r.category,
      labels: r.labels,
      sources: r.sources,
      rationale: r.rationale,
      nextDueOn: r.nextDueOn,
      recordedAt: r.createdAt,
    });
  }
}

export const ScreeningConnection = connectionOf(
  ScreeningType,
  "Screening",
  "A page of screenings, newest first.",
);

@ObjectType("ListingPeriod", {
  implements: Node,
  description: "An interval during which a person was on the CelEx list with one category and set of labels.",
})
export class ListingPeriodType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  screeningUuid: string | null;

  @Field(() => LegacyCategory, { description: "Legacy category (A–E) during the period." })
  category: LegacyCategory;

  @Field(() => [ListingLabel], { description: "2020 labels during the period." })
  labels: ListingLabel[];

  @Field(() => DateScalar, { description: "First day of the period." })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Exclusive end; null while it holds." })
  validTo: string | null;

  static from(r: ListingPeriodRecord, access: PersonAccess): ListingPeriodType {
    return Object.assign(new ListingPeriodType(), {
      id: toGlobalId("ListingPeriod", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      screeningUuid: r.screeningId,
      category: r.category,
      labels: r.labels,
      validFrom: r.validFrom,
      validTo: r.validTo,
    });
  }
}

@ObjectType("Listing", { description: "A person's current CelEx listing." })
export class ListingType implements CaseObject {
  personUuid: string;
  access: PersonAccess;

  @Field(() => LegacyCategory, { description: "Current legacy category (A–E)." })
  category: LegacyCategory;

  @Field(() => [ListingLabel], { description: "Current 2020 labels." })
  labels: ListingLabel[];

  @Field(() => DateScalar, { description: "Since when this category and these labels hold." })
  since: string;
}
