import { ChangeOperation, DataClass } from "@continuum/domain";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { NODE_TYPES, type NodeTypeName, toGlobalId } from "../../graphql/global-id.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { ChangeEventRecord } from "./change.repository.js";

registerEnumType(ChangeOperation, {
  name: "ChangeOperation",
  description: "What happened to a record, as the change feed reports it.",
  valuesConfig: {
    CREATED: { description: "The record was created." },
    UPDATED: { description: "The record, or a part of it that has no ID of its own, was changed." },
    DELETED: { description: "The record was deleted (retention, or a part removed from it)." },
  },
});

/** The global ID of an event's record: the house global ID of its type (all are Node types today). */
function entityGlobalId(type: string, uuid: string): string {
  return (NODE_TYPES as readonly string[]).includes(type)
    ? toGlobalId(type as NodeTypeName, uuid)
    : Buffer.from(`${type}:${uuid}`).toString("base64url");
}

@ObjectType("Change", {
  description:
    "A committed change to a record of a person's case, from the change feed. It carries IDs only: " +
    "re-read the record (node(id:), or the person) to see what it now holds, as your access allows.",
})
export class ChangeType {
  personUuid: string;

  @Field({
    description:
      "Where this change sits in the feed: pass it as `after` to resume right after it. Opaque; do not parse.",
  })
  cursor: string;

  @Field(() => ChangeOperation, { description: "Whether the record was created, updated or deleted." })
  operation: ChangeOperation;

  @Field({
    description:
      "The GraphQL type of the record to re-read (Person, DetentionEpisode, InformationReport, …). A " +
      "part of a record without an ID of its own (a report's links, an assessment's ratings) is " +
      "reported as a change of the record it belongs to, or of the person.",
  })
  entityType: string;

  @Field(() => ID, { description: "The global ID of the record (for node(id:))." })
  entityId: string;

  @Field(() => DataClass, { description: "The data class of the change (what you needed to be told of it)." })
  dataClass: DataClass;

  @Field(() => DateTimeScalar, { description: "When the change was made (its transaction's time)." })
  changedAt: Date;

  static from(r: ChangeEventRecord, cursor: string): ChangeType {
    return Object.assign(new ChangeType(), {
      personUuid: r.personId,
      cursor,
      operation: r.operation,
      entityType: r.entityType,
      entityId: entityGlobalId(r.entityType, r.entityId),
      dataClass: r.dataClass,
      changedAt: r.changedAt,
    });
  }
}

@ObjectType("ChangeFeedPage", { description: "A page of the change feed." })
export class ChangeFeedPageType {
  @Field(() => [ChangeType], {
    description: "The changes you may see after `after`, oldest first (settled transactions only).",
  })
  changes: ChangeType[];

  @Field(() => String, {
    nullable: true,
    description:
      "Pass it as `after` next time. It moves past changes you may not see, never past a transaction " +
      "still in progress; it equals `after` when nothing new has settled (null only for an empty feed).",
  })
  endCursor: string | null;

  @Field({ description: "More settled changes follow: ask again at once with `after: endCursor`." })
  hasMore: boolean;
}
