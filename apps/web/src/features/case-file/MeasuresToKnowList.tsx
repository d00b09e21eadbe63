import { useLocale, useTranslations } from "next-intl";
import { DateText } from "@/features/i18n/DateText";
import { nameInLocale } from "@/features/i18n/localized-name";
import type { MeasureToKnowItemFragment } from "@/gql/graphql";

/** The conditions and follow-up measures a local actor must know, in the page's language. */
export function MeasuresToKnowList({
  measures,
  className,
}: {
  measures: readonly MeasureToKnowItemFragment[];
  className?: string;
}) {
  const locale = useLocale();
  const t = useTranslations("caseFile.card");
  return (
    <ul className={className}>
      {measures.map((measure) => (
        <li key={`${measure.code}-${measure.since}`}>
          {t.rich("measureSince", {
            name: nameInLocale(measure, locale),
            since: () => <DateText iso={measure.since} />,
          })}
        </li>
      ))}
    </ul>
  );
}
