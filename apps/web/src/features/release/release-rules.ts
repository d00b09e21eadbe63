import type { CaseAction } from "@continuum/domain";
import { levelOf, type PersonAccessLike } from "../access/capabilities";

/**
 * What the case file's release part shows and which of its forms a viewer gets: from
 * `viewer.caseActions` (the API's `mayPerform`) and, on this case, FULL access to the class the
 * form feeds (the API's `requireFeed`). Nothing is recorded under break-the-glass nor on a past day.
 */

export interface ReleaseForms {
  /** Override a date, record the plan, propose and withdraw conditions (a detained person). */
  prepare: boolean;
  /** Record the release (detentionEpisodeRelease feeds DETENTION and RELEASE). */
  release: boolean;
  /** Record a breach, lift a condition (a released person). */
  supervise: boolean;
  /** Hand the case over to a new municipality (feeds FOLLOW_UP). */
  handOver: boolean;
}

export const NO_RELEASE_FORMS: ReleaseForms = {
  prepare: false,
  release: false,
  supervise: false,
  handOver: false,
};

export interface ReleaseCase {
  access: PersonAccessLike & { stage: string };
  /** The open detention episode, when the viewer reads it. */
  detained: boolean;
  /** The case file's day, when it looks at the past. */
  asOf: string | null;
}

export function releaseFormsFor(
  viewer: { caseActions?: readonly CaseAction[] | null },
  person: ReleaseCase,
): ReleaseForms {
  if (person.access.breakGlass || person.asOf !== null) return NO_RELEASE_FORMS;
  const allows = (action: CaseAction) => viewer.caseActions?.includes(action) ?? false;
  const full = (dataClass: Parameters<typeof levelOf>[1]) => levelOf(person.access, dataClass) === "FULL";
  const released = person.access.stage === "RELEASED";
  return {
    prepare: person.detained && allows("RELEASE_PREPARE") && full("RELEASE"),
    release: person.detained && allows("DETENTION_RECORD") && full("DETENTION") && full("RELEASE"),
    supervise: released && allows("CONDITION_SUPERVISE") && full("RELEASE"),
    handOver: released && allows("HAND_OVER") && full("FOLLOW_UP"),
  };
}

/**
 * Which parts of the release are read on this case: the episodes' release data (DETENTION and
 * RELEASE, as the release section), and the conditions and residences (RELEASE alone: the police
 * after release read them without the detention data).
 */
export function releaseReads(access: PersonAccessLike): { episodes: boolean; conditions: boolean } {
  const reads = (dataClass: Parameters<typeof levelOf>[1]) => levelOf(access, dataClass) !== null;
  return { episodes: reads("RELEASE") && reads("DETENTION"), conditions: reads("RELEASE") };
}

/** Override history: what the rule gives, and the overrides of one kind, newest first. */
export function overridesOf<T extends { kind: string }>(overrides: readonly T[] | null, kind: string): T[] {
  return (overrides ?? []).filter((o) => o.kind === kind);
}

/** Conditions split for the case file: proposed now, running, and the rest (ended, withdrawn). */
export function splitConditions<T extends { status: string }>(conditions: readonly T[]) {
  return {
    proposed: conditions.filter((c) => c.status === "PROPOSED"),
    active: conditions.filter((c) => c.status === "ACTIVE"),
    past: conditions.filter((c) => c.status === "ENDED" || c.status === "WITHDRAWN"),
  };
}

/** The residence in force (the newest: the API lists them newest first) and since when. */
export function currentResidence<T extends { validFrom: string }>(residences: readonly T[] | null): T | null {
  if (!residences || residences.length === 0) return null;
  return (
    [...residences].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0] ??
    null
  );
}

/** The latest of a condition's breaches (the API lists them oldest first). */
export function latestBreach<T extends { occurredOn: string }>(breaches: readonly T[] | null): T | null {
  return (breaches ?? []).reduce<T | null>(
    (latest, b) => (latest === null || b.occurredOn >= latest.occurredOn ? b : latest),
    null,
  );
}
