import type { IsoDate, LegacyCategory } from "@continuum/domain";
import { addDays, addMonths, dateIn, dayOfMonth, monthLabel, monthOf } from "./calendar.js";
import {
  CATEGORIES,
  type CategoryCounts,
  lastSegment,
  newEpisode,
  newPerson,
  type SentencePlan,
  type Spell,
  type WorkPerson,
} from "./model.js";
import type { Random } from "./random.js";
import {
  PLANNED_EXITS,
  type PlannedExit,
  RELEASE_INTENSITY_BY_YEAR,
  RELEASE_WINDOW_LAST_MONTH,
  targetStock,
  WINDOW_RELEASES,
} from "./targets.js";

/**
 * The month-by-month stock-flow simulation of the CelEx list. Each month, per category: releases
 * (planned counts inside the Jan 2014 – Feb 2020 window, otherwise those whose intended release has
 * come), planned delistings and category changes, then as many new listings as the target curve
 * needs. The end-of-month stock therefore equals the target exactly, whatever day events fall on.
 */

export interface ListingWorld {
  persons: WorkPerson[];
  spells: Spell[];
  today: IsoDate;
  lastMonth: number;
}

const PREVENTIVE_SHARE: CategoryCounts = { A: 0.55, B: 0.5, C: 0.35, D: 0.12, E: 0.3 };
/** Share of new listings that concern someone already in prison (listed after some months inside). */
const LATE_LISTING_SHARE: CategoryCounts = { A: 0.05, B: 0.15, C: 0.05, D: 0.4, E: 0.1 };
const READMISSION_SHARE = 0.025;
const READMISSION_FROM = monthLabel("2017-01");
const SERVES_FULL_SENTENCE_SHARE = 0.3;

type SentenceBand = readonly [weight: number, min: number, max: number];
const SENTENCE_BANDS: Record<LegacyCategory, readonly SentenceBand[]> = {
  A: [
    [0.4, 24, 60],
    [0.3, 61, 119],
    [0.3, 120, 240],
  ],
  B: [
    [0.35, 18, 59],
    [0.35, 60, 119],
    [0.3, 120, 240],
  ],
  C: [
    [0.25, 36, 60],
    [0.33, 61, 119],
    [0.42, 120, 240],
  ],
  D: [
    [0.3, 12, 59],
    [0.3, 60, 119],
    [0.4, 120, 300],
  ],
  E: [
    [0.25, 36, 60],
    [0.4, 61, 119],
    [0.35, 120, 200],
  ],
};

export function drawSentenceMonths(random: Random, bands: readonly SentenceBand[]): number {
  const band = random.weighted(bands, (b) => b[0]);
  return random.int(band[1], band[2]);
}

function drawPlan(random: Random, category: LegacyCategory, admittedOn: IsoDate): SentencePlan {
  if (random.chance(PREVENTIVE_SHARE[category])) {
    const months = random.int(1, 12);
    return {
      preventive: true,
      sentenceMonths: 0,
      servesFullSentence: false,
      intendedReleaseMonth: monthOf(addMonths(admittedOn, months)),
    };
  }
  const sentenceMonths = drawSentenceMonths(random, SENTENCE_BANDS[category]);
  const servesFullSentence = random.chance(SERVES_FULL_SENTENCE_SHARE);
  const fraction = servesFullSentence ? 1 : random.between(0.34, 0.8);
  const served = Math.max(1, Math.round(fraction * sentenceMonths));
  return {
    preventive: false,
    sentenceMonths,
    servesFullSentence,
    intendedReleaseMonth: monthOf(addMonths(admittedOn, served)),
  };
}

const RETURNEE_PROFILE_BANDS: readonly SentenceBand[] = [
  [0.72, 36, 60],
  [0.28, 61, 100],
];
/** Fighters listed from mid-2015 to 2019 include returnees tried on their return: 3–5 years, mostly served. */
const RETURNEE_PROFILE_SHARE = 0.3;
const RETURNEE_PROFILE_MONTHS = [monthLabel("2015-06"), monthLabel("2019-12")] as const;

function drawReturneePlan(random: Random, admittedOn: IsoDate): SentencePlan {
  const sentenceMonths = drawSentenceMonths(random, RETURNEE_PROFILE_BANDS);
  const servesFullSentence = random.chance(0.5);
  const fraction = servesFullSentence ? 1 : random.between(0.6, 0.95);
  return {
    preventive: false,
    sentenceMonths,
    servesFullSentence,
    intendedReleaseMonth: monthOf(addMonths(admittedOn, Math.round(fraction * sentenceMonths))),
    returneeProfile: true,
  };
}

/** Largest-remainder apportionment of a total over weights. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error("apportion without weight");
  const quotas = weights.map((w) => (total * w) / sum);
  const out = quotas.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q - Math.floor(q) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

function exitsIn(month: number): PlannedExit[] {
  return PLANNED_EXITS.filter((e) => e.month === month);
}

/** Net non-release flow of a category in a month: delistings and changes out minus changes in. */
function plannedNetExits(category: LegacyCategory, month: number): number {
  let net = 0;
  for (const e of exitsIn(month)) {
    if (e.from === category) net++;
    if (e.to === category) net--;
  }
  return net;
}

/**
 * Release counts per category and month inside the window: proportional to the stock and the year's
 * intensity, then moved between months so that no month would need a negative number of new listings.
 */
function planWindowReleases(): Record<LegacyCategory, number[]> {
  const plan = {} as Record<LegacyCategory, number[]>;
  const months = RELEASE_WINDOW_LAST_MONTH + 1;
  for (const c of CATEGORIES) {
    const weights = Array.from({ length: months }, (_, m) => {
      const year = 2014 + Math.floor(m / 12);
      return Math.max(0.5, targetStock(c, m - 1)) * (RELEASE_INTENSITY_BY_YEAR[year] ?? 1);
    });
    const releases = apportion(WINDOW_RELEASES[c], weights);
    const inflow = (m: number) =>
      targetStock(c, m) - targetStock(c, m - 1) + (releases[m] ?? 0) + plannedNetExits(c, m);
    for (let guard = 0; guard < 10_000; guard++) {
      const short = releases.findIndex((_, m) => inflow(m) < 0);
      if (short < 0) break;
      const donor = nearestDonor(short, months, (m) => (releases[m] ?? 0) > 0 && inflow(m) >= 1);
      if (donor < 0) throw new Error(`cannot plan releases for category ${c}`);
      releases[donor] = (releases[donor] ?? 0) - 1;
      releases[short] = (releases[short] ?? 0) + 1;
    }
    plan[c] = releases;
  }
  return plan;
}

function nearestDonor(from: number, length: number, ok: (m: number) => boolean): number {
  for (let distance = 1; distance < length; distance++) {
    for (const m of [from - distance, from + distance]) if (m >= 0 && m < length && ok(m)) return m;
  }
  return -1;
}

class ListingSimulation {
  readonly persons: WorkPerson[] = [];
  readonly spells: Spell[] = [];
  private active: Spell[] = [];
  private readonly lastMonth: number;
  private readonly todayDay: number;
  private readonly windowReleases = planWindowReleases();

  constructor(
    private readonly random: Random,
    private readonly today: IsoDate,
  ) {
    this.lastMonth = monthOf(today);
    this.todayDay = dayOfMonth(today);
  }

  run(): ListingWorld {
    this.seedInitialStock();
    for (let m = 0; m <= this.lastMonth; m++) this.simulateMonth(m);
    return { persons: this.persons, spells: this.spells, today: this.today, lastMonth: this.lastMonth };
  }

  /** Latest event day in a month: 27 (so month ends stay clean), or today's day in the current month. */
  private maxDay(month: number): number {
    return month === this.lastMonth ? Math.min(27, this.todayDay) : 27;
  }

  private eventDate(month: number, after: IsoDate | null = null): IsoDate {
    const earliest = after !== null && monthOf(after) === month ? dayOfMonth(after) + 1 : 1;
    return dateIn(month, this.random.int(earliest, Math.max(earliest, this.maxDay(month))));
  }

  private category(spell: Spell): LegacyCategory {
    return lastSegment(spell).category;
  }

  /** The listed stock on 1 January 2014: persons admitted in 2009–2013, listed when the history starts. */
  private seedInitialStock(): void {
    for (const c of CATEGORIES) {
      for (let i = 0; i < targetStock(c, -1); i++) {
        const admittedOn = dateIn(this.random.int(-55, -2), this.random.int(1, 27));
        const plan = drawPlan(this.random, c, admittedOn);
        if (plan.intendedReleaseMonth < 1) plan.intendedReleaseMonth = this.random.int(1, 24);
        this.openSpell(this.addPerson(), c, admittedOn, "2014-01-01", plan, -1);
      }
    }
  }

  private simulateMonth(m: number): void {
    const busy = new Set<Spell>();
    this.releaseMonth(m, busy);
    for (const exit of exitsIn(m)) this.applyExit(exit, m, busy);
    for (const c of CATEGORIES) {
      let need = targetStock(c, m) - this.active.filter((s) => this.category(s) === c).length;
      if (need < 0) {
        if (m <= RELEASE_WINDOW_LAST_MONTH) throw new Error(`stock of ${c} above target in month ${m}`);
        this.release(this.releasable(c, m, busy), -need, m, busy);
        need = 0;
      }
      for (let i = 0; i < need; i++) this.listNew(c, m);
    }
  }

  private releasable(c: LegacyCategory, m: number, busy: Set<Spell>): Spell[] {
    return this.active.filter((s) => this.category(s) === c && s.startMonth < m && !busy.has(s));
  }

  private releaseMonth(m: number, busy: Set<Spell>): void {
    for (const c of CATEGORIES) {
      const candidates = this.releasable(c, m, busy);
      const count =
        m <= RELEASE_WINDOW_LAST_MONTH
          ? (this.windowReleases[c][m] ?? 0)
          : candidates.filter((s) => s.episode.plan.intendedReleaseMonth <= m).length;
      this.release(candidates, count, m, busy);
    }
  }

  /** Releases the `count` spells whose intended release is the earliest. */
  private release(candidates: Spell[], count: number, m: number, busy: Set<Spell>): void {
    if (count > candidates.length) throw new Error(`not enough listed inmates to release in month ${m}`);
    const keyed = candidates.map((s) => ({
      s,
      key: s.episode.plan.intendedReleaseMonth + this.random.float(),
    }));
    keyed.sort((a, b) => a.key - b.key);
    for (const { s } of keyed.slice(0, count)) {
      const date = this.eventDate(m, s.start);
      this.endSpell(s, date, m, "RELEASE");
      s.episode.releasedOn = date;
      busy.add(s);
    }
  }

  private applyExit(exit: PlannedExit, m: number, busy: Set<Spell>): void {
    const candidates = this.releasable(exit.from, m, busy);
    if (candidates.length === 0) throw new Error(`no ${exit.from} inmate for a planned exit in month ${m}`);
    const spell = this.random.pick(candidates);
    const date = this.eventDate(m, spell.start);
    busy.add(spell);
    if (exit.to !== null) {
      spell.segments.push({ category: exit.to, from: date, convicted: false });
      return;
    }
    this.endSpell(spell, date, m, "DELISTING");
    // Delisted but still in prison: released later, when the sentence says so.
    const plan = spell.episode.plan;
    const releaseMonth = Math.max(plan.intendedReleaseMonth, m + this.random.int(1, 8));
    if (releaseMonth <= this.lastMonth) spell.episode.releasedOn = this.eventDate(releaseMonth);
  }

  private endSpell(spell: Spell, date: IsoDate, m: number, kind: "RELEASE" | "DELISTING"): void {
    spell.end = date;
    spell.endMonth = m;
    spell.endKind = kind;
    this.active = this.active.filter((s) => s !== spell);
  }

  private listNew(c: LegacyCategory, m: number): void {
    const start = this.eventDate(m);
    const readmitted =
      m >= READMISSION_FROM && this.random.chance(READMISSION_SHARE) ? this.readmission(m) : null;
    const late = readmitted === null && this.random.chance(LATE_LISTING_SHARE[c]);
    const admittedOn = late
      ? addDays(addMonths(start, -this.random.int(2, 30)), -this.random.int(0, 10))
      : addDays(start, this.random.chance(0.5) ? 0 : -this.random.int(1, 4));
    const returneeLike =
      c === "C" &&
      !late &&
      m >= RETURNEE_PROFILE_MONTHS[0] &&
      m <= RETURNEE_PROFILE_MONTHS[1] &&
      this.random.chance(RETURNEE_PROFILE_SHARE);
    const plan = returneeLike
      ? drawReturneePlan(this.random, admittedOn)
      : drawPlan(this.random, c, admittedOn);
    if (plan.intendedReleaseMonth <= m) plan.intendedReleaseMonth = m + this.random.int(1, 6);
    this.openSpell(readmitted ?? this.addPerson(), c, admittedOn, start, plan, m);
  }

  /** A person released at least a year ago, admitted again. */
  private readmission(m: number): WorkPerson | null {
    const candidates = this.persons.filter((p) => {
      const last = p.episodes[p.episodes.length - 1];
      return p.episodes.length === 1 && last?.releasedOn != null && monthOf(last.releasedOn) <= m - 12;
    });
    return candidates.length > 0 ? this.random.pick(candidates) : null;
  }

  private addPerson(): WorkPerson {
    const person = newPerson(this.persons.length);
    this.persons.push(person);
    return person;
  }

  private openSpell(
    person: WorkPerson,
    c: LegacyCategory,
    admittedOn: IsoDate,
    start: IsoDate,
    plan: SentencePlan,
    startMonth: number,
  ): void {
    const episode = newEpisode(person, admittedOn, plan);
    const spell: Spell = {
      id: this.spells.length,
      person,
      episode,
      segments: [{ category: c, from: start, convicted: false }],
      start,
      startMonth,
      end: null,
      endMonth: null,
      endKind: null,
    };
    episode.spell = spell;
    this.spells.push(spell);
    this.active.push(spell);
  }
}

export function simulateListing(random: Random, today: IsoDate): ListingWorld {
  return new ListingSimulation(random, today).run();
}

/**
 * Fighters (category C) convicted of a terrorist offence carry the TERRORIST_CONVICT label too:
 * some from the start of the listing, others from a later screening (a new listing period).
 */
export function addConvictionLabels(random: Random, world: ListingWorld): void {
  for (const spell of world.spells) {
    const first = spell.segments[0];
    if (!first || spell.segments.length !== 1 || first.category !== "C") continue;
    if (random.chance(0.2)) {
      first.convicted = true;
      continue;
    }
    const endMonth = spell.endMonth ?? world.lastMonth;
    const firstMonth = Math.max(0, spell.startMonth + 2);
    if (endMonth - 1 < firstMonth || !random.chance(0.3)) continue;
    const month = random.int(firstMonth, endMonth - 1);
    spell.segments.push({ category: "C", from: dateIn(month, random.int(1, 27)), convicted: true });
  }
}
