import { useTranslations } from "next-intl";
import type { MeasureTypeRulesFragment } from "@/gql/graphql";

/**
 * A measure type's rules, as data from the API: what it consists of, its legal basis, who may
 * impose and prolong it and for how long, how soon it must be reviewed, which evaluations it
 * requires.
 */
export function MeasureTypeRules({ type, id }: { type: MeasureTypeRulesFragment; id?: string }) {
  const t = useTranslations("decisionForms.rules");
  const tEnums = useTranslations("enums");
  const allowance = (a: { agencyKind: string; role: string; maxMonths: number }) =>
    t("allowance", {
      agency: tEnums(`agencyKind.${a.agencyKind as "PRISON"}`),
      role: tEnums(`role.${a.role as "DIRECTOR"}`),
      months: a.maxMonths,
    });
  return (
    <div className="rules" id={id}>
      <p className="rules__title">{t("heading")}</p>
      <dl className="facts facts--stacked rules__facts">
        <div>
          <dt>{t("description")}</dt>
          <dd lang="en">{type.description}</dd>
        </div>
        <div>
          <dt>{t("legalBasis")}</dt>
          <dd>{type.legalBasis}</dd>
        </div>
        <div>
          <dt>{t("impose")}</dt>
          <dd>
            <ul className="plain-list">
              {type.impose.map((a) => (
                <li key={`${a.agencyKind}-${a.role}`}>{allowance(a)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t("prolong")}</dt>
          <dd>
            {type.prolong.length === 0 ? (
              t("noProlong")
            ) : (
              <ul className="plain-list">
                {type.prolong.map((a) => (
                  <li key={`${a.agencyKind}-${a.role}`}>{allowance(a)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("review")}</dt>
          <dd>{t("reviewWithin", { months: type.reviewWithinMonths })}</dd>
        </div>
        <div>
          <dt>{t("evaluations")}</dt>
          <dd>
            {type.evaluations.length === 0 ? (
              t("noEvaluations")
            ) : (
              <ul className="plain-list">
                {type.evaluations.map((e) => (
                  <li key={`${e.agencyKind}-${e.role}`}>
                    {t("evaluation", {
                      agency: tEnums(`agencyKind.${e.agencyKind as "PRISON"}`),
                      role: tEnums(`role.${e.role as "DIRECTOR"}`),
                      days: e.everyDays,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
