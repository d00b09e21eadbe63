import { type Disclosure, disclosureOf, isVisible, NO_ACCESS, type PersonAccess } from "@continuum/domain";
import { accessFor, requirePurpose, viewerScope } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Db } from "../../db/client.js";
import { decodeCursor, encodeCursor, type Page, pageOfList, pageSize } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { checkCitedIds } from "../../graphql/validate.js";
import type { PersonSummaryRecord } from "../persons/person.repository.js";
import type { PersonType } from "../persons/person.type.js";
import {
  countReportFeed,
  type ReportFeedFilter,
  type ReportRecord,
  reportFeed,
  reportsByIds,
} from "./report.repository.js";
import { InformationReportType } from "./report.type.js";

/** A report the actor may read, with what they may see of its person. */
export interface ReadableReport {
  report: ReportRecord;
  access: PersonAccess;
  disclosure: Disclosure;
}

/**
 * The reports among `rows` that the actor may read under the originator's handling code and the
 * matrix (`disclosureOf`); row-level security has already applied the same rule underneath.
 */
export function readableReports(
  actor: Actor,
  rows: readonly { report: ReportRecord; summary: PersonSummaryRecord | null }[],
): ReadableReport[] {
  const readable: ReadableReport[] = [];
  for (const { report, summary } of rows) {
    const access = summary === null ? NO_ACCESS : accessFor(actor, summary);
    const disclosure = disclosureOf(
      report,
      actor,
      access,
      summary?.category !== null && summary?.category !== undefined,
    );
    if (disclosure.allowed) readable.push({ report, access, disclosure });
  }
  return readable;
}

/** What is returned of readable reports is audited: a read, and a disclosure when another agency reads. */
export function toReportTypes(ctx: RequestContext, actor: Actor, items: readonly ReadableReport[]) {
  return items.map(({ report, access, disclosure }) => {
    ctx.audit.read(report.personId, [report.dataClass], access.breakGlass);
    if (disclosure.isDisclosure)
      ctx.audit.record({
        operation: "DISCLOSURE",
        personId: report.personId,
        dataClasses: [report.dataClass],
        recipientAgencyId: actor.agencyId,
        breakGlass: access.breakGlass,
        details: {
          reportId: report.id,
          originatorAgencyId: report.originatorAgencyId,
          handlingCode: report.handlingCode,
        },
      });
    return InformationReportType.from(report, isVisible(access) ? access : null, actor.agencyId);
  });
}

/**
 * The reports among `rows` that the actor may read: each under its own marking (above), and an
 * older version only while the lineage's latest version is readable too. A correction may narrow
 * who reads a report (a source exposed, a code tightened); the history then follows it.
 */
export async function readableOf(
  ctx: RequestContext,
  actor: Actor,
  rows: readonly ReportRecord[],
): Promise<ReadableReport[]> {
  const summaries = new Map<string, PersonSummaryRecord | null>();
  for (const personId of new Set(rows.map((r) => r.personId)))
    summaries.set(personId, (await ctx.loaders.visiblePerson.load(personId))?.summary ?? null);
  const withSummary = (report: ReportRecord) => ({ report, summary: summaries.get(report.personId) ?? null });
  const readable = readableReports(actor, rows.map(withSummary));
  const superseded = [
    ...new Set(
      readable.filter((r) => r.report.version < r.report.latestVersion).map((r) => r.report.lineageId),
    ),
  ];
  if (superseded.length === 0) return readable;
  const latest = (await ctx.loaders.latestReport.loadMany(superseded)).filter(
    (r): r is ReportRecord => r !== null && !(r instanceof Error),
  );
  const open = new Set(readableReports(actor, latest.map(withSummary)).map((r) => r.report.lineageId));
  return readable.filter((r) => r.report.version === r.report.latestVersion || open.has(r.report.lineageId));
}

/** The reports among `rows` that the actor may read, as GraphQL objects, audited. */
export async function readReports(
  ctx: RequestContext,
  rows: readonly ReportRecord[],
): Promise<InformationReportType[]> {
  const actor = requirePurpose(ctx);
  return toReportTypes(ctx, actor, await readableOf(ctx, actor, rows));
}

/** The page's reports as GraphQL objects; only what the page returns is audited as read. */
function auditedPage(ctx: RequestContext, page: Page<ReadableReport>): Page<InformationReportType> {
  const types = toReportTypes(
    ctx,
    requirePurpose(ctx),
    page.items.map((i) => i.node),
  );
  return {
    ...page,
    items: page.items.map((i, index) => ({ cursor: i.cursor, node: types[index] })),
  } as Page<InformationReportType>;
}

/** A person's reports that the actor may read, newest observation first; superseded versions on request. */
export async function reportsOfPerson(
  ctx: RequestContext,
  person: PersonType,
  args: { first: number; after: string | null; includeSuperseded: boolean },
): Promise<Page<InformationReportType>> {
  const actor = requirePurpose(ctx);
  const rows = (await ctx.loaders.reportsOfPerson.load(person.uuid)).filter(
    (r) => args.includeSuperseded || r.version === r.latestVersion,
  );
  return auditedPage(
    ctx,
    pageOfList(await readableOf(ctx, actor, rows), args.first, args.after, (r) => r.report.id),
  );
}

/** Every version of a report's history that the actor may read, oldest first. */
export async function versionsOf(
  ctx: RequestContext,
  report: InformationReportType,
): Promise<InformationReportType[]> {
  return readReports(ctx, await ctx.loaders.reportVersions.load(report.lineageUuid));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The feed's cursor, checked before it reaches SQL: a forged one is bad input, not a failed query. */
function feedCursor(after: string): { recordedAt: string; id: string } {
  const [recordedAt, id] = decodeCursor(after, 2) as [string, string];
  const instant = new Date(recordedAt);
  const valid =
    INSTANT.test(recordedAt) &&
    !Number.isNaN(instant.getTime()) &&
    instant.toISOString().slice(0, 19) === recordedAt.slice(0, 19) &&
    UUID.test(id);
  if (!valid) throw badUserInput("after is not a cursor of this list", "after");
  return { recordedAt, id };
}

export interface ReportFeedArgs {
  first: number;
  after: string | null;
  since: Date | null;
  establishmentId: string | null;
}

/**
 * The latest version of every report the actor may read on the persons they see, newest recorded
 * first. The query is audited as a search; each report returned as a read (and a disclosure).
 */
export async function reportFeedPage(
  ctx: RequestContext,
  args: ReportFeedArgs,
): Promise<Page<InformationReportType>> {
  const actor = requirePurpose(ctx);
  const limit = pageSize(args.first);
  let establishmentId: string | null = null;
  if (args.establishmentId !== null) {
    establishmentId = uuidOf(args.establishmentId, "Establishment");
    if (establishmentId === null) throw badUserInput("not an establishment ID", "establishmentId");
  }
  const after = args.after === null ? null : feedCursor(args.after);
  const filter: ReportFeedFilter = { scope: viewerScope(actor), since: args.since, establishmentId };
  const tx = await ctx.tx.get();
  const rows = await reportFeed(tx, filter, after, limit + 1);
  const pageRows = rows.slice(0, limit);
  const cursors = new Map(pageRows.map((r) => [r.report.id, encodeCursor([r.recordedAtKey, r.report.id])]));
  const readable = readableReports(actor, pageRows);
  ctx.audit.record({
    operation: "SEARCH",
    details: {
      query: "reportFeed",
      since: args.since?.toISOString() ?? null,
      establishmentId,
      returned: readable.length,
    },
  });
  const types = toReportTypes(ctx, actor, readable);
  return {
    items: types.map((node) => ({ node, cursor: cursors.get(node.uuid) as string })),
    hasNextPage: rows.length > limit,
    hasPreviousPage: after !== null,
    count: () => countReportFeed(tx, filter),
  };
}

/** The reports a record on one person cites (a screening, a recommendation): reports on that person the actor may read. */
export async function citedReports(
  ctx: RequestContext,
  actor: Actor,
  db: Db,
  personId: string,
  globalIds: readonly string[],
  field: string,
): Promise<string[]> {
  const ids = globalIds.map((id) => uuidOf(id, "InformationReport"));
  const rows = await reportsByIds(
    db,
    ids.filter((id): id is string => id !== null),
  );
  const readable = await readableOf(
    ctx,
    actor,
    rows.filter((r) => r.personId === personId),
  );
  return checkCitedIds(
    ids,
    new Set(readable.map((r) => r.report.id)),
    field,
    "no report on this person with this ID",
  );
}
