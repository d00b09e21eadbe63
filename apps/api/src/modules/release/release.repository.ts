import type { JudicialDistrict, LegacyCategory, ProgrammeStatus, ReleaseDateKind } from "@continuum/domain";
import { asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ViewerScope } from "../../access/policy.js";
import { type Db, queryRows } from "../../db/client.js";
import { visibleCondition } from "../persons/person.repository.js";
import { personCaseSummaries } from "../persons/person.table.js";
import { releaseDateOverrides, releasePlans } from "./release.table.js";

// Row-level security (migration 0018): RELEASE data of the person.

export type ReleaseDateOverrideRecord = typeof releaseDateOverrides.$inferSelect;
export type ReleasePlanRecord = typeof releasePlans.$inferSelect;

export function overridesByPersonIds(
  db: Db,
  personIds: readonly string[],
): Promise<ReleaseDateOverrideRecord[]> {
  return db
    .select()
    .from(releaseDateOverrides)
    .where(inArray(releaseDateOverrides.personId, [...personIds]))
    .orderBy(desc(releaseDateOverrides.createdAt), desc(releaseDateOverrides.id));
}

export async function insertOverride(
  db: Db,
  row: typeof releaseDateOverrides.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(releaseDateOverrides).values(row);
}

export function plansByPersonIds(db: Db, personIds: readonly string[]): Promise<ReleasePlanRecord[]> {
  return db
    .select()
    .from(releasePlans)
    .where(inArray(releasePlans.personId, [...personIds]))
    .orderBy(asc(releasePlans.createdAt));
}

export async function planOfEpisode(db: Db, episodeId: string): Promise<ReleasePlanRecord | null> {
  const [row] = await db.select().from(releasePlans).where(eq(releasePlans.episodeId, episodeId)).limit(1);
  return row ?? null;
}

export async function insertPlan(db: Db, row: typeof releasePlans.$inferInsert): Promise<void> {
  await db.insert(releasePlans).values(row);
}

/** Rewrites the plan if it is still at `version`; false when someone changed it meanwhile. */
export async function updatePlan(
  db: Db,
  episodeId: string,
  version: number,
  change: Pick<
    ReleasePlanRecord,
    "intendedMunicipality" | "intendedJudicialDistrict" | "localTaskForceInformedOn" | "note" | "agencyId"
  >,
): Promise<boolean> {
  const rows = await db
    .update(releasePlans)
    .set({ ...change, version: sql`${releasePlans.version} + 1` })
    .where(sql`${releasePlans.episodeId} = ${episodeId} and ${releasePlans.version} = ${version}`)
    .returning({ episodeId: releasePlans.episodeId });
  return rows.length > 0;
}

/** One row of the calendar query, before it becomes an entry. */
export interface CalendarRow {
  person_id: string;
  episode_id: string;
  kind: ReleaseDateKind;
  on: string;
  establishment_id: string | null;
  category: LegacyCategory | null;
  last_assessed_on: string | null;
  next_assessment_due_on: string | null;
  intended_municipality: string | null;
  intended_judicial_district: JudicialDistrict | null;
  local_task_force_informed_on: string | null;
  conditions_proposed: number;
  programme_status: ProgrammeStatus | null;
}

export interface CalendarQuery {
  /** The actor's visibility, narrowed to detained persons whose detention and release data they read. */
  scope: ViewerScope;
  from: string;
  /** Exclusive end of the window. */
  to: string;
  establishmentId: string | null;
  judicialDistrict: string | null;
  category: string | null;
}

/** The key a page of the calendar continues after: (date, kind, person). */
export interface CalendarKey {
  on: string;
  kind: ReleaseDateKind;
  personId: string;
}

// Each kind of date of the open episodes, from its own index (the open episodes by that date and
// person, migration 0035), kept when it falls in the window (and after the page's key), with the
// case summary that carries the visibility, the establishment, the category and the assessment
// dates. The summary is looked up per episode (a lateral subquery the planner keeps as such, by
// its `limit 1`: a summary per person): left to join freely, the planner, which cannot estimate the
// visibility test, read every summary first (375,000 at Europe scale) to probe their episodes. A
// page takes the first `limit` visible entries of each kind in index order, then merges the two.
function calendarEntries(
  q: CalendarQuery,
  after: CalendarKey | null,
  kind: ReleaseDateKind,
  column: string,
  limit: number | null,
): SQL {
  const s = personCaseSummaries;
  const on = sql`e.${sql.identifier(column)}`;
  const keyset =
    after === null
      ? sql``
      : sql`and (${on}, ${kind}::text collate "C", e.person_id) > (${after.on}::date, ${after.kind}::text collate "C", ${after.personId}::uuid)`;
  return sql`(select e.id as episode_id, e.person_id, ${kind}::text collate "C" as kind, ${on} as on_date,
      summary.establishment_id, summary.category, summary.last_assessed_on, summary.next_assessment_due_on,
      p.intended_municipality, p.intended_judicial_district, p.local_task_force_informed_on
    from detention_episodes e
    cross join lateral (
      select ${s.establishmentId} as establishment_id, ${s.category} as category,
        ${s.lastAssessedOn} as last_assessed_on, ${s.nextAssessmentDueOn} as next_assessment_due_on
      from ${s}
      where ${s.personId} = e.person_id and ${s.detentionStatus} = 'DETAINED' and ${visibleCondition(q.scope)}
        ${q.establishmentId === null ? sql`` : sql`and ${s.establishmentId} = ${q.establishmentId}::uuid`}
        ${q.category === null ? sql`` : sql`and ${s.category} = ${q.category}`}
      limit 1) summary
    left join release_plans p on p.episode_id = e.id
    where e.released_on is null and ${on} >= ${q.from}::date and ${on} < ${q.to}::date ${keyset}
      ${q.judicialDistrict === null ? sql`` : sql`and p.intended_judicial_district = ${q.judicialDistrict}`}
    ${limit === null ? sql`` : sql`order by ${on}, e.person_id limit ${limit}`})`;
}

function calendarFrom(q: CalendarQuery, after: CalendarKey | null, limit: number | null): SQL {
  return sql`from (${calendarEntries(q, after, "CONDITIONAL_RELEASE_ELIGIBILITY", "conditional_release_eligible_on", limit)}
    union all ${calendarEntries(q, after, "END_OF_SENTENCE", "end_of_sentence_on", limit)}) k`;
}

/**
 * The row-level security of the episodes tests each one against its case summary. Postgres plans
 * that test either as one probe per episode or as a hash of every visible summary built first
 * (420 ms at Europe scale), and takes the hash when it expects many episodes: a page's limit does
 * not enter that estimate. It builds no hash larger than `work_mem`, so the calendar's statements
 * run with a small one: at Europe scale, a page went from 1.1 s to 5 ms and the counts from 1.3 s
 * to 0.3 s (docs/performance.md). The calendar sorts and groups no more than a page or two kinds.
 */
export async function withProbePlans<T>(db: Db, statement: () => Promise<T>): Promise<T> {
  await db.execute(sql`set local work_mem = '1MB'`);
  const result = await statement();
  // The request's other fields sort and hash with the usual memory. (A statement that fails ends
  // the transaction: nothing to restore then.)
  await db.execute(sql`set local work_mem to default`);
  return result;
}

/** A page of the release calendar, by (date, kind, person), after the cursor's key. */
export function calendarRows(
  db: Db,
  q: CalendarQuery,
  after: CalendarKey | null,
  limit: number,
): Promise<CalendarRow[]> {
  // The page first, then what each of its entries shows of conditions and programmes: those
  // look-ups run for the page's entries only, not for every entry of the window.
  return queryRows<CalendarRow>(
    db,
    sql`select page.*,
        (select count(*) from release_conditions c
         where c.episode_id = page.episode_id and c.imposed_on is null and c.withdrawn_on is null)::int
          as conditions_proposed,
        (select pe.status from programme_enrolments pe where pe.person_id = page.person_id
         order by pe.enrolled_on desc, pe.created_at desc limit 1) as programme_status
      from (select k.person_id, k.episode_id, k.kind, k.on_date::text as on, k.establishment_id, k.category,
              k.last_assessed_on::text as last_assessed_on, k.next_assessment_due_on::text as next_assessment_due_on,
              k.intended_municipality, k.intended_judicial_district,
              k.local_task_force_informed_on::text as local_task_force_informed_on
            ${calendarFrom(q, after, limit)}
            order by k.on_date, k.kind, k.person_id
            limit ${limit}) page
      order by page.on, page.kind, page.person_id`,
  );
}

/** How many calendar entries of each kind the window holds (only those the actor may see). */
export async function calendarCounts(db: Db, q: CalendarQuery): Promise<Map<ReleaseDateKind, number>> {
  const rows = await queryRows<{ kind: ReleaseDateKind; n: number }>(
    db,
    sql`select k.kind, count(*)::int as n ${calendarFrom(q, null, null)} group by k.kind`,
  );
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}
