import { type IsoDate, type LanguageCommunity, MUNICIPALITIES, releaseDatesOf } from "@continuum/domain";
import { addMonths, maxIso, monthOf, wholeMonths, yearOf } from "./calendar.js";
import type { ListingWorld } from "./flows.js";
import { drawSentenceMonths } from "./flows.js";
import { spellCovers, type WorkEpisode } from "./model.js";
import type { Random } from "./random.js";

/**
 * Legal status, sentence, eligibility and end-of-sentence dates, and release type of each episode,
 * fitted to the dates the simulation produced: a conditional release falls between eligibility (the
 * domain's rule: a third of the sentence) and the end of the sentence; a release at the end of the sentence falls on
 * it. Then the exact end-of-sentence years of the February 2020 stock, and returnees' sentences.
 */

const FEB_2020: IsoDate = "2020-02-29";
const END_OF_SENTENCE_TARGETS: Readonly<Record<number, number>> = { 2020: 16, 2021: 17 };
const RETURNEE_SENTENCE_BANDS = [
  [0.62, 36, 60],
  [0.24, 61, 100],
  [0.14, 120, 200],
] as const;
const RETURNEE_MEAN_TARGET = { MALE: 79, FEMALE: 70 } as const;
const MAX_SENTENCE = 360;

type YearClass = "2020" | "2021" | "LATER";

class SentenceFitter {
  constructor(
    private readonly random: Random,
    private readonly world: ListingWorld,
  ) {}

  private get today(): IsoDate {
    return this.world.today;
  }

  private episodes(): WorkEpisode[] {
    return this.world.persons.flatMap((p) => p.episodes);
  }

  run(): void {
    for (const episode of this.episodes()) this.fit(episode);
    this.fixEndOfSentenceYears();
    this.steerReturneeMeans();
    for (const episode of this.episodes()) this.assignReleasePlace(episode);
  }

  private targetSentence(episode: WorkEpisode): number {
    if (episode.person.returnee && !episode.plan.returneeProfile)
      return drawSentenceMonths(this.random, RETURNEE_SENTENCE_BANDS);
    if (episode.plan.sentenceMonths > 0) return episode.plan.sentenceMonths;
    return this.random.int(12, 60);
  }

  private fit(episode: WorkEpisode): void {
    const released = episode.releasedOn;
    if (released === null) {
      this.fitOpen(episode);
      return;
    }
    const served = wholeMonths(episode.admittedOn, released);
    if (served === 0 || (episode.plan.preventive && served <= 18)) {
      this.setPreventive(episode, "END_OF_PREVENTIVE_DETENTION");
      return;
    }
    const target = this.targetSentence(episode);
    const full = this.fullSentenceRelease(episode);
    // Returnees' sentences follow their own distribution whenever the release date allows it.
    const targetFits = target > served && target <= 3 * served;
    const preferFull = episode.person.returnee ? !targetFits : episode.plan.servesFullSentence;
    if (full !== null && (preferFull || target <= served)) {
      this.setFullSentence(episode, full);
      return;
    }
    const s = Math.min(Math.max(target, served + 1), 3 * served);
    this.setSentence(episode, s);
    episode.releaseType = this.conditionalKind(episode);
  }

  private fitOpen(episode: WorkEpisode): void {
    const served = wholeMonths(episode.admittedOn, this.today);
    if (
      episode.awaitingScreening ||
      (served <= 10 && (episode.plan.preventive || this.random.chance(0.35)))
    ) {
      this.setPreventive(episode, null);
      return;
    }
    const target =
      episode.plan.sentenceMonths > 0 ? this.targetSentence(episode) : served + this.random.int(6, 36);
    this.setSentence(episode, Math.min(MAX_SENTENCE, Math.max(target, served + 1 + this.random.int(0, 4))));
  }

  private setPreventive(episode: WorkEpisode, releaseType: "END_OF_PREVENTIVE_DETENTION" | null): void {
    episode.legalStatus = "PREVENTIVE_DETENTION";
    episode.sentenceMonths = null;
    episode.conditionalReleaseEligibleOn = null;
    episode.endOfSentenceOn = null;
    episode.releaseType = releaseType;
  }

  private setSentence(episode: WorkEpisode, months: number): void {
    episode.legalStatus = "SENTENCED";
    episode.sentenceMonths = months;
    const dates = releaseDatesOf({
      admittedOn: episode.admittedOn,
      sentenceMonths: months,
      recidivism: "NONE",
    });
    episode.conditionalReleaseEligibleOn = dates.conditionalReleaseEligibleOn;
    episode.endOfSentenceOn = dates.endOfSentenceOn;
  }

  /**
   * The sentence (in months) that ends in the month of the actual release, if a release on that end
   * date still falls after every other event of the episode and not after today.
   */
  private fullSentenceRelease(episode: WorkEpisode): number | null {
    if (episode.releasedOn === null) return null;
    const months = monthOf(episode.releasedOn) - monthOf(episode.admittedOn);
    const date = addMonths(episode.admittedOn, months);
    const spell = episode.spell;
    const lastEvent = spell
      ? spell.endKind === "DELISTING" && spell.end
        ? spell.end
        : lastStart(episode)
      : null;
    if (months < 1 || date > this.today || (lastEvent !== null && date <= lastEvent)) return null;
    return months;
  }

  private setFullSentence(episode: WorkEpisode, months: number): void {
    this.setSentence(episode, months);
    const date = addMonths(episode.admittedOn, months);
    episode.releasedOn = date;
    if (episode.spell?.endKind === "RELEASE") episode.spell.end = date;
    episode.releaseType = "END_OF_SENTENCE";
  }

  private conditionalKind(
    episode: WorkEpisode,
  ): "CONDITIONAL_RELEASE" | "ELECTRONIC_MONITORING" | "TRANSFER_ABROAD" {
    const foreign = !episode.person.nationalities.includes("BE");
    if (foreign && this.random.chance(0.1)) return "TRANSFER_ABROAD";
    return this.random.chance(0.06) ? "ELECTRONIC_MONITORING" : "CONDITIONAL_RELEASE";
  }

  /** Sentences (months) an episode may have, keeping its release date, and whether each means a full-sentence release. */
  private sentenceRange(episode: WorkEpisode): { min: number; max: number; full: number | null } | null {
    if (episode.legalStatus !== "SENTENCED" || episode.sentenceMonths === null) return null;
    const released = episode.releasedOn;
    if (released === null) return null;
    const full =
      episode.releaseType === "END_OF_SENTENCE" ? episode.sentenceMonths : this.fullSentenceRelease(episode);
    const served = wholeMonths(episode.admittedOn, released);
    const max = episode.releaseType === "TRANSFER_ABROAD" ? MAX_SENTENCE : 3 * served;
    return { min: served + 1, max: Math.max(served + 1, max), full };
  }

  private yearClass(episode: WorkEpisode, months: number): YearClass {
    const year = yearOf(addMonths(episode.admittedOn, months));
    return year === 2020 ? "2020" : year === 2021 ? "2021" : "LATER";
  }

  private currentClass(episode: WorkEpisode): YearClass | null {
    return episode.sentenceMonths === null ? null : this.yearClass(episode, episode.sentenceMonths);
  }

  /** The feasible sentence in the wanted class closest to the current one, or null. */
  private sentenceInClass(episode: WorkEpisode, wanted: YearClass): number | null {
    const range = this.sentenceRange(episode);
    const current = episode.sentenceMonths;
    if (range === null || current === null) return null;
    // The end-of-sentence year grows with the sentence: the class is an interval of sentences.
    const firstEndingFrom = (date: IsoDate) => {
      const k = wholeMonths(episode.admittedOn, date);
      return addMonths(episode.admittedOn, k) >= date ? k : k + 1;
    };
    const low = wanted === "2020" ? 0 : firstEndingFrom(wanted === "2021" ? "2021-01-01" : "2022-01-01");
    const high =
      wanted === "LATER"
        ? Number.POSITIVE_INFINITY
        : firstEndingFrom(`${wanted === "2020" ? 2021 : 2022}-01-01`) - 1;
    const options: number[] = [];
    if (range.full !== null) options.push(range.full);
    const from = Math.max(range.min, low);
    const to = Math.min(range.max, high);
    if (from <= to) options.push(from, to, Math.min(to, Math.max(from, current)));
    const fitting = options.filter((s) => s >= low && s <= high && this.yearClass(episode, s) === wanted);
    if (fitting.length === 0) return null;
    return fitting.reduce((best, s) => (Math.abs(s - current) < Math.abs(best - current) ? s : best));
  }

  private applySentence(episode: WorkEpisode, months: number): void {
    const range = this.sentenceRange(episode);
    if (range?.full === months) {
      this.setFullSentence(episode, months);
      return;
    }
    if (episode.releaseType === "END_OF_SENTENCE") episode.releaseType = "CONDITIONAL_RELEASE";
    this.setSentence(episode, months);
  }

  /** Exactly 16 of the February 2020 stock reach the end of their sentence in 2020, 17 in 2021. */
  private fixEndOfSentenceYears(): void {
    const stock = this.world.spells
      .filter((s) => spellCovers(s, FEB_2020))
      .map((s) => s.episode)
      .filter((e) => e.legalStatus === "SENTENCED");
    const count = (c: YearClass) => stock.filter((e) => this.currentClass(e) === c).length;
    const want = { "2020": END_OF_SENTENCE_TARGETS[2020] ?? 0, "2021": END_OF_SENTENCE_TARGETS[2021] ?? 0 };
    for (let guard = 0; guard < 1000; guard++) {
      const n2020 = count("2020");
      const n2021 = count("2021");
      if (n2020 === want["2020"] && n2021 === want["2021"]) return;
      let moves: [YearClass, YearClass][];
      if (n2020 > want["2020"]) moves = n2021 < want["2021"] ? [["2020", "2021"]] : [["2020", "LATER"]];
      else if (n2020 < want["2020"])
        moves =
          n2021 > want["2021"]
            ? [
                ["2021", "2020"],
                ["LATER", "2020"],
              ]
            : [
                ["LATER", "2020"],
                ["2021", "2020"],
              ];
      else moves = n2021 > want["2021"] ? [["2021", "LATER"]] : [["LATER", "2021"]];
      if (!moves.some(([from, to]) => this.moveOne(stock, from, to)))
        throw new Error(`cannot reach the end-of-sentence years (${n2020} in 2020, ${n2021} in 2021)`);
    }
    throw new Error("end-of-sentence years did not settle");
  }

  private moveOne(stock: WorkEpisode[], from: YearClass, to: YearClass): boolean {
    const movable = stock
      .filter((e) => this.currentClass(e) === from)
      .map((e) => ({ e, s: this.sentenceInClass(e, to) }))
      .filter((x): x is { e: WorkEpisode; s: number } => x.s !== null);
    if (movable.length === 0) return false;
    const { e, s } = this.random.pick(movable);
    this.applySentence(e, s);
    return true;
  }

  /**
   * Returnees were mostly sentenced to 3–5 years, with means of about 6.6 years (men) and 5.8 years
   * (women): lengthen or shorten the sentences outside 36–60 months until the mean is near the
   * target, without moving anyone's end-of-sentence year.
   */
  private steerReturneeMeans(): void {
    for (const sex of ["MALE", "FEMALE"] as const) {
      const sentenced = this.episodes().filter(
        (e) => e.person.returnee && e.person.sex === sex && e.sentenceMonths !== null,
      );
      if (sentenced.length === 0) continue;
      const target = RETURNEE_MEAN_TARGET[sex] * sentenced.length;
      const total = () => sentenced.reduce((sum, e) => sum + (e.sentenceMonths ?? 0), 0);
      const outside = sentenced.filter((e) => (e.sentenceMonths ?? 0) > 60 || (e.sentenceMonths ?? 0) < 36);
      for (const e of this.random.shuffle(outside)) {
        const gap = target - total();
        if (Math.abs(gap) <= sentenced.length * 2) break;
        const current = e.sentenceMonths ?? 0;
        const wanted = Math.max(1, current + gap);
        const s = this.closestKeepingClass(e, wanted);
        if (s !== null && s !== current && (s > 60 || s < 36)) this.applySentence(e, s);
      }
    }
  }

  private closestKeepingClass(episode: WorkEpisode, wanted: number): number | null {
    const current = episode.sentenceMonths;
    if (current === null) return null;
    const cls = this.currentClass(episode);
    if (episode.releasedOn === null) {
      const min = wholeMonths(episode.admittedOn, this.today) + 1;
      return Math.min(MAX_SENTENCE, Math.max(min, wanted));
    }
    const range = this.sentenceRange(episode);
    if (range === null) return null;
    const clamped = Math.min(range.max, Math.max(range.min, wanted));
    if (this.yearClass(episode, clamped) === cls) return clamped;
    return null;
  }

  private assignReleasePlace(episode: WorkEpisode): void {
    if (episode.releasedOn === null || episode.releaseType === "TRANSFER_ABROAD") return;
    const name = this.random.weightedKey(MUNICIPALITY_WEIGHTS[episode.person.languageCommunity]);
    const municipality = MUNICIPALITIES.find((m) => m.name === name);
    if (!municipality) throw new Error(`unknown municipality ${name}`);
    episode.releaseMunicipality = municipality.name;
    episode.releaseJudicialDistrict = municipality.judicialDistrict;
  }
}

function lastStart(episode: WorkEpisode): IsoDate | null {
  const spell = episode.spell;
  if (!spell) return null;
  return spell.segments.reduce<IsoDate>((latest, s) => maxIso(latest, s.from), spell.start);
}

/** Where released persons go, by language community (public place names). */
const MUNICIPALITY_WEIGHTS: Record<LanguageCommunity, Record<string, number>> = {
  FR: {
    Brussels: 14,
    Anderlecht: 10,
    "Molenbeek-Saint-Jean": 14,
    Schaerbeek: 10,
    "Saint-Josse-ten-Noode": 4,
    Charleroi: 10,
    Liège: 10,
    Verviers: 5,
    Seraing: 4,
    Namur: 4,
    Mons: 4,
    Tournai: 2,
    Nivelles: 2,
    "Ottignies-Louvain-la-Neuve": 2,
    Dinant: 1,
    Arlon: 2,
    Vilvoorde: 2,
  },
  NL: {
    Antwerpen: 28,
    Mechelen: 8,
    Vilvoorde: 10,
    Gent: 10,
    Aalst: 4,
    Brugge: 4,
    Kortrijk: 4,
    Leuven: 5,
    Tienen: 2,
    Genk: 6,
    Hasselt: 4,
    Maasmechelen: 4,
    Turnhout: 3,
    Brussels: 4,
    "Molenbeek-Saint-Jean": 4,
  },
  DE: { Eupen: 8, Verviers: 2 },
};

export function assignSentences(random: Random, world: ListingWorld): void {
  new SentenceFitter(random, world).run();
}
