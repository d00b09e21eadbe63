import { useTranslations } from "next-intl";
import { DateText } from "@/features/i18n/DateText";
import { ScreeningStateBadge } from "@/features/screening/ScreeningStateBadge";
import type { CaseFilePersonFragment } from "@/gql/graphql";

/** When the next CelEx screening is due and where that stands today. */
export function ScreeningSection({ person }: { person: CaseFilePersonFragment }) {
  const t = useTranslations("caseFile.screening");
  return (
    <section aria-labelledby="screening-heading" className="card">
      <h2 id="screening-heading">{t("heading")}</h2>
      {person.nextScreeningDueOn ? (
        <dl className="facts">
          <div>
            <dt>{t("nextDue")}</dt>
            <dd className="due">
              <DateText iso={person.nextScreeningDueOn} long />
              {person.screeningState ? <ScreeningStateBadge state={person.screeningState} /> : null}
            </dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("notDue")}</p>
      )}
    </section>
  );
}
