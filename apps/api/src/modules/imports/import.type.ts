import { ImportFormat, ImportJobStatus, ImportRecordType } from "@continuum/domain";
import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionOf } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.js";
import { DateTimeScalar } from "../../graphql/scalars.js";
import type { ImportJobRecord } from "./import.repository.js";

registerEnumType(ImportRecordType, {
  name: "ImportRecordType",
  description: "Which records an import holds.",
  valuesConfig: {
    PERSON: { description: "Persons (identity), as personRegister registers them." },
    DETENTION_EPISODE: {
      description: "Detention episodes (admission, and release), as detentionEpisodeOpen records them.",
    },
    PLACEMENT: { description: "Moves within a detention episode, as placementRecord records them." },
    INFORMATION_REPORT: { description: "Information reports, as reportFile files them." },
  },
});
registerEnumType(ImportFormat, {
  name: "ImportFormat",
  description: "How the file is written.",
  valuesConfig: {
    NDJSON: { description: "One JSON object per line." },
    CSV: { description: "A header line with the field names, then one record per line (RFC 4180)." },
  },
});
registerEnumType(ImportJobStatus, {
  name: "ImportJobStatus",
  description: "Where an import job stands.",
  valuesConfig: {
    RECEIVING: { description: "Parts of the file are being added; not validated yet." },
    INVALID: { description: "Some lines are bad (see lineErrors): nothing was written." },
    RUNNING: { description: "Valid; the records are being applied in batches." },
    FAILED: { description: "Stopped by an error or a restart (see failure); resume it to continue." },
    SUCCEEDED: { description: "Every record is applied." },
  },
});

@ObjectType({ description: "A bad line of an import file." })
export class ImportLineError {
  @Field(() => Int, { description: "The line number in the file as you see it (a CSV header is line 1)." })
  line: number;

  @Field({ description: "The field concerned, or (line) for the line as a whole." })
  field: string;

  @Field({ description: "What is wrong, in English." })
  reason: string;
}

@ObjectType("ImportJob", {
  implements: Node,
  description: "A bulk import of records of one type, validated as a whole, then applied in batches.",
})
export class ImportJobType extends Node {
  uuid: string;

  @Field(() => ImportRecordType, { description: "Which records the job holds." })
  recordType: ImportRecordType;

  @Field(() => ImportFormat, { description: "How its file is written." })
  format: ImportFormat;

  @Field({ description: "The system the records come from: the namespace of their externalIds." })
  sourceSystem: string;

  @Field({ description: "The file's name." })
  fileName: string;

  @Field(() => ImportJobStatus, { description: "Where the job stands." })
  status: ImportJobStatus;

  @Field(() => Int, { description: "Records in the job (lines with a record)." })
  total: number;

  @Field(() => Int, { description: "Records applied so far." })
  applied: number;

  @Field(() => Int, { description: "Lines that failed validation." })
  invalid: number;

  @Field(() => Float, {
    nullable: true,
    description: "Records applied per minute since the run started (null before it starts).",
  })
  recordsPerMinute: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the remaining records should be applied at the current rate (null unless RUNNING).",
  })
  estimatedCompletionAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the (last) run started." })
  startedAt: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the job ended (or its last run stopped).",
  })
  finishedAt: Date | null;

  @Field(() => DateTimeScalar, { description: "When the job was created." })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: "Why the last run stopped, when FAILED." })
  failure: string | null;

  static from(r: ImportJobRecord, now: Date = new Date()): ImportJobType {
    let rate: number | null = null;
    let eta: Date | null = null;
    if (r.startedAt !== null) {
      const end = r.status === "RUNNING" ? now : (r.finishedAt ?? now);
      const minutes = Math.max(end.getTime() - r.startedAt.getTime(), 1000) / 60_000;
      rate = r.appliedSinceStart / minutes;
      if (r.status === "RUNNING" && rate > 0)
        eta = new Date(now.getTime() + ((r.total - r.applied) / rate) * 60_000);
    }
    return Object.assign(new ImportJobType(), {
      id: toGlobalId("ImportJob", r.id),
      uuid: r.id,
      recordType: r.recordType,
      format: r.format,
      sourceSystem: r.sourceSystem,
      fileName: r.fileName,
      status: r.status,
      total: r.total,
      applied: r.applied,
      invalid: r.invalid,
      recordsPerMinute: rate,
      estimatedCompletionAt: eta,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      createdAt: r.createdAt,
      failure: r.failure,
    });
  }
}

export const ImportJobConnection = connectionOf(
  ImportJobType,
  "ImportJob",
  "A page of import jobs, newest first.",
);
