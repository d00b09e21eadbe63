import { addDays, addMonths, dateIn, dayOfMonth, monthOf } from "./calendar.js";
import type { ListingWorld } from "./flows.js";
import { newEpisode, newPerson, type SentencePlan } from "./model.js";
import type { Random } from "./random.js";

/**
 * Inmates screened and not listed: about two admissions a month, short stays mostly (preventive
 * detention or sentences of a few years), plus a handful of admissions of the last three weeks that
 * nobody has screened yet.
 */

const AWAITING_SCREENING = 10;

function drawNonListedPlan(random: Random, admittedOn: string): SentencePlan {
  if (random.chance(0.4)) {
    return {
      preventive: true,
      sentenceMonths: 0,
      servesFullSentence: false,
      intendedReleaseMonth: monthOf(addMonths(admittedOn, random.int(1, 10))),
    };
  }
  const sentenceMonths = random.int(6, 72);
  const servesFullSentence = random.chance(0.3);
  const served = servesFullSentence ? sentenceMonths : Math.round(sentenceMonths * random.between(0.34, 0.8));
  return {
    preventive: false,
    sentenceMonths,
    servesFullSentence,
    intendedReleaseMonth: monthOf(addMonths(admittedOn, Math.max(1, served))),
  };
}

export function addNonListedPersons(random: Random, world: ListingWorld): void {
  const { today, lastMonth } = world;
  const maxDay = (m: number) => (m === lastMonth ? Math.min(27, dayOfMonth(today)) : 27);
  for (let m = 0; m <= lastMonth; m++) {
    const admissions = random.int(1, 3);
    for (let i = 0; i < admissions; i++) {
      const admittedOn = dateIn(m, random.int(1, maxDay(m)));
      if (admittedOn > addDays(today, -21)) continue; // the last three weeks are handled below
      const person = newPerson(world.persons.length);
      world.persons.push(person);
      const episode = newEpisode(person, admittedOn, drawNonListedPlan(random, admittedOn));
      const releaseMonth = Math.max(m + 1, episode.plan.intendedReleaseMonth);
      if (releaseMonth <= lastMonth)
        episode.releasedOn = dateIn(releaseMonth, random.int(1, maxDay(releaseMonth)));
    }
  }
  for (let i = 0; i < AWAITING_SCREENING; i++) {
    const person = newPerson(world.persons.length);
    world.persons.push(person);
    const admittedOn = addDays(today, -random.int(1, 20));
    const episode = newEpisode(person, admittedOn, {
      preventive: true,
      sentenceMonths: 0,
      servesFullSentence: false,
      intendedReleaseMonth: lastMonth + 3,
    });
    episode.awaitingScreening = true;
  }
}
