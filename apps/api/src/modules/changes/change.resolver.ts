import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root, Subscription } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Rule } from "../../graphql/rule.js";
import { PersonType } from "../persons/person.type.js";
import { personOf } from "../persons/person-lookup.js";
import type { ChangeEventRecord } from "./change.repository.js";
import { changesPage, DEFAULT_CHANGES_PAGE, deliverChange, MAX_CHANGES_PAGE } from "./change.service.js";
import { changeStream } from "./change.stream.js";
import { ChangeFeedPageType, ChangeType } from "./change.type.js";

@Resolver(() => ChangeType)
export class ChangeResolver {
  @FieldResolver(() => PersonType, {
    nullable: true,
    description: "The person whose case changed; null if you may no longer see them (or they were erased).",
  })
  person(@Root() change: ChangeType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, change.personUuid);
  }

  @Query(() => ChangeFeedPageType, {
    name: "changes",
    description:
      "The change feed: committed changes to the case records you may read, oldest first, after a " +
      "cursor (see docs/change-feed.md). Needs a stated purpose; every call is audited.",
  })
  @Rule("AUTHENTICATED")
  changesPage(
    @Ctx() ctx: RequestContext,
    @Arg("after", () => String, {
      nullable: true,
      description:
        "The endCursor of your previous call (or a change's cursor); omit to start at the beginning.",
    })
    after: string | null,
    @Arg("first", () => Int, {
      nullable: true,
      defaultValue: DEFAULT_CHANGES_PAGE,
      description: `How many changes to read at most (1 to ${MAX_CHANGES_PAGE}).`,
    })
    first: number | null,
  ): Promise<ChangeFeedPageType> {
    return changesPage(ctx, { after, first });
  }

  @Subscription(() => ChangeType, {
    name: "changes",
    description:
      "The change feed, pushed over WebSocket (graphql-ws protocol at /graphql): every committed " +
      "change you may read after `after`, as it settles. Resume after a disconnection with the " +
      "cursor of the last change received (delivery is at least once).",
    subscribe: ({ args, context }) =>
      changeStream(context as RequestContext, (args as { after?: string | null }).after),
  })
  @Rule("AUTHENTICATED")
  changeDelivered(
    @Root() event: ChangeEventRecord | undefined,
    @Ctx() ctx: RequestContext,
    @Arg("after", () => String, {
      nullable: true,
      description: "The cursor of the last change you received; omit to start at the beginning.",
    })
    _after: string | null,
  ): Promise<ChangeType> {
    return deliverChange(ctx, event);
  }
}
