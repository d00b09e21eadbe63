import { mayRead } from "@continuum/domain";
import type { RequestContext } from "../../graphql/context.js";
import { DetentionEpisodeType, PlacementType } from "../detention/detention.type.js";
import { ListingPeriodType, ScreeningType } from "../screening/screening.type.js";
import { TimelineEventKind, TimelineEventType } from "./person.payload.js";
import type { PersonType } from "./person.type.js";

// Same-day events read in the order they happen: admission, then placement, screening, listing, release.
const ORDER_WITHIN_DAY: Record<TimelineEventKind, number> = {
  ADMISSION: 0,
  TRANSFER: 1,
  SCREENING: 2,
  LISTED: 3,
  CATEGORY_CHANGED: 3,
  DELISTED: 3,
  RELEASE: 4,
};

function event(
  occurredOn: string,
  kind: TimelineEventKind,
  parts: Partial<TimelineEventType>,
): TimelineEventType {
  return Object.assign(new TimelineEventType(), {
    occurredOn,
    kind,
    episode: null,
    placement: null,
    screening: null,
    listingPeriod: null,
    ...parts,
  });
}

/**
 * A case's history as one chronological list, built from its episodes, placements, screenings and
 * listing; only the kinds of event whose data class the actor may read (releases need RELEASE).
 */
export async function personTimeline(
  ctx: RequestContext,
  person: PersonType,
  show: { detention: boolean; listing: boolean },
): Promise<TimelineEventType[]> {
  const personId = person.uuid;
  const access = person.access;
  const showRelease = show.detention && mayRead(access, "RELEASE");
  const [episodes, placements, screenings, periods] = await Promise.all([
    show.detention ? ctx.loaders.episodesOfPerson.load(personId) : [],
    show.detention ? ctx.loaders.placementsOfPerson.load(personId) : [],
    show.listing ? ctx.loaders.screeningsOfPerson.load(personId) : [],
    show.listing ? ctx.loaders.listingPeriodsOfPerson.load(personId) : [],
  ]);
  const events: TimelineEventType[] = [];
  // Listing periods end at a release without being "delisted"; the summary knows the last release
  // even when the actor may not read detention data.
  const releaseDates = new Set<string>(person.summary.releasedOn === null ? [] : [person.summary.releasedOn]);
  for (const e of episodes) {
    const episode = DetentionEpisodeType.from(e, access);
    const first = placements.find((p) => p.episodeId === e.id && p.validFrom === e.admittedOn);
    events.push(
      event(e.admittedOn, TimelineEventKind.ADMISSION, {
        episode,
        placement: first === undefined ? null : PlacementType.from(first, access),
      }),
    );
    if (e.releasedOn !== null) {
      releaseDates.add(e.releasedOn);
      if (showRelease) events.push(event(e.releasedOn, TimelineEventKind.RELEASE, { episode }));
    }
  }
  for (const p of placements) {
    const episode = episodes.find((e) => e.id === p.episodeId);
    if (episode !== undefined && p.validFrom !== episode.admittedOn)
      events.push(
        event(p.validFrom, TimelineEventKind.TRANSFER, { placement: PlacementType.from(p, access) }),
      );
  }
  for (const s of screenings)
    events.push(
      event(s.screenedOn, TimelineEventKind.SCREENING, { screening: ScreeningType.from(s, access) }),
    );
  let previousEnd: string | null = null;
  for (const period of periods) {
    const listingPeriod = ListingPeriodType.from(period, access);
    const kind =
      previousEnd === period.validFrom ? TimelineEventKind.CATEGORY_CHANGED : TimelineEventKind.LISTED;
    events.push(event(period.validFrom, kind, { listingPeriod }));
    const next = periods.find((p) => p.validFrom === period.validTo);
    if (period.validTo !== null && next === undefined && !releaseDates.has(period.validTo))
      events.push(event(period.validTo, TimelineEventKind.DELISTED, { listingPeriod }));
    previousEnd = period.validTo;
  }
  return events.sort(
    (a, b) => a.occurredOn.localeCompare(b.occurredOn) || ORDER_WITHIN_DAY[a.kind] - ORDER_WITHIN_DAY[b.kind],
  );
}
