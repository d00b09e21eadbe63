import type { RequestContext } from "../../graphql/context.js";
import { forgetPerson } from "../../graphql/loaders.js";
import { PersonType } from "./person.type.js";

/** The person behind a reference, or null when outside the actor's scope. */
export async function personOf(ctx: RequestContext, personId: string): Promise<PersonType | null> {
  const visible = await ctx.loaders.visiblePerson.load(personId);
  return visible === null ? null : PersonType.from(visible);
}

/** The person after a change, read afresh; null if the change took them out of the actor's sight. */
export function personAfterChange(ctx: RequestContext, personId: string): Promise<PersonType | null> {
  forgetPerson(ctx.loaders, personId);
  return personOf(ctx, personId);
}
