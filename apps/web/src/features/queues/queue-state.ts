import type { PersonFilterInput } from "@/gql/graphql";
import { DUE_WITHIN_MAX_DAYS } from "@/lib/limits/limits";
import { firstParam, hrefWith, type RawSearchParams, readToken, readTrail } from "@/lib/url/params";

/**
 * The work queues keep their state in the URL, like the caseload (shareable, bookmarkable, walked
 * with the back button, no script needed):
 *   screening queue    days=30  who=mine|unassigned|all  establishment=<id>  after=<cursor>…
 *   reassessments      days=30  after=<cursor>…
 *   reports feed       establishment=<id>  after=<cursor>…
 * Defaults are left out of the URL; unknown values fall back to them and are never sent.
 */
export const QUEUE_PAGE_SIZE = 25;
export const DEFAULT_DUE_WITHIN_DAYS = 30;
/** The choices the queues offer (the URL may carry any whole number the API accepts). */
export const DUE_WITHIN_CHOICES: readonly number[] = [7, 14, 30, 60, 90, 180, 366];

export type Responsible = "all" | "mine" | "unassigned";
const RESPONSIBLE: readonly Responsible[] = ["all", "mine", "unassigned"];

export interface ScreeningQueueState {
  days: number;
  who: Responsible;
  establishmentId: string | null;
  trail: string[];
}

export interface AssessmentQueueState {
  days: number;
  trail: string[];
}

export interface ReportFeedState {
  establishmentId: string | null;
  trail: string[];
}

function readDays(params: RawSearchParams): number {
  const raw = firstParam(params, "days")?.trim() ?? "";
  if (!/^\d{1,3}$/.test(raw)) return DEFAULT_DUE_WITHIN_DAYS;
  const days = Number(raw);
  return days <= DUE_WITHIN_MAX_DAYS ? days : DEFAULT_DUE_WITHIN_DAYS;
}

/** The choices to offer, with the URL's own value among them when it is not one of the usual. */
export function dueWithinChoices(current: number): number[] {
  return [...new Set([...DUE_WITHIN_CHOICES, current])].sort((a, b) => a - b);
}

export function parseScreeningQueue(params: RawSearchParams): ScreeningQueueState {
  return {
    days: readDays(params),
    who: RESPONSIBLE.find((r) => r === firstParam(params, "who")) ?? "all",
    establishmentId: readToken(params, "establishment"),
    trail: readTrail(params, "after"),
  };
}

export function screeningQueueHref(path: string, state: ScreeningQueueState): string {
  const params = new URLSearchParams();
  if (state.days !== DEFAULT_DUE_WITHIN_DAYS) params.set("days", String(state.days));
  if (state.who !== "all") params.set("who", state.who);
  if (state.establishmentId) params.set("establishment", state.establishmentId);
  for (const cursor of state.trail) params.append("after", cursor);
  return hrefWith(path, params);
}

/** The persons filter of the screening queue; "mine" is the viewer's own user ID. */
export function screeningQueueFilter(state: ScreeningQueueState, viewerId: string): PersonFilterInput {
  return {
    screeningDueWithinDays: state.days,
    ...(state.who === "mine" ? { screeningResponsibleIds: [viewerId] } : {}),
    ...(state.who === "unassigned" ? { screeningUnassigned: true } : {}),
    ...(state.establishmentId ? { establishmentIds: [state.establishmentId] } : {}),
  };
}

export function parseAssessmentQueue(params: RawSearchParams): AssessmentQueueState {
  return { days: readDays(params), trail: readTrail(params, "after") };
}

export function assessmentQueueHref(path: string, state: AssessmentQueueState): string {
  const params = new URLSearchParams();
  if (state.days !== DEFAULT_DUE_WITHIN_DAYS) params.set("days", String(state.days));
  for (const cursor of state.trail) params.append("after", cursor);
  return hrefWith(path, params);
}

export function parseReportFeed(params: RawSearchParams): ReportFeedState {
  return { establishmentId: readToken(params, "establishment"), trail: readTrail(params, "after") };
}

export function reportFeedHref(path: string, state: ReportFeedState): string {
  const params = new URLSearchParams();
  if (state.establishmentId) params.set("establishment", state.establishmentId);
  for (const cursor of state.trail) params.append("after", cursor);
  return hrefWith(path, params);
}

/** Where a page sits in a forward-paged list whose cursors trail in the URL. */
export function pageWindow(trail: readonly string[], shown: number, pageSize = QUEUE_PAGE_SIZE) {
  const page = trail.length + 1;
  return { page, from: shown === 0 ? 0 : (page - 1) * pageSize + 1, to: (page - 1) * pageSize + shown };
}
