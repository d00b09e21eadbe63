import { type PersonAccess, WatchlistStatus } from "@continuum/domain";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import type { CaseObject } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import type { WatchlistEntryRecord } from "./watchlist.repository.js";

@ObjectType("WatchlistEntry", {
  implements: Node,
  description:
    "An interval during which an inmate was on the intelligence service's broader list of radicalised or " +
    "vulnerable inmates (INTELLIGENCE data).",
})
export class WatchlistEntryType extends Node implements CaseObject {
  personUuid: string;
  access: PersonAccess;

  @Field(() => WatchlistStatus, { description: "The status on the list." })
  status: WatchlistStatus;

  @Field(() => DateScalar, { description: "First day." })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Exclusive end; null while it holds." })
  validTo: string | null;

  static from(r: WatchlistEntryRecord, access: PersonAccess): WatchlistEntryType {
    return Object.assign(new WatchlistEntryType(), {
      personUuid: r.personId,
      access,
      id: toGlobalId("WatchlistEntry", r.id),
      status: r.status,
      validFrom: r.validFrom,
      validTo: r.validTo,
    });
  }
}

@InputType({ description: "Puts an inmate on the intelligence list, or changes their status, from a date." })
export class WatchlistRecordInput {
  @Field(() => ID, { description: "The person (detained)." })
  personId: string;

  @Field(() => WatchlistStatus, { description: "The status from validFrom." })
  status: WatchlistStatus;

  @Field(() => DateScalar, { description: "From this day; not in the future, not before the admission." })
  validFrom: string;
}

@InputType({ description: "Takes a person off the intelligence list." })
export class WatchlistRemoveInput {
  @Field(() => ID, { description: "The person." })
  personId: string;

  @Field(() => DateScalar, { description: "First day off the list; not in the future." })
  validTo: string;
}

@ObjectType({ description: "Result of watchlistRecord and watchlistRemove." })
export class WatchlistPayload {
  @Field(() => PersonType, { nullable: true, description: "The person after the change." })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType("ListingComparison", {
  description:
    "The paper's Figure 2 on a date: inmates on the CelEx list next to inmates on the intelligence " +
    "service's broader list. Persons, each counted once per list; national totals over every case.",
})
export class ListingComparisonType {
  @Field(() => DateScalar, { description: "The day counted." })
  on: string;

  @Field(() => Int, { description: "Persons on the CelEx list that day." })
  celexListed: number;

  @Field(() => Int, { description: "Detained persons on the intelligence list that day." })
  watchlisted: number;

  @Field(() => Int, { description: "Persons on both lists that day." })
  onBothLists: number;

  @Field(() => Int, { description: "On the CelEx list only." })
  celexOnly: number;

  @Field(() => Int, { description: "On the intelligence list only." })
  watchlistOnly: number;
}
