"use client";

import type { ImportRecordType } from "@continuum/domain";
import { ImportForm } from "./ImportForm";
import { ImportJobPanel } from "./ImportJobPanel";

/**
 * The interactive part of the import page: the progress of the job in `?job=` (a panel of its own
 * per job, so that a new job starts afresh) above the form for a new import.
 */
export function ImportsClient({
  recordTypes,
  jobId,
}: {
  recordTypes: readonly ImportRecordType[];
  jobId: string | null;
}) {
  return (
    <>
      {jobId !== null ? <ImportJobPanel key={jobId} jobId={jobId} /> : null}
      <ImportForm recordTypes={recordTypes} />
    </>
  );
}
