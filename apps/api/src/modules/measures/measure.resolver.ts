import { type IsoDate, mayRead } from "@continuum/domain";
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireActor, requirePurpose } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import type { MutationOutcome } from "../../graphql/mutation.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { AgencyType } from "../agencies/agency.type.js";
import { RiskAssessmentType } from "../assessments/assessment.type.js";
import type { DetentionChange } from "../detention/detention.service.js";
import { PlacementType } from "../detention/detention.type.js";
import { EstablishmentType, EstablishmentUnitType } from "../establishments/establishment.type.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange, personOf } from "../persons/person-lookup.js";
import { reportsByIds } from "../reports/report.repository.js";
import { InformationReportType } from "../reports/report.type.js";
import { readableOf, readReports } from "../reports/report-reading.js";
import { UserType } from "../users/user.type.js";
import {
  decideRecommendation,
  defineMeasureType,
  imposeMeasureDirectly,
  recordEvaluation,
  reviewMeasure,
  writeRecommendation,
} from "./decision.service.js";
import {
  AppealAnswerInput,
  AppealRecordInput,
  DecisionNotifyInput,
  MeasureEvaluationRecordInput,
  MeasureTypeDefineInput,
  RecommendationDecideInput,
  RecommendationWriteInput,
  SecurityMeasureImposeInput,
  SecurityMeasureReviewInput,
} from "./measure.input.js";
import {
  DecisionPayload,
  MeasureEvaluationPayload,
  MeasureTypePayload,
  RecommendationPayload,
} from "./measure.payload.js";
import { listMeasureTypes, measuresByIds } from "./measure.repository.js";
import {
  AppealType,
  DecisionNotificationType,
  DecisionType,
  EvaluationDueType,
  MeasureEvaluationType,
  MeasureTypeType,
  RecommendationType,
  SecurityMeasureType,
} from "./measure.type.js";
import {
  appealQueue,
  evaluationQueue,
  evaluationsDueOf,
  measureAsOf,
  measuresRegister,
  notificationQueue,
  readMeasuresData,
  recommendationInbox,
  reviewQueue,
} from "./measure-reading.js";
import { notifyDecision, recordAppeal, recordAppealAnswer } from "./notice.service.js";

async function decisionPayload(
  ctx: RequestContext,
  outcome: MutationOutcome<DetentionChange>,
): Promise<DecisionPayload> {
  const person = outcome.result === null ? null : await personAfterChange(ctx, outcome.result.personId);
  const record =
    outcome.result === null || person === null
      ? undefined
      : (await ctx.loaders.decisionsOfPerson.load(person.uuid)).find(
          (d) => d.id === outcome.result?.recordId,
        );
  return Object.assign(new DecisionPayload(), {
    decision:
      record === undefined || person === null || !mayRead(person.access, "MEASURES")
        ? null
        : DecisionType.from(record, person.access),
    person,
    userErrors: outcome.userErrors,
  });
}

@Resolver(() => MeasureTypeType)
export class MeasureTypeResolver {
  @Query(() => [MeasureTypeType], {
    description: "The types of individual security measure, with their rules.",
  })
  @Rule("AUTHENTICATED")
  async measureTypes(
    @Arg("includeInactive", () => Boolean, { defaultValue: false, description: "Also list withdrawn types." })
    includeInactive: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<MeasureTypeType[]> {
    requireActor(ctx);
    return (await listMeasureTypes(await ctx.tx.get()))
      .filter((t) => includeInactive || t.active)
      .map(MeasureTypeType.from);
  }

  @Mutation(() => MeasureTypePayload, {
    nullable: true,
    description: "Adds a measure type or changes one by its code, with its rules (administrators).",
  })
  @Rule("WRITE")
  async measureTypeDefine(
    @Arg("input", () => MeasureTypeDefineInput, { description: "The type and its rules." })
    input: MeasureTypeDefineInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MeasureTypePayload> {
    const { result, userErrors } = await defineMeasureType(ctx, input);
    const type = result === null ? null : await ctx.loaders.measureType.load(result);
    return Object.assign(new MeasureTypePayload(), {
      measureType: type === null ? null : MeasureTypeType.from(type),
      userErrors,
    });
  }
}

@Resolver(() => RecommendationType)
export class RecommendationResolver {
  @Query(() => [RecommendationType], {
    description: "Recommendations awaiting the Director General's decision, oldest first (MEASURES).",
  })
  @Rule("AUTHENTICATED")
  recommendationInbox(@Ctx() ctx: RequestContext): Promise<RecommendationType[]> {
    return recommendationInbox(ctx);
  }

  @Mutation(() => RecommendationPayload, {
    nullable: true,
    description:
      "CelEx recommends a regime, a transfer, a D-Rad:Ex placement or a measure, citing its evidence.",
  })
  @Rule("WRITE")
  async recommendationWrite(
    @Arg("input", () => RecommendationWriteInput, { description: "The recommendation." })
    input: RecommendationWriteInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecommendationPayload> {
    const { result, userErrors } = await writeRecommendation(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record = result === null ? null : await ctx.loaders.recommendation.load(result.recordId);
    return Object.assign(new RecommendationPayload(), {
      recommendation:
        record === null || person === null ? null : RecommendationType.from(record, person.access),
      person,
      userErrors,
    });
  }

  @Mutation(() => DecisionPayload, {
    nullable: true,
    description:
      "The Director General accepts, amends or rejects a recommendation, with reasons. An accepted regime " +
      "recommendation moves the inmate; an accepted measure is imposed.",
  })
  @Rule("WRITE")
  async recommendationDecide(
    @Arg("input", () => RecommendationDecideInput, { description: "The decision." })
    input: RecommendationDecideInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionPayload> {
    return decisionPayload(ctx, await decideRecommendation(ctx, input));
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The inmate concerned." })
  person(@Root() r: RecommendationType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, r.personUuid);
  }

  @FieldResolver(() => EstablishmentType, {
    nullable: true,
    description: "Regime or transfer: the establishment.",
  })
  async establishment(
    @Root() r: RecommendationType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType | null> {
    const e = r.establishmentUuid === null ? null : await ctx.loaders.establishment.load(r.establishmentUuid);
    return e === null ? null : EstablishmentType.from(e);
  }

  @FieldResolver(() => EstablishmentUnitType, {
    nullable: true,
    description: "Regime or transfer: the unit.",
  })
  async unit(
    @Root() r: RecommendationType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentUnitType | null> {
    const u = r.unitUuid === null ? null : await ctx.loaders.unit.load(r.unitUuid);
    return u === null ? null : EstablishmentUnitType.from(u);
  }

  @FieldResolver(() => MeasureTypeType, { nullable: true, description: "A measure: its type." })
  async measureType(
    @Root() r: RecommendationType,
    @Ctx() ctx: RequestContext,
  ): Promise<MeasureTypeType | null> {
    const t = r.measureTypeUuid === null ? null : await ctx.loaders.measureType.load(r.measureTypeUuid);
    return t === null ? null : MeasureTypeType.from(t);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The recommending agency (CelEx)." })
  async agency(@Root() r: RecommendationType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    const a = await ctx.loaders.agency.load(r.agencyUuid);
    return a === null ? null : AgencyType.from(a);
  }

  @FieldResolver(() => UserType, { nullable: true, description: "The analyst who wrote it." })
  async author(@Root() r: RecommendationType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const u = r.authorUuid === null ? null : await ctx.loaders.user.load(r.authorUuid);
    return u === null ? null : UserType.from(u);
  }

  @FieldResolver(() => [InformationReportType], {
    description: "The information reports it cites that you may read (each under its own marking).",
  })
  async reports(@Root() r: RecommendationType, @Ctx() ctx: RequestContext): Promise<InformationReportType[]> {
    const ids = (await ctx.loaders.evidenceOfRecommendation.load(r.uuid)).flatMap((e) =>
      e.reportId === null ? [] : [e.reportId],
    );
    return readReports(ctx, await reportsByIds(await ctx.tx.get(), ids));
  }

  @FieldResolver(() => [RiskAssessmentType], {
    description: "The risk assessments it cites (CLINICAL: the summary, in full for clinical readers).",
  })
  @Guarded("CLINICAL", "SUMMARY")
  async assessments(
    @Root() r: RecommendationType,
    @Ctx() ctx: RequestContext,
  ): Promise<RiskAssessmentType[]> {
    const ids = new Set(
      (await ctx.loaders.evidenceOfRecommendation.load(r.uuid)).flatMap((e) =>
        e.assessmentId === null ? [] : [e.assessmentId],
      ),
    );
    return (await ctx.loaders.assessmentsOfPerson.load(r.personUuid))
      .filter((a) => ids.has(a.id))
      .map((a) => RiskAssessmentType.from(a, r.access));
  }

  @FieldResolver(() => Int, {
    description:
      "How many of the reports and assessments it cites you may not read (left out of reports and " +
      "assessments): the evidence is incomplete for you, not absent.",
  })
  async withheldEvidenceCount(@Root() r: RecommendationType, @Ctx() ctx: RequestContext): Promise<number> {
    const evidence = await ctx.loaders.evidenceOfRecommendation.load(r.uuid);
    const reportIds = evidence.flatMap((e) => (e.reportId === null ? [] : [e.reportId]));
    const readableReports = await readableOf(
      ctx,
      requirePurpose(ctx),
      await reportsByIds(await ctx.tx.get(), reportIds),
    );
    const assessments = mayRead(r.access, "CLINICAL", "SUMMARY")
      ? new Set((await ctx.loaders.assessmentsOfPerson.load(r.personUuid)).map((a) => a.id))
      : new Set<string>();
    const readableAssessments = evidence.filter(
      (e) => e.assessmentId !== null && assessments.has(e.assessmentId),
    );
    return evidence.length - readableReports.length - readableAssessments.length;
  }

  @FieldResolver(() => DecisionType, {
    nullable: true,
    description: "The decision on it; null while pending.",
  })
  async decision(@Root() r: RecommendationType, @Ctx() ctx: RequestContext): Promise<DecisionType | null> {
    const d = await ctx.loaders.decisionOfRecommendation.load(r.uuid);
    return d === null ? null : DecisionType.from(d, r.access);
  }
}

@Resolver(() => DecisionType)
export class DecisionResolver {
  @Query(() => [DecisionType], {
    description:
      "Decisions the inmate has not yet been told of, the most overdue first (notificationDueOn before today: overdue).",
  })
  @Rule("AUTHENTICATED")
  notificationQueue(@Ctx() ctx: RequestContext): Promise<DecisionType[]> {
    return notificationQueue(ctx);
  }

  @Mutation(() => DecisionPayload, {
    nullable: true,
    description: "Records when and how the inmate was told of a decision, and the reasons given.",
  })
  @Rule("WRITE")
  async decisionNotify(
    @Arg("input", () => DecisionNotifyInput, { description: "The notice." }) input: DecisionNotifyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionPayload> {
    return decisionPayload(ctx, await notifyDecision(ctx, input));
  }

  @Mutation(() => DecisionPayload, {
    nullable: true,
    description: "Records an appeal or complaint against a decision.",
  })
  @Rule("WRITE")
  async appealRecord(
    @Arg("input", () => AppealRecordInput, { description: "The appeal." }) input: AppealRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionPayload> {
    return decisionPayload(ctx, await recordAppeal(ctx, input));
  }

  @Mutation(() => DecisionPayload, { nullable: true, description: "Records the answer to an appeal." })
  @Rule("WRITE")
  async appealAnswer(
    @Arg("input", () => AppealAnswerInput, { description: "The answer." }) input: AppealAnswerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionPayload> {
    return decisionPayload(ctx, await recordAppealAnswer(ctx, input));
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The inmate concerned." })
  person(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, d.personUuid);
  }

  @FieldResolver(() => RecommendationType, {
    nullable: true,
    description: "The recommendation it decides, if any.",
  })
  async recommendation(
    @Root() d: DecisionType,
    @Ctx() ctx: RequestContext,
  ): Promise<RecommendationType | null> {
    const r =
      d.recommendationUuid === null ? null : await ctx.loaders.recommendation.load(d.recommendationUuid);
    return r === null ? null : RecommendationType.from(r, d.access);
  }

  @FieldResolver(() => SecurityMeasureType, {
    nullable: true,
    description: "The measure imposed or reviewed, as it stands today.",
  })
  async measure(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<SecurityMeasureType | null> {
    if (d.measureUuid === null) return null;
    const [m] = await measuresByIds(await ctx.tx.get(), [d.measureUuid]);
    return m === undefined ? null : measureAsOf(ctx, m, ctx.today, d.access);
  }

  @FieldResolver(() => PlacementType, {
    nullable: true,
    description: "A regime decision: the placement it made.",
  })
  @Guarded("DETENTION")
  async placement(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<PlacementType | null> {
    if (d.placementUuid === null) return null;
    const p = (await ctx.loaders.placementsOfPerson.load(d.personUuid)).find((x) => x.id === d.placementUuid);
    return p === undefined ? null : PlacementType.from(p, d.access);
  }

  @FieldResolver(() => UserType, { nullable: true, description: "Who decided." })
  async decidedBy(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<UserType | null> {
    const u = d.deciderUuid === null ? null : await ctx.loaders.user.load(d.deciderUuid);
    return u === null ? null : UserType.from(u);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The decider's agency." })
  async agency(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<AgencyType | null> {
    const a = await ctx.loaders.agency.load(d.agencyUuid);
    return a === null ? null : AgencyType.from(a);
  }

  @FieldResolver(() => [DecisionNotificationType], {
    description: "How and when the inmate was told, oldest first.",
  })
  async notifications(
    @Root() d: DecisionType,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionNotificationType[]> {
    return (await ctx.loaders.notificationsOfDecision.load(d.uuid)).map(DecisionNotificationType.from);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the inmate has been told (always true where no notice is needed).",
  })
  async notified(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<boolean> {
    return !d.needsNotification || (await ctx.loaders.notificationsOfDecision.load(d.uuid)).length > 0;
  }

  @FieldResolver(() => Boolean, { description: "Whether the notice is due and missing: an overdue item." })
  async notificationOverdue(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (
      d.notificationDueOn !== null &&
      d.notificationDueOn < ctx.today &&
      (await ctx.loaders.notificationsOfDecision.load(d.uuid)).length === 0
    );
  }

  @FieldResolver(() => [AppealType], { description: "Appeals and complaints against it, oldest first." })
  async appeals(@Root() d: DecisionType, @Ctx() ctx: RequestContext): Promise<AppealType[]> {
    return (await ctx.loaders.appealsOfDecision.load(d.uuid)).map((a) => AppealType.from(a, d.access));
  }
}

@Resolver(() => DecisionNotificationType)
export class DecisionNotificationResolver {
  @FieldResolver(() => UserType, { nullable: true, description: "Who recorded it." })
  async recordedBy(
    @Root() n: DecisionNotificationType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    const u = n.recorderUuid === null ? null : await ctx.loaders.user.load(n.recorderUuid);
    return u === null ? null : UserType.from(u);
  }
}

@Resolver(() => AppealType)
export class AppealResolver {
  @Query(() => [AppealType], {
    description:
      "Appeals and complaints without an answer, oldest first (answerDueOn before today: overdue).",
  })
  @Rule("AUTHENTICATED")
  appealQueue(@Ctx() ctx: RequestContext): Promise<AppealType[]> {
    return appealQueue(ctx);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The inmate who appealed." })
  person(@Root() a: AppealType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, a.personUuid);
  }

  @FieldResolver(() => DecisionType, { nullable: true, description: "The decision appealed against." })
  async decision(@Root() a: AppealType, @Ctx() ctx: RequestContext): Promise<DecisionType | null> {
    const d = (await ctx.loaders.decisionsOfPerson.load(a.personUuid)).find((x) => x.id === a.decisionUuid);
    return d === undefined ? null : DecisionType.from(d, a.access);
  }
}

@Resolver(() => SecurityMeasureType)
export class SecurityMeasureResolver {
  @Query(() => [SecurityMeasureType], {
    description:
      "The measures register: every measure in force on a date, with its legal basis and review status as " +
      "they stood then (MEASURES).",
  })
  @Rule("AUTHENTICATED")
  measuresRegister(
    @Arg("on", () => DateScalar, { description: "The day." }) on: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<SecurityMeasureType[]> {
    return measuresRegister(ctx, on);
  }

  @Query(() => [SecurityMeasureType], {
    description: "Measures in force whose review is due within the given days, overdue first (MEASURES).",
  })
  @Rule("AUTHENTICATED")
  measureReviewQueue(
    @Arg("withinDays", () => Int, { defaultValue: 14, description: "How far ahead, in days (0 to 366)." })
    withinDays: number,
    @Ctx() ctx: RequestContext,
  ): Promise<SecurityMeasureType[]> {
    return reviewQueue(ctx, withinDays);
  }

  @Query(() => [SecurityMeasureType], {
    description: "Measures in force whose periodic evaluation by your service is due within the given days.",
  })
  @Rule("AUTHENTICATED")
  measureEvaluationQueue(
    @Arg("withinDays", () => Int, { defaultValue: 7, description: "How far ahead, in days (0 to 366)." })
    withinDays: number,
    @Ctx() ctx: RequestContext,
  ): Promise<SecurityMeasureType[]> {
    return evaluationQueue(ctx, withinDays);
  }

  @Mutation(() => DecisionPayload, {
    nullable: true,
    description:
      "Imposes a measure directly (a prison director for their inmates, or the Director General), within the type's rules.",
  })
  @Rule("WRITE")
  async securityMeasureImpose(
    @Arg("input", () => SecurityMeasureImposeInput, { description: "The measure." })
    input: SecurityMeasureImposeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionPayload> {
    return decisionPayload(ctx, await imposeMeasureDirectly(ctx, input));
  }

  @Mutation(() => DecisionPayload, {
    nullable: true,
    description:
      "Reviews a measure in force: maintained, eased, lifted or prolonged (a decision of its own).",
  })
  @Rule("WRITE")
  async securityMeasureReview(
    @Arg("input", () => SecurityMeasureReviewInput, { description: "The review." })
    input: SecurityMeasureReviewInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecisionPayload> {
    return decisionPayload(ctx, await reviewMeasure(ctx, input));
  }

  @Mutation(() => MeasureEvaluationPayload, {
    nullable: true,
    description: "Records a periodic evaluation that the measure's type requires of your service.",
  })
  @Rule("WRITE")
  async measureEvaluationRecord(
    @Arg("input", () => MeasureEvaluationRecordInput, { description: "The evaluation." })
    input: MeasureEvaluationRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<MeasureEvaluationPayload> {
    const { result, userErrors } = await recordEvaluation(ctx, input);
    let measure: SecurityMeasureType | null = null;
    if (result !== null) {
      ctx.loaders.evaluationsOfMeasure.clear(result.recordId);
      const rows = await measuresByIds(await ctx.tx.get(), [result.recordId]);
      const [item] = await readMeasuresData(ctx, rows, (m, access) => ({ m, access }));
      measure = item === undefined ? null : await measureAsOf(ctx, item.m, ctx.today, item.access);
    }
    return Object.assign(new MeasureEvaluationPayload(), { measure, userErrors });
  }

  @FieldResolver(() => PersonType, { nullable: true, description: "The inmate concerned." })
  person(@Root() m: SecurityMeasureType, @Ctx() ctx: RequestContext): Promise<PersonType | null> {
    return personOf(ctx, m.personUuid);
  }

  @FieldResolver(() => MeasureTypeType, { nullable: true, description: "The type of measure." })
  async measureType(
    @Root() m: SecurityMeasureType,
    @Ctx() ctx: RequestContext,
  ): Promise<MeasureTypeType | null> {
    const t = await ctx.loaders.measureType.load(m.measureTypeUuid);
    return t === null ? null : MeasureTypeType.from(t);
  }

  @FieldResolver(() => EstablishmentType, { nullable: true, description: "Where it was imposed." })
  async establishment(
    @Root() m: SecurityMeasureType,
    @Ctx() ctx: RequestContext,
  ): Promise<EstablishmentType | null> {
    const e = await ctx.loaders.establishment.load(m.establishmentUuid);
    return e === null ? null : EstablishmentType.from(e);
  }

  @FieldResolver(() => [DecisionType], {
    description: "Its decisions, oldest first: the imposition, then each review.",
  })
  async decisions(@Root() m: SecurityMeasureType, @Ctx() ctx: RequestContext): Promise<DecisionType[]> {
    return (await ctx.loaders.decisionsOfMeasure.load(m.uuid)).map((d) => DecisionType.from(d, m.access));
  }

  @FieldResolver(() => [MeasureEvaluationType], { description: "Its periodic evaluations, oldest first." })
  async evaluations(
    @Root() m: SecurityMeasureType,
    @Ctx() ctx: RequestContext,
  ): Promise<MeasureEvaluationType[]> {
    return (await ctx.loaders.evaluationsOfMeasure.load(m.uuid)).map(MeasureEvaluationType.from);
  }

  @FieldResolver(() => [EvaluationDueType], {
    description: "The periodic evaluations its type requires while it is in force, with when each is due.",
  })
  evaluationsDue(@Root() m: SecurityMeasureType, @Ctx() ctx: RequestContext): Promise<EvaluationDueType[]> {
    return evaluationsDueOf(ctx, m);
  }
}

@Resolver(() => PersonType)
export class PersonMeasuresResolver {
  @FieldResolver(() => [SecurityMeasureType], {
    nullable: true,
    description: "Individual security measures, newest first, as they stand on a date (MEASURES).",
  })
  @Guarded("MEASURES")
  async securityMeasures(
    @Root() person: PersonType,
    @Arg("on", () => DateScalar, { nullable: true, description: "The day; today when left out." })
    on: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SecurityMeasureType[]> {
    const result: SecurityMeasureType[] = [];
    for (const m of await ctx.loaders.measuresOfPerson.load(person.uuid)) {
      const measure = await measureAsOf(ctx, m, on ?? ctx.today, person.access);
      if (measure !== null) result.push(measure);
    }
    return result;
  }

  @FieldResolver(() => [DecisionType], {
    nullable: true,
    description: "Decisions on regime and measures, newest first (MEASURES).",
  })
  @Guarded("MEASURES")
  async decisions(@Root() person: PersonType, @Ctx() ctx: RequestContext): Promise<DecisionType[]> {
    return (await ctx.loaders.decisionsOfPerson.load(person.uuid)).map((d) =>
      DecisionType.from(d, person.access),
    );
  }

  @FieldResolver(() => [RecommendationType], {
    nullable: true,
    description: "CelEx's recommendations, newest first (MEASURES).",
  })
  @Guarded("MEASURES")
  async recommendations(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<RecommendationType[]> {
    return (await ctx.loaders.recommendationsOfPerson.load(person.uuid)).map((r) =>
      RecommendationType.from(r, person.access),
    );
  }
}
