import { useTranslations } from "next-intl";
import { DateText } from "@/features/i18n/DateText";
import type { CaseFilePersonFragment } from "@/gql/graphql";

/** Releases (RELEASE data, on the detention episodes): when, how, and where the person went. */
export function ReleaseSection({ person }: { person: CaseFilePersonFragment }) {
  const t = useTranslations("caseFile.release");
  const common = useTranslations("common");
  const tEnums = useTranslations("enums");
  const released = (person.detentionEpisodes ?? []).filter((episode) => episode.releasedOn !== null);
  return (
    <section aria-labelledby="release-heading" className="card">
      <h2 id="release-heading">{t("heading")}</h2>
      {released.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("releasedOn")}</th>
                <th scope="col">{t("releaseType")}</th>
                <th scope="col">{t("municipality")}</th>
                <th scope="col">{t("district")}</th>
              </tr>
            </thead>
            <tbody>
              {released.map((episode) => (
                <tr key={episode.id}>
                  <th scope="row">{episode.releasedOn ? <DateText iso={episode.releasedOn} /> : null}</th>
                  <td>
                    {episode.releaseType
                      ? tEnums(`releaseType.${episode.releaseType}`)
                      : common("notRecorded")}
                  </td>
                  <td>{episode.releaseMunicipality ?? common("notRecorded")}</td>
                  <td>
                    {episode.releaseJudicialDistrict
                      ? tEnums(`judicialDistrict.${episode.releaseJudicialDistrict}`)
                      : common("notRecorded")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
