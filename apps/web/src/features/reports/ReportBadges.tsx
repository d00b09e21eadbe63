import { useTranslations } from "next-intl";
import type { Classification, HandlingCode, SourceReliability } from "@/gql/graphql";
import { classificationTone, gradingCode, isRestrictiveHandling } from "./grading";

/**
 * A report's grade at a glance ("B2"); its meaning in the accessible name and the tooltip:
 * the source's reliability and the information's credibility, in the page's language.
 */
export function GradingBadge({
  reliability,
  credibility,
}: {
  reliability: SourceReliability;
  credibility: number;
}) {
  const t = useTranslations();
  const code = gradingCode(reliability, credibility);
  const label = t("grading.label", {
    code,
    reliability: t(`enums.sourceReliability.${reliability}`),
    credibility: t(`enums.credibility.${String(credibility) as "1"}`),
  });
  return (
    <span className="badge badge--grading" title={label}>
      <span aria-hidden="true">{code}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** The classification marking, written out (the colour only repeats it). */
export function ClassificationBadge({ classification }: { classification: Classification }) {
  const t = useTranslations();
  const name = t(`enums.classification.${classification}`);
  return (
    <span className={`badge badge--marking badge--${classificationTone(classification)}`}>
      <span aria-hidden="true">{name}</span>
      <span className="sr-only">{t("grading.classification", { classification: name })}</span>
    </span>
  );
}

/** The originator's handling code: how far the report may travel. */
export function HandlingBadge({ handling }: { handling: HandlingCode }) {
  const t = useTranslations();
  const name = t(`enums.handlingCode.${handling}`);
  return (
    <span
      className={`badge badge--marking ${isRestrictiveHandling(handling) ? "badge--warning" : "badge--neutral"}`}
    >
      <span aria-hidden="true">{name}</span>
      <span className="sr-only">{t("grading.handling", { handling: name })}</span>
    </span>
  );
}

/** Grade, classification and handling code together, as every list of reports shows them. */
export function ReportMarkings({
  report,
}: {
  report: {
    sourceReliability: SourceReliability;
    informationCredibility: number;
    classification: Classification;
    handlingCode: HandlingCode;
  };
}) {
  return (
    <span className="markings">
      <GradingBadge reliability={report.sourceReliability} credibility={report.informationCredibility} />
      <ClassificationBadge classification={report.classification} />
      <HandlingBadge handling={report.handlingCode} />
    </span>
  );
}
