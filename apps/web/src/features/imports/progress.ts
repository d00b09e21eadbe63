import type { ImportJobStatus } from "@continuum/domain";

/**
 * What the progress panel of an import job shows, from the job as the API reports it: applied of
 * total, the share done, the rate and when it should be done, and whether to keep asking. Pure,
 * tested; the component formats the numbers and dates in the page's language.
 */

/** How often the browser asks for a job's progress while it may still change. */
export const POLL_INTERVAL_MS = 1000;

/** A job in one of these states changes no more by itself: the browser stops asking. */
export const FINISHED_STATUSES: readonly ImportJobStatus[] = ["SUCCEEDED", "INVALID", "FAILED"];

export function isFinished(status: ImportJobStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** Apollo's `pollInterval` for a job in this state: every second until it has finished, then never. */
export function pollIntervalFor(status: ImportJobStatus | null | undefined): number {
  return status === null || status === undefined || isFinished(status) ? 0 : POLL_INTERVAL_MS;
}

export interface ProgressJob {
  status: ImportJobStatus;
  total: number;
  applied: number;
  recordsPerMinute: number | null;
  estimatedCompletionAt: string | null;
}

export interface ProgressView {
  /** Records applied, never above the total. */
  applied: number;
  total: number;
  /** Whole percent applied (100 only when every record is). An empty job that succeeded is done. */
  percent: number;
  /** Records per minute, rounded for reading (one decimal under 10), or null before the run starts. */
  rate: number | null;
  /** When the rest should be applied, while running: the instant and the whole minutes left (≥ 0). */
  eta: { at: string; minutesLeft: number } | null;
  finished: boolean;
}

/** The rate as shown: one decimal under 10 per minute, whole numbers above. */
export function roundRate(perMinute: number): number {
  if (!Number.isFinite(perMinute) || perMinute < 0) return 0;
  return perMinute < 10 ? Math.round(perMinute * 10) / 10 : Math.round(perMinute);
}

export function progressView(job: ProgressJob, now: Date): ProgressView {
  const total = Math.max(0, job.total);
  const applied = Math.min(Math.max(0, job.applied), total);
  let percent: number;
  if (total === 0) percent = job.status === "SUCCEEDED" ? 100 : 0;
  else percent = applied === total ? 100 : Math.min(99, Math.floor((applied / total) * 100));
  const rate = job.recordsPerMinute === null ? null : roundRate(job.recordsPerMinute);
  let eta: ProgressView["eta"] = null;
  if (job.status === "RUNNING" && job.estimatedCompletionAt !== null) {
    const at = new Date(job.estimatedCompletionAt);
    if (!Number.isNaN(at.getTime())) {
      const minutesLeft = Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 60_000));
      eta = { at: job.estimatedCompletionAt, minutesLeft };
    }
  }
  return { applied, total, percent, rate, eta, finished: isFinished(job.status) };
}
