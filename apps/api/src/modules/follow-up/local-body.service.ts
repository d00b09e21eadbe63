import {
  type ActionItemStatus,
  type DataClass,
  isActionOverdue,
  mayRead,
  NO_ACCESS,
  type PersonAccess,
} from "@continuum/domain";
import { accessFor, requirePurpose } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { RequestContext } from "../../graphql/context.js";
import { forbidden } from "../../graphql/errors.js";
import {
  type ActionItemRecord,
  actionItemsOfAgency,
  meetingsOfAgency,
  openResponsibilitiesOfAgency,
} from "./follow-up.repository.js";
import { ActionItemType, LocalBodyPersonType, LocalBodyType, LocalMeetingType } from "./follow-up.type.js";

/** The actor's own local body; FORBIDDEN to anyone not in a Local Task Force or a Local Cell. */
export function requireLocalBody(
  ctx: RequestContext,
): Actor & { agencyKind: "LOCAL_TASK_FORCE" | "LOCAL_CELL" } {
  const actor = requirePurpose(ctx);
  if (actor.agencyKind !== "LOCAL_TASK_FORCE" && actor.agencyKind !== "LOCAL_CELL")
    throw forbidden("Only members of a Local Task Force or a Local Cell have a local body.");
  return actor as Actor & { agencyKind: "LOCAL_TASK_FORCE" | "LOCAL_CELL" };
}

export function localBody(ctx: RequestContext): LocalBodyType {
  const actor = requireLocalBody(ctx);
  return Object.assign(new LocalBodyType(), { agencyUuid: actor.agencyId, kind: actor.agencyKind });
}

/** What the actor may see of a person mentioned by the body's records (nothing when out of sight). */
export async function accessToPerson(ctx: RequestContext, personId: string): Promise<PersonAccess> {
  const visible = await ctx.loaders.visiblePerson.load(personId);
  return visible === null ? NO_ACCESS : accessFor(ctx.actor, visible.summary);
}

/**
 * Audits that the body's records about these persons were shown: a Local Task Force's are FOLLOW_UP
 * data of the person; a Local Cell shows them next to the information card.
 */
export async function auditShown(ctx: RequestContext, personIds: readonly (string | null)[]): Promise<void> {
  await ctx.loaders.visiblePerson.loadMany([...new Set(personIds)].filter((id): id is string => id !== null));
  for (const personId of new Set(personIds)) {
    if (personId === null) continue;
    const access = await accessToPerson(ctx, personId);
    const classes: DataClass[] = mayRead(access, "FOLLOW_UP") ? ["FOLLOW_UP"] : ["IDENTITY"];
    ctx.audit.read(personId, classes, access.breakGlass);
  }
}

/** The persons the body is responsible for that the actor sees, longest-followed first. */
export async function bodyPersons(ctx: RequestContext, body: LocalBodyType): Promise<LocalBodyPersonType[]> {
  const rows = await openResponsibilitiesOfAgency(await ctx.tx.get(), body.agencyUuid);
  await ctx.loaders.visiblePerson.loadMany(rows.map((r) => r.personId));
  const shown = [];
  for (const r of rows)
    if ((await ctx.loaders.visiblePerson.load(r.personId)) !== null)
      shown.push(
        Object.assign(new LocalBodyPersonType(), {
          personUuid: r.personId,
          kind: r.kind,
          since: r.validFrom,
        }),
      );
  await auditShown(
    ctx,
    shown.map((p) => p.personUuid),
  );
  return shown;
}

export async function bodyMeetings(
  ctx: RequestContext,
  body: LocalBodyType,
  range: { from: string | null; to: string | null },
): Promise<LocalMeetingType[]> {
  return (await meetingsOfAgency(await ctx.tx.get(), body.agencyUuid, range)).map((m) =>
    LocalMeetingType.from(m, ctx.today),
  );
}

/** Meetings planned after today, soonest first. */
export async function upcomingMeetings(
  ctx: RequestContext,
  body: LocalBodyType,
): Promise<LocalMeetingType[]> {
  return (await bodyMeetings(ctx, body, { from: ctx.today, to: null })).filter((m) => !m.held).reverse();
}

async function bodyActionItems(
  ctx: RequestContext,
  body: LocalBodyType,
  filter: { status: ActionItemStatus | null; overdueOnly: boolean; mine: boolean },
): Promise<ActionItemRecord[]> {
  const actor = requirePurpose(ctx);
  const rows = await actionItemsOfAgency(await ctx.tx.get(), body.agencyUuid, {
    status: filter.status,
    ownerId: filter.mine ? actor.userId : null,
  });
  return filter.overdueOnly ? rows.filter((r) => isActionOverdue(r, ctx.today)) : rows;
}

/** The body's action items, soonest deadline first; the persons they concern are audited as shown. */
export async function actionItemsOf(
  ctx: RequestContext,
  body: LocalBodyType,
  filter: { status: ActionItemStatus | null; overdueOnly: boolean; mine: boolean },
): Promise<ActionItemType[]> {
  const rows = await bodyActionItems(ctx, body, filter);
  await auditShown(
    ctx,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => ActionItemType.from(r, ctx.today));
}

export async function overdueActionCount(ctx: RequestContext, body: LocalBodyType): Promise<number> {
  return (await bodyActionItems(ctx, body, { status: "OPEN", overdueOnly: true, mine: false })).length;
}
