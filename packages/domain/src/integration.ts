import { defineEnum, type EnumValue } from "./enum.js";

/** The records an integrator (or an administrator in the portal) can import in bulk. */
export const ImportRecordType = defineEnum([
  "PERSON",
  "DETENTION_EPISODE",
  "PLACEMENT",
  "INFORMATION_REPORT",
] as const);
export type ImportRecordType = EnumValue<typeof ImportRecordType>;

/** NDJSON: one JSON object per line. CSV: a header line, then one record per line (RFC 4180). */
export const ImportFormat = defineEnum(["NDJSON", "CSV"] as const);
export type ImportFormat = EnumValue<typeof ImportFormat>;

/**
 * An import job's life: records are added (RECEIVING), then every line is validated (INVALID when
 * any line is bad: nothing is written), then applied in batches (RUNNING) until SUCCEEDED. A job
 * stopped by an error or a restart is FAILED and can be resumed from its first unapplied line.
 */
export const ImportJobStatus = defineEnum([
  "RECEIVING",
  "INVALID",
  "RUNNING",
  "FAILED",
  "SUCCEEDED",
] as const);
export type ImportJobStatus = EnumValue<typeof ImportJobStatus>;

/** What happened to a record, as the change feed reports it. */
export const ChangeOperation = defineEnum(["CREATED", "UPDATED", "DELETED"] as const);
export type ChangeOperation = EnumValue<typeof ChangeOperation>;
