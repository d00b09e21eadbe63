import type { ImportFormat, ImportRecordType } from "@continuum/domain";
import { z } from "zod";
import { requireAction, requireActor } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import { type Page, pageByOffset } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import { toGlobalId, uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import type { FieldProblem, JobScope, LineError, Parsed } from "./formats/format.js";
import { formatOf } from "./formats/index.js";
import type { ImportJobAppendInput, ImportJobCreateInput, ImportJobStartInput } from "./import.input.js";
import { parsePart } from "./import.parse.js";
import {
  countJobs,
  countRecordLines,
  type ImportJobRecord,
  type ImportJobRow,
  insertJob,
  insertLines,
  jobById,
  lineErrors,
  linesAfter,
  listJobs,
  lockJob,
  META_LINE,
  metaOf,
  setLineErrors,
  setMeta,
  updateJob,
} from "./import.repository.js";
import { importRunnerOf } from "./import.runner.js";

/** At most this many records in one job: a larger file is several jobs. */
export const MAX_RECORDS_PER_JOB = 100_000;
/** Lines validated per statement round (a job's lines are never all in memory at once). */
const VALIDATION_CHUNK = 2000;
export const LINE_ERRORS_DEFAULT = 100;
export const LINE_ERRORS_MAX = 1000;

const createSchema = z.object({
  sourceSystem: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(100, { message: "must be at most 100 characters" }),
  fileName: z
    .string()
    .trim()
    .min(1, { message: "must not be empty" })
    .max(200, { message: "must be at most 200 characters" }),
});

function tooMany(count: number): never {
  return reject(
    "content",
    `a job holds at most ${MAX_RECORDS_PER_JOB.toLocaleString("en")} records (this one would hold ${count.toLocaleString("en")}): split the file into several jobs`,
    UserErrorCode.RULE_VIOLATION,
  );
}

/** The job named by a global ID, locked, when the actor's agency sees it and the actor created it. */
async function ownJob(ctx: RequestContext, tx: Tx, actor: Actor, id: string): Promise<ImportJobRow> {
  const uuid = uuidOf(id, "ImportJob");
  const job = uuid === null ? null : await lockJob(tx, uuid);
  if (job === null || job.agencyId !== actor.agencyId)
    return reject("importJobId", "no import job with this ID", UserErrorCode.NOT_FOUND);
  requireAction(ctx, formatOf(job.recordType).action);
  if (job.createdBy !== actor.userId || job.tokenId !== actor.tokenId)
    reject(
      "importJobId",
      "only the account (or API token) that created the job may send its parts, start or resume it",
      UserErrorCode.RULE_VIOLATION,
    );
  return job;
}

async function receive(
  tx: Tx,
  job: { id: string; recordType: ImportRecordType; format: ImportFormat; total: number },
  content: string,
): Promise<number> {
  const meta = (await metaOf(tx, job.id)) ?? { lines: 0 };
  const part = parsePart(job.format, content, meta, formatOf(job.recordType).fields);
  if (part.problem !== null) reject("content", part.problem);
  const total = job.total + part.lines.length;
  if (total > MAX_RECORDS_PER_JOB) tooMany(total);
  await insertLines(tx, job.id, part.lines);
  await setMeta(tx, job.id, part.meta);
  return total;
}

/** A new job holding the first part of its file (RECEIVING). */
export function createImportJob(
  ctx: RequestContext,
  input: ImportJobCreateInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAction(ctx, formatOf(input.recordType).action);
  return runMutation(ctx, async (tx) => {
    const { sourceSystem, fileName } = parseInput(createSchema, {
      sourceSystem: input.sourceSystem,
      fileName: input.fileName,
    });
    const purpose = actor.purpose ?? reject(null, "state a purpose first");
    const id = newId();
    await insertJob(tx, {
      id,
      recordType: input.recordType,
      format: input.format,
      sourceSystem,
      fileName,
      agencyId: actor.agencyId,
      tokenId: actor.tokenId,
      purposeCode: purpose.code,
      purposeNote: purpose.note,
      createdBy: actor.userId,
    });
    await insertLines(tx, id, [{ lineNumber: META_LINE, payload: { lines: 0 }, errors: null }]);
    const total = await receive(
      tx,
      { id, recordType: input.recordType, format: input.format, total: 0 },
      input.content,
    );
    await updateJob(tx, id, { total });
    return id;
  });
}

/** Adds a part of the file to a job still RECEIVING. */
export function appendToImportJob(
  ctx: RequestContext,
  input: ImportJobAppendInput,
): Promise<MutationOutcome<string>> {
  const actor = requireActor(ctx);
  return runMutation(ctx, async (tx) => {
    const job = await ownJob(ctx, tx, actor, input.importJobId);
    if (job.status !== "RECEIVING")
      reject(
        "importJobId",
        `the job is ${job.status}: parts are added before it starts`,
        UserErrorCode.RULE_VIOLATION,
      );
    const total = await receive(tx, job, input.content);
    await updateJob(tx, job.id, { total });
    return job.id;
  });
}

/**
 * Validates every line (shape, domain rules, codes, references, duplicates) in the actor's session.
 * Any problem: INVALID, each bad line's problems kept, nothing written to the case tables. Otherwise
 * RUNNING: the runner applies the records in batches once this request has committed.
 */
export function startImportJob(
  ctx: RequestContext,
  input: ImportJobStartInput,
): Promise<MutationOutcome<string>> {
  const actor = requireActor(ctx);
  return runMutation(ctx, async (tx) => {
    const job = await ownJob(ctx, tx, actor, input.importJobId);
    if (job.status !== "RECEIVING")
      reject(
        "importJobId",
        `the job is ${job.status}: only a job receiving its file can start`,
        UserErrorCode.RULE_VIOLATION,
      );
    const total = await countRecordLines(tx, job.id);
    if (total === 0) reject("importJobId", "the job holds no records", UserErrorCode.RULE_VIOLATION);
    const invalid = await validateLines(ctx, tx, job);
    // Validation tells which references and external IDs name persons: the question is audited.
    ctx.audit.record({
      operation: "SEARCH",
      details: {
        mutation: "importJobStart",
        importJobId: toGlobalId("ImportJob", job.id),
        recordType: job.recordType,
        lines: total,
        invalid,
      },
    });
    if (invalid > 0)
      await updateJob(tx, job.id, { status: "INVALID", total, invalid, finishedAt: new Date() });
    else {
      await updateJob(tx, job.id, {
        status: "RUNNING",
        total,
        invalid: 0,
        applied: 0,
        startedAt: new Date(),
      });
      importRunnerOf(ctx.database)?.wake(job.id);
    }
    return job.id;
  });
}

/** Runs a FAILED job again from its first unapplied record. */
export function resumeImportJob(
  ctx: RequestContext,
  input: ImportJobStartInput,
): Promise<MutationOutcome<string>> {
  const actor = requireActor(ctx);
  return runMutation(ctx, async (tx) => {
    const job = await ownJob(ctx, tx, actor, input.importJobId);
    if (job.status !== "FAILED")
      reject(
        "importJobId",
        `the job is ${job.status}: only a FAILED job is resumed`,
        UserErrorCode.RULE_VIOLATION,
      );
    await updateJob(tx, job.id, {
      status: "RUNNING",
      failure: null,
      finishedAt: null,
      startedAt: new Date(),
    });
    importRunnerOf(ctx.database)?.wake(job.id);
    return job.id;
  });
}

/** Checks every line of the job, chunk by chunk; writes each line's verdict; returns the bad lines' count. */
async function validateLines(ctx: RequestContext, tx: Tx, job: ImportJobRow): Promise<number> {
  const format = formatOf(job.recordType);
  const scope: JobScope = {
    jobId: job.id,
    agencyId: job.agencyId,
    sourceSystem: job.sourceSystem,
    recordType: job.recordType,
  };
  const seen = new Map<string, number>();
  let invalid = 0;
  let after = META_LINE;
  for (;;) {
    const lines = await linesAfter(tx, job.id, after, VALIDATION_CHUNK);
    if (lines.length === 0) break;
    after = lines.at(-1)?.lineNumber ?? after;
    const problems = new Map<number, FieldProblem[]>();
    const add = (e: LineError) =>
      problems.set(e.line, [...(problems.get(e.line) ?? []), { field: e.field, reason: e.reason }]);
    const parsed: Parsed<unknown>[] = [];
    for (const line of lines) {
      // Problems found when the line was read (unreadable JSON or CSV) stand.
      if (line.errors !== null && line.errors.length > 0) {
        for (const e of line.errors) add({ line: line.lineNumber, ...e });
        continue;
      }
      const result = format.parse(line.payload);
      if (result.errors !== null) {
        for (const e of result.errors) add({ line: line.lineNumber, ...e });
        continue;
      }
      const externalId = (result.value as { externalId: string }).externalId;
      const first = seen.get(externalId);
      if (first !== undefined) {
        add({
          line: line.lineNumber,
          field: "externalId",
          reason: `is already the externalId of line ${first}`,
        });
        continue;
      }
      seen.set(externalId, line.lineNumber);
      parsed.push({ line: line.lineNumber, value: result.value });
    }
    for (const e of await format.check(tx, ctx, scope, parsed)) add(e);
    invalid += problems.size;
    await setLineErrors(
      tx,
      job.id,
      lines.map((l) => ({ line: l.lineNumber, errors: problems.get(l.lineNumber) ?? null })),
    );
  }
  return invalid;
}

/** The import jobs of the caller's agency, newest first. */
export function listImportJobs(
  ctx: RequestContext,
  first: number,
  after: string | null | undefined,
): Promise<Page<ImportJobRecord>> {
  const actor = requireActor(ctx);
  return ctx.tx.get().then((tx) =>
    pageByOffset(
      first,
      after,
      (limit, offset) => listJobs(tx, actor.agencyId, limit, offset),
      () => countJobs(tx, actor.agencyId),
    ),
  );
}

/** One job of the caller's agency; null when unknown or another agency's. */
export async function findImportJob(ctx: RequestContext, id: string): Promise<ImportJobRecord | null> {
  const actor = requireActor(ctx);
  const uuid = uuidOf(id, "ImportJob");
  if (uuid === null) return null;
  const job = await jobById(await ctx.tx.get(), uuid);
  return job !== null && job.agencyId === actor.agencyId ? job : null;
}

/** A job's bad lines in line order (each problem one entry). */
export async function importLineErrors(ctx: RequestContext, jobId: string, first: number | null | undefined) {
  const limit = first ?? LINE_ERRORS_DEFAULT;
  if (!Number.isInteger(limit) || limit < 0 || limit > LINE_ERRORS_MAX)
    throw badUserInput(`first must be between 0 and ${LINE_ERRORS_MAX}`, "first");
  const rows = await lineErrors(await ctx.tx.get(), jobId, limit);
  return rows
    .flatMap((r) => (r.errors ?? []).map((e) => ({ line: r.lineNumber, field: e.field, reason: e.reason })))
    .slice(0, limit);
}
