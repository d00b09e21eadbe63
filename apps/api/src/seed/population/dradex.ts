import type { IsoDate, LanguageCommunity, LegacyCategory } from "@continuum/domain";
import { dateIn, dayOfMonth, monthOf } from "./calendar.js";
import { DRADEX_OPENED_ON } from "./establishments.js";
import type { ListingWorld } from "./flows.js";
import { categoryOn, type DradexStay, type Spell } from "./model.js";
import type { Random } from "./random.js";
import { DRADEX_ANCHORS, DRADEX_RETURNEES_CHECK, interpolate } from "./targets.js";

/**
 * Stays in the two D-Rad:Ex units, month by month: stays end (planned end, release or delisting),
 * then each unit is brought to its month-end target. Stays start on days 14–27 and planned ends
 * fall on days 1–13, so the month-end count is the target and a unit never holds more than its
 * targets allow during the month (all well under the 20 places).
 */

interface Unit {
  establishmentKey: string;
  unitKey: string;
  /** Language communities that unit mostly receives (Ittre: French-speaking, Hasselt: Dutch-speaking). */
  preferred: readonly LanguageCommunity[];
}

const UNITS: readonly Unit[] = [
  { establishmentKey: "ittre", unitKey: "ittre-dradex", preferred: ["FR", "DE"] },
  { establishmentKey: "hasselt", unitKey: "hasselt-dradex", preferred: ["NL"] },
];

const CATEGORY_WEIGHT: Record<LegacyCategory, number> = { A: 1, B: 3, C: 5, D: 0, E: 3 };

interface ActiveStay {
  spell: Spell;
  unit: Unit;
  stay: DradexStay;
  plannedEndMonth: number;
}

class DradexPlanner {
  private active: ActiveStay[] = [];
  private readonly used = new Set<Spell>();
  private readonly todayDay: number;

  constructor(
    private readonly random: Random,
    private readonly world: ListingWorld,
  ) {
    this.todayDay = dayOfMonth(world.today);
  }

  private maxDay(m: number): number {
    return m === this.world.lastMonth ? Math.min(27, this.todayDay) : 27;
  }

  private target(unit: Unit, m: number): number {
    const anchors = DRADEX_ANCHORS[unit.unitKey];
    if (!anchors) throw new Error(`no targets for ${unit.unitKey}`);
    return Math.round(interpolate(anchors, m));
  }

  run(): void {
    for (let m = monthOf(DRADEX_OPENED_ON); m <= this.world.lastMonth; m++) this.month(m);
  }

  private month(m: number): void {
    for (const a of [...this.active]) {
      const spell = a.spell;
      if (spell.endMonth === m && spell.end !== null) this.end(a, spell.end);
      else if (a.plannedEndMonth === m) this.end(a, this.earlyDay(m));
    }
    const composition = m === DRADEX_RETURNEES_CHECK.month;
    if (composition) this.trimComposition(m);
    for (const unit of UNITS) {
      const inUnit = this.active.filter((a) => a.unit === unit);
      const target = this.target(unit, m);
      if (inUnit.length > target) {
        const longest = [...inUnit]
          .sort((x, y) => (x.stay.from < y.stay.from ? -1 : 1))
          .slice(0, inUnit.length - target);
        for (const a of longest) this.end(a, this.earlyDay(m));
      }
      for (let i = inUnit.length; i < target; i++) {
        const returnees = this.active.filter((a) => a.spell.person.returnee).length;
        this.start(unit, m, composition ? returnees < DRADEX_RETURNEES_CHECK.returnees : null);
      }
    }
  }

  /** At the composition checkpoint, ends stays so that neither group exceeds its share. */
  private trimComposition(m: number): void {
    const total = UNITS.reduce((sum, u) => sum + this.target(u, m), 0);
    const limits = {
      returnee: DRADEX_RETURNEES_CHECK.returnees,
      other: total - DRADEX_RETURNEES_CHECK.returnees,
    };
    for (const returnee of [true, false]) {
      const group = this.active.filter((a) => a.spell.person.returnee === returnee);
      const limit = returnee ? limits.returnee : limits.other;
      for (const a of group.slice(0, Math.max(0, group.length - limit))) this.end(a, this.earlyDay(m));
    }
  }

  private earlyDay(m: number): IsoDate {
    return dateIn(m, this.random.int(1, Math.min(13, this.maxDay(m))));
  }

  private end(a: ActiveStay, date: IsoDate): void {
    a.stay.to = date;
    this.active = this.active.filter((x) => x !== a);
  }

  /** Starts a stay; `returnee` restricts the candidates (null: anyone). */
  private start(unit: Unit, m: number, returnee: boolean | null): void {
    if (this.maxDay(m) < 14) return;
    const date = dateIn(m, this.random.int(14, this.maxDay(m)));
    const busy = new Set(this.active.map((a) => a.spell));
    const candidates = this.world.spells.filter(
      (s) =>
        !this.used.has(s) &&
        !busy.has(s) &&
        s.person.sex === "MALE" &&
        s.person.ideology === "JIHADIST" &&
        s.startMonth < m &&
        (s.endMonth === null || s.endMonth > m + 2) &&
        (returnee === null || s.person.returnee === returnee) &&
        CATEGORY_WEIGHT[categoryOn(s, date)] > 0,
    );
    if (candidates.length === 0) throw new Error(`no candidate for ${unit.unitKey} in month ${m}`);
    const spell = this.random.weighted(
      candidates,
      (s) =>
        CATEGORY_WEIGHT[categoryOn(s, date)] *
        (unit.preferred.includes(s.person.languageCommunity) ? 4 : 0.5),
    );
    const stay: DradexStay = {
      establishmentKey: unit.establishmentKey,
      unitKey: unit.unitKey,
      from: date,
      to: null,
    };
    spell.episode.dradexStays.push(stay);
    this.used.add(spell);
    this.active.push({ spell, unit, stay, plannedEndMonth: m + this.random.int(4, 22) });
  }
}

export function planDradexStays(random: Random, world: ListingWorld): void {
  new DradexPlanner(random, world).run();
}
