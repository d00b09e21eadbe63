import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DateText, useIsoDate } from "@/features/i18n/DateText";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import type { CaseFilePersonFragment } from "@/gql/graphql";

/**
 * When the next CelEx screening is due and where that stands today, who is responsible for it,
 * and the latest screenings with their reasons and sources.
 */
export function ScreeningSection({ person }: { person: CaseFilePersonFragment }) {
  const t = useTranslations("caseFile.screening");
  const tEnums = useTranslations("enums");
  const formatDate = useIsoDate();
  const screenings = person.screenings?.edges.map((edge) => edge.node) ?? [];
  const time = (iso: string) => (chunks: ReactNode) => <time dateTime={iso}>{chunks}</time>;
  return (
    <section aria-labelledby="screening-heading" className="card">
      <h2 id="screening-heading">{t("heading")}</h2>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t("nextDue")}</dt>
          <dd className="due">
            {person.nextScreeningDueOn ? (
              <>
                <DateText iso={person.nextScreeningDueOn} long />
                {person.screeningState ? <ScreeningStateBadge state={person.screeningState} /> : null}
              </>
            ) : (
              <span className="muted">{t("notDue")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("responsible")}</dt>
          <dd>
            {person.screeningResponsible?.displayName ?? <span className="muted">{t("unassigned")}</span>}
          </dd>
        </div>
      </dl>
      <h3>{t("recent")}</h3>
      {screenings.length === 0 ? (
        <p className="muted">{t("noScreenings")}</p>
      ) : (
        <ol className="screening-list" aria-label={t("recent")}>
          {screenings.map((s) => (
            <li key={s.id}>
              <p className="screening-list__what">
                {s.category
                  ? t.rich("withCategory", {
                      date: formatDate(s.screenedOn),
                      outcome: tEnums(`screeningOutcome.${s.outcome}`),
                      category: s.category,
                      time: time(s.screenedOn),
                    })
                  : t.rich("screening", {
                      date: formatDate(s.screenedOn),
                      outcome: tEnums(`screeningOutcome.${s.outcome}`),
                      time: time(s.screenedOn),
                    })}
              </p>
              <p className="screening-list__rationale">{s.rationale}</p>
              <p className="small muted">
                {t("sources")}: {s.sources.map((source) => tEnums(`screeningSource.${source}`)).join(", ")}
                {s.recordedBy ? ` · ${t("by", { name: s.recordedBy.displayName })}` : null}
              </p>
              {s.sourceReports && s.sourceReports.length > 0 ? (
                <p className="small muted">
                  {t("basedOn")}: {s.sourceReports.map((r) => r.title).join("; ")}
                </p>
              ) : null}
              {s.nextDueOn ? (
                <p className="small muted">
                  {t.rich("nextDueSet", { date: formatDate(s.nextDueOn), time: time(s.nextDueOn) })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
