import { useTranslations } from "next-intl";
import { DateText } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import type { InformationCardFieldsFragment } from "@/gql/graphql";
import { MeasuresToKnowList } from "./MeasuresToKnowList";

/**
 * The information card: the fixed, short, unclassified extract every actor who sees the case may
 * read, and all a local cell gets. Its contact is whom to ask for anything more.
 */
export function InformationCardSection({ card }: { card: InformationCardFieldsFragment }) {
  const t = useTranslations("caseFile.card");
  const common = useTranslations("common");
  const tEnums = useTranslations("enums");
  return (
    <section aria-labelledby="card-heading" className="card">
      <h2 id="card-heading">{t("heading")}</h2>
      <p className="muted">{t("intro")}</p>
      <dl className="facts">
        <div>
          <dt>{t("name")}</dt>
          <dd>
            {card.familyName}, {card.givenNames}
          </dd>
        </div>
        <div>
          <dt>{t("dateOfBirth")}</dt>
          <dd>
            <DateText iso={card.dateOfBirth} long />
          </dd>
        </div>
        <div>
          <dt>{t("sex")}</dt>
          <dd>{tEnums(`sex.${card.sex}`)}</dd>
        </div>
        <div>
          <dt>{t("category")}</dt>
          <dd>{card.category ? <CategoryBadge category={card.category} /> : t("notListed")}</dd>
        </div>
        <div>
          <dt>{t("detentionStatus")}</dt>
          <dd>{tEnums(`detentionStatus.${card.detentionStatus}`)}</dd>
        </div>
        <div>
          <dt>{t("threatLevel")}</dt>
          <dd>
            {card.threatLevel !== null
              ? t("threatLevelValue", { level: card.threatLevel })
              : common("notRecorded")}
          </dd>
        </div>
        <div>
          <dt>{t("photo")}</dt>
          <dd>{card.photoReference ?? common("notRecorded")}</dd>
        </div>
        <div>
          <dt>{t("responsibleAgency")}</dt>
          <dd>
            {card.responsibleAgency ? card.responsibleAgency.name : common("notRecorded")}
            {card.contactEmail ? (
              <>
                <br />
                <a href={`mailto:${card.contactEmail}`}>{card.contactEmail}</a>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      <h3>{t("measures")}</h3>
      {card.measuresToKnow.length === 0 ? (
        <p className="muted">{common("none")}</p>
      ) : (
        <MeasuresToKnowList measures={card.measuresToKnow} />
      )}
    </section>
  );
}
