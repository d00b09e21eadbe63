import {
  addMonthsToDate,
  assessmentUpToDateFor,
  isIsoDate,
  type JudicialDistrict,
  type LegacyCategory,
  RELEASE_HORIZON_MONTHS,
  ReleaseDateKind,
} from "@continuum/domain";
import { accessFor, requirePurpose, type ViewerScope, viewerScope } from "../../access/policy.js";
import { decodeCursor, encodeCursor, PageInfo, pageSize } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import { isUuid, uuidOf } from "../../graphql/global-id.js";
import { checkDate } from "../measures/measure-reading.js";
import {
  type CalendarKey,
  type CalendarQuery,
  type CalendarRow,
  calendarCounts,
  calendarRows,
  withProbePlans,
} from "./release.repository.js";
import {
  ReleaseCalendarEdge,
  ReleaseCalendarEntryType,
  ReleaseCalendarType,
  ReleaseDateKindCountType,
} from "./release.type.js";

export interface CalendarArgs {
  from: string;
  months: number;
  establishmentId: string | null;
  judicialDistrict: JudicialDistrict | null;
  category: LegacyCategory | null;
  first: number;
  after: string | null;
}

const NOWHERE = { places: [], classes: [], detailedClasses: [] };

/**
 * The calendar lists detained persons whose detention and release data the actor reads: the
 * actor's scope for persons in prison, kept only when it carries both classes (break-the-glass
 * grants likewise).
 */
function calendarScope(scope: ViewerScope): ViewerScope {
  const readsBoth = (classes: readonly string[]) =>
    classes.includes("DETENTION") && classes.includes("RELEASE");
  return {
    ...scope,
    stages: {
      IN_PRISON: readsBoth(scope.stages.IN_PRISON.classes) ? scope.stages.IN_PRISON : NOWHERE,
      RELEASED: NOWHERE,
      CLOSED: NOWHERE,
    },
    breakGlass: {
      ...scope.breakGlass,
      personIds: readsBoth(scope.breakGlass.classes.IN_PRISON) ? scope.breakGlass.personIds : [],
    },
  };
}

function entryOf(row: CalendarRow, access: ReleaseCalendarEntryType["access"]): ReleaseCalendarEntryType {
  return Object.assign(new ReleaseCalendarEntryType(), {
    personUuid: row.person_id,
    access,
    episodeUuid: row.episode_id,
    establishmentUuid: row.establishment_id,
    kind: row.kind,
    date: row.on,
    intendedMunicipality: row.intended_municipality,
    intendedJudicialDistrict: row.intended_judicial_district,
    category: row.category,
    riskAssessmentUpToDate: assessmentUpToDateFor(
      { lastAssessedOn: row.last_assessed_on, nextAssessmentDueOn: row.next_assessment_due_on },
      row.on,
    ),
    programmeStatus: row.programme_status,
    conditionsProposed: Number(row.conditions_proposed),
    localTaskForceInformedOn: row.local_task_force_informed_on,
  });
}

/**
 * Persons detained now who reach conditional-release eligibility or the end of their sentence in
 * [from, from + months), one entry per person and kind of date, by date. Each person listed is
 * audited as read (detention and release data).
 */
function calendarKey([on, kind, personId]: string[]): CalendarKey {
  if (
    on === undefined ||
    !isIsoDate(on) ||
    !(Object.values(ReleaseDateKind) as string[]).includes(kind ?? "") ||
    personId === undefined ||
    !isUuid(personId)
  )
    throw badUserInput("after is not a cursor of this list", "after");
  return { on, kind: kind as ReleaseDateKind, personId };
}

export async function releaseCalendar(ctx: RequestContext, args: CalendarArgs): Promise<ReleaseCalendarType> {
  const actor = requirePurpose(ctx);
  checkDate(args.from, "from");
  if (!(RELEASE_HORIZON_MONTHS as readonly number[]).includes(args.months))
    throw badUserInput(`must be one of ${RELEASE_HORIZON_MONTHS.join(", ")}`, "months");
  const limit = pageSize(args.first);
  const after = args.after ? calendarKey(decodeCursor(args.after, 3)) : null;
  const establishmentId =
    args.establishmentId === null ? null : uuidOf(args.establishmentId, "Establishment");
  if (args.establishmentId !== null && establishmentId === null)
    throw badUserInput("not an establishment ID", "establishmentId");
  const query: CalendarQuery = {
    scope: calendarScope(viewerScope(actor)),
    from: args.from,
    to: addMonthsToDate(args.from, args.months),
    establishmentId,
    judicialDistrict: args.judicialDistrict,
    category: args.category,
  };
  const tx = await ctx.tx.get();
  const rows = await withProbePlans(tx, () => calendarRows(tx, query, after, limit + 1));
  const page = rows.slice(0, limit);
  await ctx.loaders.visiblePerson.loadMany([...new Set(page.map((r) => r.person_id))]);
  const edges: ReleaseCalendarEdge[] = [];
  for (const row of page) {
    const visible = await ctx.loaders.visiblePerson.load(row.person_id);
    if (visible === null) continue;
    const access = accessFor(actor, visible.summary);
    ctx.audit.read(row.person_id, ["DETENTION", "RELEASE", "LISTING"], access.breakGlass);
    edges.push(
      Object.assign(new ReleaseCalendarEdge(), {
        cursor: encodeCursor([row.on, row.kind, row.person_id]),
        node: entryOf(row, access),
      }),
    );
  }
  let counts: Promise<ReleaseDateKindCountType[]> | null = null;
  return Object.assign(new ReleaseCalendarType(), {
    edges,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > limit,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
    counter: () => {
      counts ??= withProbePlans(tx, () => calendarCounts(tx, query)).then((byKind) =>
        Object.values(ReleaseDateKind).map((kind) =>
          Object.assign(new ReleaseDateKindCountType(), { kind, count: byKind.get(kind) ?? 0 }),
        ),
      );
      return counts;
    },
  });
}
