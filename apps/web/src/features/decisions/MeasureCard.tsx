import { useLocale, useTranslations } from "next-intl";
import type { MeasureRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { establishmentLabel } from "../establishments/establishment-label";
import { DateText, useIsoDate } from "../i18n/DateText";
import { ScreeningStateBadge } from "../screening/ScreeningStateBadge";
import { MeasureStatusBadge } from "./badges";
import { type Decider, evaluatedBy, mayReview } from "./measure-rules";
import { EvaluationForm } from "./NoticeForms";
import { useMeasureTypeName } from "./names";
import { ReviewForm } from "./ReviewForm";
import { dueStateOf, reviewState } from "./standing";

/** What the viewer may record on a measure here (null: nothing). */
export interface MeasureForms {
  decider: Decider;
  review: boolean;
  evaluate: boolean;
  today: string;
  returnTo: string;
}

/**
 * One measure as it stood on the case file's day: type and status, legal basis, from when, when it
 * lapses (or was lifted), the next review (overdue highlighted), its terms, the evaluations its type
 * requires and when they are due, and those recorded. The forms to review or evaluate it, where
 * the viewer may and the measure is in force.
 */
export function MeasureCard({ measure, forms }: { measure: MeasureRowFragment; forms: MeasureForms | null }) {
  const t = useTranslations("caseFile.decisions");
  const tEnums = useTranslations("enums");
  const tForms = useTranslations("decisionForms");
  const locale = useLocale() as Locale;
  const formatDate = useIsoDate();
  const typeName = useMeasureTypeName();
  const review = reviewState(measure);
  const headingId = `measure-${measure.id}`;
  const type = measure.measureType;
  const active = measure.status === "ACTIVE";
  const canReview = forms?.review === true && active && type !== null && mayReview(type, forms.decider);
  const canEvaluate = forms?.evaluate === true && active && type !== null && evaluatedBy(type, forms.decider);
  return (
    <article
      className={measure.reviewOverdue ? "measure measure--overdue" : "measure"}
      aria-labelledby={headingId}
      id={`m-${measure.id}`}
    >
      <div className="report__header">
        <h4 id={headingId}>{typeName(type)}</h4>
        <MeasureStatusBadge status={measure.status} />
      </div>
      <dl className="facts facts--report">
        <div>
          <dt>{t("startsOn")}</dt>
          <dd>
            <DateText iso={measure.startsOn} />
          </dd>
        </div>
        <div>
          <dt>{measure.liftedOn ? t("liftedOn") : t("endsOn")}</dt>
          <dd>
            <DateText iso={measure.liftedOn ?? measure.endsOn} />
          </dd>
        </div>
        <div>
          <dt>{t("nextReview")}</dt>
          <dd className="due">
            {measure.nextReviewOn && active ? (
              <>
                <DateText iso={measure.nextReviewOn} />
                {review ? <ScreeningStateBadge state={review} /> : null}
              </>
            ) : (
              <span className="muted">{t("noReview")}</span>
            )}
          </dd>
        </div>
        {measure.establishment ? (
          <div>
            <dt>{t("establishment")}</dt>
            <dd>{establishmentLabel(measure.establishment, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <span className="report__label">{t("legalBasis")}:</span> {measure.legalBasis}
      </p>
      <p>
        <span className="report__label">{t("terms")}:</span>{" "}
        {measure.terms ?? <span className="muted">{t("noTerms")}</span>}
      </p>
      {measure.evaluationsDue.length > 0 ? (
        <>
          <p className="report__label">{t("evaluationsDue")}</p>
          <ul className="plain-list">
            {measure.evaluationsDue.map((e) => (
              <li key={`${e.agencyKind}-${e.role}`} className="due">
                {t("evaluationDue", {
                  service: `${tEnums(`agencyKind.${e.agencyKind}`)}, ${tEnums(`role.${e.role}`)}`,
                  date: formatDate(e.dueOn),
                })}{" "}
                <ScreeningStateBadge state={e.overdue ? "OVERDUE" : dueStateOf(e.dueOn, measure.asOf)} />
                <span className="small muted">
                  {" "}
                  (
                  {e.lastEvaluatedOn
                    ? t("lastEvaluated", { date: formatDate(e.lastEvaluatedOn) })
                    : t("neverEvaluated")}
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {measure.evaluations.length > 0 ? (
        <>
          <p className="report__label">{t("evaluations")}</p>
          <ul className="plain-list">
            {measure.evaluations.map((e) => (
              <li key={e.id}>
                {t("evaluation", {
                  date: formatDate(e.evaluatedOn),
                  advice: tEnums(`measureAdvice.${e.advice}`),
                })}
                <span className="block small">{e.summary}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canReview && forms ? (
        <details className="form-disclosure">
          <summary>{tForms("review.open")}</summary>
          <ReviewForm
            measure={{
              id: measure.id,
              version: measure.version,
              startsOn: measure.startsOn,
              endsOn: measure.endsOn,
              terms: measure.terms,
              measureType: measure.measureType,
            }}
            decider={forms.decider}
            today={forms.today}
            returnTo={forms.returnTo}
          />
        </details>
      ) : null}
      {canEvaluate && forms ? (
        <details className="form-disclosure">
          <summary>{tForms("evaluation.open")}</summary>
          <EvaluationForm
            measure={{ id: measure.id, startsOn: measure.startsOn }}
            today={forms.today}
            returnTo={forms.returnTo}
          />
        </details>
      ) : null}
    </article>
  );
}
