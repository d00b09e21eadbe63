import { Field, ObjectType, registerEnumType } from "type-graphql";
import { connectionOf } from "../../graphql/connection.js";
import { DateScalar } from "../../graphql/scalars.js";
import { UserError } from "../../graphql/user-error.js";
import { DetentionEpisodeType, PlacementType } from "../detention/detention.type.js";
import { ListingPeriodType, ScreeningType } from "../screening/screening.type.js";
import { PersonType } from "./person.type.js";

export const PersonConnection = connectionOf(PersonType, "Person", "A page of persons you may see.");

@ObjectType({ description: "Result of personRegister." })
export class PersonRegisterPayload {
  @Field(() => PersonType, { nullable: true, description: "The registered person; null when refused." })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

export enum TimelineEventKind {
  ADMISSION = "ADMISSION",
  TRANSFER = "TRANSFER",
  RELEASE = "RELEASE",
  SCREENING = "SCREENING",
  LISTED = "LISTED",
  CATEGORY_CHANGED = "CATEGORY_CHANGED",
  DELISTED = "DELISTED",
}
registerEnumType(TimelineEventKind, {
  name: "TimelineEventKind",
  description: "What happened in a case.",
  valuesConfig: {
    ADMISSION: { description: "Admitted to prison (a detention episode opened)." },
    TRANSFER: { description: "Moved to another establishment or unit." },
    RELEASE: { description: "Released (a detention episode ended)." },
    SCREENING: { description: "Screened by CelEx." },
    LISTED: { description: "Placed on the CelEx list." },
    CATEGORY_CHANGED: { description: "Category or labels changed while listed." },
    DELISTED: { description: "Removed from the CelEx list (not by release)." },
  },
});

@ObjectType("TimelineEvent", { description: "One event in a case's history, with the record it comes from." })
export class TimelineEventType {
  @Field(() => DateScalar, { description: "Date of the event." })
  occurredOn: string;

  @Field(() => TimelineEventKind, { description: "What happened." })
  kind: TimelineEventKind;

  @Field(() => DetentionEpisodeType, { nullable: true, description: "For ADMISSION and RELEASE." })
  episode: DetentionEpisodeType | null;

  @Field(() => PlacementType, { nullable: true, description: "For ADMISSION and TRANSFER." })
  placement: PlacementType | null;

  @Field(() => ScreeningType, { nullable: true, description: "For SCREENING." })
  screening: ScreeningType | null;

  @Field(() => ListingPeriodType, {
    nullable: true,
    description: "For LISTED and CATEGORY_CHANGED the new period; for DELISTED the period that ended.",
  })
  listingPeriod: ListingPeriodType | null;
}
