import { DataClass, RetentionAction, RetentionStatus } from "@continuum/domain";
import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { connectionOf } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import { UserError } from "../../graphql/user-error.js";
import type { RetentionCase, RetentionItemRecord, RetentionRuleRecord } from "./retention.repository.js";

@ObjectType("RetentionRule", {
  description: "How long a data class is kept after a case is closed, and what happens then.",
})
export class RetentionRuleType {
  @Field(() => DataClass, { description: "The data class." })
  dataClass: DataClass;

  @Field(() => Int, { description: "Years after the closure of the case (0 to 100)." })
  yearsAfterClosure: number;

  @Field(() => RetentionAction, { description: "Deleted or anonymised once the period is over." })
  action: RetentionAction;

  static from(r: RetentionRuleRecord): RetentionRuleType {
    return Object.assign(new RetentionRuleType(), {
      dataClass: r.dataClass,
      yearsAfterClosure: r.yearsAfterClosure,
      action: r.action,
    });
  }
}

@ObjectType("RetentionItem", {
  implements: Node,
  description:
    "A data class of a closed case whose retention period is over, listed by the daily job for the " +
    "data-protection officer's approval.",
})
export class RetentionItemType extends Node {
  decidedByUuid: string | null;

  @Field(() => ID, { description: "The person concerned." })
  personId: string;

  @Field({ description: "The case reference (the officer does not otherwise read the case)." })
  personReference: string;

  @Field(() => DataClass, { description: "The data class." })
  dataClass: DataClass;

  @Field(() => RetentionAction, { description: "What is done with it." })
  action: RetentionAction;

  @Field(() => DateScalar, { description: "When the retention period ended." })
  dueOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "When the case was closed; null once it was reopened (the item is then no longer due).",
  })
  closedOn: string | null;

  @Field(() => DateScalar, { description: "When the daily job listed it." })
  listedOn: string;

  @Field(() => RetentionStatus, { description: "Waiting, postponed or carried out." })
  status: RetentionStatus;

  @Field(() => Date, { nullable: true, description: "When it was postponed or carried out." })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was postponed." })
  postponeReason: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "How many records the deletion or anonymisation touched.",
  })
  rowsAffected: number | null;

  static from(r: RetentionItemRecord, c: RetentionCase): RetentionItemType {
    return Object.assign(new RetentionItemType(), {
      id: toGlobalId("RetentionItem", r.id),
      decidedByUuid: r.decidedBy,
      personId: toGlobalId("Person", r.personId),
      personReference: c.reference,
      dataClass: r.dataClass,
      action: r.action,
      dueOn: r.dueOn,
      closedOn: c.closedOn,
      listedOn: r.listedOn,
      status: r.status,
      decidedAt: r.decidedAt,
      postponeReason: r.postponeReason,
      rowsAffected: r.rowsAffected,
    });
  }
}

export const RetentionItemConnection = connectionOf(
  RetentionItemType,
  "RetentionItem",
  "A page of retention items of one status, by due date.",
);

@InputType({ description: "A retention period and action for one data class." })
export class RetentionRuleSetInput {
  @Field(() => DataClass, { description: "The data class." })
  dataClass: DataClass;

  @Field(() => Int, { description: "Years after the closure of the case, 0 to 100." })
  yearsAfterClosure: number;

  @Field(() => RetentionAction, { description: "DELETE or ANONYMISE; the identity is only ever anonymised." })
  action: RetentionAction;
}

@ObjectType({ description: "Result of retentionRuleSet." })
export class RetentionRuleSetPayload {
  @Field(() => RetentionRuleType, {
    nullable: true,
    description: "The rule as it now stands; null when refused.",
  })
  rule: RetentionRuleType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of retentionSweep." })
export class RetentionSweepPayload {
  @Field(() => Int, { description: "How many items were newly listed." })
  listed: number;

  @Field(() => Int, {
    description: "How many waiting items were dropped as no longer due (a case reopened).",
  })
  dropped: number;

  @Field(() => [UserError], {
    description: "Problems; empty when the sweep ran. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@InputType({ description: "The approval of waiting or postponed retention items." })
export class RetentionCarryOutInput {
  @Field(() => [ID], { description: "The items to carry out (1 to 100)." })
  itemIds: string[];

  @Field({ description: "Why the deletion or anonymisation is approved (required; audited)." })
  justification: string;
}

@ObjectType({ description: "Result of retentionCarryOut." })
export class RetentionCarryOutPayload {
  @Field(() => [RetentionItemType], { description: "The items carried out; empty when refused." })
  items: RetentionItemType[];

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@InputType({ description: "The postponement of a waiting retention item." })
export class RetentionPostponeInput {
  @Field(() => ID, { description: "The waiting item." })
  itemId: string;

  @Field({ description: "Why it is postponed (for example a pending court case; required)." })
  reason: string;
}

@ObjectType({ description: "Result of retentionPostpone." })
export class RetentionPostponePayload {
  @Field(() => RetentionItemType, { nullable: true, description: "The item; null when refused." })
  item: RetentionItemType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType("PersonRecordExport", {
  description: "Everything held on one person, for an access request (data-protection officer).",
})
export class PersonRecordExportType {
  @Field(() => Date, { description: "When the export was made." })
  generatedAt: Date;

  @Field(() => GraphQLJSONObject, {
    description:
      "The document: `person` (ID and reference), `generatedAt`, and `sections`, each with its `dataClass`, " +
      "its `section` name and its `records` (field names in camelCase).",
  })
  document: Record<string, unknown>;
}
