import type { ScreeningState } from "@/gql/graphql";
import { daysBetweenIso } from "@/lib/time/calendar";

/** A due date within this many days is "due soon" (the screening rule's, used for reassessments too). */
export const DUE_SOON_DAYS = 14;

/**
 * Where a due date stands today, in the screening states' words (overdue, due soon, scheduled;
 * not applicable without a date): the reassessment queue shows its due dates like the screenings'.
 */
export function dueState(dueOn: string | null, today: string): ScreeningState {
  if (dueOn === null) return "NOT_APPLICABLE";
  if (dueOn < today) return "OVERDUE";
  return daysBetweenIso(today, dueOn) <= DUE_SOON_DAYS ? "DUE_SOON" : "SCHEDULED";
}
