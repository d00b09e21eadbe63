import type { Sex } from "@continuum/domain";
import type { Random } from "./random.js";

/**
 * Invented names: built from made-up syllables so that they read as names yet belong to nobody
 * ("Varlo Quendimar"). No list of real names is used anywhere.
 */

const ONSETS = [
  "v",
  "qu",
  "z",
  "th",
  "kr",
  "dr",
  "ys",
  "br",
  "gl",
  "x",
  "m",
  "t",
  "l",
  "r",
  "s",
  "f",
  "n",
  "k",
  "j",
];
const VOWELS = ["a", "e", "i", "o", "u", "y", "ae", "ou", "ei"];
const MIDDLES = ["l", "r", "n", "m", "nd", "rv", "lv", "sk", "x", "d", "v", "z"];
const GIVEN_MALE_ENDINGS = ["lo", "ric", "mir", "van", "dris", "tor", "zan", "quin", "ber", "las"];
const GIVEN_FEMALE_ENDINGS = ["la", "ine", "ys", "ra", "nelle", "mira", "zia", "wen", "thea"];
const FAMILY_ENDINGS = [
  "mar",
  "dane",
  "vell",
  "orix",
  "quist",
  "zandt",
  "mok",
  "rhune",
  "dijl",
  "vasq",
  "thorn",
  "elk",
];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syllable(random: Random): string {
  return random.pick(ONSETS) + random.pick(VOWELS);
}

/** Avoids unreadable clusters such as three consonants or three vowels in a row. */
function readable(word: string): boolean {
  return !/[^aeiouy]{3}/.test(word.replace(/qu/g, "q")) && !/[aeiouy]{3}/.test(word);
}

/**
 * Keeps only words with an unusual letter or cluster, so that a short draw such as a two-syllable
 * given name cannot happen to spell a common real name.
 */
const INVENTED_MARK = /q|x|z|y|ae|ou|ei|th|kr|dr|gl|br|rv|lv|sk/;

function build(parts: () => string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const word = parts();
    if (word.length >= 5 && readable(word) && INVENTED_MARK.test(word)) return capitalise(word);
  }
  return capitalise(`${parts()}x`);
}

function givenName(random: Random, sex: Sex): string {
  const endings = sex === "FEMALE" ? GIVEN_FEMALE_ENDINGS : GIVEN_MALE_ENDINGS;
  return build(() => {
    const head = syllable(random);
    const middle = random.chance(0.4) ? random.pick(MIDDLES) + random.pick(VOWELS) : "";
    return head + middle + random.pick(endings);
  });
}

function familyName(random: Random): string {
  return build(() => {
    const head = syllable(random) + random.pick(MIDDLES);
    const middle = random.chance(0.5) ? random.pick(VOWELS) + random.pick(MIDDLES) : "";
    return head + middle + random.pick(VOWELS) + random.pick(FAMILY_ENDINGS);
  });
}

export interface InventedName {
  givenNames: string;
  familyName: string;
  aliases: string[];
}

/** A full invented name; about 15% of persons also have one or two aliases. */
export function inventName(random: Random, sex: Sex): InventedName {
  const given = random.chance(0.25)
    ? `${givenName(random, sex)} ${givenName(random, sex)}`
    : givenName(random, sex);
  const family = familyName(random);
  const aliases: string[] = [];
  if (random.chance(0.15)) {
    const count = random.chance(0.7) ? 1 : 2;
    while (aliases.length < count) {
      const alias = random.chance(0.5) ? `${givenName(random, sex)} ${family}` : givenName(random, sex);
      if (!aliases.includes(alias) && alias !== given) aliases.push(alias);
    }
  }
  return { givenNames: given, familyName: family, aliases };
}
