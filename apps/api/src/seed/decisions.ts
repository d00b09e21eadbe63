import {
  addDaysToDate,
  addMonthsToDate,
  type IsoDate,
  type MeasureEvent,
  maxDate,
  measureStateOn,
  minDate,
} from "@continuum/domain";
import type { Tx } from "../db/client.js";
import { newId } from "../db/columns.js";
import { disengagementEvaluations } from "../modules/evaluations/evaluation.table.js";
import { prisonIncidents } from "../modules/incidents/incident.table.js";
import {
  appeals,
  decisionNotifications,
  decisions,
  measureEvaluations,
  recommendations,
  securityMeasures,
} from "../modules/measures/measure.table.js";
import type { CaseWorkContext } from "./case-work.js";
import { Random } from "./population/random.js";
import type { SeedPerson } from "./population/types.js";
import { MEASURE_TYPES } from "./reference.js";

const DECISIONS_SEED = 20_210_615;

/** The case-work context, with the seeded measure types and units by key. */
export interface DecisionsContext extends CaseWorkContext {
  measureTypeId(code: string): string;
  unitId(establishmentKey: string, unitKey: string): string;
}

type DecisionRow = typeof decisions.$inferInsert & { id: string };
type MeasureRow = typeof securityMeasures.$inferInsert & { id: string };

/** Where the person is held today, if detained. */
function placementToday(p: SeedPerson) {
  const episode = p.episodes.find((e) => e.releasedOn === null);
  return episode?.placements.find((pl) => pl.validTo === null) ?? null;
}

function listedOn(p: SeedPerson, on: IsoDate): boolean {
  return p.listing.some((l) => l.validFrom <= on && (l.validTo === null || on < l.validTo));
}

const PRISON_OF: Record<string, string> = { ittre: "prison-ittre", hasselt: "prison-hasselt" };

interface Writer {
  recommendations: (typeof recommendations.$inferInsert)[];
  decisions: DecisionRow[];
  measures: MeasureRow[];
  notifications: (typeof decisionNotifications.$inferInsert)[];
  appeals: (typeof appeals.$inferInsert)[];
  evaluations: (typeof measureEvaluations.$inferInsert)[];
}

const REASONS = [
  "Information reports point to sustained attempts to recruit other inmates; the measure limits contacts while the risk assessment is updated. (Fictional demo text.)",
  "Possession of extremist material and pressure on fellow inmates during association time. (Fictional demo text.)",
  "The psychosocial evaluation and staff reports show continued influence within the wing. (Fictional demo text.)",
] as const;

const CLASSIFIED_SUMMARY =
  "The measure rests on information about your contacts within the prison; the details are classified. (Fictional demo text.)";

/**
 * A measure with its history: imposed by the prison director (one month), then prolonged by the
 * Director General in periods of two months, each decision notified (or, for the most recent ones
 * of some inmates, not yet: the court's 2021 finding), with a monthly psychosocial evaluation.
 */
function measureHistory(
  w: Writer,
  ctx: DecisionsContext,
  random: Random,
  person: { id: string; establishmentKey: string },
  typeCode: string,
  startsOn: IsoDate,
  options: { lift: boolean; lapse: boolean; untoldRecent: boolean },
): void {
  const prison = PRISON_OF[person.establishmentKey] as string;
  const psd = person.establishmentKey === "ittre" ? "psd-ittre" : "psd-hasselt";
  const measureId = newId();
  const type = MEASURE_TYPES.find((t) => t.code === typeCode);
  const events: (MeasureEvent & { id: string; by: string })[] = [];
  let endsOn = addMonthsToDate(startsOn, 1);
  events.push({
    id: newId(),
    by: prison,
    kind: "MEASURE_IMPOSED",
    reviewOutcome: null,
    decidedOn: startsOn,
    effectiveOn: startsOn,
    endsOn,
    nextReviewOn: addDaysToDate(startsOn, 25),
    terms:
      typeCode === "INDIVIDUAL_SPECIAL_SECURITY_REGIME"
        ? "Walks and activities apart; visits behind a partition."
        : null,
  });
  // Prolongations by the Director General, a few days before each end, while the end is still ahead.
  while (!options.lapse && addDaysToDate(endsOn, -5) < ctx.today) {
    const decidedOn = addDaysToDate(endsOn, -5);
    if (options.lift && random.chance(0.35)) {
      events.push({
        id: newId(),
        by: "dgepi",
        kind: "MEASURE_REVIEWED",
        reviewOutcome: "LIFTED",
        decidedOn,
        effectiveOn: decidedOn,
        endsOn: null,
        nextReviewOn: null,
        terms: null,
      });
      break;
    }
    const newEnd = addMonthsToDate(endsOn, 2);
    events.push({
      id: newId(),
      by: "dgepi",
      kind: "MEASURE_REVIEWED",
      reviewOutcome: "PROLONGED",
      decidedOn,
      effectiveOn: decidedOn,
      endsOn: newEnd,
      nextReviewOn: addMonthsToDate(endsOn, 1),
      terms: null,
    });
    endsOn = newEnd;
  }
  const state = measureStateOn(events, "9999-12-31");
  if (state === null) return;
  w.measures.push({
    id: measureId,
    personId: person.id,
    measureTypeId: ctx.measureTypeId(typeCode),
    establishmentId: ctx.establishmentId(person.establishmentKey),
    legalBasis: type?.legalBasis ?? "Prison Act",
    startsOn,
    endsOn: state.endsOn,
    liftedOn: state.liftedOn,
    nextReviewOn: state.nextReviewOn,
    terms: state.terms,
    createdBy: ctx.userId(prison),
  });
  events.forEach((e, index) => {
    const classified = random.chance(0.3);
    w.decisions.push({
      id: e.id,
      personId: person.id,
      kind: e.kind,
      measureId,
      reviewOutcome: e.reviewOutcome,
      reasons: REASONS[index % REASONS.length] as string,
      reasonsClassified: classified,
      decidedOn: e.decidedOn,
      effectiveOn: e.effectiveOn,
      endsOn: e.endsOn,
      nextReviewOn: e.nextReviewOn,
      terms: e.terms,
      agencyId: ctx.agencyId(e.by),
      createdBy: ctx.userId(e.by),
    });
    const recent = index === events.length - 1 && e.decidedOn > addDaysToDate(ctx.today, -40);
    if (options.untoldRecent && recent) return;
    const notifiedOn = minDate(addDaysToDate(e.decidedOn, random.int(0, 2)), ctx.today);
    w.notifications.push({
      decisionId: e.id,
      personId: person.id,
      notifiedOn,
      method: random.chance(0.7) ? "ORAL_AND_WRITTEN" : "WRITTEN",
      reasonsGiven: classified ? CLASSIFIED_SUMMARY : (REASONS[index % REASONS.length] as string),
      interpreter: random.chance(0.2),
      agencyId: ctx.agencyId(prison),
      createdBy: ctx.userId(prison),
    });
  });
  const first = events[0];
  if (first !== undefined && random.chance(0.3)) {
    const lodgedOn = minDate(addDaysToDate(first.decidedOn, random.int(3, 10)), ctx.today);
    const answered = addDaysToDate(lodgedOn, 12) < ctx.today;
    w.appeals.push({
      decisionId: first.id,
      personId: person.id,
      body: "COMPLAINTS_COMMISSION",
      lodgedOn,
      grounds: "The inmate contests the reasons and the duration. (Fictional demo text.)",
      outcome: answered ? (random.chance(0.25) ? "PARTLY_UPHELD" : "DISMISSED") : null,
      outcomeOn: answered ? addDaysToDate(lodgedOn, 12) : null,
      outcomeSummary: answered
        ? "The commission reviewed the file and heard the inmate. (Fictional demo text.)"
        : null,
      agencyId: ctx.agencyId(prison),
      createdBy: ctx.userId(prison),
    });
  }
  if (type?.rules.evaluations.length) {
    const last = state.liftedOn ?? minDate(state.endsOn, ctx.today);
    // Monthly, but the latest one is sometimes late.
    for (let on = addDaysToDate(startsOn, 28); on < last; on = addDaysToDate(on, random.int(27, 33))) {
      if (addDaysToDate(on, 40) > ctx.today && random.chance(0.4)) break;
      w.evaluations.push({
        measureId,
        personId: person.id,
        evaluatedOn: on,
        advice: random.chance(0.8) ? "MAINTAIN" : "EASE",
        summary:
          "Monthly psychosocial evaluation: interview held; no change in attitude observed. (Fictional demo text.)",
        agencyId: ctx.agencyId(psd),
        createdBy: ctx.userId(psd),
      });
    }
  }
}

/**
 * Writes the demo's decisions: regime decisions behind today's D-Rad:Ex placements, individual
 * security measures on inmates of Ittre and Hasselt with their prolongations, notices, appeals and
 * evaluations (some overdue), recommendations awaiting the Director General, incidents in prison,
 * and the threat-analysis body's disengagement evaluations. Deterministic.
 */
export async function writeDecisions(tx: Tx, ctx: DecisionsContext): Promise<void> {
  const random = (name: string) => Random.stream(DECISIONS_SEED, name);
  const w: Writer = {
    recommendations: [],
    decisions: [],
    measures: [],
    notifications: [],
    appeals: [],
    evaluations: [],
  };
  const inmates = ctx.persons.flatMap((p) => {
    const placement = placementToday(p.plan);
    return placement !== null && PRISON_OF[placement.establishmentKey] !== undefined
      ? [{ ...p, placement }]
      : [];
  });

  const regime = random("regime");
  for (const p of inmates.filter((i) => i.placement.unitKey?.includes("dradex"))) {
    const recommendationId = newId();
    const recommendedOn = addDaysToDate(p.placement.validFrom, -regime.int(10, 25));
    w.recommendations.push({
      id: recommendationId,
      personId: p.id,
      kind: "DRADEX_PLACEMENT",
      establishmentId: ctx.establishmentId(p.placement.establishmentKey),
      unitId: ctx.unitId(p.placement.establishmentKey, p.placement.unitKey as string),
      rationale:
        "Sustained proselytising in ordinary regime; placement in a D-Rad:Ex unit proposed to protect other inmates. (Fictional demo text.)",
      recommendedOn,
      agencyId: ctx.agencyId("celex"),
      createdBy: ctx.userId("celex"),
    });
    const decisionId = newId();
    w.decisions.push({
      id: decisionId,
      personId: p.id,
      kind: "REGIME",
      recommendationId,
      recommendationOutcome: "ACCEPTED",
      reasons:
        "The recommendation is followed: the risk of recruitment in ordinary regime is established. (Fictional demo text.)",
      decidedOn: addDaysToDate(p.placement.validFrom, -regime.int(1, 5)),
      effectiveOn: p.placement.validFrom,
      agencyId: ctx.agencyId("dgepi"),
      createdBy: ctx.userId("dgepi"),
    });
    w.notifications.push({
      decisionId,
      personId: p.id,
      notifiedOn: p.placement.validFrom,
      method: "ORAL_AND_WRITTEN",
      reasonsGiven: CLASSIFIED_SUMMARY,
      agencyId: ctx.agencyId(PRISON_OF[p.placement.establishmentKey] as string),
      createdBy: ctx.userId(PRISON_OF[p.placement.establishmentKey] as string),
    });
  }

  const measures = random("measures");
  const listedInmates = inmates.filter((i) => listedOn(i.plan, ctx.today));
  for (const [index, p] of listedInmates.entries()) {
    const inDradex = p.placement.unitKey?.includes("dradex") ?? false;
    if (!inDradex && !measures.chance(0.3)) continue;
    const typeCode = inDradex
      ? "INDIVIDUAL_SPECIAL_SECURITY_REGIME"
      : measures.pick([
          "CELL_SEARCHES",
          "VISIT_RESTRICTION",
          "TELEPHONE_RESTRICTION",
          "CONTACT_RESTRICTION",
        ] as const);
    const earliest = maxDate(p.placement.validFrom, addMonthsToDate(ctx.today, -14));
    const span = Math.max(1, Math.round((Date.parse(ctx.today) - Date.parse(earliest)) / 86_400_000) - 3);
    const startsOn = addDaysToDate(earliest, measures.int(0, span));
    measureHistory(
      w,
      ctx,
      measures,
      { id: p.id, establishmentKey: p.placement.establishmentKey },
      typeCode,
      startsOn,
      {
        lift: !inDradex,
        lapse: !inDradex && index % 7 === 0,
        untoldRecent: inDradex && index % 3 === 0,
      },
    );
  }

  // Recommendations awaiting the Director General.
  const pending = random("pending");
  const candidates = listedInmates.filter((p) => !(p.placement.unitKey?.includes("dradex") ?? false));
  for (const p of candidates.slice(0, 3)) {
    const isMeasure = pending.chance(0.5);
    w.recommendations.push({
      id: newId(),
      personId: p.id,
      kind: isMeasure ? "SECURITY_MEASURE" : "DRADEX_PLACEMENT",
      establishmentId: isMeasure ? null : ctx.establishmentId(p.placement.establishmentKey),
      unitId: isMeasure
        ? null
        : ctx.unitId(p.placement.establishmentKey, `${p.placement.establishmentKey}-dradex`),
      measureTypeId: isMeasure ? ctx.measureTypeId("CONTACT_RESTRICTION") : null,
      terms: isMeasure
        ? "No contact with the inmates of wing B during walks and work. (Fictional demo text.)"
        : null,
      months: isMeasure ? 2 : null,
      rationale: "Recent information reports describe pressure on younger inmates. (Fictional demo text.)",
      recommendedOn: addDaysToDate(ctx.today, -pending.int(1, 12)),
      agencyId: ctx.agencyId("celex"),
      createdBy: ctx.userId("celex"),
    });
  }

  if (w.recommendations.length > 0) await tx.insert(recommendations).values(w.recommendations);
  if (w.measures.length > 0) await tx.insert(securityMeasures).values(w.measures);
  if (w.decisions.length > 0) await tx.insert(decisions).values(w.decisions);
  if (w.notifications.length > 0) await tx.insert(decisionNotifications).values(w.notifications);
  if (w.appeals.length > 0) await tx.insert(appeals).values(w.appeals);
  if (w.evaluations.length > 0) await tx.insert(measureEvaluations).values(w.evaluations);
  await writeIncidents(tx, ctx, inmates, random("incidents"));
  await writeDisengagementEvaluations(tx, ctx, random("evaluations"));
}

const INCIDENTS = [
  {
    kind: "ALTERCATION",
    ideological: "NO",
    description:
      "Verbal altercation with another inmate over the use of the telephone. (Fictional demo text.)",
  },
  {
    kind: "PROSELYTISING",
    ideological: "YES",
    description: "Led prayers in the yard and urged two inmates to follow his views. (Fictional demo text.)",
  },
  {
    kind: "POSSESSION",
    ideological: "UNDETERMINED",
    description: "A mobile phone was found in the cell during a search. (Fictional demo text.)",
  },
  {
    kind: "ASSAULT",
    ideological: "YES",
    description:
      "Struck an inmate who had refused to join a group; the victim was treated in the infirmary. (Fictional demo text.)",
  },
] as const;

async function writeIncidents(
  tx: Tx,
  ctx: CaseWorkContext,
  inmates: { id: string; placement: { establishmentKey: string; validFrom: IsoDate } }[],
  random: Random,
): Promise<void> {
  const rows: (typeof prisonIncidents.$inferInsert)[] = [];
  for (const p of inmates) {
    if (!random.chance(0.35)) continue;
    const prison = PRISON_OF[p.placement.establishmentKey] as string;
    const incident = random.pick(INCIDENTS);
    const since = maxDate(p.placement.validFrom, addMonthsToDate(ctx.today, -12));
    const span = Math.max(1, Math.round((Date.parse(ctx.today) - Date.parse(since)) / 86_400_000));
    rows.push({
      personId: p.id,
      establishmentId: ctx.establishmentId(p.placement.establishmentKey),
      occurredOn: addDaysToDate(since, random.int(0, span - 1)),
      ...incident,
      agencyId: ctx.agencyId(prison),
      createdBy: ctx.userId(prison),
    });
  }
  if (rows.length > 0) await tx.insert(prisonIncidents).values(rows);
}

const EVALUATION_TEXT = {
  NO_SIGNS: "No change in discourse or contacts; continues to justify violence. (Fictional demo text.)",
  SOME_SIGNS:
    "Takes part in the programme and distances himself from former contacts, with ambivalence. (Fictional demo text.)",
  CLEAR_SIGNS:
    "Consistent distancing from the ideology, stable family contacts, a concrete reintegration project. (Fictional demo text.)",
} as const;

/** CUTA's evaluations of CelEx-listed persons, in prison and after release, every six months or so. */
async function writeDisengagementEvaluations(tx: Tx, ctx: CaseWorkContext, random: Random): Promise<void> {
  const rows: (typeof disengagementEvaluations.$inferInsert)[] = [];
  for (const p of ctx.persons) {
    const episode = p.plan.episodes.at(-1);
    if (episode === undefined || p.plan.listing.length === 0 || !random.chance(0.2)) continue;
    const until =
      episode.releasedOn === null ? ctx.today : minDate(addMonthsToDate(episode.releasedOn, 18), ctx.today);
    let level: keyof typeof EVALUATION_TEXT = "NO_SIGNS";
    for (
      let on = addMonthsToDate(maxDate(episode.admittedOn, "2018-01-01"), 6);
      on < until;
      on = addMonthsToDate(on, 6)
    ) {
      if (random.chance(0.35)) level = level === "NO_SIGNS" ? "SOME_SIGNS" : "CLEAR_SIGNS";
      rows.push({
        personId: p.id,
        evaluatedOn: on,
        level,
        rationale: EVALUATION_TEXT[level],
        stage: episode.releasedOn !== null && on >= episode.releasedOn ? "RELEASED" : "IN_PRISON",
        agencyId: ctx.agencyId("cuta"),
        createdBy: ctx.userId("cuta"),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000)
    await tx.insert(disengagementEvaluations).values(rows.slice(i, i + 1000));
}
