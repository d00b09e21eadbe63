import type { ImportJobStatus, ImportRecordType } from "@continuum/domain";
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { agencies } from "../agencies/agency.table.js";
import { establishments, establishmentUnits } from "../establishments/establishment.table.js";
import { persons } from "../persons/person.table.js";
import type { ExternalRef, FieldProblem } from "./formats/format.js";
import { externalReferences, importJobLines, importJobs } from "./import.table.js";

export type ImportJobRow = typeof importJobs.$inferSelect;
export type NewImportJob = typeof importJobs.$inferInsert;

/** A job with what its progress figures need: the records applied since its (last) start. */
export interface ImportJobRecord extends ImportJobRow {
  appliedSinceStart: number;
}

/**
 * Line 0 is no line of the file: it holds what the job needs to read its next part (the CSV header,
 * how many lines of the file have arrived). Lines 1.. are the file's lines that hold a record.
 */
export const META_LINE = 0;

export interface MetaPayload {
  /** CSV only: the header's field names. */
  header?: string[];
  /** Lines of the file received so far (blank ones included), so that the next part numbers on. */
  lines: number;
}

export interface NewLine {
  lineNumber: number;
  payload: Record<string, unknown>;
  errors: FieldProblem[] | null;
}

const withProgress = {
  job: importJobs,
  appliedSinceStart: sql<number>`(select count(*) from ${importJobLines} l
    where l.job_id = ${importJobs.id} and l.line_number > 0 and l.applied_at >= ${importJobs.startedAt})`.mapWith(
    Number,
  ),
};

export async function insertJob(db: Db, job: NewImportJob & { id: string }): Promise<void> {
  await db.insert(importJobs).values(job);
}

export async function insertLines(db: Db, jobId: string, lines: readonly NewLine[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 1000)
    await db.insert(importJobLines).values(lines.slice(i, i + 1000).map((l) => ({ ...l, jobId })));
}

/** The job, where row-level security lets the actor's agency see it. */
export async function jobById(db: Db, id: string): Promise<ImportJobRecord | null> {
  const [row] = await db.select(withProgress).from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return row === undefined ? null : { ...row.job, appliedSinceStart: row.appliedSinceStart };
}

/** Locks the job's row for the rest of the transaction (parts, start and batches are serialised). */
export async function lockJob(db: Db, id: string): Promise<ImportJobRow | null> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id)).for("update");
  return row ?? null;
}

export async function listJobs(db: Db, agencyId: string, limit: number, offset: number) {
  const rows = await db
    .select(withProgress)
    .from(importJobs)
    .where(eq(importJobs.agencyId, agencyId))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r.job, appliedSinceStart: r.appliedSinceStart }));
}

export async function countJobs(db: Db, agencyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(importJobs)
    .where(eq(importJobs.agencyId, agencyId));
  return row?.n ?? 0;
}

export async function updateJob(
  db: Db,
  id: string,
  set: Partial<Omit<ImportJobRow, "id" | "agencyId" | "createdAt" | "createdBy">>,
): Promise<void> {
  await db
    .update(importJobs)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${importJobs.version} + 1` })
    .where(eq(importJobs.id, id));
}

export async function metaOf(db: Db, jobId: string): Promise<MetaPayload | null> {
  const [row] = await db
    .select({ payload: importJobLines.payload })
    .from(importJobLines)
    .where(and(eq(importJobLines.jobId, jobId), eq(importJobLines.lineNumber, META_LINE)));
  return (row?.payload as MetaPayload | undefined) ?? null;
}

export async function setMeta(db: Db, jobId: string, meta: MetaPayload): Promise<void> {
  await db
    .update(importJobLines)
    .set({ payload: meta as unknown as Record<string, unknown> })
    .where(and(eq(importJobLines.jobId, jobId), eq(importJobLines.lineNumber, META_LINE)));
}

export async function countRecordLines(db: Db, jobId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(importJobLines)
    .where(and(eq(importJobLines.jobId, jobId), gte(importJobLines.lineNumber, 1)));
  return row?.n ?? 0;
}

/** The next lines of the file after `afterLine`, in order. */
export function linesAfter(db: Db, jobId: string, afterLine: number, limit: number) {
  return db
    .select({
      lineNumber: importJobLines.lineNumber,
      payload: importJobLines.payload,
      errors: importJobLines.errors,
    })
    .from(importJobLines)
    .where(and(eq(importJobLines.jobId, jobId), sql`${importJobLines.lineNumber} > ${afterLine}`))
    .orderBy(asc(importJobLines.lineNumber))
    .limit(limit);
}

/** Writes the validation's verdict on lines: their problems, or none. */
export async function setLineErrors(
  db: Db,
  jobId: string,
  verdicts: readonly { line: number; errors: FieldProblem[] | null }[],
): Promise<void> {
  if (verdicts.length === 0) return;
  await db.execute(sql`
    update ${importJobLines} l set errors = v.errors
    from jsonb_to_recordset(${JSON.stringify(verdicts)}::jsonb) as v(line integer, errors jsonb)
    where l.job_id = ${jobId} and l.line_number = v.line`);
}

export async function lineErrors(db: Db, jobId: string, limit: number) {
  return db
    .select({ lineNumber: importJobLines.lineNumber, errors: importJobLines.errors })
    .from(importJobLines)
    .where(
      and(
        eq(importJobLines.jobId, jobId),
        gte(importJobLines.lineNumber, 1),
        sql`jsonb_array_length(coalesce(${importJobLines.errors}, '[]'::jsonb)) > 0`,
      ),
    )
    .orderBy(asc(importJobLines.lineNumber))
    .limit(limit);
}

/** The first lines not applied yet, in file order. */
export function unappliedLines(db: Db, jobId: string, limit: number) {
  return db
    .select({ lineNumber: importJobLines.lineNumber, payload: importJobLines.payload })
    .from(importJobLines)
    .where(
      and(
        eq(importJobLines.jobId, jobId),
        gte(importJobLines.lineNumber, 1),
        isNull(importJobLines.appliedAt),
      ),
    )
    .orderBy(asc(importJobLines.lineNumber))
    .limit(limit);
}

export async function markApplied(
  db: Db,
  jobId: string,
  applied: readonly { line: number; recordId: string }[],
): Promise<void> {
  if (applied.length === 0) return;
  await db.execute(sql`
    update ${importJobLines} l set record_id = v.record_id, applied_at = now()
    from jsonb_to_recordset(${JSON.stringify(applied.map((a) => ({ line: a.line, record_id: a.recordId })))}::jsonb)
      as v(line integer, record_id uuid)
    where l.job_id = ${jobId} and l.line_number = v.line and l.applied_at is null`);
}

/** Personal data is not kept twice: once every record is applied, the lines keep only their outcome. */
export async function emptyPayloads(db: Db, jobId: string): Promise<void> {
  await db.update(importJobLines).set({ payload: {} }).where(eq(importJobLines.jobId, jobId));
}

/** The records these external IDs stand for in the job's namespace (agency, source system, record type). */
export async function externalRefs(
  db: Db,
  scope: { agencyId: string; sourceSystem: string; recordType: ImportRecordType },
  externalIds: readonly string[],
): Promise<Map<string, ExternalRef>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({
      externalId: externalReferences.externalId,
      recordId: externalReferences.recordId,
      personId: externalReferences.personId,
    })
    .from(externalReferences)
    .where(
      and(
        eq(externalReferences.agencyId, scope.agencyId),
        eq(externalReferences.sourceSystem, scope.sourceSystem),
        eq(externalReferences.recordType, scope.recordType),
        inArray(externalReferences.externalId, [...new Set(externalIds)]),
      ),
    );
  return new Map(rows.map((r) => [r.externalId, { recordId: r.recordId, personId: r.personId }]));
}

export async function insertExternalRefs(
  db: Db,
  refs: readonly (typeof externalReferences.$inferInsert)[],
): Promise<void> {
  if (refs.length > 0) await db.insert(externalReferences).values([...refs]);
}

/** Persons by case reference (CX-YYYY-NNNN), among those row-level security shows the actor. */
export async function personsByReferences(
  db: Db,
  references: readonly string[],
): Promise<Map<string, string>> {
  if (references.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, reference: persons.reference })
    .from(persons)
    .where(inArray(persons.reference, [...new Set(references)]));
  return new Map(rows.map((r) => [r.reference, r.id]));
}

export async function establishmentsByCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: establishments.id, code: establishments.code })
    .from(establishments)
    .where(inArray(establishments.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Units by "<establishment code>/<unit code>". */
export async function unitsByCodes(db: Db, unitCodes: readonly string[]) {
  if (unitCodes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: establishmentUnits.id, code: establishmentUnits.code, establishment: establishments.code })
    .from(establishmentUnits)
    .innerJoin(establishments, eq(establishments.id, establishmentUnits.establishmentId))
    .where(inArray(establishmentUnits.code, [...new Set(unitCodes)]));
  return new Map(rows.map((r) => [`${r.establishment}/${r.code}`, r.id]));
}

export async function agenciesByCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** A person's identity as a re-import states it (the caller has locked the case and checked the feed). */
export async function updatePersonIdentity(
  db: Db,
  personId: string,
  identity: Pick<
    typeof persons.$inferInsert,
    | "familyName"
    | "givenNames"
    | "aliases"
    | "dateOfBirth"
    | "sex"
    | "nationalities"
    | "languageCommunity"
    | "returnee"
    | "failedTraveller"
    | "ideology"
    | "sortName"
    | "searchText"
  >,
): Promise<void> {
  await db
    .update(persons)
    .set({ ...identity, version: sql`${persons.version} + 1` })
    .where(eq(persons.id, personId));
}

export async function personById(db: Db, personId: string) {
  const [row] = await db.select().from(persons).where(eq(persons.id, personId)).limit(1);
  return row ?? null;
}

// The owner's side (start-up, the runner's bookkeeping outside any actor's session).

/** Who a job runs as, read by the owner before the actor's session can be built. */
export async function jobCreator(db: Db, id: string) {
  const [row] = await db
    .select({
      status: importJobs.status,
      createdBy: importJobs.createdBy,
      tokenId: importJobs.tokenId,
      agencyId: importJobs.agencyId,
      purposeCode: importJobs.purposeCode,
      purposeNote: importJobs.purposeNote,
    })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  return row ?? null;
}

/** Stops a running job: FAILED with the reason, resumable from its first unapplied line. */
export async function failJob(db: Db, id: string, failure: string): Promise<void> {
  await db
    .update(importJobs)
    .set({
      status: "FAILED" satisfies ImportJobStatus,
      failure,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
      version: sql`${importJobs.version} + 1`,
    })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, "RUNNING")));
}

/** Jobs left RUNNING by a process that stopped: FAILED, to be resumed. Returns how many. */
export async function failRunningJobs(db: Db, failure: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update ${importJobs} set status = 'FAILED', failure = ${failure}, finished_at = now(),
          updated_at = now(), version = version + 1
        where status = 'RUNNING' returning id`,
  );
  return rows.length;
}
