import { useTranslations } from "next-intl";
import type {
  DecisionRowFragment,
  MeasureRowFragment,
  MeasureTypeRulesFragment,
  RecommendationRowFragment,
} from "@/gql/graphql";
import { useIsoDate } from "../i18n/DateText";
import { DecisionItem } from "./DecisionItem";
import type { DecisionForms } from "./decision-capabilities";
import { ImposeForm } from "./ImposeForm";
import { MeasureCard, type MeasureForms } from "./MeasureCard";
import type { Decider } from "./measure-rules";
import type { PlaceOption } from "./places";
import { RecommendationArticle } from "./RecommendationArticle";
import { type EvidenceAssessment, type EvidenceReport, RecommendationForm } from "./RecommendationForm";
import { splitMeasures } from "./standing";

/** What the forms of the section need, loaded only when the viewer may record something. */
export interface DecisionsFormContext {
  forms: DecisionForms;
  decider: Decider;
  types: readonly MeasureTypeRulesFragment[];
  places: readonly PlaceOption[];
  current: { establishmentId: string; unitId: string | null; label: string } | null;
  reports: readonly EvidenceReport[];
  assessments: readonly EvidenceAssessment[] | null;
  today: string;
  returnTo: string;
}

/**
 * The case file's "Decisions and measures" (MEASURES data): the measures in force on the case
 * file's day (or today) with their legal basis, end, review and evaluations, the earlier ones;
 * every decision with its reasons, decider, notices and appeals; CelEx's recommendations with the
 * evidence they cite and their decision. Forms where the viewer may record — never on a past day.
 */
export function DecisionsSection({
  personId,
  measures,
  decisions,
  recommendations,
  asOf,
  today,
  assessmentsShown,
  context,
}: {
  personId: string;
  measures: readonly MeasureRowFragment[];
  decisions: readonly DecisionRowFragment[];
  recommendations: readonly RecommendationRowFragment[];
  /** The case file's day, when not today: the measures as they stood then, and no forms. */
  asOf: string | null;
  today: string;
  assessmentsShown: boolean;
  context: DecisionsFormContext | null;
}) {
  const t = useTranslations("caseFile.decisions");
  const tForms = useTranslations("decisionForms");
  const formatDate = useIsoDate();
  const { current, ended } = splitMeasures(measures);
  const forms = asOf === null ? context : null;
  const measureForms: MeasureForms | null = forms
    ? {
        decider: forms.decider,
        review: forms.forms.review,
        evaluate: forms.forms.evaluate,
        today: forms.today,
        returnTo: forms.returnTo,
      }
    : null;
  const notices = forms?.forms.notice === true ? { today: forms.today, returnTo: forms.returnTo } : null;
  return (
    <section aria-labelledby="decisions-heading" className="card" id="decisions">
      <h2 id="decisions-heading">{t("heading")}</h2>
      {asOf ? <p className="notice">{t("asOf", { date: formatDate(asOf) })}</p> : null}

      <h3>{t("current")}</h3>
      {current.length === 0 ? (
        <p className="muted">{t("noCurrent")}</p>
      ) : (
        <ul className="report-list">
          {current.map((m) => (
            <li key={m.id}>
              <MeasureCard measure={m} forms={measureForms} />
            </li>
          ))}
        </ul>
      )}
      {forms?.forms.impose ? (
        <details className="form-disclosure">
          <summary>{tForms("impose.open")}</summary>
          <ImposeForm
            personId={personId}
            types={forms.types}
            decider={forms.decider}
            today={forms.today}
            returnTo={forms.returnTo}
          />
        </details>
      ) : null}
      {ended.length > 0 ? (
        <>
          <h3>{t("ended")}</h3>
          <ul className="report-list">
            {ended.map((m) => (
              <li key={m.id}>
                <MeasureCard measure={m} forms={null} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t("decisions")}</h3>
      {decisions.length === 0 ? (
        <p className="muted">{t("noDecisions")}</p>
      ) : (
        <ol className="report-list">
          {decisions.map((d) => (
            <li key={d.id}>
              <DecisionItem decision={d} today={today} notices={notices} />
            </li>
          ))}
        </ol>
      )}

      <h3>{t("recommendations")}</h3>
      {forms?.forms.recommend ? (
        <details className="form-disclosure">
          <summary>{tForms("recommendation.open")}</summary>
          <RecommendationForm
            personId={personId}
            types={forms.types}
            places={forms.places}
            current={forms.current}
            reports={forms.reports}
            assessments={forms.assessments}
            today={forms.today}
            returnTo={forms.returnTo}
          />
        </details>
      ) : null}
      {recommendations.length === 0 ? (
        <p className="muted">{t("noRecommendations")}</p>
      ) : (
        <ol className="report-list">
          {recommendations.map((r) => (
            <li key={r.id}>
              <RecommendationArticle recommendation={r} assessmentsShown={assessmentsShown} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
