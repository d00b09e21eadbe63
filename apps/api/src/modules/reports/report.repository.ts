import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ViewerScope } from "../../access/policy.js";
import { type Db, queryRows } from "../../db/client.js";
import { type PersonSummaryRecord, visibleCondition } from "../persons/person.repository.js";
import { personCaseSummaries } from "../persons/person.table.js";
import { informationReportLinks, informationReports, observationIndicators } from "./report.table.js";

export type ObservationIndicatorRecord = typeof observationIndicators.$inferSelect;
export type ReportLinkRecord = typeof informationReportLinks.$inferSelect;
export type ReportRecord = typeof informationReports.$inferSelect & {
  /** The lineage's latest version, including versions the reader may not see. */
  latestVersion: number;
};

// Row-level security (migration 0007) leaves out the reports the actor may not read; the service
// applies the same rule (disclosureOf) and audits what it returns.
const withLatestVersion = {
  report: informationReports,
  latestVersion: sql<number>`app_report_latest_version(${informationReports.lineageId})`.mapWith(Number),
};

function flatten(rows: { report: typeof informationReports.$inferSelect; latestVersion: number }[]) {
  return rows.map((r) => ({ ...r.report, latestVersion: r.latestVersion }));
}

export async function reportsByPersonIds(db: Db, personIds: readonly string[]): Promise<ReportRecord[]> {
  const rows = await db
    .select(withLatestVersion)
    .from(informationReports)
    .where(inArray(informationReports.personId, [...personIds]))
    .orderBy(desc(informationReports.observedOn), desc(informationReports.createdAt));
  return flatten(rows);
}

export async function reportsByIds(db: Db, ids: readonly string[]): Promise<ReportRecord[]> {
  if (ids.length === 0) return [];
  return flatten(
    await db
      .select(withLatestVersion)
      .from(informationReports)
      .where(inArray(informationReports.id, [...ids])),
  );
}

/** Every version of these lineages the reader may see, oldest first. */
export async function reportsByLineageIds(db: Db, lineageIds: readonly string[]): Promise<ReportRecord[]> {
  return flatten(
    await db
      .select(withLatestVersion)
      .from(informationReports)
      .where(inArray(informationReports.lineageId, [...lineageIds]))
      .orderBy(asc(informationReports.version)),
  );
}

/** The latest version of each of these lineages, where the reader's session may read it. */
export async function latestReportsOfLineages(
  db: Db,
  lineageIds: readonly string[],
): Promise<ReportRecord[]> {
  return flatten(
    await db
      .select(withLatestVersion)
      .from(informationReports)
      .where(
        and(
          inArray(informationReports.lineageId, [...lineageIds]),
          sql`${informationReports.version} = app_report_latest_version(${informationReports.lineageId})`,
        ),
      ),
  );
}

export function linksByReportIds(db: Db, reportIds: readonly string[]): Promise<ReportLinkRecord[]> {
  return db
    .select()
    .from(informationReportLinks)
    .where(inArray(informationReportLinks.reportId, [...reportIds]));
}

export interface ReportFeedFilter {
  scope: ViewerScope;
  since: Date | null;
  establishmentId: string | null;
}

function feedConditions(f: ReportFeedFilter): (SQL | undefined)[] {
  const r = informationReports;
  return [
    visibleCondition(f.scope),
    sql`${r.version} = app_report_latest_version(${r.lineageId})`,
    f.since === null ? undefined : sql`${r.createdAt} >= ${f.since.toISOString()}`,
    f.establishmentId === null ? undefined : eq(r.establishmentId, f.establishmentId),
  ];
}

/**
 * Sort key of the feed: the recording instant in UTC to the microsecond, in one fixed format that the
 * API can check in a cursor before it reaches SQL; then the ID.
 */
const feedKey = sql<string>`to_char(${informationReports.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The latest version of each report on persons the actor sees, newest recorded first: CelEx's feed
 * of new reports on its inmates, a prison's reports on its own inmates.
 */
export async function reportFeed(
  db: Db,
  f: ReportFeedFilter,
  after: { recordedAt: string; id: string } | null,
  limit: number,
): Promise<{ report: ReportRecord; summary: PersonSummaryRecord; recordedAtKey: string }[]> {
  const r = informationReports;
  const conditions = feedConditions(f);
  if (after !== null)
    conditions.push(sql`(${r.createdAt}, ${r.id}) < (${after.recordedAt}::timestamptz, ${after.id}::uuid)`);
  const rows = await db
    .select({ ...withLatestVersion, summary: personCaseSummaries, recordedAtKey: feedKey })
    .from(r)
    .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, r.personId))
    .where(and(...conditions))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit);
  return rows.map((row) => ({
    report: { ...row.report, latestVersion: row.latestVersion },
    summary: row.summary,
    recordedAtKey: row.recordedAtKey,
  }));
}

export async function countReportFeed(db: Db, f: ReportFeedFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(informationReports)
    .innerJoin(personCaseSummaries, eq(personCaseSummaries.personId, informationReports.personId))
    .where(and(...feedConditions(f)));
  return row?.n ?? 0;
}

export async function latestVersionOf(db: Db, lineageId: string): Promise<number | null> {
  const [row] = await queryRows<{ v: number | null }>(
    db,
    sql`select app_report_latest_version(${lineageId}::uuid) as v`,
  );
  return row?.v ?? null;
}

export async function insertReport(
  db: Db,
  row: typeof informationReports.$inferInsert & { id: string },
): Promise<void> {
  await db.insert(informationReports).values(row);
}

export async function insertReportLinks(db: Db, rows: ReportLinkRecord[]): Promise<void> {
  if (rows.length > 0) await db.insert(informationReportLinks).values(rows);
}

export function listObservationIndicators(db: Db): Promise<ObservationIndicatorRecord[]> {
  return db.select().from(observationIndicators).orderBy(asc(observationIndicators.code));
}

export function observationIndicatorsByCodes(
  db: Db,
  codes: readonly string[],
): Promise<ObservationIndicatorRecord[]> {
  return db
    .select()
    .from(observationIndicators)
    .where(inArray(observationIndicators.code, [...codes]));
}
