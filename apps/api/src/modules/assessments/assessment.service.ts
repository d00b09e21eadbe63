import {
  addMonthsToDate,
  checkAssessment,
  type InstrumentStructure,
  REASSESSMENT_MAX_MONTHS,
  riskAssessmentSchema,
} from "@continuum/domain";
import { z } from "zod";
import { requireAction, requireAdministrator, requireFeed, requireWriteScope } from "../../access/policy.js";
import type { Db } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import {
  reject,
  type UserError,
  UserErrorCode,
  UserInputRejected,
  userError,
} from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { type DetentionChange, lockCaseForChange } from "../detention/detention.service.js";
import { refreshSummaries } from "../persons/person-summary.js";
import type { InstrumentTextsLoadInput, RiskAssessmentRecordInput } from "./assessment.input.js";
import {
  domainsByInstrumentIds,
  type InstrumentDomainRecord,
  type InstrumentIndicatorRecord,
  type InstrumentRecord,
  indicatorsByDomainIds,
  insertAssessment,
  instrumentsByIds,
  loadInstrumentTexts,
} from "./assessment.repository.js";

interface Instrument {
  record: InstrumentRecord;
  domains: InstrumentDomainRecord[];
  indicators: InstrumentIndicatorRecord[];
}

/** An instrument and its structure, or a NOT_FOUND user error at `field`. */
async function instrumentFor(
  db: Db,
  globalId: string,
  field: string,
  activeOnly: boolean,
): Promise<Instrument> {
  const id = uuidOf(globalId, "AssessmentInstrument");
  const [record] = id === null ? [] : await instrumentsByIds(db, [id]);
  if (record === undefined || (activeOnly && !record.active))
    return reject(
      field,
      activeOnly ? "no active instrument version with this ID" : "no instrument version with this ID",
      UserErrorCode.NOT_FOUND,
    );
  const domains = await domainsByInstrumentIds(db, [record.id]);
  const indicators =
    domains.length === 0
      ? []
      : await indicatorsByDomainIds(
          db,
          domains.map((d) => d.id),
        );
  return { record, domains, indicators };
}

function structureOf(instrument: Instrument): InstrumentStructure {
  return {
    ratingScale: [...instrument.record.ratingScale, "NOT_RATED"],
    domains: instrument.domains.map((d) => ({
      code: d.code,
      indicators: instrument.indicators
        .filter((i) => i.domainId === d.id)
        .map((i) => ({ code: i.code, required: i.required })),
    })),
  };
}

/** One summary per domain: a second one would otherwise fail on the table's key as a bogus CONFLICT. */
function doubledDomainSummaries(
  summaries: readonly { domainCode: string }[],
): { field: string; message: string }[] {
  return summaries.flatMap((s, index) =>
    summaries.findIndex((other) => other.domainCode === s.domainCode) < index
      ? [{ field: `domainSummaries.${index}.domainCode`, message: `${s.domainCode} is summarised twice` }]
      : [],
  );
}

/**
 * Records a risk assessment: the psychosocial service, on a person whose clinical data it feeds.
 * The instrument's data decides what must be rated and on which scale.
 */
export function recordAssessment(
  ctx: RequestContext,
  input: RiskAssessmentRecordInput,
): Promise<MutationOutcome<DetentionChange>> {
  const actor = requireAction(ctx, "ASSESSMENT_RECORD");
  return runMutation(ctx, async (tx) => {
    const assessment = parseInput(riskAssessmentSchema, {
      assessedOn: input.assessedOn,
      finalJudgement: input.finalJudgement,
      narrative: input.narrative,
      nextReviewOn: input.nextReviewOn,
      ratings: input.ratings.map((r) => ({ ...r, notRatedReason: r.notRatedReason ?? null })),
      domainSummaries: input.domainSummaries ?? [],
    });
    const visible = await lockCaseForChange(ctx, tx, uuidOf(input.personId, "Person"), "personId");
    requireFeed(ctx, visible, "CLINICAL");
    const instrument = await instrumentFor(tx, input.instrumentId, "instrumentId", true);
    const issues = [
      ...checkAssessment(assessment, structureOf(instrument), {
        today: ctx.today,
        maxReviewOn: addMonthsToDate(assessment.assessedOn, REASSESSMENT_MAX_MONTHS),
      }),
      ...doubledDomainSummaries(assessment.domainSummaries),
    ];
    if (issues.length > 0)
      throw new UserInputRejected(
        issues.map((i) =>
          userError(
            i.field,
            i.message,
            i.field === "ratings" ? UserErrorCode.RULE_VIOLATION : UserErrorCode.INVALID,
          ),
        ),
      );

    const indicatorIds = new Map(instrument.indicators.map((i) => [i.code, i.id]));
    const domainIds = new Map(instrument.domains.map((d) => [d.code, d.id]));
    const personId = visible.person.id;
    const id = newId();
    await insertAssessment(tx, {
      summary: {
        id,
        personId,
        instrumentId: instrument.record.id,
        agencyId: actor.agencyId,
        assessedOn: assessment.assessedOn,
        finalJudgement: assessment.finalJudgement,
        nextReviewOn: assessment.nextReviewOn,
        createdBy: actor.userId,
      },
      narrative: assessment.narrative,
      ratings: assessment.ratings.map((r) => ({
        indicatorId: indicatorIds.get(r.indicatorCode) as string,
        rating: r.rating,
        notRatedReason: r.rating === "NOT_RATED" ? r.notRatedReason : null,
      })),
      domainSummaries: assessment.domainSummaries
        .filter((s) => s.summary !== "")
        .map((s) => ({ domainId: domainIds.get(s.domainCode) as string, summary: s.summary })),
    });
    await refreshSummaries(tx, [personId]);
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: ["CLINICAL"],
      details: {
        mutation: "riskAssessmentRecord",
        assessmentId: id,
        instrument: `${instrument.record.code} ${instrument.record.version}`,
      },
    });
    return { personId, recordId: id };
  });
}

const textSchema = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(4000, { message: "must be at most 4000 characters" });

/**
 * Loads (or replaces) the licensed item texts of an instrument. Administrators only; they store the
 * texts without being able to read them back (only clinical readers do).
 */
export function loadTexts(
  ctx: RequestContext,
  input: InstrumentTextsLoadInput,
): Promise<MutationOutcome<number>> {
  const actor = requireAdministrator(ctx);
  requireWriteScope(actor);
  return runMutation(ctx, async (tx) => {
    const instrument = await instrumentFor(tx, input.instrumentId, "instrumentId", false);
    const codes = new Set(instrument.indicators.map((i) => i.code));
    const errors: UserError[] = [];
    const seen = new Set<string>();
    const texts: { code: string; text: string }[] = [];
    if (input.texts.length === 0) errors.push(userError("texts", "give at least one text"));
    input.texts.forEach((t, index) => {
      const parsed = textSchema.safeParse(t.text);
      if (!codes.has(t.indicatorCode))
        errors.push(
          userError(
            `texts.${index}.indicatorCode`,
            `${t.indicatorCode} is not an indicator of this instrument`,
            UserErrorCode.NOT_FOUND,
          ),
        );
      else if (seen.has(t.indicatorCode))
        errors.push(userError(`texts.${index}.indicatorCode`, `${t.indicatorCode} is given twice`));
      if (!parsed.success)
        errors.push(userError(`texts.${index}.text`, parsed.error.issues[0]?.message ?? "is not valid"));
      seen.add(t.indicatorCode);
      if (parsed.success) texts.push({ code: t.indicatorCode, text: parsed.data });
    });
    if (errors.length > 0) throw new UserInputRejected(errors);
    const loaded = await loadInstrumentTexts(tx, instrument.record.id, texts, actor.userId);
    ctx.audit.record({
      operation: "UPDATE",
      details: {
        mutation: "instrumentTextsLoad",
        instrument: `${instrument.record.code} ${instrument.record.version}`,
        loaded,
      },
    });
    return loaded;
  });
}
