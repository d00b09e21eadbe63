import type { ApiError } from "@/lib/graphql/errors";

/**
 * How the case file shows programmes, evaluations and incidents: which notes are withheld from the
 * viewer (a programme note is read only by the agency that wrote it: the API answers null with a
 * FORBIDDEN error at its path), and what held on the case file's day. Pure.
 */

export interface NoteLike {
  note: string | null;
}

/** A note as shown: its text, "not shown to your service" (withheld), or nothing (none written). */
export type ShownNote = { kind: "text"; text: string } | { kind: "withheld" } | { kind: "none" };

/** The paths ("person.programmes.0.contacts.2.note") the API refused to answer. */
export function deniedPaths(errors: readonly ApiError[]): Set<string> {
  return new Set(errors.filter((e) => e.code === "FORBIDDEN").map((e) => e.path.join(".")));
}

export interface ParticipationLike {
  status: string;
  offeredOn: string;
  endedOn: string | null;
  statusHistory: readonly ({ status: string; on: string } & NoteLike)[];
  contacts: readonly ({ contactedOn: string } & NoteLike)[];
}

export type WithShownNotes<P extends ParticipationLike> = Omit<P, "statusHistory" | "contacts"> & {
  statusHistory: (P["statusHistory"][number] & { shownNote: ShownNote })[];
  contacts: (P["contacts"][number] & { shownNote: ShownNote })[];
};

function shown(note: string | null, denied: boolean): ShownNote {
  if (note !== null && note !== "") return { kind: "text", text: note };
  return denied ? { kind: "withheld" } : { kind: "none" };
}

/**
 * Each note of `person.programmes` (at `base`, the list's path) marked as shown, withheld or
 * absent. Done on the list as the API returned it: the paths count its positions.
 */
export function withShownNotes<P extends ParticipationLike>(
  participations: readonly P[],
  denied: ReadonlySet<string>,
  base = "person.programmes",
): WithShownNotes<P>[] {
  return participations.map((p, i) => ({
    ...p,
    statusHistory: p.statusHistory.map((s, j) => ({
      ...s,
      shownNote: shown(s.note, denied.has(`${base}.${i}.statusHistory.${j}.note`)),
    })),
    contacts: p.contacts.map((c, j) => ({
      ...c,
      shownNote: shown(c.note, denied.has(`${base}.${i}.contacts.${j}.note`)),
    })),
  }));
}

/**
 * The participations as they stood on `asOf` (null: as they are): those offered by then, with the
 * statuses and contacts recorded by then, the status of that day, and not yet ended then.
 */
export function participationsAsOf<P extends ParticipationLike>(
  participations: readonly P[],
  asOf: string | null,
): P[] {
  if (asOf === null) return [...participations];
  return participations
    .filter((p) => p.offeredOn <= asOf)
    .map((p) => {
      const statusHistory = p.statusHistory.filter((s) => s.on <= asOf);
      return {
        ...p,
        statusHistory,
        contacts: p.contacts.filter((c) => c.contactedOn <= asOf),
        status: statusHistory.at(-1)?.status ?? p.status,
        endedOn: p.endedOn !== null && p.endedOn <= asOf ? p.endedOn : null,
      };
    });
}

/** Records dated on or before `asOf` (all when null). */
export function datedAsOf<T>(records: readonly T[], dateOf: (record: T) => string, asOf: string | null): T[] {
  return asOf === null ? [...records] : records.filter((r) => dateOf(r) <= asOf);
}

/** Whether one of the participations still runs (no final status): a new offer must wait. */
export function hasRunningParticipation(participations: readonly { endedOn: string | null }[]): boolean {
  return participations.some((p) => p.endedOn === null);
}

/** The caseload's row: status since when, and the last contact (contacts come newest first). */
export function caseloadRow(p: {
  offeredOn: string;
  statusHistory: readonly { on: string }[];
  contacts: readonly { contactedOn: string }[];
}): { since: string; lastContactOn: string | null } {
  const lastContactOn = p.contacts.reduce<string | null>(
    (latest, c) => (latest === null || c.contactedOn > latest ? c.contactedOn : latest),
    null,
  );
  return { since: p.statusHistory.at(-1)?.on ?? p.offeredOn, lastContactOn };
}

const FINAL_STATUSES = ["REFUSED", "COMPLETED", "DISCONTINUED"] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

/** The caseload's `closed` parameter (set after a final status): a final status, or null. */
export function closedStatusParam(raw: string | undefined | null): FinalStatus | null {
  return (FINAL_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as FinalStatus) : null;
}
