import type { ImportRecordType } from "@continuum/domain";
import { episodeFormat } from "./episode.format.js";
import type { RecordFormat } from "./format.js";
import { personFormat } from "./person.format.js";
import { placementFormat } from "./placement.format.js";
import { reportFormat } from "./report.format.js";

const FORMATS: Record<ImportRecordType, RecordFormat<unknown>> = {
  PERSON: personFormat as RecordFormat<unknown>,
  DETENTION_EPISODE: episodeFormat as RecordFormat<unknown>,
  PLACEMENT: placementFormat as RecordFormat<unknown>,
  INFORMATION_REPORT: reportFormat as RecordFormat<unknown>,
};

/** The import format of a record type. */
export function formatOf(recordType: ImportRecordType): RecordFormat<unknown> {
  return FORMATS[recordType];
}
