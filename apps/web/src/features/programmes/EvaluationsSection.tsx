import { useTranslations } from "next-intl";
import type { DisengagementEvaluationRowFragment } from "@/gql/graphql";
import { DateText, useIsoDate } from "../i18n/DateText";
import { DisengagementLevelBadge } from "./badges";
import { EvaluationForm } from "./EvaluationForm";

/**
 * The threat-analysis body's evaluations of signs of disengagement (INTELLIGENCE data), newest
 * first, with the stage of the case that day; its form where the viewer may record.
 */
export function EvaluationsSection({
  personId,
  evaluations,
  asOf,
  form,
}: {
  personId: string;
  evaluations: readonly DisengagementEvaluationRowFragment[];
  asOf: string | null;
  form: { today: string; returnTo: string } | null;
}) {
  const t = useTranslations("evaluations");
  const tForms = useTranslations("programmeForms");
  const tStage = useTranslations("enums.caseStage");
  const formatDate = useIsoDate();
  return (
    <section aria-labelledby="evaluations-heading" className="card" id="evaluations">
      <h2 id="evaluations-heading">{t("heading")}</h2>
      {asOf ? <p className="notice">{t("asOf", { date: formatDate(asOf) })}</p> : null}
      {form ? (
        <details className="form-disclosure">
          <summary>{tForms("evaluation.open")}</summary>
          <EvaluationForm personId={personId} today={form.today} returnTo={form.returnTo} />
        </details>
      ) : null}
      {evaluations.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ol className="report-list">
          {evaluations.map((e) => (
            <li key={e.id}>
              <article className="report" aria-label={t("itemLabel", { date: formatDate(e.evaluatedOn) })}>
                <p className="report__header">
                  <DateText iso={e.evaluatedOn} /> <DisengagementLevelBadge level={e.level} />{" "}
                  <span className="small muted">{tStage(e.stage)}</span>
                </p>
                <p className="report__label">{t("rationale")}</p>
                <p className="report__body">{e.rationale}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
