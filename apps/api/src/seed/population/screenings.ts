import type { IsoDate, ScreeningOutcome, ScreeningSource } from "@continuum/domain";
import { addDays, addMonths, dayDiff, maxIso, minIso } from "./calendar.js";
import type { ListingWorld } from "./flows.js";
import { labelsFor } from "./labels.js";
import { spellCovers, type WorkEpisode } from "./model.js";
import type { Random } from "./random.js";
import type { SeedScreening } from "./types.js";

/**
 * Screenings: at admission (within a few days) or on the day a listing starts, then at most two
 * months apart while detained, with a screening on every change of the listing. In the present a
 * few inmates are overdue and some are due within two weeks.
 */

const INTERVAL_MONTHS = 2;
const OVERDUE_SHARE = 0.075;
const DUE_SOON_SHARE = 0.2;
const DUE_SOON_DAYS = 14;
const HISTORY_START: IsoDate = "2014-01-01";

type PresentState = "OVERDUE" | "DUE_SOON" | "SCHEDULED";

const SOURCE_ORDER: readonly ScreeningSource[] = [
  "PRISON_STAFF",
  "PSYCHOSOCIAL_SERVICE",
  "INTELLIGENCE",
  "POLICE",
  "PROSECUTOR",
];

const RATIONALES: Record<ScreeningOutcome, readonly string[]> = {
  LISTED: [
    "Admitted in a case linked to terrorism; listed after the admission screening.",
    "Information from partner services indicates involvement in violent extremism; listed.",
    "Observed conduct and partner information meet the criteria of the category; listed.",
  ],
  CHANGED: [
    "New information in the case file; category and labels updated.",
    "Judgment confirmed; labels updated accordingly.",
    "Reassessment after reports by prison staff; listing updated.",
  ],
  MAINTAINED: [
    "Periodic screening: no significant change in observed behaviour.",
    "Periodic screening: situation unchanged; follow-up continues.",
    "Periodic screening: partner information confirms the current assessment.",
    "Periodic screening: follows the regime without incident; listing maintained.",
  ],
  DELISTED: [
    "Review of the list: the indicators are no longer met; removed from the list.",
    "Periodic review found no current signs of radicalisation; delisted.",
  ],
  NOT_LISTED: [
    "Admission screening: no indicators of violent extremism.",
    "Periodic screening: no indicators of violent extremism.",
    "Screened after a staff report; the indicators are not met.",
  ],
};

/** The first screening of an episode: the listing start when listed on admission, else within a few days. */
function firstScreening(random: Random, episode: WorkEpisode): IsoDate {
  const spell = episode.spell;
  if (spell && spell.start <= addDays(episode.admittedOn, 5)) return maxIso(spell.start, HISTORY_START);
  const first = maxIso(addDays(episode.admittedOn, random.int(0, 4)), HISTORY_START);
  return spell ? minIso(first, spell.start) : first;
}

/** Dates that must carry a screening: each listing state's start and a delisting. */
function forcedDates(episode: WorkEpisode): IsoDate[] {
  const spell = episode.spell;
  if (!spell) return [];
  const dates = spell.segments.map((s) => s.from);
  if (spell.endKind === "DELISTING" && spell.end !== null) dates.push(spell.end);
  return [...new Set(dates)].sort();
}

/** The last day the inmate can be screened: the day before release, and never after today. */
function lastPossible(episode: WorkEpisode, today: IsoDate): IsoDate {
  return episode.releasedOn === null ? today : minIso(addDays(episode.releasedOn, -1), today);
}

class ScreeningWriter {
  constructor(
    private readonly random: Random,
    private readonly world: ListingWorld,
  ) {}

  run(): void {
    const episodes = this.world.persons.flatMap((p) => p.episodes).filter((e) => !e.awaitingScreening);
    const states = this.presentStates(episodes);
    for (const episode of episodes) this.write(episode, states.get(episode) ?? null);
  }

  /** Quotas of overdue and due-soon screenings among those detained today. */
  private presentStates(episodes: WorkEpisode[]): Map<WorkEpisode, PresentState> {
    const today = this.world.today;
    const open = episodes.filter((e) => e.releasedOn === null);
    const cutoff = addDays(addMonths(today, -INTERVAL_MONTHS), -5);
    const canBeOverdue = (e: WorkEpisode) =>
      maxIso(e.admittedOn, forcedDates(e).at(-1) ?? e.admittedOn) < cutoff;
    const shuffled = this.random.shuffle(open);
    const overdue = new Set(shuffled.filter(canBeOverdue).slice(0, Math.round(OVERDUE_SHARE * open.length)));
    const rest = shuffled.filter((e) => !overdue.has(e));
    const dueSoon = new Set(rest.slice(0, Math.round(DUE_SOON_SHARE * open.length)));
    const states = new Map<WorkEpisode, PresentState>();
    for (const e of open)
      states.set(e, overdue.has(e) ? "OVERDUE" : dueSoon.has(e) ? "DUE_SOON" : "SCHEDULED");
    return states;
  }

  private write(episode: WorkEpisode, present: PresentState | null): void {
    const today = this.world.today;
    const last = lastPossible(episode, today);
    const first = firstScreening(this.random, episode);
    if (first > last) return;
    const forced = forcedDates(episode);
    // An overdue inmate's screenings stop more than two months ago, after the last required one.
    const stop =
      present === "OVERDUE"
        ? maxIso(addDays(today, -this.random.int(63, 110)), maxIso(forced.at(-1) ?? first, first))
        : last;
    const dates = [first];
    let cursor = first;
    for (;;) {
      const nextForced = forced.find((d) => d > cursor);
      const periodic = minIso(addDays(cursor, this.random.int(35, 61)), addMonths(cursor, INTERVAL_MONTHS));
      const next = nextForced !== undefined && nextForced <= periodic ? nextForced : periodic;
      if (next > stop) break;
      dates.push(next);
      cursor = next;
    }
    if (present === "SCHEDULED") {
      const lastDate = dates.at(-1) ?? first;
      if (addMonths(lastDate, INTERVAL_MONTHS) <= addDays(today, DUE_SOON_DAYS)) {
        const extra = addDays(today, -this.random.int(0, Math.min(30, dayDiff(lastDate, today) - 1)));
        if (extra > lastDate) dates.push(extra);
      }
    }
    episode.screenings = dates.map((date, i) => this.screening(episode, date, dates[i + 1] ?? null));
    const final = episode.screenings.at(-1);
    if (final && present !== null) final.nextDueOn = this.finalDue(final.screenedOn, present);
  }

  /** The due date written on the last screening of someone detained today. */
  private finalDue(screenedOn: IsoDate, present: PresentState): IsoDate | null {
    const today = this.world.today;
    const limit = addMonths(screenedOn, INTERVAL_MONTHS);
    if (present === "DUE_SOON") {
      const wanted = addDays(today, this.random.int(screenedOn === today ? 1 : 0, DUE_SOON_DAYS));
      return minIso(wanted, limit);
    }
    return null;
  }

  private screening(episode: WorkEpisode, date: IsoDate, next: IsoDate | null): SeedScreening {
    const spell = episode.spell;
    const person = episode.person;
    let outcome: ScreeningOutcome = "NOT_LISTED";
    let segment = null;
    if (spell) {
      const index = spell.segments.findIndex((s) => s.from === date);
      if (index >= 0) {
        outcome = index === 0 ? "LISTED" : "CHANGED";
        segment = spell.segments[index] ?? null;
      } else if (spell.endKind === "DELISTING" && spell.end === date) {
        outcome = "DELISTED";
      } else if (spellCovers(spell, date)) {
        outcome = "MAINTAINED";
        segment = spell.segments.filter((s) => s.from <= date).at(-1) ?? null;
      }
    }
    return {
      screenedOn: date,
      outcome,
      category: segment?.category ?? null,
      labels: segment ? labelsFor(segment, person) : [],
      sources: this.sources(outcome),
      rationale: this.random.pick(RATIONALES[outcome]),
      nextDueOn: next !== null && this.random.chance(0.3) ? next : null,
    };
  }

  private sources(outcome: ScreeningOutcome): ScreeningSource[] {
    const chosen = new Set<ScreeningSource>(["PRISON_STAFF"]);
    const serious = outcome === "LISTED" || outcome === "CHANGED" || outcome === "DELISTED";
    if (serious || this.random.chance(0.4)) chosen.add("INTELLIGENCE");
    if (this.random.chance(serious ? 0.6 : 0.3)) chosen.add("PSYCHOSOCIAL_SERVICE");
    if (serious && this.random.chance(0.4)) chosen.add("POLICE");
    if (outcome === "LISTED" && this.random.chance(0.3)) chosen.add("PROSECUTOR");
    if (outcome === "NOT_LISTED" && this.random.chance(0.5)) chosen.delete("INTELLIGENCE");
    return SOURCE_ORDER.filter((s) => chosen.has(s));
  }
}

export function assignScreenings(random: Random, world: ListingWorld): void {
  new ScreeningWriter(random, world).run();
}
