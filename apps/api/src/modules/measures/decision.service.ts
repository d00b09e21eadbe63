import {
  addMonthsToDate,
  checkMeasureTerm,
  isRegimeKind,
  mayRead,
  measureTypeRulesSchema,
  type RecommendationKind,
  recommendationSchema,
} from "@continuum/domain";
import { z } from "zod";
import {
  accessFor,
  requireAction,
  requireAdministrator,
  requireFeed,
  requireWriteScope,
} from "../../access/policy.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { toGlobalId, uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject, UserErrorCode } from "../../graphql/user-error.js";
import { checkCitedIds, parseInput } from "../../graphql/validate.js";
import { openPlacementOf } from "../detention/detention.repository.js";
import { type DetentionChange, lockCaseForChange, movePerson } from "../detention/detention.service.js";
import type { VisiblePerson } from "../persons/person.repository.js";
import { refreshSummaries } from "../persons/person-summary.js";
import { citedReports } from "../reports/report-reading.js";
import {
  type MeasureEvaluationRecordInput,
  type MeasureTermInput,
  type MeasureTypeDefineInput,
  RECOMMENDATION_MAX_EVIDENCE,
  type RecommendationDecideInput,
  type RecommendationWriteInput,
  type SecurityMeasureImposeInput,
  type SecurityMeasureReviewInput,
} from "./measure.input.js";
import {
  decisionsByMeasureIds,
  decisionsByRecommendationIds,
  insertDecision,
  insertEvaluation,
  insertMeasureType,
  insertRecommendation,
  measuresByIds,
  measureTypeByCode,
  measureTypesByIds,
  recommendationsByIds,
  updateMeasureState,
  updateMeasureType,
} from "./measure.repository.js";
import {
  activeMeasureType,
  imposeMeasure,
  latestReviewFrom,
  mayReview,
  parseDecision,
  rejectIssues,
  requireDetained,
  stateOf,
} from "./measure.service.js";

/** What a decision answers: the person and the decision, by ID. */
export interface DecisionChange extends DetentionChange {}

/** Checks where a regime recommendation or decision sends the inmate; problems at `establishmentId` / `unitId`. */
async function checkRegimeTarget(
  ctx: RequestContext,
  tx: Tx,
  personId: string,
  kind: RecommendationKind,
  target: { establishmentId: string | null; unitId: string | null },
): Promise<{ establishmentId: string; unitId: string | null }> {
  if (!target.establishmentId)
    return reject("establishmentId", "name the establishment where the inmate should be held");
  const establishmentId = uuidOf(target.establishmentId, "Establishment");
  const establishment =
    establishmentId === null ? null : await ctx.loaders.establishment.load(establishmentId);
  if (establishment === null)
    return reject("establishmentId", "no establishment with this ID", UserErrorCode.NOT_FOUND);
  const unitId = target.unitId === null ? null : uuidOf(target.unitId, "EstablishmentUnit");
  const unit = unitId === null ? null : await ctx.loaders.unit.load(unitId);
  if (target.unitId !== null && (unit === null || unit.establishmentId !== establishment.id))
    return reject("unitId", "no unit with this ID in that establishment", UserErrorCode.NOT_FOUND);
  if (kind === "DRADEX_PLACEMENT" && unit?.kind !== "DRADEX")
    reject("unitId", "a D-Rad:Ex placement names a D-Rad:Ex unit", UserErrorCode.RULE_VIOLATION);
  if (kind !== "DRADEX_PLACEMENT" && unit?.kind === "DRADEX")
    reject("kind", "a D-Rad:Ex unit is recommended as DRADEX_PLACEMENT", UserErrorCode.RULE_VIOLATION);
  const current = await openPlacementOf(tx, personId);
  if (kind === "TRANSFER" && current?.establishmentId === establishment.id)
    reject(
      "establishmentId",
      "the inmate is already held there: a transfer names another establishment",
      UserErrorCode.RULE_VIOLATION,
    );
  if (current?.establishmentId === establishment.id && (current.unitId ?? null) === unitId)
    reject(
      kind === "DRADEX_PLACEMENT" ? "unitId" : "establishmentId",
      "the inmate is already held there",
      UserErrorCode.RULE_VIOLATION,
    );
  return { establishmentId: establishment.id, unitId };
}

/** The risk assessments of this person that the actor sees (in summary or more) and cites. */
async function citedAssessments(
  ctx: RequestContext,
  visible: VisiblePerson,
  globalIds: readonly string[],
): Promise<string[]> {
  const ids = globalIds.map((id) => uuidOf(id, "RiskAssessment"));
  const readable = mayRead(accessFor(ctx.actor, visible.summary), "CLINICAL", "SUMMARY")
    ? (await ctx.loaders.assessmentsOfPerson.load(visible.person.id)).map((a) => a.id)
    : [];
  return checkCitedIds(ids, new Set(readable), "assessmentIds", "no assessment of this person with this ID");
}

/**
 * An accepted measure is the one recommended: its terms, for the months proposed from the day it
 * takes effect. Another duration or other terms make the decision an amendment, and an amendment
 * must change one of them.
 */
function checkCarriedOut(
  outcome: "ACCEPTED" | "AMENDED",
  recommendation: { months: number | null; terms: string | null },
  term: { endsOn: string; terms?: string | null },
  effectiveOn: string,
): void {
  const recommendedEnd = addMonthsToDate(effectiveOn, recommendation.months ?? 0);
  const asRecommended = term.endsOn === recommendedEnd && (term.terms ?? null) === recommendation.terms;
  if (outcome === "ACCEPTED" && !asRecommended)
    reject(
      "outcome",
      `an accepted recommendation is carried out as written (${recommendation.months} month(s), until ${recommendedEnd}, with its terms): choose AMENDED to change them`,
      UserErrorCode.RULE_VIOLATION,
    );
  if (outcome === "AMENDED" && asRecommended)
    reject(
      "measure",
      "that is the measure recommended: accept the recommendation instead",
      UserErrorCode.RULE_VIOLATION,
    );
}

/** CelEx recommends a regime, a transfer, a D-Rad:Ex placement or a measure, citing its evidence. */
export function writeRecommendation(
  ctx: RequestContext,
  input: RecommendationWriteInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "RECOMMENDATION_WRITE");
  return runMutation(ctx, async (tx) => {
    const recommendation = parseInput(recommendationSchema, {
      kind: input.kind,
      recommendedOn: input.recommendedOn,
      rationale: input.rationale,
      terms: input.terms ?? null,
      months: input.months ?? null,
    });
    if (recommendation.recommendedOn > ctx.today) reject("recommendedOn", "must not be in the future");
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "MEASURES");
    requireDetained(visible);
    const personId = visible.person.id;
    const regime = isRegimeKind(recommendation.kind);
    let target: { establishmentId: string | null; unitId: string | null } = {
      establishmentId: null,
      unitId: null,
    };
    let measureTypeId: string | null = null;
    if (regime) {
      if (input.measureTypeId) reject("measureTypeId", "only a SECURITY_MEASURE names a measure type");
      target = await checkRegimeTarget(ctx, tx, personId, recommendation.kind, {
        establishmentId: input.establishmentId ?? null,
        unitId: input.unitId ?? null,
      });
    } else {
      if (input.establishmentId || input.unitId)
        reject("establishmentId", "a SECURITY_MEASURE names a measure type, not a place");
      if (!input.measureTypeId) return reject("measureTypeId", "name the type of measure");
      const type = await activeMeasureType(tx, input.measureTypeId, "measureTypeId");
      measureTypeId = type.id;
      if (recommendation.months === null) return reject("months", "propose a duration");
      // A duration nobody may impose could only be rejected or amended.
      const longest = Math.max(...type.rules.impose.map((a) => a.maxMonths));
      if (recommendation.months > longest)
        reject(
          "months",
          `this type of measure is imposed for at most ${longest} month${longest > 1 ? "s" : ""}`,
        );
    }
    const reportGlobalIds = input.reportIds ?? [];
    const assessmentGlobalIds = input.assessmentIds ?? [];
    if (reportGlobalIds.length + assessmentGlobalIds.length > RECOMMENDATION_MAX_EVIDENCE)
      reject("reportIds", `cite at most ${RECOMMENDATION_MAX_EVIDENCE} reports and assessments`);
    const reportIds = await citedReports(ctx, actor, tx, personId, reportGlobalIds, "reportIds");
    const assessmentIds = await citedAssessments(ctx, visible, assessmentGlobalIds);

    const id = newId();
    await insertRecommendation(
      tx,
      {
        id,
        personId,
        kind: recommendation.kind,
        establishmentId: target.establishmentId,
        unitId: target.unitId,
        measureTypeId,
        terms: regime ? null : recommendation.terms,
        months: regime ? null : recommendation.months,
        rationale: recommendation.rationale,
        recommendedOn: recommendation.recommendedOn,
        agencyId: actor.agencyId,
        createdBy: actor.userId,
      },
      [
        ...reportIds.map((reportId) => ({ recommendationId: id, personId, reportId })),
        ...assessmentIds.map((assessmentId) => ({ recommendationId: id, personId, assessmentId })),
      ],
    );
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["MEASURES"],
      details: { mutation: "recommendationWrite", recommendationId: id, kind: recommendation.kind },
    });
    return { personId, recordId: id };
  });
}

/**
 * The Director General decides on a recommendation, with reasons. An accepted or amended regime
 * recommendation moves the inmate (a D-Rad:Ex unit must have room that day: record another inmate's
 * departure on that day first); an accepted or amended measure is imposed under its type's rules.
 */
export function decideRecommendation(
  ctx: RequestContext,
  input: RecommendationDecideInput,
): Promise<MutationOutcome<DecisionChange>> {
  const actor = requireAction(ctx, "RECOMMENDATION_DECIDE");
  return runMutation(ctx, async (tx) => {
    const decision = parseDecision(ctx, input);
    const recommendationId = uuidOf(input.recommendationId, "Recommendation");
    const [found] = recommendationId === null ? [] : await recommendationsByIds(tx, [recommendationId]);
    const visible = await lockCaseForChange(
      ctx,
      tx,
      found?.personId ?? null,
      "recommendationId",
      "no recommendation with this ID",
    );
    requireFeed(ctx, visible, "MEASURES");
    const recommendation = found as NonNullable<typeof found>;
    if ((await decisionsByRecommendationIds(tx, [recommendation.id])).length > 0)
      reject("recommendationId", "this recommendation has already been decided", UserErrorCode.CONFLICT);
    if (decision.decidedOn < recommendation.recommendedOn)
      reject("decidedOn", `must not be before the recommendation (${recommendation.recommendedOn})`);
    const personId = visible.person.id;
    const regime = isRegimeKind(recommendation.kind);
    const amends = input.establishmentId != null || input.unitId != null;
    if (input.outcome !== "AMENDED" && amends)
      reject("outcome", "only an AMENDED decision names another place", UserErrorCode.RULE_VIOLATION);
    if (!regime && amends) reject("establishmentId", "a measure is amended through its term");
    if (input.outcome === "AMENDED" && regime && !amends)
      reject("establishmentId", "an amended decision names the place decided instead");
    if (input.outcome === "REJECTED" && input.measure != null)
      reject("measure", "a rejection imposes nothing");
    const measureTerm = input.measure ?? null;
    if (input.outcome !== "REJECTED" && !regime && measureTerm === null)
      reject("measure", "give the measure's term: end and review date");

    const id = newId();
    const base = {
      id,
      personId,
      recommendationId: recommendation.id,
      reasons: decision.reasons,
      reasonsClassified: decision.reasonsClassified,
      decidedOn: decision.decidedOn,
      effectiveOn: decision.effectiveOn,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    };
    if (input.outcome === "REJECTED") {
      await insertDecision(tx, {
        ...base,
        kind: regime ? "REGIME" : "MEASURE_IMPOSED",
        recommendationOutcome: "REJECTED",
      });
    } else if (regime) {
      requireDetained(visible);
      // The place is checked again on the day of the decision: the inmate may have moved meanwhile.
      const target = await checkRegimeTarget(
        ctx,
        tx,
        personId,
        recommendation.kind,
        amends
          ? { establishmentId: input.establishmentId ?? null, unitId: input.unitId ?? null }
          : {
              establishmentId: toGlobalId("Establishment", recommendation.establishmentId as string),
              unitId:
                recommendation.unitId === null
                  ? null
                  : toGlobalId("EstablishmentUnit", recommendation.unitId),
            },
      );
      if (
        amends &&
        target.establishmentId === recommendation.establishmentId &&
        target.unitId === (recommendation.unitId ?? null)
      )
        reject(
          "establishmentId",
          "that is the place recommended: accept the recommendation instead",
          UserErrorCode.RULE_VIOLATION,
        );
      // movePerson takes the place as the API's global IDs, as in a placementRecord input.
      const placementId = await movePerson(ctx, tx, actor, visible.person, {
        establishmentId: toGlobalId("Establishment", target.establishmentId),
        unitId: target.unitId === null ? null : toGlobalId("EstablishmentUnit", target.unitId),
        validFrom: decision.effectiveOn,
        reason: `Decision on a recommendation (${recommendation.kind})`,
        dateField: "effectiveOn",
      });
      await insertDecision(tx, {
        ...base,
        kind: "REGIME",
        recommendationOutcome: input.outcome,
        placementId,
      });
    } else {
      requireDetained(visible);
      const [type] = await measureTypesByIds(tx, [recommendation.measureTypeId as string]);
      if (type === undefined || !type.active)
        reject(
          "recommendationId",
          "the recommended measure type is no longer in use",
          UserErrorCode.RULE_VIOLATION,
        );
      const term = { ...(measureTerm as MeasureTermInput) };
      term.terms = term.terms?.trim() || recommendation.terms;
      await imposeMeasure(
        tx,
        actor,
        visible,
        type as NonNullable<typeof type>,
        { ...base, recommendation: { id: recommendation.id, outcome: input.outcome } },
        term,
        "measure.",
        "recommendationId",
      );
      // After the term's own checks; a refusal here rolls the measure back with the rest.
      checkCarriedOut(input.outcome, recommendation, term, decision.effectiveOn);
    }
    await refreshSummaries(tx, [personId]);
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: regime && input.outcome !== "REJECTED" ? ["MEASURES", "DETENTION"] : ["MEASURES"],
      details: {
        mutation: "recommendationDecide",
        decisionId: id,
        recommendationId: recommendation.id,
        outcome: input.outcome,
      },
    });
    return { personId, recordId: id };
  });
}

/** A prison director (for their inmates) or the Director General imposes a measure directly. */
export function imposeMeasureDirectly(
  ctx: RequestContext,
  input: SecurityMeasureImposeInput,
): Promise<MutationOutcome<DecisionChange>> {
  const actor = requireAction(ctx, "MEASURE_DECIDE");
  return runMutation(ctx, async (tx) => {
    const decision = parseDecision(ctx, input);
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "MEASURES");
    requireDetained(visible);
    const type = await activeMeasureType(tx, input.measureTypeId, "measureTypeId");
    const id = newId();
    const measureId = await imposeMeasure(
      tx,
      actor,
      visible,
      type,
      { id, ...decision, recommendation: null },
      input.measure,
      "measure.",
      "measureTypeId",
    );
    ctx.audit.record({
      operation: "CREATE",
      personId: visible.person.id,
      dataClasses: ["MEASURES"],
      details: { mutation: "securityMeasureImpose", decisionId: id, measureId, type: type.code },
    });
    return { personId: visible.person.id, recordId: id };
  });
}

/**
 * Reviews a measure in force: maintained (next review), eased (new terms), lifted (from a day) or
 * prolonged (a new end, only by whom the type's rules allow, before it lapses). Each is a decision.
 */
export function reviewMeasure(
  ctx: RequestContext,
  input: SecurityMeasureReviewInput,
): Promise<MutationOutcome<DecisionChange>> {
  const actor = requireAction(ctx, "MEASURE_DECIDE");
  return runMutation(ctx, async (tx) => {
    const measureUuid = uuidOf(input.measureId, "SecurityMeasure");
    const [found] = measureUuid === null ? [] : await measuresByIds(tx, [measureUuid]);
    const visible = await lockCaseForChange(
      ctx,
      tx,
      found?.personId ?? null,
      "measureId",
      "no measure with this ID",
    );
    requireFeed(ctx, visible, "MEASURES");
    const [measure] = await measuresByIds(tx, [(found as NonNullable<typeof found>).id]);
    if (measure === undefined || measure.version !== input.expectedVersion)
      return reject(
        "expectedVersion",
        "the measure was reviewed meanwhile; reload and try again",
        UserErrorCode.CONFLICT,
      );
    const decision = parseDecision(ctx, {
      reasons: input.reasons,
      reasonsClassified: input.reasonsClassified,
      decidedOn: input.decidedOn,
      effectiveOn: input.effectiveOn ?? input.decidedOn,
    });
    // A review follows the measure's history: recorded before its last decision, it would rewrite
    // what was decided on the strength of that history (a prolongation before a lifting, say).
    const lastDecidedOn = (await decisionsByMeasureIds(tx, [measure.id])).at(-1)?.decidedOn;
    if (lastDecidedOn !== undefined && decision.decidedOn < lastDecidedOn)
      reject("decidedOn", `must not be before the measure's last decision (${lastDecidedOn})`);
    const [type] = await measureTypesByIds(tx, [measure.measureTypeId]);
    const rules = (type as NonNullable<typeof type>).rules;
    const state = await stateOf(tx, measure, decision.decidedOn);
    if (state === null || state.status === "LIFTED" || state.status === "LAPSED")
      return reject(
        "measureId",
        state?.status === "LAPSED"
          ? `the measure lapsed on ${state.endsOn}: impose a new one`
          : "the measure is no longer in force",
        UserErrorCode.RULE_VIOLATION,
      );
    if (input.outcome !== "PROLONGED" && !mayReview(rules, actor))
      reject(
        "outcome",
        "your agency and role may not review this type of measure",
        UserErrorCode.RULE_VIOLATION,
      );

    let endsOn: string | null = null;
    const nextReviewOn: string | null = input.nextReviewOn ?? null;
    let terms: string | null = null;
    if (input.outcome === "LIFTED") {
      if (nextReviewOn !== null) reject("nextReviewOn", "a lifted measure has no next review");
      if (decision.effectiveOn >= state.endsOn)
        reject("effectiveOn", `must be before the measure's end (${state.endsOn})`);
    } else if (nextReviewOn === null) {
      return reject("nextReviewOn", "set the next review date");
    } else if (input.outcome === "PROLONGED") {
      if (!input.endsOn) return reject("endsOn", "give the new end");
      rejectIssues(
        checkMeasureTerm(rules, actor, {
          kind: "PROLONG",
          reviewFrom: decision.decidedOn,
          from: state.endsOn,
          until: input.endsOn,
          reviewOn: nextReviewOn,
        }),
      );
      endsOn = input.endsOn;
    } else {
      if (nextReviewOn <= decision.decidedOn || nextReviewOn >= state.endsOn)
        reject(
          "nextReviewOn",
          `must fall after ${decision.decidedOn} and before the measure's end (${state.endsOn})`,
        );
      else if (nextReviewOn > latestReviewFrom(rules, decision.decidedOn))
        reject(
          "nextReviewOn",
          `this type must be reviewed within ${rules.reviewWithinMonths} month(s) (by ${latestReviewFrom(rules, decision.decidedOn)})`,
        );
      if (input.outcome === "EASED") {
        terms = input.terms?.trim() || null;
        if (terms === null) reject("terms", "give the lighter terms");
      }
    }
    if (input.outcome !== "LIFTED" && input.effectiveOn != null && input.effectiveOn !== decision.decidedOn)
      reject("effectiveOn", "only a lifting takes effect on another day than the review");

    const id = newId();
    await insertDecision(tx, {
      id,
      personId: measure.personId,
      kind: "MEASURE_REVIEWED",
      measureId: measure.id,
      reviewOutcome: input.outcome,
      reasons: decision.reasons,
      reasonsClassified: decision.reasonsClassified,
      decidedOn: decision.decidedOn,
      effectiveOn: decision.effectiveOn,
      endsOn,
      nextReviewOn,
      terms,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    const after = await stateOf(tx, measure, "9999-12-31");
    const updated = await updateMeasureState(tx, measure, {
      endsOn: after?.endsOn ?? measure.endsOn,
      liftedOn: after?.liftedOn ?? null,
      nextReviewOn: after?.nextReviewOn ?? null,
      terms: after?.terms ?? measure.terms,
    });
    if (updated === null)
      reject(
        "expectedVersion",
        "the measure was reviewed meanwhile; reload and try again",
        UserErrorCode.CONFLICT,
      );
    ctx.audit.record({
      operation: "CREATE",
      personId: measure.personId,
      dataClasses: ["MEASURES"],
      details: {
        mutation: "securityMeasureReview",
        decisionId: id,
        measureId: measure.id,
        outcome: input.outcome,
      },
    });
    return { personId: measure.personId, recordId: id };
  });
}

const evaluationSummary = z
  .string()
  .trim()
  .min(1, { message: "summarise the evaluation" })
  .max(4000, { message: "must be at most 4000 characters" });

/** The periodic evaluation a measure's type requires from the evaluator's agency kind and role; answers the measure. */
export function recordEvaluation(
  ctx: RequestContext,
  input: MeasureEvaluationRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "MEASURE_EVALUATE");
  return runMutation(ctx, async (tx) => {
    const summary = parseInput(evaluationSummary, input.summary, "summary");
    if (input.evaluatedOn > ctx.today) reject("evaluatedOn", "must not be in the future");
    const measureUuid = uuidOf(input.measureId, "SecurityMeasure");
    const [measure] = measureUuid === null ? [] : await measuresByIds(tx, [measureUuid]);
    const visible = await lockCaseForChange(
      ctx,
      tx,
      measure?.personId ?? null,
      "measureId",
      "no measure with this ID",
    );
    requireFeed(ctx, visible, "MEASURES");
    const found = measure as NonNullable<typeof measure>;
    const [type] = await measureTypesByIds(tx, [found.measureTypeId]);
    const required = (type?.rules.evaluations ?? []).some(
      (e) => e.agencyKind === actor.agencyKind && actor.roles.includes(e.role),
    );
    if (!required)
      reject(
        "measureId",
        "this type of measure requires no evaluation from your service",
        UserErrorCode.RULE_VIOLATION,
      );
    const state = await stateOf(tx, found, input.evaluatedOn);
    if (state?.status !== "ACTIVE")
      reject("evaluatedOn", "the measure was not in force that day", UserErrorCode.RULE_VIOLATION);
    const id = newId();
    await insertEvaluation(tx, {
      id,
      measureId: found.id,
      personId: found.personId,
      evaluatedOn: input.evaluatedOn,
      advice: input.advice,
      summary,
      agencyId: actor.agencyId,
      createdBy: actor.userId,
    });
    ctx.audit.record({
      operation: "CREATE",
      personId: found.personId,
      dataClasses: ["MEASURES"],
      details: { mutation: "measureEvaluationRecord", evaluationId: id, measureId: found.id },
    });
    return { personId: found.personId, recordId: found.id };
  });
}

const measureTypeSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, { message: "use 2 to 40 capitals, digits and underscores" }),
  name: z.string().trim().min(1, { message: "must not be empty" }).max(200),
  description: z.string().trim().min(1, { message: "must not be empty" }).max(2000),
  legalBasis: z.string().trim().min(1, { message: "must not be empty" }).max(500),
  active: z.boolean(),
});

/** Adds a measure type, or changes one by its code (administrators). Measures already imposed keep their history. */
export function defineMeasureType(
  ctx: RequestContext,
  input: MeasureTypeDefineInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAdministrator(ctx);
  requireWriteScope(actor);
  return runMutation(ctx, async (tx) => {
    const type = parseInput(measureTypeSchema, input);
    const rules = parseInput(measureTypeRulesSchema, {
      impose: input.impose,
      prolong: input.prolong,
      reviewWithinMonths: input.reviewWithinMonths,
      evaluations: input.evaluations,
    });
    const existing = await measureTypeByCode(tx, type.code);
    const id = existing?.id ?? newId();
    if (existing === null) await insertMeasureType(tx, { id, ...type, rules, createdBy: actor.userId });
    else await updateMeasureType(tx, id, { ...type, rules });
    ctx.audit.record({
      operation: existing === null ? "CREATE" : "UPDATE",
      details: { mutation: "measureTypeDefine", code: type.code },
    });
    return id;
  });
}
