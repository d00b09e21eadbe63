import {
  ActionItemStatus,
  ClosureReason,
  CommonDatabaseCategory,
  commonDatabaseReviewDueOn,
  EntryBasis,
  type IsoDate,
  isActionOverdue,
  isMeetingHeld,
  LocalBodyKind,
  MeetingKind,
  OutcomeKind,
  type PersonAccess,
  ResponsibilityKind,
} from "@continuum/domain";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import type { CaseObject } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import type {
  ActionItemRecord,
  ClosureRecord,
  CommonDatabaseEntryRecord,
  DiscussionRecord,
  FollowUpMeasureRecord,
  FollowUpMeasureTypeRecord,
  MeetingRecord,
  OutcomeRecord,
} from "./follow-up.repository.js";

@ObjectType("LocalBody", {
  description:
    "Your own Local Task Force or Local Cell for Integral Security: its persons, meetings and actions.",
})
export class LocalBodyType {
  agencyUuid: string;

  @Field(() => LocalBodyKind, { description: "Which kind of local body." })
  kind: LocalBodyKind;
}

@ObjectType("LocalBodyPerson", {
  description: "A person the body is responsible for (an open responsibility), and since when.",
})
export class LocalBodyPersonType {
  personUuid: string;

  @Field(() => ResponsibilityKind, { description: "What the body is responsible for." })
  kind: ResponsibilityKind;

  @Field(() => DateScalar, { description: "Since when." })
  since: string;
}

@ObjectType("LocalMeeting", {
  implements: Node,
  description:
    "A meeting of a Local Task Force or a Local Cell, planned or held; only the holding body sees it. The " +
    "portal prints its minutes from these fields.",
})
export class LocalMeetingType extends Node {
  uuid: string;
  agencyUuid: string;

  @Field(() => MeetingKind, { description: "Strategic or operational." })
  kind: MeetingKind;

  @Field(() => DateScalar, { description: "The day it is held (planned when in the future)." })
  heldOn: string;

  @Field({ description: "Whether it has been held (its day has come): only then are decisions recorded." })
  held: boolean;

  @Field(() => [String], { description: "Who attended (empty while planned)." })
  membersPresent: string[];

  @Field(() => String, { nullable: true, description: "Summary of the talks." })
  summary: string | null;

  static from(r: MeetingRecord, today: IsoDate): LocalMeetingType {
    return Object.assign(new LocalMeetingType(), {
      id: toGlobalId("LocalMeeting", r.id),
      uuid: r.id,
      agencyUuid: r.agencyId,
      kind: r.kind,
      heldOn: r.heldOn,
      held: isMeetingHeld(r.heldOn, today),
      membersPresent: r.membersPresent,
      summary: r.summary,
    });
  }
}

@ObjectType("MeetingDiscussion", {
  description:
    "A person on an operational meeting's agenda and what was decided. A Local Task Force's decisions are " +
    "FOLLOW_UP data of the person; a Local Cell's stay with the cell.",
})
export class MeetingDiscussionType {
  uuid: string;
  meetingUuid: string;
  personUuid: string;

  @Field(() => ID, { description: "Opaque ID of the agenda item." })
  id: string;

  @Field(() => String, { nullable: true, description: "What was decided; null until the meeting decides." })
  decision: string | null;

  static from(r: DiscussionRecord): MeetingDiscussionType {
    return Object.assign(new MeetingDiscussionType(), {
      id: toGlobalId("MeetingDiscussion", r.id),
      uuid: r.id,
      meetingUuid: r.meetingId,
      personUuid: r.personId,
      decision: r.decision,
    });
  }
}

@ObjectType("ActionItem", {
  implements: Node,
  description: "An action decided at a meeting, with its owner and deadline; the holding body's own.",
})
export class ActionItemType extends Node {
  uuid: string;
  meetingUuid: string;
  personUuid: string | null;
  ownerUuid: string;

  @Field({ description: "What is to be done." })
  description: string;

  @Field(() => DateScalar, { description: "The deadline." })
  dueOn: string;

  @Field(() => ActionItemStatus, { description: "Open, done or cancelled." })
  status: ActionItemStatus;

  @Field({ description: "Open and past its deadline." })
  overdue: boolean;

  @Field(() => DateScalar, { nullable: true, description: "When it was closed." })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: "Note given when it was closed." })
  closingNote: string | null;

  @Field(() => Int, { description: "Version for optimistic locking (give it to actionItemClose)." })
  version: number;

  static from(r: ActionItemRecord, today: IsoDate): ActionItemType {
    return Object.assign(new ActionItemType(), {
      id: toGlobalId("ActionItem", r.id),
      uuid: r.id,
      meetingUuid: r.meetingId,
      personUuid: r.personId,
      ownerUuid: r.ownerId,
      description: r.description,
      dueOn: r.dueOn,
      status: r.status,
      overdue: isActionOverdue(r, today),
      closedOn: r.closedOn,
      closingNote: r.closingNote,
      version: r.version,
    });
  }
}

@ObjectType("FollowUpMeasureType", {
  implements: Node,
  description: "A kind of follow-up measure a local body may start (reference data).",
})
export class FollowUpMeasureTypeType extends Node {
  @Field({ description: "Stable code, e.g. POLICE_VISITS." })
  code: string;

  @Field(() => LocalBodyKind, { description: "The kind of body whose decisions start it." })
  body: LocalBodyKind;

  @Field({ description: "Name in English." })
  nameEn: string;

  @Field({ description: "Name in French." })
  nameFr: string;

  @Field({ description: "Name in Dutch." })
  nameNl: string;

  @Field({ description: "Whether local actors must know it: shown on the information card." })
  shownOnInformationCard: boolean;

  static from(r: FollowUpMeasureTypeRecord): FollowUpMeasureTypeType {
    return Object.assign(new FollowUpMeasureTypeType(), {
      id: toGlobalId("FollowUpMeasureType", r.id),
      code: r.code,
      body: r.body,
      nameEn: r.nameEn,
      nameFr: r.nameFr,
      nameNl: r.nameNl,
      shownOnInformationCard: r.shownOnInformationCard,
    });
  }
}

@ObjectType("FollowUpMeasure", {
  description:
    "A follow-up measure after release, started and stopped by a local body's decisions (FOLLOW_UP).",
})
export class FollowUpMeasureType implements CaseObject {
  uuid: string;
  personUuid: string;
  access: PersonAccess;
  typeUuid: string;
  agencyUuid: string;
  startedByUuid: string;
  endedByUuid: string | null;

  @Field(() => ID, { description: "Opaque ID; give it to meetingDecisionRecord's stopMeasureIds." })
  id: string;

  @Field(() => DateScalar, { description: "From." })
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Until (exclusive); null while it runs." })
  endedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Why it ended without a decision: the case was handed over to other local bodies, or closed. Null when a decision ended it, or while it runs.",
  })
  endReason: string | null;

  static from(r: FollowUpMeasureRecord, access: PersonAccess): FollowUpMeasureType {
    return Object.assign(new FollowUpMeasureType(), {
      id: toGlobalId("FollowUpMeasure", r.id),
      uuid: r.id,
      personUuid: r.personId,
      access,
      typeUuid: r.typeId,
      agencyUuid: r.agencyId,
      startedByUuid: r.startedBy,
      endedByUuid: r.endedBy,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      endReason: r.endReason,
    });
  }
}

@ObjectType("CommonDatabaseEntry", {
  description: "A period of a person's entry in the threat-analysis body's common database (FOLLOW_UP).",
})
export class CommonDatabaseEntryType implements CaseObject {
  personUuid: string;
  access: PersonAccess;
  agencyUuid: string;

  @Field(() => ID, { description: "Opaque ID." })
  id: string;

  @Field(() => CommonDatabaseCategory, { description: "The category." })
  category: CommonDatabaseCategory;

  @Field(() => Int, { description: "Threat level, 1 (low) to 4 (very serious)." })
  threatLevel: number;

  @Field(() => EntryBasis, { description: "On what the entry rests." })
  basis: EntryBasis;

  @Field(() => DateScalar, { description: "From." })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Until (exclusive); null while open." })
  validTo: string | null;

  @Field(() => DateScalar, { description: "When new information last confirmed it." })
  lastInformationOn: string;

  @Field(() => DateScalar, {
    description:
      "When it must be reviewed: 6 months after the last information on serious indications, else 3 years.",
  })
  reviewDueOn: string;

  @Field(() => String, { nullable: true, description: "Why it ended (superseded or removed)." })
  endReason: string | null;

  @Field(() => Int, { description: "Version for optimistic locking." })
  version: number;

  static from(r: CommonDatabaseEntryRecord, access: PersonAccess): CommonDatabaseEntryType {
    return Object.assign(new CommonDatabaseEntryType(), {
      id: toGlobalId("CommonDatabaseEntry", r.id),
      personUuid: r.personId,
      access,
      agencyUuid: r.agencyId,
      category: r.category,
      threatLevel: r.threatLevel,
      basis: r.basis,
      validFrom: r.validFrom,
      validTo: r.validTo,
      lastInformationOn: r.lastInformationOn,
      reviewDueOn: commonDatabaseReviewDueOn(r),
      endReason: r.endReason,
      version: r.version,
    });
  }
}

@ObjectType("CommonDatabase", {
  description: "A person in the common database: the open entry and its history.",
})
export class CommonDatabaseType {
  @Field(() => CommonDatabaseEntryType, {
    nullable: true,
    description: "The open entry; null when not in it.",
  })
  current: CommonDatabaseEntryType | null;

  @Field(() => [CommonDatabaseEntryType], { description: "Every entry, newest first." })
  history: CommonDatabaseEntryType[];
}

@ObjectType("CaseOutcome", { description: "What happened to a person after release (FOLLOW_UP)." })
export class CaseOutcomeType {
  agencyUuid: string;

  @Field(() => ID, { description: "Opaque ID." })
  id: string;

  @Field(() => OutcomeKind, { description: "What happened." })
  kind: OutcomeKind;

  @Field(() => DateScalar, { description: "When." })
  occurredOn: string;

  @Field(() => String, { nullable: true, description: "Note." })
  note: string | null;

  static from(r: OutcomeRecord): CaseOutcomeType {
    return Object.assign(new CaseOutcomeType(), {
      id: toGlobalId("CaseOutcome", r.id),
      agencyUuid: r.agencyId,
      kind: r.kind,
      occurredOn: r.occurredOn,
      note: r.note,
    });
  }
}

@ObjectType("CaseClosure", {
  description: "The closure of a case (FOLLOW_UP); a later admission reopens it.",
})
export class CaseClosureType {
  agencyUuid: string;

  @Field(() => ID, { description: "Opaque ID." })
  id: string;

  @Field(() => DateScalar, { description: "When the case was closed." })
  closedOn: string;

  @Field(() => ClosureReason, { description: "Why." })
  reason: ClosureReason;

  @Field(() => String, { nullable: true, description: "Note." })
  note: string | null;

  @Field({ description: "Whether it still closes the case (false once a later admission reopened it)." })
  inForce: boolean;

  static from(r: ClosureRecord, inForce: boolean): CaseClosureType {
    return Object.assign(new CaseClosureType(), {
      id: toGlobalId("CaseClosure", r.id),
      agencyUuid: r.agencyId,
      closedOn: r.closedOn,
      reason: r.reason,
      note: r.note,
      inForce,
    });
  }
}
