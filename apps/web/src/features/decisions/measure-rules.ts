import { addDaysIso, addMonthsIso } from "@/lib/time/calendar";

/**
 * A measure type's rules as the API gives them (`MeasureType`), read for one decider: whether they
 * may impose, prolong or review it and for how long, which evaluations it requires of them, and
 * the default term a form proposes. The same rules as packages/domain's `allowanceOf` and
 * `checkMeasureTerm` (a unit test compares them), repeated here so that client components do not
 * pull the domain package into the browser.
 */

export interface Allowance {
  agencyKind: string;
  role: string;
  maxMonths: number;
}

export interface MeasureTypeRulesLike {
  reviewWithinMonths: number;
  impose: readonly Allowance[];
  prolong: readonly Allowance[];
  evaluations: readonly { agencyKind: string; role: string; everyDays: number }[];
}

/** The earlier of two calendar days (ISO strings compare in calendar order). */
export function earlierDay(a: string, b: string): string {
  return a <= b ? a : b;
}

/** Who decides: the viewer's agency kind and roles. */
export interface Decider {
  agencyKind: string;
  roles: readonly string[];
}

/** The longest period (months) the decider may set under these allowances, or null when none applies. */
export function allowanceFor(allowances: readonly Allowance[], decider: Decider): number | null {
  const months = allowances
    .filter((a) => a.agencyKind === decider.agencyKind && decider.roles.includes(a.role))
    .map((a) => a.maxMonths);
  return months.length === 0 ? null : Math.max(...months);
}

export function mayImpose(rules: MeasureTypeRulesLike, decider: Decider): boolean {
  return allowanceFor(rules.impose, decider) !== null;
}

export function mayProlong(rules: MeasureTypeRulesLike, decider: Decider): boolean {
  return allowanceFor(rules.prolong, decider) !== null;
}

/** Maintain, ease or lift: whoever may impose or prolong the type. */
export function mayReview(rules: MeasureTypeRulesLike, decider: Decider): boolean {
  return mayImpose(rules, decider) || mayProlong(rules, decider);
}

/** The longest period anyone may impose the type for: a longer recommendation could not be accepted. */
export function longestImposition(rules: Pick<MeasureTypeRulesLike, "impose">): number | null {
  return rules.impose.length === 0 ? null : Math.max(...rules.impose.map((a) => a.maxMonths));
}

/** Whether the type requires periodic evaluations of the decider's service (agency kind and role). */
export function evaluatedBy(rules: MeasureTypeRulesLike, evaluator: Decider): boolean {
  return rules.evaluations.some(
    (e) => e.agencyKind === evaluator.agencyKind && evaluator.roles.includes(e.role),
  );
}

/** Where a term's dates went wrong: the field (`endsOn`, `nextReviewOn`) and what to say. */
export type TermIssue =
  | { field: "endsOn"; key: "afterDate"; date: string }
  | { field: "endsOn"; key: "untilAtMost"; months: number; date: string }
  | { field: "nextReviewOn"; key: "notBefore"; date: string }
  | { field: "nextReviewOn"; key: "notAfter"; date: string }
  | { field: "nextReviewOn"; key: "reviewWithin"; months: number; date: string };

/**
 * A term [from, until) with its review date, against the type's rules for a decider allowed
 * `maxMonths`: the end after the start and at most `maxMonths` later; the review within the term and
 * within the type's review interval of its start, before the day it lapses. (Who may decide is
 * checked by the caller.)
 */
export function termIssues(
  rules: Pick<MeasureTypeRulesLike, "reviewWithinMonths">,
  maxMonths: number,
  term: { from: string; until: string; reviewOn: string; reviewFrom?: string },
): TermIssue[] {
  const issues: TermIssue[] = [];
  const latestEnd = addMonthsIso(term.from, maxMonths);
  if (term.until !== "") {
    if (term.until <= term.from) issues.push({ field: "endsOn", key: "afterDate", date: term.from });
    else if (term.until > latestEnd)
      issues.push({ field: "endsOn", key: "untilAtMost", months: maxMonths, date: latestEnd });
  }
  if (term.reviewOn !== "") {
    // A prolongation's review counts from the day it is decided, not from the old end.
    const reviewFrom = term.reviewFrom ?? term.from;
    const latestReview = addMonthsIso(reviewFrom, rules.reviewWithinMonths);
    // The end is exclusive: on `until` the measure has lapsed and can no longer be reviewed.
    if (term.reviewOn < reviewFrom)
      issues.push({ field: "nextReviewOn", key: "notBefore", date: reviewFrom });
    else if (term.until !== "" && term.reviewOn >= term.until)
      issues.push({ field: "nextReviewOn", key: "notAfter", date: addDaysIso(term.until, -1) });
    else if (term.reviewOn > latestReview)
      issues.push({
        field: "nextReviewOn",
        key: "reviewWithin",
        months: rules.reviewWithinMonths,
        date: latestReview,
      });
  }
  return issues;
}

/**
 * The term a form proposes from `from`: `months` long (at most what the decider may set) and a
 * review at the type's interval, the day before the end at the latest (a measure cannot be
 * prolonged once it has lapsed).
 */
export function defaultTerm(
  rules: Pick<MeasureTypeRulesLike, "reviewWithinMonths">,
  from: string,
  months: number,
  reviewFrom: string = from,
): { endsOn: string; nextReviewOn: string } {
  const endsOn = addMonthsIso(from, Math.max(1, months));
  const review = addMonthsIso(reviewFrom, rules.reviewWithinMonths);
  const dayBefore = addDaysIso(endsOn, -1);
  const nextReviewOn = dayBefore < from ? from : earlierDay(review, dayBefore);
  return { endsOn, nextReviewOn };
}
