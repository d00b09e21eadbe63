import type { IsoDate } from "@continuum/domain";
import { monthLabel, monthStart } from "./calendar.js";
import { ESTABLISHMENTS, type EstablishmentInfo, isOpenOn } from "./establishments.js";
import { apportion } from "./flows.js";
import type { Random } from "./random.js";
import {
  EXACT_POPULATION_MONTHS,
  interpolate,
  NATIONAL_POPULATION_ANCHORS,
  WOMEN_EXACT,
  WOMEN_SHARE,
} from "./targets.js";
import type { SeedPopulationFigure } from "./types.js";

/**
 * Monthly prison population per open establishment: a national total (exact where the paper gives
 * one) shared out by places and usual occupation, with a slow random drift per establishment.
 */
export class PopulationFigures {
  readonly figures: SeedPopulationFigure[] = [];
  private readonly byKey = new Map<string, SeedPopulationFigure>();

  constructor(random: Random, lastMonth: number) {
    const drift = new Map<string, number>(ESTABLISHMENTS.map((e) => [e.key, 1]));
    const exactMonths = new Set(EXACT_POPULATION_MONTHS.map(monthLabel));
    const exactWomen = new Map(WOMEN_EXACT.map(([label, n]) => [monthLabel(label), n]));
    for (let m = 0; m <= lastMonth; m++) {
      for (const e of ESTABLISHMENTS) {
        const d = (drift.get(e.key) ?? 1) + random.between(-0.012, 0.012);
        drift.set(e.key, Math.min(1.08, Math.max(0.92, d)));
      }
      const on = monthStart(m);
      const open = ESTABLISHMENTS.filter((e) => isOpenOn(e, on));
      const noise = exactMonths.has(m) ? 0 : random.int(-35, 35);
      const total = Math.round(interpolate(NATIONAL_POPULATION_ANCHORS, m)) + noise;
      const women = exactWomen.get(m) ?? Math.round(total * WOMEN_SHARE) + random.int(-8, 8);
      const weight = (e: EstablishmentInfo, places: number) => places * e.occupancy * (drift.get(e.key) ?? 1);
      const womenHolders = open.filter((e) => e.womenPlaces > 0);
      const womenSplit = apportion(
        women,
        womenHolders.map((e) => weight(e, e.womenPlaces)),
      );
      const menHolders = open.filter((e) => !e.womenOnly);
      const menSplit = apportion(
        total - women,
        menHolders.map((e) => weight(e, e.capacity - e.womenPlaces)),
      );
      for (const e of open) {
        const w = womenSplit[womenHolders.indexOf(e)] ?? 0;
        const men = menSplit[menHolders.indexOf(e)] ?? 0;
        this.add({ establishmentKey: e.key, on, population: men + w, womenPopulation: w });
      }
    }
  }

  private add(figure: SeedPopulationFigure): void {
    this.figures.push(figure);
    this.byKey.set(`${figure.establishmentKey}@${figure.on}`, figure);
  }

  /** The population on the first of a month, or null when there is no figure (closed, or out of range). */
  population(establishmentKey: string, on: IsoDate): number | null {
    return this.byKey.get(`${establishmentKey}@${on}`)?.population ?? null;
  }
}
