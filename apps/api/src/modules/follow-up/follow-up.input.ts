import {
  ActionItemStatus,
  ClosureReason,
  CommonDatabaseCategory,
  EntryBasis,
  LocalBodyKind,
  MeetingKind,
  OutcomeKind,
} from "@continuum/domain";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import {
  ActionItemType,
  CaseClosureType,
  CaseOutcomeType,
  CommonDatabaseEntryType,
  FollowUpMeasureTypeType,
  LocalMeetingType,
  MeetingDiscussionType,
} from "./follow-up.type.js";

const USER_ERRORS =
  "Problems with the input; empty when the change was made. When not empty, nothing was written.";

@InputType({ description: "An action decided at a meeting." })
export class ActionItemInput {
  @Field({ description: "What is to be done (required)." })
  description: string;

  @Field(() => ID, { description: "Who does it: an active user of your body's agency." })
  ownerId: string;

  @Field(() => DateScalar, { description: "The deadline; not before the meeting." })
  dueOn: string;
}

@InputType({ description: "A meeting of your local body, planned or held." })
export class LocalMeetingRecordInput {
  @Field(() => MeetingKind, { description: "Strategic (no named person) or operational." })
  kind: MeetingKind;

  @Field(() => DateScalar, { description: "The day; in the future for a planned meeting." })
  heldOn: string;

  @Field(() => [String], { description: "Who attended; may be empty only while the meeting is planned." })
  membersPresent: string[];

  @Field(() => String, { nullable: true, description: "Summary of the talks." })
  summary: string | null;

  @Field(() => [ID], {
    defaultValue: [],
    description: "Persons on the agenda of an operational meeting (persons your body sees).",
  })
  agenda: string[];

  @Field(() => [ActionItemInput], {
    defaultValue: [],
    description: "Actions decided at the meeting that concern no single person.",
  })
  actions: ActionItemInput[];
}

@InputType({ description: "A person added to a planned meeting's agenda." })
export class LocalMeetingAgendaAddInput {
  @Field(() => ID, { description: "The planned operational meeting." })
  meetingId: string;

  @Field(() => ID, { description: "The person (one your body sees)." })
  personId: string;
}

@InputType({ description: "A follow-up measure a decision starts." })
export class FollowUpMeasureStartInput {
  @Field({ description: "Code of a follow-up measure type of your kind of body." })
  measureType: string;

  @Field(() => DateScalar, { description: "From; not before the meeting." })
  startsOn: string;
}

@InputType({ description: "What a held operational meeting decided about one person." })
export class MeetingDecisionRecordInput {
  @Field(() => ID, { description: "The meeting (held, operational, your body's)." })
  meetingId: string;

  @Field(() => ID, { description: "The person; added to the agenda when not yet on it." })
  personId: string;

  @Field({ description: "What was decided (required)." })
  decision: string;

  @Field(() => [FollowUpMeasureStartInput], { defaultValue: [], description: "Measures to start." })
  startMeasures: FollowUpMeasureStartInput[];

  @Field(() => [ID], {
    defaultValue: [],
    description: "Open follow-up measures of your body for this person to stop on the meeting's day.",
  })
  stopMeasureIds: string[];

  @Field(() => [ActionItemInput], { defaultValue: [], description: "Actions about this person." })
  actions: ActionItemInput[];
}

@InputType({ description: "Closes an open action item." })
export class ActionItemCloseInput {
  @Field(() => ID, { description: "The action item." })
  actionItemId: string;

  @Field(() => ActionItemStatus, { description: "DONE or CANCELLED." })
  status: ActionItemStatus;

  @Field(() => String, { nullable: true, description: "Note." })
  note: string | null;

  @Field(() => Int, { description: "The version you read (optimistic locking)." })
  version: number;
}

@InputType({ description: "A follow-up measure type, added or changed by its code." })
export class FollowUpMeasureTypeDefineInput {
  @Field({ description: "Stable code in capitals, e.g. POLICE_VISITS." })
  code: string;

  @Field(() => LocalBodyKind, { description: "The kind of body whose decisions start it." })
  body: LocalBodyKind;

  @Field({ description: "Name in English." })
  nameEn: string;

  @Field({ description: "Name in French." })
  nameFr: string;

  @Field({ description: "Name in Dutch." })
  nameNl: string;

  @Field({ description: "Whether local actors must know it (shown on the information card)." })
  shownOnInformationCard: boolean;
}

@InputType({ description: "Puts a person in the common database, or supersedes the open entry." })
export class CommonDatabaseEntryRecordInput {
  @Field(() => ID, { description: "The person." })
  personId: string;

  @Field(() => CommonDatabaseCategory, { description: "The category." })
  category: CommonDatabaseCategory;

  @Field(() => Int, { description: "Threat level, 1 to 4." })
  threatLevel: number;

  @Field(() => EntryBasis, { description: "On what the entry rests." })
  basis: EntryBasis;

  @Field(() => DateScalar, { description: "From; not in the future, after the open entry's start." })
  from: string;
}

@InputType({ description: "New information confirms an open entry: its review clock restarts." })
export class CommonDatabaseEntryConfirmInput {
  @Field(() => ID, { description: "The open entry." })
  entryId: string;

  @Field(() => DateScalar, { description: "The day of the new information; not in the future." })
  informationOn: string;

  @Field(() => Int, { description: "The version you read (optimistic locking)." })
  version: number;
}

@InputType({ description: "Removes a person from the common database." })
export class CommonDatabaseEntryEndInput {
  @Field(() => ID, { description: "The open entry." })
  entryId: string;

  @Field(() => DateScalar, { description: "The day of removal; after the entry's start, not in the future." })
  on: string;

  @Field({ description: "Why (required)." })
  reason: string;

  @Field(() => Int, { description: "The version you read (optimistic locking)." })
  version: number;
}

@InputType({ description: "What happened to a person after release." })
export class OutcomeRecordInput {
  @Field(() => ID, { description: "The person (released at least once)." })
  personId: string;

  @Field(() => OutcomeKind, { description: "What happened." })
  kind: OutcomeKind;

  @Field(() => DateScalar, { description: "When; after a release, not in the future." })
  occurredOn: string;

  @Field(() => String, { nullable: true, description: "Note." })
  note: string | null;
}

@InputType({ description: "Closes the case of a released person." })
export class CaseCloseInput {
  @Field(() => ID, { description: "The person (released, case open)." })
  personId: string;

  @Field(() => DateScalar, { description: "When; not before the last release, not in the future." })
  closedOn: string;

  @Field(() => ClosureReason, { description: "Why." })
  reason: ClosureReason;

  @Field(() => String, { nullable: true, description: "Note; required for OTHER." })
  note: string | null;
}

@ObjectType({ description: "Result of a change to a meeting." })
export class LocalMeetingPayload {
  @Field(() => LocalMeetingType, { nullable: true, description: "The meeting; null when refused." })
  meeting: LocalMeetingType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of meetingDecisionRecord." })
export class MeetingDecisionPayload {
  @Field(() => MeetingDiscussionType, {
    nullable: true,
    description: "The decided agenda item; null when refused.",
  })
  discussion: MeetingDiscussionType | null;

  @Field(() => LocalMeetingType, { nullable: true, description: "The meeting." })
  meeting: LocalMeetingType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of actionItemClose." })
export class ActionItemPayload {
  @Field(() => ActionItemType, { nullable: true, description: "The action item; null when refused." })
  actionItem: ActionItemType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of followUpMeasureTypeDefine." })
export class FollowUpMeasureTypePayload {
  @Field(() => FollowUpMeasureTypeType, { nullable: true, description: "The type; null when refused." })
  measureType: FollowUpMeasureTypeType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of a change to the common database." })
export class CommonDatabaseEntryPayload {
  @Field(() => CommonDatabaseEntryType, { nullable: true, description: "The entry; null when refused." })
  entry: CommonDatabaseEntryType | null;

  @Field(() => PersonType, { nullable: true, description: "The person." })
  person: PersonType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of outcomeRecord." })
export class OutcomeRecordPayload {
  @Field(() => CaseOutcomeType, { nullable: true, description: "The outcome; null when refused." })
  outcome: CaseOutcomeType | null;

  @Field(() => PersonType, { nullable: true, description: "The person." })
  person: PersonType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of caseClose." })
export class CaseClosePayload {
  @Field(() => CaseClosureType, {
    nullable: true,
    description: "The closure; null when refused, or when the closed case is no longer yours to read.",
  })
  closure: CaseClosureType | null;

  @Field(() => PersonType, { nullable: true, description: "The person, if you still see the closed case." })
  person: PersonType | null;

  @Field(() => [UserError], { description: USER_ERRORS })
  userErrors: UserError[];
}
