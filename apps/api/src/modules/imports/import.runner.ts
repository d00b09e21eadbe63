import { todayIso } from "@continuum/domain";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { type AuditActor, type AuditEvent, AuditLog } from "../../access/audit.js";
import { enterActorSession } from "../../access/database-session.js";
import { requireAction, viewerScope } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import { rebuildActor } from "../../auth/auth.repository.js";
import type { Config } from "../../config.js";
import type { Database, Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import { RequestTransaction } from "../../db/request-transaction.js";
import type { RequestContext } from "../../graphql/context.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { createLoaders } from "../../graphql/loaders.js";
import { postgresError } from "../../graphql/mutation.js";
import {
  type Applied,
  ApplyRefused,
  type JobScope,
  type RecordFormat,
  WHOLE_LINE,
} from "./formats/format.js";
import { formatOf } from "./formats/index.js";
import {
  emptyPayloads,
  externalRefs,
  failJob,
  failRunningJobs,
  insertExternalRefs,
  jobCreator,
  lockJob,
  markApplied,
  unappliedLines,
  updateJob,
} from "./import.repository.js";

/** Records applied per transaction. */
export const IMPORT_BATCH_SIZE = 500;
export const RESTART_FAILURE = "interrupted by a restart of the API: resume the job to continue";
const SHUTDOWN_FAILURE = "interrupted by a shutdown of the API: resume the job to continue";

/** Audit entries of a batch name the job and the batch's lines as their source. */
class ImportAuditLog extends AuditLog {
  lines: [number, number] = [0, 0];
  line = 0;
  /** The lines of records applied together, in order: each entry recorded meanwhile takes the next. */
  pendingLines: number[] = [];

  constructor(
    requestId: string,
    actor: AuditActor,
    private readonly importJobId: string,
  ) {
    super(requestId, actor);
  }

  override record(event: AuditEvent): void {
    super.record({
      ...event,
      details: {
        ...event.details,
        importJobId: this.importJobId,
        lines: this.lines,
        line: this.pendingLines.shift() ?? this.line,
      },
    });
  }
}

/** A line that stopped the job: its number and why. */
class LineFailed extends Error {
  constructor(
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`line ${line}: ${field}: ${reason}`);
  }
}

const runners = new WeakMap<Database, ImportRunner>();

/** The runner of the server that owns this database (none in scripts). */
export function importRunnerOf(database: Database): ImportRunner | undefined {
  return runners.get(database);
}

/**
 * Applies RUNNING jobs in the background, one batch per transaction, as the job's creator: the
 * session, access policy and audit of the one-by-one mutations. Each batch marks its lines applied
 * and the job's count in the same transaction, so a crash never loses or doubles a record; a batch
 * that fails rolls back whole and stops the job (FAILED, resumable from its first unapplied line).
 */
export class ImportRunner {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  /** Records per transaction (tests make it small to see a job stop between batches). */
  batchSize = IMPORT_BATCH_SIZE;

  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    runners.set(database, this);
  }

  /** Starts applying a job (after the current request commits: the first batch waits for its lock). */
  wake(jobId: string): void {
    if (this.stopping || this.running.has(jobId)) return;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(jobId))
      .catch((error: unknown) => this.logger.error({ err: error, jobId }, "import job runner failed"))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  /** Lets the batches in flight finish, then stops; jobs left RUNNING are marked FAILED (resumable). */
  async stop(): Promise<void> {
    this.stopping = true;
    const ids = [...this.running.keys()];
    await Promise.all(this.running.values());
    for (const id of ids) await failJob(this.database.db, id, SHUTDOWN_FAILURE).catch(() => undefined);
    if (runners.get(this.database) === this) runners.delete(this.database);
  }

  private async run(jobId: string): Promise<void> {
    while (!this.stopping) {
      if (!(await this.batch(jobId))) return;
      // Embedded Postgres (PGlite) runs in this thread and answers as microtasks: without a turn of
      // the event loop between batches, requests (the progress polls) would wait for the whole job.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private context(actor: Actor, jobId: string): ImportContext {
    const requestId = newId();
    const tx = new RequestTransaction(this.database.db, (opened) => enterActorSession(opened, actor));
    tx.isolationLevel = "read committed";
    const ctx: RequestContext & { audit: ImportAuditLog } = {
      requestId,
      actor,
      ip: "import-runner",
      userAgent: null,
      today: todayIso(),
      config: this.config,
      database: this.database,
      tx,
      audit: new ImportAuditLog(
        requestId,
        { userId: actor.userId, tokenId: actor.tokenId, agencyId: actor.agencyId, purpose: actor.purpose },
        toGlobalId("ImportJob", jobId),
      ),
      loaders: createLoaders(
        () => tx.get(),
        () => viewerScope(ctx.actor),
      ),
      responseCookies: [],
    };
    return ctx;
  }

  /**
   * Applies a batch's lines, in one transaction. Records new to the job's source are applied together
   * where the format can (persons: a few statements for the batch); if that fails, they are applied
   * again one by one, so that the failure names its line. Records imported before (updates), and
   * every record of the other formats, are applied one by one, in line order.
   */
  private async apply(
    ctx: ImportContext,
    tx: Tx,
    format: RecordFormat<unknown>,
    scope: JobScope,
    lines: readonly { lineNumber: number; payload: Record<string, unknown> }[],
  ): Promise<{ line: number; recordId: string }[]> {
    const records: BatchRecord[] = lines.map((line) => {
      const parsed = format.parse(line.payload);
      if (parsed.errors !== null) {
        const [first] = parsed.errors;
        throw lineFailure(
          line.lineNumber,
          new ApplyRefused(first?.field ?? WHOLE_LINE, first?.reason ?? "is not valid"),
        );
      }
      const externalId = (parsed.value as { externalId: string }).externalId;
      return { line: line.lineNumber, value: parsed.value, externalId };
    });
    const known = await externalRefs(
      tx,
      scope,
      records.map((r) => r.externalId),
    );
    const newRef = (r: BatchRecord, outcome: Applied) => ({
      agencyId: scope.agencyId,
      sourceSystem: scope.sourceSystem,
      recordType: scope.recordType,
      externalId: r.externalId,
      recordId: outcome.recordId,
      personId: outcome.personId,
      createdBy: ctx.actor?.userId ?? null,
    });
    const applied = new Map<number, Applied>();
    const distinct = new Set(records.map((r) => r.externalId)).size === records.length;
    const fresh = distinct ? records.filter((r) => !known.has(r.externalId)) : [];
    if (format.applyNew !== undefined && fresh.length > 1) {
      const applyNew = format.applyNew;
      ctx.audit.pendingLines = fresh.map((r) => r.line);
      const recorded = ctx.audit.eventCount;
      try {
        const outcomes = await ctx.tx.savepoint(async (savepoint) => {
          const result = await applyNew(
            ctx,
            scope,
            fresh.map((r) => r.value),
          );
          await insertExternalRefs(
            savepoint,
            fresh.map((r, i) => newRef(r, result[i] as Applied)),
          );
          return result;
        });
        for (const [i, r] of fresh.entries()) applied.set(r.line, outcomes[i] as Applied);
      } catch (error) {
        // Rolled back to the savepoint: the entries of what it wrote go too, before the replay.
        ctx.audit.discardEventsAfter(recorded);
        this.logger.info(
          { err: error, jobId: scope.jobId },
          "an import batch is applied one record at a time",
        );
      } finally {
        ctx.audit.pendingLines = [];
      }
    }
    for (const r of records) {
      if (applied.has(r.line)) continue;
      ctx.audit.line = r.line;
      try {
        const existing = known.get(r.externalId) ?? null;
        const outcome = await format.apply(ctx, scope, r.value, existing);
        if (existing === null) {
          await insertExternalRefs(tx, [newRef(r, outcome)]);
          known.set(r.externalId, outcome);
        }
        applied.set(r.line, outcome);
      } catch (error) {
        throw lineFailure(r.line, error);
      }
    }
    return records.map((r) => ({ line: r.line, recordId: (applied.get(r.line) as Applied).recordId }));
  }

  /** One batch; true when more records remain. */
  private async batch(jobId: string): Promise<boolean> {
    const db = this.database.db;
    const creator = await jobCreator(db, jobId);
    if (creator === null || creator.createdBy === null) return false;
    const actor = await rebuildActor(
      db,
      {
        userId: creator.createdBy,
        tokenId: creator.tokenId,
        purpose: { code: creator.purposeCode, note: creator.purposeNote },
      },
      this.config.mfaEnforced,
    );
    if (actor === null) {
      await failJob(
        db,
        jobId,
        "the account or API token that created the job can no longer act (disabled, revoked or expired)",
      );
      return false;
    }
    const ctx = this.context(actor, jobId);
    let more = false;
    try {
      const tx = await ctx.tx.get();
      const job = await lockJob(tx, jobId);
      if (job === null || job.status !== "RUNNING") {
        await ctx.tx.end(true);
        return false;
      }
      const format = formatOf(job.recordType);
      const scope: JobScope = {
        jobId: job.id,
        agencyId: job.agencyId,
        sourceSystem: job.sourceSystem,
        recordType: job.recordType,
      };
      requireAction(ctx, format.action);
      const lines = await unappliedLines(tx, job.id, this.batchSize);
      ctx.audit.lines = [lines[0]?.lineNumber ?? 0, lines.at(-1)?.lineNumber ?? 0];
      const applied = await this.apply(ctx, tx, format, scope, lines);
      ctx.audit.line = 0;
      ctx.audit.record({
        operation: "UPDATE",
        details: { importBatch: job.recordType, applied: applied.length },
      });
      await markApplied(tx, job.id, applied);
      const done = job.applied + applied.length;
      more = lines.length > 0 && done < job.total;
      if (more) await updateJob(tx, job.id, { applied: done });
      else {
        await updateJob(tx, job.id, { applied: done, status: "SUCCEEDED", finishedAt: new Date() });
        await emptyPayloads(tx, job.id);
      }
      await ctx.audit.flush(tx);
      await ctx.tx.end(true);
      return more;
    } catch (error) {
      await ctx.tx.end(false).catch(() => undefined);
      const failure =
        error instanceof LineFailed
          ? `Line ${error.line}: ${error.field === WHOLE_LINE ? "" : `${error.field}: `}${error.reason}`
          : error instanceof GraphQLError
            ? error.message
            : "the batch could not be written; resume the job to try again";
      if (!(error instanceof LineFailed) || error.field === WHOLE_LINE)
        this.logger.warn({ err: error, jobId }, "an import batch failed");
      await failJob(db, jobId, failure);
      return false;
    }
  }
}

type ImportContext = RequestContext & { audit: ImportAuditLog };

/** A line of the batch, read, with its external ID. */
interface BatchRecord {
  line: number;
  value: unknown;
  externalId: string;
}

/** Why a line could not be applied, in words for the user (the database's own words stay in the log). */
function lineFailure(line: number, error: unknown): LineFailed {
  if (error instanceof ApplyRefused) return new LineFailed(line, error.field, error.reason);
  if (error instanceof GraphQLError) return new LineFailed(line, WHOLE_LINE, error.message);
  const pg = postgresError(error);
  return new LineFailed(
    line,
    WHOLE_LINE,
    pg === null ? "could not be applied (internal error)" : `the database refused the change (${pg.code})`,
  );
}

/** At start-up: jobs a previous process left RUNNING are FAILED, so that they can be resumed. */
export function failInterruptedImports(database: Database): Promise<number> {
  return failRunningJobs(database.db, RESTART_FAILURE);
}
