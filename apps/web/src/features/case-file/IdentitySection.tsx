import { useTranslations } from "next-intl";
import { countryName } from "@/features/i18n/countries";
import { useIsoDate } from "@/features/i18n/DateText";
import type { CaseFilePersonFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";

/** Who the person is (fictional): names, birth, sex, nationalities, community, travel, ideology. */
export function IdentitySection({ person, locale }: { person: CaseFilePersonFragment; locale: Locale }) {
  const t = useTranslations("caseFile.identity");
  const common = useTranslations("common");
  const tEnums = useTranslations("enums");
  const formatDate = useIsoDate();
  const yesNo = (value: boolean | null | undefined) =>
    value === null || value === undefined ? common("notRecorded") : value ? common("yes") : common("no");
  const { dateOfBirth, age } = person;
  const nationalities = (person.nationalities ?? []).map(
    (code) => countryName(code, locale) ?? common("notRecorded"),
  );
  return (
    <section aria-labelledby="identity-heading" className="card">
      <h2 id="identity-heading">{t("heading")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("name")}</dt>
          <dd>
            {person.familyName}, {person.givenNames}
          </dd>
        </div>
        <div>
          <dt>{t("aliases")}</dt>
          <dd>{person.aliases && person.aliases.length > 0 ? person.aliases.join(", ") : common("none")}</dd>
        </div>
        <div>
          <dt>{t("dateOfBirth")}</dt>
          <dd>
            {dateOfBirth
              ? age !== null && age !== undefined
                ? t.rich("dateOfBirthValue", {
                    date: formatDate(dateOfBirth, true),
                    age,
                    time: (chunks) => <time dateTime={dateOfBirth}>{chunks}</time>,
                  })
                : formatDate(dateOfBirth, true)
              : common("notRecorded")}
          </dd>
        </div>
        <div>
          <dt>{t("sex")}</dt>
          <dd>{person.sex ? tEnums(`sex.${person.sex}`) : common("notRecorded")}</dd>
        </div>
        <div>
          <dt>{t("nationalities")}</dt>
          <dd>{nationalities.length > 0 ? nationalities.join(", ") : common("notRecorded")}</dd>
        </div>
        <div>
          <dt>{t("languageCommunity")}</dt>
          <dd>
            {person.languageCommunity
              ? tEnums(`languageCommunity.${person.languageCommunity}`)
              : common("notRecorded")}
          </dd>
        </div>
        <div>
          <dt>{t("returnee")}</dt>
          <dd>{yesNo(person.returnee)}</dd>
        </div>
        <div>
          <dt>{t("failedTraveller")}</dt>
          <dd>{yesNo(person.failedTraveller)}</dd>
        </div>
        <div>
          <dt>{t("ideology")}</dt>
          <dd>{person.ideology ? tEnums(`ideology.${person.ideology}`) : common("notRecorded")}</dd>
        </div>
      </dl>
    </section>
  );
}
