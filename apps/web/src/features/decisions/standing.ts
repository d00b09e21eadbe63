import type { MeasureStatus } from "@/gql/graphql";
import { daysBetweenIso } from "@/lib/time/calendar";
import { DUE_SOON_DAYS } from "../queues/due";

/**
 * Where decisions, appeals, reviews and evaluations stand today: what the case file and the queues
 * highlight. Pure; the API's own flags (notified, notificationOverdue, reviewOverdue, overdue) are
 * used where it gives them, since it reckons "today" itself.
 */

/** Whether the inmate was told of a decision. */
export type NoticeState = "NOT_NEEDED" | "TOLD" | "DUE" | "OVERDUE";

export function noticeState(decision: {
  needsNotification: boolean;
  notified: boolean;
  notificationOverdue: boolean;
}): NoticeState {
  if (!decision.needsNotification) return "NOT_NEEDED";
  if (decision.notified) return "TOLD";
  return decision.notificationOverdue ? "OVERDUE" : "DUE";
}

/** Whether an appeal was answered, and whether the answer is late. */
export type AppealState = "ANSWERED" | "PENDING" | "OVERDUE";

export function appealState(
  appeal: { outcome: string | null; answerDueOn: string | null },
  today: string,
): AppealState {
  if (appeal.outcome !== null) return "ANSWERED";
  return appeal.answerDueOn !== null && appeal.answerDueOn < today ? "OVERDUE" : "PENDING";
}

/** A due date against today: overdue, due within DUE_SOON_DAYS, or later. */
export type DueState = "OVERDUE" | "DUE_SOON" | "SCHEDULED";

export function dueStateOf(dueOn: string, today: string): DueState {
  if (dueOn < today) return "OVERDUE";
  return daysBetweenIso(today, dueOn) <= DUE_SOON_DAYS ? "DUE_SOON" : "SCHEDULED";
}

/**
 * A measure's review, as of the measure's own day (`asOf`: the register's date, or today): overdue
 * as the API says, else due soon or scheduled; null when no review is set (lifted, lapsed).
 */
export function reviewState(measure: {
  status: MeasureStatus;
  nextReviewOn: string | null;
  reviewOverdue: boolean;
  asOf: string;
}): DueState | null {
  if (measure.status !== "ACTIVE" || measure.nextReviewOn === null) return null;
  if (measure.reviewOverdue) return "OVERDUE";
  return dueStateOf(measure.nextReviewOn, measure.asOf);
}

/** In force or about to be (shown first, with their forms), and the ones that ended, however. */
export function splitMeasures<T extends { status: MeasureStatus }>(
  measures: readonly T[],
): { current: T[]; ended: T[] } {
  const current = (m: T) => m.status === "ACTIVE" || m.status === "NOT_STARTED";
  return { current: measures.filter(current), ended: measures.filter((m) => !current(m)) };
}

const byDate = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** Decisions not yet told: the overdue ones first, then by the day the notice is due. */
export function sortNotices<
  T extends { notificationOverdue: boolean; notificationDueOn: string | null; decidedOn: string },
>(decisions: readonly T[]): T[] {
  return [...decisions].sort(
    (a, b) =>
      Number(b.notificationOverdue) - Number(a.notificationOverdue) ||
      byDate(a.notificationDueOn, b.notificationDueOn) ||
      byDate(a.decidedOn, b.decidedOn),
  );
}

/** Appeals without an answer: the overdue ones first, then by the day the answer is due (none last). */
export function sortAppeals<
  T extends { outcome: string | null; answerDueOn: string | null; lodgedOn: string },
>(appeals: readonly T[], today: string): T[] {
  const late = (a: T) => Number(appealState(a, today) === "OVERDUE");
  return [...appeals].sort(
    (a, b) => late(b) - late(a) || byDate(a.answerDueOn, b.answerDueOn) || byDate(a.lodgedOn, b.lodgedOn),
  );
}

/** The evaluation due from the viewer's service on a measure, if its type requires one of them. */
export function ownEvaluationDue<T extends { agencyKind: string; role: string }>(
  due: readonly T[],
  viewer: { agencyKind: string; roles: readonly string[] },
): T | null {
  return due.find((d) => d.agencyKind === viewer.agencyKind && viewer.roles.includes(d.role)) ?? null;
}

/** A person as a list shows them: "Family, Given", else the reference, else a fallback. */
export function personName(
  person: { familyName?: string | null; givenNames?: string | null; reference?: string | null } | null,
  fallback: string,
): string {
  if (person === null) return fallback;
  if (person.familyName || person.givenNames) return `${person.familyName ?? ""}, ${person.givenNames ?? ""}`;
  return person.reference ?? fallback;
}
