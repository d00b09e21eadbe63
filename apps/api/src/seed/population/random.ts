import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

/**
 * A small seeded random source. The generator behind it is mutated in place, so one instance gives
 * one reproducible stream; give each generation pass its own stream (`Random.stream`) so that a
 * change in one pass does not shift the draws of the others.
 */
export class Random {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** An independent stream for a named pass, derived from a base seed and the pass name. */
  static stream(seed: number, name: string): Random {
    let hash = seed | 0;
    for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
    return new Random(hash);
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`empty range [${min}, ${max}]`);
    return uniformInt(this.rng, min, max);
  }

  /** Float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }

  /** Picks one item with probability proportional to its weight (weights ≥ 0, at least one > 0). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += Math.max(0, weight(item));
    if (!(total > 0)) throw new Error("weighted pick without positive weight");
    let target = this.float() * total;
    let last: T | undefined;
    for (const item of items) {
      const w = Math.max(0, weight(item));
      if (w <= 0) continue;
      last = item;
      target -= w;
      if (target < 0) return item;
    }
    return last as T;
  }

  /** Picks one key of a table of weights. */
  weightedKey<K extends string>(table: Readonly<Record<K, number>>): K {
    return this.weighted(Object.keys(table) as K[], (k) => table[k]);
  }

  /** `count` distinct items, each drawn with probability proportional to its weight. */
  sampleWeighted<T>(items: readonly T[], count: number, weight: (item: T) => number): T[] {
    // Efraimidis–Spirakis: keep the items with the largest u^(1/w).
    const keyed = items
      .map((item) => ({ item, w: weight(item) }))
      .filter((x) => x.w > 0)
      .map((x) => ({ item: x.item, key: Math.log(this.float() || Number.MIN_VALUE) / x.w }));
    keyed.sort((a, b) => b.key - a.key);
    return keyed.slice(0, count).map((x) => x.item);
  }
}
