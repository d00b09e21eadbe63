import type { IsoDate, LegacyCategory } from "@continuum/domain";
import { wholeMonths } from "./calendar.js";
import type { ListingWorld } from "./flows.js";
import { categoryOn, isSingleEpisode, lastSegment, type Spell, spellCovers } from "./model.js";
import type { Random } from "./random.js";

/**
 * Attributes that exact figures depend on (sex, returnee, failed traveller, ideology), chosen on the
 * listed persons present at the paper's checkpoints. Persons with more than one episode are left out
 * of the chosen sets so that a person is counted once.
 */

const MAY_2020: IsoDate = "2020-05-31";
const FEB_2020: IsoDate = "2020-02-29";

const RETURNEE_TARGETS = {
  inMay2020: { men: 29, women: 4 },
  releasedBefore: { men: 30, women: 5 },
  listedAfter: { men: 4, women: 4 },
} as const;
const NON_RETURNEE_WOMEN_IN_MAY_2020 = 5;
const OTHER_WOMEN_SHARE = 0.035;
const FAILED_TRAVELLER_SHARE = 0.25;
const FAR_RIGHT = { inMay2020: 5, releasedInWindow: 8, recent: 3 } as const;

function served(spell: Spell, today: IsoDate): number {
  return wholeMonths(spell.episode.admittedOn, spell.episode.releasedOn ?? today);
}

/** Prefers what the paper says of returnees: back in 2014–2017, sentenced to about 3–5 years. */
function returneeWeight(spell: Spell, today: IsoDate): number {
  const months = served(spell, today);
  const servedWeight = months >= 12 && months <= 58 ? 10 : months < 4 ? 1 : months <= 72 ? 1 : 0.1;
  const eraWeight = spell.start >= "2015-01-01" && spell.start < "2018-01-01" ? 2 : 1;
  return servedWeight * eraWeight * (spell.episode.plan.returneeProfile ? 8 : 1);
}

class AttributeChooser {
  private readonly taken = new Set<number>();

  constructor(
    private readonly random: Random,
    private readonly world: ListingWorld,
  ) {}

  private available(spell: Spell): boolean {
    return isSingleEpisode(spell.person) && !this.taken.has(spell.person.id);
  }

  /** Draws `count` spells (weighted) among the available ones and marks their persons as taken. */
  private choose(spells: Spell[], count: number, weight: (s: Spell) => number, what: string): Spell[] {
    const pool = spells.filter((s) => this.available(s));
    const chosen = this.random.sampleWeighted(pool, count, weight);
    if (chosen.length < count)
      throw new Error(`only ${chosen.length} candidates for ${what}, ${count} needed`);
    for (const s of chosen) this.taken.add(s.person.id);
    return chosen;
  }

  run(): void {
    const { spells, today } = this.world;
    const inMay = spells.filter((s) => spellCovers(s, MAY_2020));
    const inMayPersons = new Set(inMay.map((s) => s.person.id));
    const fighters = (list: Spell[], date: IsoDate | null) =>
      list.filter((s) => (date === null ? lastSegment(s).category : categoryOn(s, date)) === "C");
    const before = spells.filter(
      (s) => s.end !== null && s.end <= MAY_2020 && !inMayPersons.has(s.person.id),
    );
    const after = spells.filter((s) => s.start > MAY_2020 && !inMayPersons.has(s.person.id));
    const weight = (s: Spell) => returneeWeight(s, today);
    const afterWeight = (s: Spell) => (s.start < "2024-01-01" ? 3 : 1);

    const returnees = [
      ...this.choose(
        fighters(inMay, MAY_2020),
        RETURNEE_TARGETS.inMay2020.men,
        weight,
        "returnee men in May 2020",
      ),
      ...this.markWomen(
        this.choose(
          fighters(inMay, MAY_2020),
          RETURNEE_TARGETS.inMay2020.women,
          weight,
          "returnee women in May 2020",
        ),
      ),
      ...this.markWomen(
        this.choose(
          fighters(after, null),
          RETURNEE_TARGETS.listedAfter.women,
          afterWeight,
          "returnee women after 2020",
        ),
      ),
      ...this.choose(
        fighters(after, null),
        RETURNEE_TARGETS.listedAfter.men,
        afterWeight,
        "returnee men after 2020",
      ),
      ...this.choose(
        fighters(before, null),
        RETURNEE_TARGETS.releasedBefore.men,
        weight,
        "returnee men before 2020",
      ),
      ...this.markWomen(
        this.choose(
          fighters(before, null),
          RETURNEE_TARGETS.releasedBefore.women,
          weight,
          "returnee women before 2020",
        ),
      ),
    ];
    for (const s of returnees) s.person.returnee = true;

    // Women listed since March 2020 keep the February 2020 share near the paper's 4%.
    const womenCategoryWeight: Record<LegacyCategory, number> = { A: 0.5, B: 2, C: 2, D: 1.5, E: 0 };
    this.markWomen(
      this.choose(
        inMay,
        NON_RETURNEE_WOMEN_IN_MAY_2020,
        (s) => womenCategoryWeight[categoryOn(s, MAY_2020)] * (s.start > FEB_2020 ? 20 : 1),
        "non-returnee women in May 2020",
      ),
    );
    const inFeb = spells.filter((s) => spellCovers(s, FEB_2020)).map((s) => s.person.id);
    this.chooseOtherWomen(new Set([...inMayPersons, ...inFeb]));
    this.chooseFailedTravellers();
    this.chooseIdeologies(inMay);
  }

  private markWomen(spells: Spell[]): Spell[] {
    for (const s of spells) s.person.sex = "FEMALE";
    return spells;
  }

  /** A few women among everyone else (never in the checkpoint stocks, which are counted exactly). */
  private chooseOtherWomen(excluded: Set<number>): void {
    for (const person of this.world.persons) {
      if (excluded.has(person.id) || this.taken.has(person.id)) continue;
      if (this.random.chance(OTHER_WOMEN_SHARE)) person.sex = "FEMALE";
    }
  }

  private chooseFailedTravellers(): void {
    for (const spell of this.world.spells) {
      const person = spell.person;
      if (person.returnee || person.failedTraveller) continue;
      const first = spell.segments[0];
      const share = first?.category === "C" ? FAILED_TRAVELLER_SHARE : first?.category === "B" ? 0.05 : 0;
      if (this.random.chance(share)) person.failedTraveller = true;
    }
  }

  private chooseIdeologies(inMay: Spell[]): void {
    for (const spell of this.world.spells) spell.person.ideology = "JIHADIST";
    const eligible = (s: Spell) => !s.person.returnee && !s.person.failedTraveller && s.person.sex === "MALE";
    const weightOf = (category: LegacyCategory) => ({ A: 1, B: 2, C: 0, D: 3, E: 0 })[category];
    const farRight = [
      ...this.choose(
        inMay.filter(eligible),
        FAR_RIGHT.inMay2020,
        (s) => weightOf(categoryOn(s, MAY_2020)),
        "far-right in May 2020",
      ),
      ...this.choose(
        this.world.spells.filter(
          (s) => eligible(s) && s.endKind === "RELEASE" && s.end !== null && s.end <= FEB_2020,
        ),
        FAR_RIGHT.releasedInWindow,
        (s) => weightOf(lastSegment(s).category),
        "far-right released before March 2020",
      ),
      ...this.choose(
        this.world.spells.filter((s) => eligible(s) && s.start >= "2021-01-01"),
        FAR_RIGHT.recent,
        (s) => weightOf(lastSegment(s).category),
        "far-right listed since 2021",
      ),
    ];
    for (const s of farRight) s.person.ideology = "FAR_RIGHT";
  }
}

export function chooseAttributes(random: Random, world: ListingWorld): void {
  new AttributeChooser(random, world).run();
}
