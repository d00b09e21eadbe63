import { useTranslations } from "next-intl";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import type { CaseFilePersonFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";

/** The open detention episode and where the person has been held. */
export function DetentionSection({ person, locale }: { person: CaseFilePersonFragment; locale: Locale }) {
  const t = useTranslations("caseFile.detention");
  const common = useTranslations("common");
  const tEnums = useTranslations("enums");
  const episode = person.currentEpisode;
  const placements = person.placements ?? [];
  const dateOrNone = (iso: string | null) => (iso ? <DateText iso={iso} /> : common("notRecorded"));
  return (
    <section aria-labelledby="detention-heading" className="card">
      <h2 id="detention-heading">{t("heading")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("status")}</dt>
          <dd>
            {person.detentionStatus
              ? tEnums(`detentionStatus.${person.detentionStatus}`)
              : common("notRecorded")}
          </dd>
        </div>
      </dl>
      <h3>{t("currentEpisode")}</h3>
      {episode ? (
        <dl className="facts">
          <div>
            <dt>{t("admittedOn")}</dt>
            <dd>
              <DateText iso={episode.admittedOn} />
            </dd>
          </div>
          <div>
            <dt>{t("legalStatus")}</dt>
            <dd>{tEnums(`legalStatus.${episode.legalStatus}`)}</dd>
          </div>
          <div>
            <dt>{t("sentence")}</dt>
            <dd>
              {episode.sentenceMonths !== null
                ? t("sentenceMonths", { months: episode.sentenceMonths })
                : common("notRecorded")}
            </dd>
          </div>
          <div>
            <dt>{t("conditionalReleaseEligibleOn")}</dt>
            <dd>{dateOrNone(episode.conditionalReleaseEligibleOn)}</dd>
          </div>
          <div>
            <dt>{t("endOfSentenceOn")}</dt>
            <dd>{dateOrNone(episode.endOfSentenceOn)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("noEpisode")}</p>
      )}
      {placements.length === 0 ? (
        <p className="muted">{t("noPlacements")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("placements")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("from")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("establishment")}</th>
                <th scope="col">{t("unit")}</th>
                <th scope="col">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {placements.map((placement) => (
                <tr key={placement.id}>
                  <td>
                    <DateText iso={placement.validFrom} />
                  </td>
                  <td>{placement.validTo ? <DateText iso={placement.validTo} /> : t("ongoing")}</td>
                  <th scope="row">{establishmentLabel(placement.establishment, locale)}</th>
                  <td>{placement.unit ? tEnums(`unitKind.${placement.unit.kind}`) : t("ordinaryRegime")}</td>
                  <td>{placement.reason ?? common("notRecorded")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
