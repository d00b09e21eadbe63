import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { requireActor } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import { Rule } from "../../graphql/rule.js";
import { DateScalar } from "../../graphql/scalars.js";
import { AgencyType } from "../agencies/agency.type.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange } from "../persons/person-lookup.js";
import { UserType } from "../users/user.type.js";
import { InstrumentTextsLoadInput, RiskAssessmentRecordInput } from "./assessment.input.js";
import { InstrumentTextsLoadPayload, RiskAssessmentRecordPayload } from "./assessment.payload.js";
import { listInstruments } from "./assessment.repository.js";
import { loadTexts, recordAssessment } from "./assessment.service.js";
import {
  AssessmentInstrumentType,
  DomainSummaryType,
  IndicatorRatingEntryType,
  InstrumentDomainType,
  InstrumentIndicatorType,
  RiskAssessmentType,
} from "./assessment.type.js";

@Resolver(() => AssessmentInstrumentType)
export class AssessmentInstrumentResolver {
  @Query(() => [AssessmentInstrumentType], {
    description: "The risk-assessment instruments (reference data), by code and version.",
  })
  @Rule("AUTHENTICATED")
  async assessmentInstruments(
    @Arg("includeInactive", () => Boolean, {
      defaultValue: false,
      description: "Also list withdrawn instrument versions.",
    })
    includeInactive: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentInstrumentType[]> {
    requireActor(ctx);
    const all = await listInstruments(await ctx.tx.get());
    return all.filter((i) => includeInactive || i.active).map(AssessmentInstrumentType.from);
  }

  @FieldResolver(() => [InstrumentDomainType], { description: "The instrument's domains, in order." })
  async domains(
    @Root() instrument: AssessmentInstrumentType,
    @Ctx() ctx: RequestContext,
  ): Promise<InstrumentDomainType[]> {
    return (await ctx.loaders.domainsOfInstrument.load(instrument.uuid)).map(InstrumentDomainType.from);
  }

  @Mutation(() => InstrumentTextsLoadPayload, {
    nullable: true,
    description:
      "Loads the licensed item texts of an instrument (administrators). They are shown to clinical " +
      "readers only; the administrator cannot read them back.",
  })
  @Rule("WRITE")
  async instrumentTextsLoad(
    @Arg("input", () => InstrumentTextsLoadInput, { description: "The texts." })
    input: InstrumentTextsLoadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InstrumentTextsLoadPayload> {
    const { result, userErrors } = await loadTexts(ctx, input);
    return Object.assign(new InstrumentTextsLoadPayload(), { loaded: result ?? 0, userErrors });
  }
}

@Resolver(() => InstrumentDomainType)
export class InstrumentDomainResolver {
  @FieldResolver(() => [InstrumentIndicatorType], { description: "The domain's indicators, in order." })
  async indicators(
    @Root() domain: InstrumentDomainType,
    @Ctx() ctx: RequestContext,
  ): Promise<InstrumentIndicatorType[]> {
    return (await ctx.loaders.indicatorsOfDomain.load(domain.uuid)).map(InstrumentIndicatorType.from);
  }
}

@Resolver(() => RiskAssessmentType)
export class RiskAssessmentResolver {
  @Mutation(() => RiskAssessmentRecordPayload, {
    nullable: true,
    description: "Records a risk assessment (the psychosocial service, on an inmate of its establishment).",
  })
  @Rule("WRITE")
  async riskAssessmentRecord(
    @Arg("input", () => RiskAssessmentRecordInput, { description: "The assessment." })
    input: RiskAssessmentRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RiskAssessmentRecordPayload> {
    const { result, userErrors } = await recordAssessment(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record =
      result === null || person === null
        ? undefined
        : (await ctx.loaders.assessmentsOfPerson.load(result.personId)).find((a) => a.id === result.recordId);
    return Object.assign(new RiskAssessmentRecordPayload(), {
      riskAssessment:
        record === undefined || person === null ? null : RiskAssessmentType.from(record, person.access),
      person,
      userErrors,
    });
  }

  @FieldResolver(() => AssessmentInstrumentType, {
    nullable: true,
    description: "The instrument version used.",
  })
  @Guarded("CLINICAL", "SUMMARY")
  async instrument(
    @Root() assessment: RiskAssessmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<AssessmentInstrumentType | null> {
    const instrument = await ctx.loaders.instrument.load(assessment.instrumentUuid);
    return instrument === null ? null : AssessmentInstrumentType.from(instrument);
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: "The psychosocial service that assessed." })
  @Guarded("CLINICAL", "SUMMARY")
  async agency(
    @Root() assessment: RiskAssessmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<AgencyType | null> {
    const agency = await ctx.loaders.agency.load(assessment.agencyUuid);
    return agency === null ? null : AgencyType.from(agency);
  }

  @FieldResolver(() => UserType, { nullable: true, description: "The assessor." })
  @Guarded("CLINICAL", "SUMMARY")
  async assessedBy(
    @Root() assessment: RiskAssessmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserType | null> {
    if (assessment.assessorUuid === null) return null;
    const user = await ctx.loaders.user.load(assessment.assessorUuid);
    return user === null ? null : UserType.from(user);
  }

  @FieldResolver(() => String, { nullable: true, description: "The assessor's narrative (clinical detail)." })
  @Guarded("CLINICAL")
  async narrative(
    @Root() assessment: RiskAssessmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<string | null> {
    return (await ctx.loaders.assessmentDetail.load(assessment.uuid))?.narrative ?? null;
  }

  @FieldResolver(() => [IndicatorRatingEntryType], {
    nullable: true,
    description: "The rating of each indicator, in the instrument's order (clinical detail).",
  })
  @Guarded("CLINICAL")
  async ratings(
    @Root() assessment: RiskAssessmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<IndicatorRatingEntryType[]> {
    const domains = await ctx.loaders.domainsOfInstrument.load(assessment.instrumentUuid);
    const ratings = new Map(
      (await ctx.loaders.ratingsOfAssessment.load(assessment.uuid)).map((r) => [r.indicatorId, r]),
    );
    const entries: IndicatorRatingEntryType[] = [];
    for (const domain of domains)
      for (const indicator of await ctx.loaders.indicatorsOfDomain.load(domain.id)) {
        const rating = ratings.get(indicator.id);
        if (rating !== undefined)
          entries.push(
            Object.assign(new IndicatorRatingEntryType(), {
              indicatorCode: indicator.code,
              indicatorName: indicator.name,
              domainCode: domain.code,
              rating: rating.rating,
              notRatedReason: rating.notRatedReason,
            }),
          );
      }
    return entries;
  }

  @FieldResolver(() => [DomainSummaryType], {
    nullable: true,
    description: "The assessor's summary of each domain, in the instrument's order (clinical detail).",
  })
  @Guarded("CLINICAL")
  async domainSummaries(
    @Root() assessment: RiskAssessmentType,
    @Ctx() ctx: RequestContext,
  ): Promise<DomainSummaryType[]> {
    const domains = await ctx.loaders.domainsOfInstrument.load(assessment.instrumentUuid);
    const summaries = new Map(
      (await ctx.loaders.domainSummariesOfAssessment.load(assessment.uuid)).map((s) => [
        s.domainId,
        s.summary,
      ]),
    );
    return domains
      .filter((d) => summaries.has(d.id))
      .map((d) =>
        Object.assign(new DomainSummaryType(), {
          domainCode: d.code,
          domainName: d.name,
          summary: summaries.get(d.id) as string,
        }),
      );
  }
}

@Resolver(() => PersonType)
export class PersonAssessmentsResolver {
  @FieldResolver(() => [RiskAssessmentType], {
    nullable: true,
    description: "Risk assessments, newest first (CLINICAL: the summary, or in full for clinical readers).",
  })
  @Guarded("CLINICAL", "SUMMARY")
  async riskAssessments(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<RiskAssessmentType[]> {
    return (await ctx.loaders.assessmentsOfPerson.load(person.uuid)).map((a) =>
      RiskAssessmentType.from(a, person.access),
    );
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      "When the next risk assessment is due while detained: the review date the latest one set, or, for a " +
      "CelEx inmate never assessed, the day they were listed (CLINICAL summary).",
  })
  @Guarded("CLINICAL", "SUMMARY")
  nextAssessmentDueOn(@Root() person: PersonType): string | null {
    return person.summary.nextAssessmentDueOn;
  }
}
