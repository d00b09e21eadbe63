import { ImportFormat, ImportRecordType } from "@continuum/domain";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "A new import job with the first part of its file." })
export class ImportJobCreateInput {
  @Field(() => ImportRecordType, { description: "Which records the file holds (one type per job)." })
  recordType: ImportRecordType;

  @Field(() => ImportFormat, { description: "How the file is written." })
  format: ImportFormat;

  @Field({
    description:
      'The system the records come from, 1 to 100 characters (e.g. "SIDIS-SUITE"): with your agency, the namespace of their externalIds.',
  })
  sourceSystem: string;

  @Field({ description: "The file's name, 1 to 200 characters (shown in the job list)." })
  fileName: string;

  @Field({
    description:
      "The file's text, or its first part (a part ends at a line boundary; for CSV the header is in the first part only).",
  })
  content: string;
}

@InputType({ description: "The next part of a job's file." })
export class ImportJobAppendInput {
  @Field(() => ID, { description: "The job, still RECEIVING." })
  importJobId: string;

  @Field({ description: "The next part of the file (ends at a line boundary; no CSV header)." })
  content: string;
}

@InputType({ description: "Starts a job once its whole file has arrived." })
export class ImportJobStartInput {
  @Field(() => ID, { description: "The job, RECEIVING." })
  importJobId: string;
}

@InputType({ description: "Resumes a FAILED job." })
export class ImportJobResumeInput {
  @Field(() => ID, { description: "The job, FAILED." })
  importJobId: string;
}
