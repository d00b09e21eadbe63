import { describe, expect, it } from "vitest";
import {
  isFinished,
  POLL_INTERVAL_MS,
  type ProgressJob,
  pollIntervalFor,
  progressView,
  roundRate,
} from "./progress";

const NOW = new Date("2026-11-27T10:00:00.000Z");
const running: ProgressJob = {
  status: "RUNNING",
  total: 3000,
  applied: 1200,
  recordsPerMinute: 600.4,
  estimatedCompletionAt: "2026-11-27T10:03:00.000Z",
};

describe("polling", () => {
  it("asks every second while the job may change, and stops once it has finished", () => {
    expect(pollIntervalFor("RECEIVING")).toBe(POLL_INTERVAL_MS);
    expect(pollIntervalFor("RUNNING")).toBe(1000);
    for (const status of ["SUCCEEDED", "INVALID", "FAILED"] as const) {
      expect(pollIntervalFor(status), status).toBe(0);
      expect(isFinished(status)).toBe(true);
    }
    expect(pollIntervalFor(null)).toBe(0);
    expect(isFinished("RUNNING")).toBe(false);
  });
});

describe("progressView", () => {
  it("shows applied of total, the share, the rate and the minutes left while running", () => {
    expect(progressView(running, NOW)).toEqual({
      applied: 1200,
      total: 3000,
      percent: 40,
      rate: 600,
      eta: { at: "2026-11-27T10:03:00.000Z", minutesLeft: 3 },
      finished: false,
    });
  });

  it("rounds the minutes left up, and says 0 once the estimate has passed", () => {
    expect(
      progressView({ ...running, estimatedCompletionAt: "2026-11-27T10:00:20.000Z" }, NOW).eta?.minutesLeft,
    ).toBe(1);
    expect(
      progressView({ ...running, estimatedCompletionAt: "2026-11-27T09:59:00.000Z" }, NOW).eta?.minutesLeft,
    ).toBe(0);
  });

  it("has no rate before the run starts and no estimate unless running", () => {
    const received = progressView(
      { status: "RECEIVING", total: 30, applied: 0, recordsPerMinute: null, estimatedCompletionAt: null },
      NOW,
    );
    expect(received).toMatchObject({ percent: 0, rate: null, eta: null, finished: false });
    const failed = progressView(
      { ...running, status: "FAILED", estimatedCompletionAt: "2026-11-27T10:03:00.000Z" },
      NOW,
    );
    expect(failed).toMatchObject({ applied: 1200, percent: 40, rate: 600, eta: null, finished: true });
  });

  it("reaches 100 % only when every record is applied", () => {
    expect(progressView({ ...running, applied: 2999 }, NOW).percent).toBe(99);
    const done = progressView(
      { status: "SUCCEEDED", total: 30, applied: 30, recordsPerMinute: 1800, estimatedCompletionAt: null },
      NOW,
    );
    expect(done).toMatchObject({ applied: 30, total: 30, percent: 100, eta: null, finished: true });
  });

  it("treats an empty job that succeeded as done, and never shows more applied than total", () => {
    const empty = {
      status: "SUCCEEDED",
      total: 0,
      applied: 0,
      recordsPerMinute: null,
      estimatedCompletionAt: null,
    } as const;
    expect(progressView(empty, NOW).percent).toBe(100);
    expect(progressView({ ...empty, status: "INVALID" }, NOW).percent).toBe(0);
    expect(progressView({ ...running, applied: 3500 }, NOW)).toMatchObject({ applied: 3000, percent: 100 });
  });

  it("rounds the rate for reading", () => {
    expect(roundRate(4.26)).toBe(4.3);
    expect(roundRate(12.5)).toBe(13);
    expect(roundRate(Number.NaN)).toBe(0);
  });
});
