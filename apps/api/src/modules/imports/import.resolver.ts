import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { mapPage } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import {
  ImportJobAppendInput,
  ImportJobCreateInput,
  ImportJobResumeInput,
  ImportJobStartInput,
} from "./import.input.js";
import {
  ImportJobAppendPayload,
  ImportJobCreatePayload,
  ImportJobResumePayload,
  ImportJobStartPayload,
} from "./import.payload.js";
import { jobById } from "./import.repository.js";
import {
  appendToImportJob,
  createImportJob,
  findImportJob,
  importLineErrors,
  listImportJobs,
  resumeImportJob,
  startImportJob,
} from "./import.service.js";
import { ImportJobConnection, ImportJobType, ImportLineError } from "./import.type.js";

/** The payload of an import mutation: the job read afresh, as the actor now sees it. */
async function payloadOf<P extends { importJob: ImportJobType | null; userErrors: unknown[] }>(
  ctx: RequestContext,
  Payload: new () => P,
  outcome: MutationOutcome<string>,
): Promise<P> {
  const job = outcome.result === null ? null : await jobById(await ctx.tx.get(), outcome.result);
  return Object.assign(new Payload(), {
    importJob: job === null ? null : ImportJobType.from(job),
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => ImportJobType)
export class ImportJobResolver {
  @Query(() => ImportJobConnection, { description: "The import jobs of the caller's agency, newest first." })
  @Rule("AUTHENTICATED")
  async importJobs(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20, description: "Page size, 1 to 100." })
    first: number,
    @Arg("after", () => String, {
      nullable: true,
      description: "Cursor of the last job of the previous page.",
    })
    after: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ImportJobConnection.fromPage(
      mapPage(await listImportJobs(ctx, first, after), (j) => ImportJobType.from(j)),
    );
  }

  @Query(() => ImportJobType, {
    nullable: true,
    description: "One import job of the caller's agency (null when unknown or another agency's).",
  })
  @Rule("AUTHENTICATED")
  async importJob(
    @Arg("id", () => ID, { description: "The job's global ID." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobType | null> {
    const job = await findImportJob(ctx, id);
    return job === null ? null : ImportJobType.from(job);
  }

  @FieldResolver(() => [ImportLineError], {
    description: "The bad lines, in line order (at most `first`, default 100, max 1000).",
  })
  async lineErrors(
    @Root() job: ImportJobType,
    @Arg("first", () => Int, {
      nullable: true,
      description: "At most this many errors (default 100, max 1000).",
    })
    first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportLineError[]> {
    return (await importLineErrors(ctx, job.uuid, first)).map((e) => Object.assign(new ImportLineError(), e));
  }

  @Mutation(() => ImportJobCreatePayload, {
    description:
      "Creates an import job with the first part of its file (RECEIVING). At most 1 MB per request, 100 000 records per job.",
  })
  @Rule("WRITE")
  async importJobCreate(
    @Arg("input", () => ImportJobCreateInput, { description: "The job and the first part of its file." })
    input: ImportJobCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobCreatePayload> {
    return payloadOf(ctx, ImportJobCreatePayload, await createImportJob(ctx, input));
  }

  @Mutation(() => ImportJobAppendPayload, {
    description: "Adds a part of the file (files larger than one request are sent in parts of under 1 MB).",
  })
  @Rule("WRITE")
  async importJobAppend(
    @Arg("input", () => ImportJobAppendInput, { description: "The job and the next part of its file." })
    input: ImportJobAppendInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobAppendPayload> {
    return payloadOf(ctx, ImportJobAppendPayload, await appendToImportJob(ctx, input));
  }

  @Mutation(() => ImportJobStartPayload, {
    description:
      "Validates every line; INVALID (nothing written) or RUNNING (applied in batches in the background). Returns at once.",
  })
  @Rule("WRITE")
  async importJobStart(
    @Arg("input", () => ImportJobStartInput, { description: "The job to start." }) input: ImportJobStartInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobStartPayload> {
    return payloadOf(ctx, ImportJobStartPayload, await startImportJob(ctx, input));
  }

  @Mutation(() => ImportJobResumePayload, {
    description: "Runs a FAILED job again from its first unapplied record.",
  })
  @Rule("WRITE")
  async importJobResume(
    @Arg("input", () => ImportJobResumeInput, { description: "The job to resume." })
    input: ImportJobResumeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportJobResumePayload> {
    return payloadOf(ctx, ImportJobResumePayload, await resumeImportJob(ctx, input));
  }
}
