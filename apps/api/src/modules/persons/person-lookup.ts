import { accessFor, loadVisiblePerson } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { forgetPerson } from "../../graphql/loaders.js";
import type { VisiblePerson } from "./person.repository.js";
import { PersonType } from "./person.type.js";

/** The GraphQL person for a record the actor may see, carrying what they may see of it. */
export function toPersonType(ctx: RequestContext, visible: VisiblePerson): PersonType {
  return PersonType.from(visible, accessFor(ctx.actor, visible.summary));
}

/** The person behind a reference, or null when the actor may not see them. */
export async function personOf(ctx: RequestContext, personId: string): Promise<PersonType | null> {
  const visible = await loadVisiblePerson(ctx, personId);
  return visible === null ? null : toPersonType(ctx, visible);
}

/** The person after a change, read afresh; null if the change took them out of the actor's sight. */
export function personAfterChange(ctx: RequestContext, personId: string): Promise<PersonType | null> {
  forgetPerson(ctx.loaders, personId);
  return personOf(ctx, personId);
}
