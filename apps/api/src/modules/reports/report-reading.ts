import { requirePurpose, viewerScope } from "../../access/policy.js";
import { decodeCursor, encodeCursor, type Page, pageOfList, pageSize } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import type { PersonType } from "../persons/person.type.js";
import { countReportFeed, type ReportFeedFilter, reportFeed } from "./report.repository.js";
import { type ReadableReport, readableReports, toReportTypes } from "./report.service.js";
import type { InformationReportType } from "./report.type.js";

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
  const rows = (await ctx.loaders.reportsOfPerson.load(person.uuid))
    .filter((r) => args.includeSuperseded || r.version === r.latestVersion)
    .map((report) => ({ report, summary: person.summary }));
  return auditedPage(
    ctx,
    pageOfList(readableReports(actor, rows), args.first, args.after, (r) => r.report.id),
  );
}

/** Every version of a report's history that the actor may read, oldest first. */
export async function versionsOf(
  ctx: RequestContext,
  report: InformationReportType,
): Promise<InformationReportType[]> {
  const actor = requirePurpose(ctx);
  const visible = await ctx.loaders.visiblePerson.load(report.personUuid);
  const rows = (await ctx.loaders.reportVersions.load(report.lineageUuid)).map((r) => ({
    report: r,
    summary: visible?.summary ?? null,
  }));
  return toReportTypes(ctx, actor, readableReports(actor, rows));
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
