import { useTranslations } from "next-intl";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import type { TimelineItemFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { timelineNewestFirst } from "./timeline";

/** Admissions, transfers, releases, screenings and listing changes: an ordered list, newest first. */
export function Timeline({ events, locale }: { events: readonly TimelineItemFragment[]; locale: Locale }) {
  const t = useTranslations("caseFile.timeline");
  const tEnums = useTranslations("enums");
  const entries = timelineNewestFirst(events, {
    establishment: (e) => establishmentLabel(e, locale),
    unitKind: (kind) => tEnums(`unitKind.${kind}`),
    category: (category) => category,
    outcome: (outcome) => tEnums(`screeningOutcome.${outcome}`),
    releaseType: (type) => tEnums(`releaseType.${type}`),
  });
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">
        {t("heading")} <span className="heading-note">({t("order")})</span>
      </h2>
      {entries.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ol className="timeline" aria-labelledby="timeline-heading">
          {entries.map((entry) => (
            <li key={entry.key} className={`timeline__item timeline__item--${entry.kind.toLowerCase()}`}>
              <p className="timeline__date">
                <DateText iso={entry.occurredOn} />
              </p>
              <p className="timeline__kind">{tEnums(`timelineKind.${entry.kind}`)}</p>
              <p className="timeline__text">{t(entry.message, entry.values)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
