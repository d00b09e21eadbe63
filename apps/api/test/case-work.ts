import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "../src/db/client.js";
import type { GraphQLClient, TestApp } from "./harness.js";

// Helpers shared by the case-work suites (reports, assessments, screening queue, intelligence list).

export interface UserErrorShape {
  field: string | null;
  message: string;
  code: string;
}

export function globalId(type: string, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`).toString("base64url");
}

export function uuidOf(id: string): string {
  return Buffer.from(id, "base64url").toString("utf8").split(":")[1] as string;
}

/** A well-formed global ID that names nothing. */
export const UNKNOWN = (type: string) => globalId(type, "01900000-0000-7000-8000-000000000000");

/** The global ID of the client's own agency and user. */
export async function whoAmI(client: GraphQLClient): Promise<{ userId: string; agencyId: string }> {
  const data = await client.data<{ viewer: { user: { id: string; agency: { id: string } } } }>(
    "{ viewer { user { id agency { id } } } }",
  );
  return { userId: data.viewer.user.id, agencyId: data.viewer.user.agency.id };
}

export const SCREEN = `mutation($input: ScreeningRecordInput!) {
  screeningRecord(input: $input) { screening { id } userErrors { field message code } } }`;

export async function screen(
  celex: GraphQLClient,
  personId: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const res = await celex.data<{
    screeningRecord: { screening: { id: string } | null; userErrors: UserErrorShape[] };
  }>(SCREEN, {
    input: {
      personId,
      screenedOn: "2024-01-12",
      outcome: "LISTED",
      category: "C",
      sources: ["PRISON_STAFF"],
      rationale: "Fictional.",
      ...over,
    },
  });
  if (res.screeningRecord.screening === null)
    throw new Error(`screening refused: ${JSON.stringify(res.screeningRecord.userErrors)}`);
  return res.screeningRecord.screening.id;
}

export const REPORT_FIELDS = `id version superseded correctionReason observedOn title body sourceReliability
  informationCredibility classification handlingCode handlingConditions dataClass sensitive fromOwnAgency
  recordedAt establishment { code } originatorAgency { code } addressedToAgency { code }
  indicators { code } links { kind person { familyName } }`;

export const FILE_REPORT = `mutation($input: ReportFileInput!) {
  reportFile(input: $input) { report { ${REPORT_FIELDS} person { familyName } } userErrors { field message code } } }`;

export const CORRECT_REPORT = `mutation($input: ReportCorrectInput!) {
  reportCorrect(input: $input) { report { ${REPORT_FIELDS} } userErrors { field message code } } }`;

export interface ReportShape {
  id: string;
  version: number;
  superseded: boolean;
  correctionReason: string | null;
  observedOn: string;
  title: string;
  body: string;
  sourceReliability: string;
  informationCredibility: number;
  classification: string;
  handlingCode: string;
  handlingConditions: string | null;
  dataClass: string;
  sensitive: boolean;
  fromOwnAgency: boolean;
  recordedAt: string;
  establishment: { code: string } | null;
  originatorAgency: { code: string };
  addressedToAgency: { code: string } | null;
  indicators: { code: string }[];
  links: { kind: string; person: { familyName: string } | null }[];
  person?: { familyName: string } | null;
}

export interface ReportPayloadShape {
  report: ReportShape | null;
  userErrors: UserErrorShape[];
}

export function reportInput(personId: string, over: Record<string, unknown> = {}) {
  return {
    personId,
    observedOn: "2024-02-01",
    title: "Fictional observation",
    body: "Fictional text of what was observed.",
    sourceReliability: "B",
    informationCredibility: 2,
    classification: "UNCLASSIFIED",
    handlingCode: "SHARE_LAW_ENFORCEMENT",
    ...over,
  };
}

/** Files a report and fails the test if it is refused. */
export async function fileReport(
  client: GraphQLClient,
  personId: string,
  over: Record<string, unknown> = {},
): Promise<ReportShape> {
  const res = await client.data<{ reportFile: ReportPayloadShape }>(FILE_REPORT, {
    input: reportInput(personId, over),
  });
  if (res.reportFile.report === null)
    throw new Error(`report refused: ${JSON.stringify(res.reportFile.userErrors)}`);
  return res.reportFile.report;
}

export interface AuditRow {
  id: number;
  operation: string;
  person_id: string | null;
  agency_id: string | null;
  recipient_agency_id: string | null;
  data_classes: string[];
  details: Record<string, unknown>;
}

export async function lastAuditId(app: TestApp): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    app.database.db,
    sql`select coalesce(max(id), 0)::int as id from audit_events`,
  );
  return row?.id ?? 0;
}

export async function auditSince(app: TestApp, id: number): Promise<AuditRow[]> {
  return queryRows<AuditRow>(
    app.database.db,
    sql`select id::int as id, operation, person_id, agency_id, recipient_agency_id, data_classes, details
        from audit_events where id > ${id} order by id`,
  );
}

/** Runs `work` and returns the audit entries it produced. */
export async function audited(app: TestApp, work: () => Promise<unknown>): Promise<AuditRow[]> {
  const from = await lastAuditId(app);
  await work();
  return auditSince(app, from);
}

export async function countRows(app: TestApp, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    app.database.db,
    sql.raw(`select count(*)::int as n from ${table}`),
  );
  return row?.n ?? 0;
}

/** Runs a change that must be refused and checks that it wrote nothing to these tables. */
export async function expectNothingWritten(
  app: TestApp,
  tables: readonly string[],
  run: () => Promise<void>,
): Promise<void> {
  const counts = async () => {
    const result: Record<string, number> = {};
    for (const t of tables) result[t] = await countRows(app, t);
    return result;
  };
  const before = await counts();
  await run();
  expect(await counts()).toEqual(before);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
