import { DetentionStatus, LegacyCategory } from "@continuum/domain";
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from "type-graphql";

export enum PersonSortField {
  NAME = "NAME",
  CATEGORY = "CATEGORY",
  ESTABLISHMENT = "ESTABLISHMENT",
  NEXT_SCREENING_DUE = "NEXT_SCREENING_DUE",
  ADMITTED_ON = "ADMITTED_ON",
  NEXT_ASSESSMENT_DUE = "NEXT_ASSESSMENT_DUE",
}
registerEnumType(PersonSortField, {
  name: "PersonSortField",
  description: "What the persons list is sorted by; ties are broken by name, then ID.",
  valuesConfig: {
    NAME: { description: "Family name, then given names." },
    CATEGORY: { description: "Current CelEx category; unlisted persons last." },
    ESTABLISHMENT: {
      description: "Current establishment's name in your language; persons not detained last.",
    },
    NEXT_SCREENING_DUE: { description: "Next screening due date; persons with none due last." },
    ADMITTED_ON: { description: "Admission date of the current detention episode." },
    NEXT_ASSESSMENT_DUE: {
      description: "Next risk assessment due date (CLINICAL summary); persons with none due last.",
    },
  },
});

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, { name: "SortDirection", description: "Ascending or descending." });

export const SEARCH_MAX_LENGTH = 100;
export const DUE_WITHIN_MAX_DAYS = 366;

@InputType({ description: "Narrows the persons list. All given conditions must hold." })
export class PersonFilterInput {
  @Field(() => String, {
    nullable: true,
    description: `Part of a name or alias, accents and case ignored (at most ${SEARCH_MAX_LENGTH} characters).`,
  })
  search?: string | null;

  @Field(() => [LegacyCategory], { nullable: true, description: "Current category is one of these." })
  categories?: LegacyCategory[] | null;

  @Field(() => [ID], { nullable: true, description: "Currently placed in one of these establishments." })
  establishmentIds?: string[] | null;

  @Field(() => [DetentionStatus], {
    nullable: true,
    description: "Current detention status is one of these.",
  })
  detentionStatuses?: DetentionStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only listed persons; false: only unlisted ones.",
  })
  listed?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only persons whose screening is overdue today.",
  })
  screeningOverdue?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: `Only persons whose screening is due within this many days from today, overdue ones included (0 to ${DUE_WITHIN_MAX_DAYS}): the screening queue.`,
  })
  screeningDueWithinDays?: number | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Only persons whose screenings one of these CelEx users is responsible for.",
  })
  screeningResponsibleIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True: only persons nobody is responsible for screening; false: only assigned ones.",
  })
  screeningUnassigned?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: `Only persons whose risk assessment is due within this many days from today, overdue ones included (0 to ${DUE_WITHIN_MAX_DAYS}): the psychosocial service's queue.`,
  })
  assessmentDueWithinDays?: number | null;
}

@InputType({ description: "Sort order of the persons list." })
export class PersonOrderInput {
  @Field(() => PersonSortField, { description: "What to sort by." })
  field: PersonSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "ASC (default) or DESC." })
  direction: SortDirection;
}

@ArgsType()
export class PersonsArgs {
  @Field(() => Int, { description: "Page size, 1 to 100." })
  first: number;

  @Field(() => String, {
    nullable: true,
    description: "Cursor after which the page starts (pageInfo.endCursor).",
  })
  after?: string | null;

  @Field(() => PersonFilterInput, { nullable: true, description: "Conditions the persons must meet." })
  filter?: PersonFilterInput | null;

  @Field(() => PersonOrderInput, { nullable: true, description: "Defaults to NAME ascending." })
  orderBy?: PersonOrderInput | null;
}
