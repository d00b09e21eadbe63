import {
  type ClassLevel,
  type DataClass,
  isAdministrator,
  isDataProtectionOfficer,
  mayRead,
  type PersonAccess,
} from "@continuum/domain";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { grantById } from "../access/break-glass.repository.js";
import { BreakGlassGrantType } from "../access/oversight.types.js";
import { accessFor, loadVisiblePerson, requirePurpose } from "../access/policy.js";
import { findApiTokenById } from "../auth/auth.repository.js";
import { ApiTokenType } from "../auth/auth.types.js";
import { AgencyType } from "../modules/agencies/agency.type.js";
import { assessmentById } from "../modules/assessments/assessment.repository.js";
import { AssessmentInstrumentType, RiskAssessmentType } from "../modules/assessments/assessment.type.js";
import { episodeById, placementById } from "../modules/detention/detention.repository.js";
import { DetentionEpisodeType, PlacementType } from "../modules/detention/detention.type.js";
import { EstablishmentType, EstablishmentUnitType } from "../modules/establishments/establishment.type.js";
import { evaluationById as disengagementEvaluationById } from "../modules/evaluations/evaluation.repository.js";
import { DisengagementEvaluationType } from "../modules/evaluations/evaluation.type.js";
import { actionItemsByIds } from "../modules/follow-up/follow-up.repository.js";
import { ownMeetingOf } from "../modules/follow-up/follow-up.resolver.js";
import { ActionItemType, FollowUpMeasureTypeType } from "../modules/follow-up/follow-up.type.js";
import { auditShown } from "../modules/follow-up/local-body.service.js";
import { findImportJob } from "../modules/imports/import.service.js";
import { ImportJobType } from "../modules/imports/import.type.js";
import { incidentById } from "../modules/incidents/incident.repository.js";
import { PrisonIncidentType } from "../modules/incidents/incident.type.js";
import {
  appealsByIds,
  decisionsByIds,
  evaluationById,
  measuresByIds,
  notificationById,
  recommendationsByIds,
} from "../modules/measures/measure.repository.js";
import {
  AppealType,
  DecisionNotificationType,
  DecisionType,
  MeasureEvaluationType,
  MeasureTypeType,
  RecommendationType,
} from "../modules/measures/measure.type.js";
import { measureAsOf } from "../modules/measures/measure-reading.js";
import { findVisiblePerson } from "../modules/persons/person.service.js";
import { toPersonType } from "../modules/persons/person-lookup.js";
import { enrolmentsByIds } from "../modules/programmes/programme.repository.js";
import { ProgrammeParticipationType } from "../modules/programmes/programme.type.js";
import { conditionById } from "../modules/release/condition.repository.js";
import { ConditionTypeType, ReleaseConditionType } from "../modules/release/release.type.js";
import { reportsByIds } from "../modules/reports/report.repository.js";
import { readReports } from "../modules/reports/report-reading.js";
import { retentionItemsByIds } from "../modules/retention/retention.service.js";
import { RetentionItemType } from "../modules/retention/retention.type.js";
import { listingPeriodById, screeningById } from "../modules/screening/screening.repository.js";
import { ListingPeriodType, ScreeningType } from "../modules/screening/screening.type.js";
import { watchlistEntryById } from "../modules/screening/watchlist.repository.js";
import { WatchlistEntryType } from "../modules/screening/watchlist.type.js";
import { UserType } from "../modules/users/user.type.js";
import type { RequestContext } from "./context.js";
import { fromGlobalId } from "./global-id.js";
import { Node } from "./node.js";
import { Rule } from "./rule.js";

/**
 * `node(id:)` answers null for an unknown ID, a malformed one, and an object that belongs to a
 * person the actor may not see, so that it never reveals whether something exists.
 */
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global ID; null when unknown or not visible to you.",
  })
  @Rule("AUTHENTICATED")
  async node(
    @Arg("id", () => ID, { description: "Global ID." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node | null> {
    const actor = requirePurpose(ctx);
    const decoded = fromGlobalId(id);
    if (decoded === null) return null;
    const { uuid } = decoded;
    const tx = await ctx.tx.get();
    // A case record is returned only when the actor may read its data class of its person; the
    // read is audited with that class. Otherwise null, as for an unknown ID.
    const ifReadable = async <R extends { personId: string }, T>(
      record: R | null,
      dataClass: DataClass,
      map: (r: R, access: PersonAccess) => T,
      level: ClassLevel = "READ",
    ): Promise<T | null> => {
      if (record === null) return null;
      const visible = await loadVisiblePerson(ctx, record.personId);
      if (visible === null) return null;
      const access = accessFor(actor, visible.summary);
      if (!mayRead(access, dataClass, level)) return null;
      ctx.audit.read(record.personId, [dataClass], access.breakGlass);
      return map(record, access);
    };
    switch (decoded.type) {
      case "Person": {
        const visible = await findVisiblePerson(ctx, id);
        return visible === null ? null : toPersonType(ctx, visible);
      }
      case "DetentionEpisode":
        return ifReadable(await episodeById(tx, uuid), "DETENTION", DetentionEpisodeType.from);
      case "Placement":
        return ifReadable(await placementById(tx, uuid), "DETENTION", PlacementType.from);
      case "Screening":
        return ifReadable(await screeningById(tx, uuid), "LISTING", ScreeningType.from);
      case "ListingPeriod":
        return ifReadable(await listingPeriodById(tx, uuid), "LISTING", ListingPeriodType.from);
      case "InformationReport": {
        const [report] = await readReports(ctx, await reportsByIds(tx, [uuid]));
        return report ?? null;
      }
      case "RiskAssessment":
        return ifReadable(await assessmentById(tx, uuid), "CLINICAL", RiskAssessmentType.from, "SUMMARY");
      case "AssessmentInstrument": {
        const r = await ctx.loaders.instrument.load(uuid);
        return r === null ? null : AssessmentInstrumentType.from(r);
      }
      case "WatchlistEntry":
        return ifReadable(await watchlistEntryById(tx, uuid), "INTELLIGENCE", WatchlistEntryType.from);
      case "Establishment": {
        const r = await ctx.loaders.establishment.load(uuid);
        return r === null ? null : EstablishmentType.from(r);
      }
      case "EstablishmentUnit": {
        const r = await ctx.loaders.unit.load(uuid);
        return r === null ? null : EstablishmentUnitType.from(r);
      }
      case "Agency": {
        const r = await ctx.loaders.agency.load(uuid);
        return r === null ? null : AgencyType.from(r);
      }
      case "User": {
        const r = await ctx.loaders.user.load(uuid);
        return r === null ? null : UserType.from(r);
      }
      case "BreakGlassGrant": {
        const r = await grantById(tx, uuid);
        // Row-level security already limits grants to their user and to oversight.
        return r === null ? null : BreakGlassGrantType.from(r);
      }
      case "MeasureType": {
        const r = await ctx.loaders.measureType.load(uuid);
        return r === null ? null : MeasureTypeType.from(r);
      }
      case "Recommendation":
        return ifReadable(
          (await recommendationsByIds(tx, [uuid]))[0] ?? null,
          "MEASURES",
          RecommendationType.from,
        );
      case "Decision":
        return ifReadable((await decisionsByIds(tx, [uuid]))[0] ?? null, "MEASURES", DecisionType.from);
      case "Appeal":
        return ifReadable((await appealsByIds(tx, [uuid]))[0] ?? null, "MEASURES", AppealType.from);
      case "DecisionNotification":
        return ifReadable(await notificationById(tx, uuid), "MEASURES", DecisionNotificationType.from);
      case "MeasureEvaluation":
        return ifReadable(await evaluationById(tx, uuid), "MEASURES", MeasureEvaluationType.from);
      case "SecurityMeasure": {
        const found = await ifReadable(
          (await measuresByIds(tx, [uuid]))[0] ?? null,
          "MEASURES",
          (r, access) => ({
            r,
            access,
          }),
        );
        return found === null ? null : measureAsOf(ctx, found.r, ctx.today, found.access);
      }
      case "ProgrammeParticipation":
        return ifReadable(
          (await enrolmentsByIds(tx, [uuid]))[0] ?? null,
          "PROGRAMME",
          ProgrammeParticipationType.from,
          "SUMMARY",
        );
      case "DisengagementEvaluation":
        return ifReadable(
          await disengagementEvaluationById(tx, uuid),
          "INTELLIGENCE",
          DisengagementEvaluationType.from,
        );
      case "PrisonIncident":
        return ifReadable(await incidentById(tx, uuid), "OBSERVATIONS", PrisonIncidentType.from);
      // A local body's meetings and action items are its own (row-level security shows no other).
      case "LocalMeeting":
        return ownMeetingOf(ctx, uuid);
      case "ActionItem": {
        const [item] = await actionItemsByIds(tx, [uuid]);
        if (item === undefined) return null;
        await auditShown(ctx, [item.personId]);
        return ActionItemType.from(item, ctx.today);
      }
      case "FollowUpMeasureType": {
        const r = await ctx.loaders.followUpMeasureType.load(uuid);
        return r === null ? null : FollowUpMeasureTypeType.from(r);
      }
      // Follow-up records that are not nodes: read through their person or their meeting.
      case "MeetingDiscussion":
      case "FollowUpMeasure":
      case "CommonDatabaseEntry":
      case "CaseOutcome":
      case "CaseClosure":
        return null;
      case "RetentionItem": {
        if (!isDataProtectionOfficer(actor)) return null;
        const [item] = await retentionItemsByIds(ctx, [uuid]);
        if (item === undefined) return null;
        ctx.audit.record({
          operation: "READ",
          personId: item.item.personId,
          details: { node: "RetentionItem" },
        });
        return RetentionItemType.from(item.item, item.case);
      }
      case "ReleaseCondition":
        return ifReadable(await conditionById(tx, uuid), "RELEASE", (r, access) =>
          ReleaseConditionType.from(r, access, ctx.today),
        );
      case "ConditionType": {
        const r = await ctx.loaders.conditionType.load(uuid);
        return r === null ? null : ConditionTypeType.from(r);
      }
      // Release records that are not nodes: read through their episode or their condition.
      case "ReleaseDateOverride":
      case "ConditionBreach":
        return null;
      case "ImportJob": {
        const job = await findImportJob(ctx, id);
        return job === null ? null : ImportJobType.from(job);
      }
      case "ApiToken": {
        if (!isAdministrator(actor)) return null;
        const r = await findApiTokenById(tx, uuid);
        return r === null ? null : ApiTokenType.from(r);
      }
    }
  }
}
