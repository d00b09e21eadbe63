import type {
  EstablishmentNamesFragment,
  LegacyCategory,
  ReleaseType,
  ScreeningOutcome,
  TimelineEventKind,
  TimelineItemFragment,
  UnitKind,
} from "@/gql/graphql";

/** The message keys under caseFile.timeline that describe an event. */
export type TimelineMessageKey =
  | "admission"
  | "transfer"
  | "release"
  | "releaseUnknown"
  | "screening"
  | "screeningWithCategory"
  | "listed"
  | "categoryChanged"
  | "delisted";

/** How enum values and places read in the page's language (given by the component). */
export interface TimelineVocabulary {
  establishment(e: EstablishmentNamesFragment): string;
  unitKind(kind: UnitKind): string;
  category(category: LegacyCategory): string;
  outcome(outcome: ScreeningOutcome): string;
  releaseType(type: ReleaseType): string;
}

export interface TimelineEntry {
  key: string;
  occurredOn: string;
  kind: TimelineEventKind;
  message: TimelineMessageKey;
  values: Record<string, string>;
}

function place(event: TimelineItemFragment, words: TimelineVocabulary): string {
  const placement = event.placement;
  if (!placement) return "";
  const name = words.establishment(placement.establishment);
  return placement.unit && placement.unit.kind !== "ORDINARY"
    ? `${name} (${words.unitKind(placement.unit.kind)})`
    : name;
}

/** What one event says, as a message key and its values. */
export function describeEvent(
  event: TimelineItemFragment,
  words: TimelineVocabulary,
): { message: TimelineMessageKey; values: Record<string, string> } {
  switch (event.kind) {
    case "ADMISSION":
      return { message: "admission", values: { establishment: place(event, words) } };
    case "TRANSFER":
      return { message: "transfer", values: { establishment: place(event, words) } };
    case "RELEASE":
      return event.episode?.releaseType
        ? { message: "release", values: { releaseType: words.releaseType(event.episode.releaseType) } }
        : { message: "releaseUnknown", values: {} };
    case "SCREENING": {
      const screening = event.screening;
      const outcome = screening ? words.outcome(screening.outcome) : "";
      return screening?.category
        ? { message: "screeningWithCategory", values: { outcome, category: screening.category } }
        : { message: "screening", values: { outcome } };
    }
    case "LISTED":
      return { message: "listed", values: { category: event.listingPeriod?.category ?? "" } };
    case "CATEGORY_CHANGED":
      return { message: "categoryChanged", values: { category: event.listingPeriod?.category ?? "" } };
    case "DELISTED":
      return { message: "delisted", values: {} };
  }
}

/**
 * The case history newest first (the API sends it oldest first). Events of the same day keep a
 * stable order, reversed with the rest, so the list reads as a story told backwards.
 */
export function timelineNewestFirst(
  events: readonly TimelineItemFragment[],
  words: TimelineVocabulary,
): TimelineEntry[] {
  return events
    .map((event, index) => ({
      key: `${index}-${event.kind}-${event.occurredOn}`,
      occurredOn: event.occurredOn,
      kind: event.kind,
      ...describeEvent(event, words),
    }))
    .reverse();
}
