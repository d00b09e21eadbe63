import { useTranslations } from "next-intl";
import type { CaseAccessFieldsFragment } from "@/gql/graphql";

/** What the user may see of this case and why: tier, stage, and each data class with its level. */
export function AccessPanel({ access }: { access: CaseAccessFieldsFragment }) {
  const t = useTranslations("caseFile.access");
  const tEnums = useTranslations("enums");
  return (
    <section aria-labelledby="access-heading" className="card">
      <h2 id="access-heading">{t("heading")}</h2>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t("tier")}</dt>
          <dd>{tEnums(`tier.${access.tier}`)}</dd>
        </div>
        <div>
          <dt>{t("stage")}</dt>
          <dd>{tEnums(`caseStage.${access.stage}`)}</dd>
        </div>
        <div>
          <dt>{t("classes")}</dt>
          <dd>
            {access.classes.length === 0 ? (
              t("cardOnly")
            ) : (
              <ul className="plain-list">
                {access.classes.map((c) => (
                  <li key={c.dataClass}>
                    {t("classLevel", {
                      dataClass: tEnums(`dataClass.${c.dataClass}`),
                      level: tEnums(`classLevel.${c.level}`),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
