import type { IsoDate } from "@continuum/domain";
import { dateIn, dayOfMonth, maxIso, monthOf, monthStart } from "./calendar.js";
import {
  BRUSSELS_MOVE_ON,
  ESTABLISHMENTS,
  type EstablishmentInfo,
  establishmentByKey,
  isOpenOn,
  type Region,
} from "./establishments.js";
import type { PopulationFigures } from "./figures.js";
import type { ListingWorld } from "./flows.js";
import { type DradexStay, spellCovers, type WorkEpisode } from "./model.js";
import type { Random } from "./random.js";
import type { SeedPlacement } from "./types.js";

/**
 * Where each inmate is held, swept month by month over all episodes at once so that the share of
 * listed inmates in an establishment can be kept under its limit on the first of every month (the
 * date of the population figures). Listed inmates go to the five satellite prisons first (until
 * 2016), then are dispersed; Ittre takes a larger share. The Brussels prisons empty into Haren
 * when it opens.
 */

const DISPERSAL_FROM: IsoDate = "2017-01-01";
const DISPERSAL_UNTIL: IsoDate = "2020-01-01";
const ITTRE_PREFERRED_FROM: IsoDate = "2016-07-01";

/** The most listed inmates an establishment takes, as a share of its population that month. */
function shareLimit(e: EstablishmentInfo, on: IsoDate): number {
  if (e.key === "ittre") return 0.06;
  return on < "2018-01-01" ? 0.058 : 0.046;
}

const REGION_AFFINITY: Record<string, Record<Region, number>> = {
  NL: { FLANDERS: 1, BRUSSELS: 0.35, WALLONIA: 0.02 },
  FR: { FLANDERS: 0.02, BRUSSELS: 0.6, WALLONIA: 1 },
  DE: { FLANDERS: 0.01, BRUSSELS: 0.2, WALLONIA: 1 },
};

type EventKind = "RELEASE" | "CLOSURE" | "DRADEX_END" | "DRADEX_START" | "ADMISSION" | "LISTING";
const EVENT_ORDER: Record<EventKind, number> = {
  RELEASE: 0,
  CLOSURE: 1,
  DRADEX_END: 2,
  DRADEX_START: 3,
  ADMISSION: 4,
  LISTING: 5,
};

interface PlacementEvent {
  date: IsoDate;
  kind: EventKind;
  episode: WorkEpisode | null;
  stay: DradexStay | null;
}

interface ChooseOptions {
  exclude?: string;
  satellitesOnly?: boolean;
  awayFromSatellites?: boolean;
}

class PlacementSweep {
  private readonly occupants = new Map<string, Set<WorkEpisode>>(
    ESTABLISHMENTS.map((e) => [e.key, new Set()]),
  );
  private readonly current = new Map<WorkEpisode, SeedPlacement>();
  private readonly inDradex = new Set<WorkEpisode>();
  private readonly lastMonth: number;
  private readonly todayDay: number;

  constructor(
    private readonly random: Random,
    private readonly world: ListingWorld,
    private readonly figures: PopulationFigures,
  ) {
    this.lastMonth = world.lastMonth;
    this.todayDay = dayOfMonth(world.today);
  }

  run(): void {
    const byMonth = this.eventsByMonth();
    const months = [...byMonth.keys()];
    const first = Math.min(...months);
    for (let m = first; m <= this.lastMonth; m++) {
      for (const event of byMonth.get(m) ?? []) this.handle(event);
      if (m >= 0) this.randomTransfers(m);
      if (m + 1 >= 0 && m + 1 <= this.lastMonth) this.enforceLimits(m);
    }
  }

  private eventsByMonth(): Map<number, PlacementEvent[]> {
    const events: PlacementEvent[] = [];
    for (const person of this.world.persons) {
      for (const episode of person.episodes) {
        events.push({ date: episode.admittedOn, kind: "ADMISSION", episode, stay: null });
        const spell = episode.spell;
        if (spell && spell.start > episode.admittedOn)
          events.push({ date: spell.start, kind: "LISTING", episode, stay: null });
        for (const stay of episode.dradexStays) {
          events.push({ date: stay.from, kind: "DRADEX_START", episode, stay });
          if (stay.to !== null && stay.to !== episode.releasedOn)
            events.push({ date: stay.to, kind: "DRADEX_END", episode, stay });
        }
        if (episode.releasedOn !== null)
          events.push({ date: episode.releasedOn, kind: "RELEASE", episode, stay: null });
      }
    }
    if (BRUSSELS_MOVE_ON <= this.world.today)
      events.push({ date: BRUSSELS_MOVE_ON, kind: "CLOSURE", episode: null, stay: null });
    events.sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind],
    );
    const byMonth = new Map<number, PlacementEvent[]>();
    for (const e of events) {
      const m = monthOf(e.date);
      const list = byMonth.get(m) ?? [];
      list.push(e);
      byMonth.set(m, list);
    }
    return byMonth;
  }

  private handle(event: PlacementEvent): void {
    const { episode, stay, date } = event;
    if (event.kind === "CLOSURE") {
      this.closeBrusselsPrisons(date);
      return;
    }
    if (!episode) return;
    switch (event.kind) {
      case "ADMISSION":
        this.place(episode, this.choose(episode, date), date, "Admission");
        break;
      case "LISTING":
        this.onListing(episode, date);
        break;
      case "DRADEX_START":
        if (stay) this.enterDradex(episode, stay, date);
        break;
      case "DRADEX_END":
        if (stay) this.leaveDradex(episode, stay, date);
        break;
      case "RELEASE":
        this.release(episode, date);
        break;
    }
  }

  private isListed(episode: WorkEpisode, date: IsoDate): boolean {
    return episode.spell !== null && spellCovers(episode.spell, date);
  }

  /** Listed now, or about to be (the legacy list of January 2014 counts for earlier admissions). */
  private listedSoon(episode: WorkEpisode, date: IsoDate): boolean {
    const spell = episode.spell;
    if (!spell) return false;
    const horizon = maxIso(monthStart(monthOf(date) + 1), "2014-01-01");
    return spell.start <= horizon && (spell.end === null || spell.end > date);
  }

  private listedCount(e: EstablishmentInfo, on: IsoDate): number {
    let n = 0;
    for (const episode of this.occupants.get(e.key) ?? []) if (this.isListed(episode, on)) n++;
    return n;
  }

  /** Listed inmates allowed in the establishment on the first of a month (Infinity without a figure). */
  private limit(e: EstablishmentInfo, on: IsoDate): number {
    const population = this.figures.population(e.key, on);
    return population === null ? Number.POSITIVE_INFINITY : Math.floor(shareLimit(e, on) * population);
  }

  private hasRoom(e: EstablishmentInfo, date: IsoDate): boolean {
    const next = monthStart(monthOf(date) + 1);
    return this.listedCount(e, next) + 1 <= this.limit(e, next);
  }

  private choose(episode: WorkEpisode, date: IsoDate, options: ChooseOptions = {}): EstablishmentInfo {
    const person = episode.person;
    const women = person.sex === "FEMALE";
    const listed = this.listedSoon(episode, date);
    const open = ESTABLISHMENTS.filter(
      (e) =>
        isOpenOn(e, date) &&
        e.key !== options.exclude &&
        (women ? e.womenPlaces > 0 : !e.womenOnly) &&
        (!options.satellitesOnly || e.satellite),
    );
    const roomy = listed ? open.filter((e) => this.hasRoom(e, date)) : open;
    const pool = roomy.length > 0 ? roomy : open;
    if (pool.length === 0) throw new Error(`no establishment for ${person.id} on ${date}`);
    const affinity = REGION_AFFINITY[person.languageCommunity] ?? REGION_AFFINITY.FR;
    return this.random.weighted(pool, (e) => {
      let w = (women ? e.womenPlaces : e.capacity * e.occupancy) * (affinity?.[e.region] ?? 1);
      if (!listed) return w;
      if (e.satellite) w *= date < DISPERSAL_FROM ? 25 : options.awayFromSatellites ? 0.05 : 0.8;
      if (e.unsuitable) w *= 0.1;
      if (e.key === "ittre" && date >= ITTRE_PREFERRED_FROM) w *= 9;
      return w;
    });
  }

  private unitFor(episode: WorkEpisode, e: EstablishmentInfo): string | null {
    return episode.person.sex === "FEMALE" ? e.womenUnitKey : null;
  }

  private place(
    episode: WorkEpisode,
    e: EstablishmentInfo,
    date: IsoDate,
    reason: string,
    unitKey?: string,
  ): void {
    const placement: SeedPlacement = {
      establishmentKey: e.key,
      unitKey: unitKey ?? this.unitFor(episode, e),
      validFrom: date,
      validTo: null,
      reason,
    };
    episode.placements.push(placement);
    this.current.set(episode, placement);
    this.occupants.get(e.key)?.add(episode);
  }

  private leave(episode: WorkEpisode, date: IsoDate): void {
    const placement = this.current.get(episode);
    if (!placement) throw new Error(`no placement to end for person ${episode.person.id} on ${date}`);
    if (date <= placement.validFrom) throw new Error(`zero-length placement for person ${episode.person.id}`);
    placement.validTo = date;
    this.occupants.get(placement.establishmentKey)?.delete(episode);
    this.current.delete(episode);
  }

  private move(
    episode: WorkEpisode,
    e: EstablishmentInfo,
    date: IsoDate,
    reason: string,
    unitKey?: string,
  ): void {
    this.leave(episode, date);
    this.place(episode, e, date, reason, unitKey);
  }

  private release(episode: WorkEpisode, date: IsoDate): void {
    this.leave(episode, date);
    this.inDradex.delete(episode);
  }

  /** Inmates listed in 2015–2016 mostly move to a satellite prison. */
  private onListing(episode: WorkEpisode, date: IsoDate): void {
    const placement = this.current.get(episode);
    if (!placement || placement.validFrom >= date || date >= DISPERSAL_FROM) return;
    if (establishmentByKey(placement.establishmentKey).satellite || !this.random.chance(0.7)) return;
    const target = this.choose(episode, date, { satellitesOnly: true });
    if (target.key !== placement.establishmentKey)
      this.move(episode, target, date, "Transfer to a satellite prison");
  }

  private enterDradex(episode: WorkEpisode, stay: DradexStay, date: IsoDate): void {
    this.move(
      episode,
      establishmentByKey(stay.establishmentKey),
      date,
      "Placement in the D-Rad:Ex unit",
      stay.unitKey,
    );
    this.inDradex.add(episode);
  }

  private leaveDradex(episode: WorkEpisode, stay: DradexStay, date: IsoDate): void {
    this.inDradex.delete(episode);
    const same = establishmentByKey(stay.establishmentKey);
    const stays =
      this.random.chance(0.4) && (!this.isListed(episode, date) || this.hasRoomAfterLeaving(same, date));
    const target = stays ? same : this.choose(episode, date, { exclude: same.key });
    this.move(episode, target, date, "End of the D-Rad:Ex placement");
  }

  /** Room for someone already counted there (moving from the D-Rad:Ex unit to the ordinary regime). */
  private hasRoomAfterLeaving(e: EstablishmentInfo, date: IsoDate): boolean {
    const next = monthStart(monthOf(date) + 1);
    return this.listedCount(e, next) <= this.limit(e, next);
  }

  private closeBrusselsPrisons(date: IsoDate): void {
    const haren = establishmentByKey("haren");
    for (const e of ESTABLISHMENTS) {
      if (e.seed.closedOn !== date) continue;
      for (const episode of [...(this.occupants.get(e.key) ?? [])])
        this.move(episode, haren, date, "Closure of the establishment: transfer to Haren");
    }
  }

  /** Last day of a month on which a transfer may happen. */
  private lastTransferDay(m: number): number {
    return m === this.lastMonth ? Math.min(27, this.todayDay) : 27;
  }

  /** A transfer date in the month, after the current placement began; null when none is left. */
  private transferDate(episode: WorkEpisode, m: number, earliestDay: number): IsoDate | null {
    const placement = this.current.get(episode);
    if (!placement) return null;
    const from = monthOf(placement.validFrom) === m ? dayOfMonth(placement.validFrom) + 1 : earliestDay;
    const last = this.lastTransferDay(m);
    if (Math.max(from, earliestDay) > last) return null;
    return dateIn(m, this.random.int(Math.max(from, earliestDay), last));
  }

  private randomTransfers(m: number): void {
    const start = monthStart(m);
    for (const e of ESTABLISHMENTS) {
      for (const episode of [...(this.occupants.get(e.key) ?? [])]) {
        if (this.inDradex.has(episode)) continue;
        const listed = this.isListed(episode, start);
        const dispersal = listed && e.satellite && start >= DISPERSAL_FROM && start < DISPERSAL_UNTIL;
        if (!this.random.chance(dispersal ? 0.04 : 0.008)) continue;
        const date = this.transferDate(episode, m, 2);
        if (date === null || date > this.world.today) continue;
        const target = this.choose(episode, date, { exclude: e.key, awayFromSatellites: dispersal });
        this.move(episode, target, date, dispersal ? "Transfer: dispersal" : "Transfer");
      }
    }
  }

  /** Moves listed inmates out of establishments above their limit for the first of next month. */
  private enforceLimits(m: number): void {
    const next = monthStart(m + 1);
    for (const e of ESTABLISHMENTS) {
      const limit = this.limit(e, next);
      let excess = this.listedCount(e, next) - limit;
      if (excess <= 0) continue;
      const movable = [...(this.occupants.get(e.key) ?? [])].filter(
        (ep) => !this.inDradex.has(ep) && this.isListed(ep, next),
      );
      for (const episode of this.random.shuffle(movable)) {
        if (excess <= 0) break;
        const date = this.transferDate(episode, m, this.lastTransferDay(m));
        if (date === null) continue;
        const target = this.choose(episode, date, { exclude: e.key });
        this.move(episode, target, date, "Transfer: capacity");
        excess--;
      }
      if (excess > 0) throw new Error(`${e.key} above its limit of listed inmates on ${next}`);
    }
  }
}

export function assignPlacements(random: Random, world: ListingWorld, figures: PopulationFigures): void {
  new PlacementSweep(random, world, figures).run();
}
