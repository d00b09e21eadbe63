import { useLocale, useTranslations } from "next-intl";
import { nameInLocale } from "@/features/i18n/localized-name";
import type { CaseReleaseQuery, ReleaseConditionRowFragment } from "@/gql/graphql";
import { DateText, useIsoDate } from "../i18n/DateText";
import { BreachForm } from "./BreachForm";
import { ConditionImposeForm } from "./ConditionImposeForm";
import { ConditionStatusBadge } from "./ConditionStatusBadge";
import type { ConditionChoices } from "./ConditionTermsFields";
import { HandOverForm } from "./HandOverForm";
import { LiftForm } from "./LiftForm";
import { currentResidence, type ReleaseForms } from "./release-rules";

type ReleasePerson = NonNullable<CaseReleaseQuery["person"]>;

/**
 * After release: the conditions on the case file's day with their status, supervising agency and
 * breaches (RELEASE); where the person lived (RELEASE) and which local bodies were responsible.
 * Forms: a breach and lifting for supervisors (CONDITION_SUPERVISE), who also impose a condition
 * after the release (`impose`: only after a release with conditions), the hand-over (HAND_OVER).
 */
export function ReleaseFollowUpSection({
  personId,
  conditions,
  residences,
  responsibilities,
  asOf,
  forms,
  impose,
  context,
}: {
  personId: string;
  /** Null where the viewer does not read RELEASE on this case. */
  conditions: readonly ReleaseConditionRowFragment[] | null;
  residences: ReleasePerson["residences"] | null;
  responsibilities: NonNullable<ReleasePerson["responsibilities"]>;
  asOf: string | null;
  forms: ReleaseForms;
  /** Where a supervisor may impose a condition: the release it follows and what to choose from. */
  impose: { releasedOn: string | null; choices: ConditionChoices } | null;
  context: { municipalities: readonly string[]; today: string; returnTo: string } | null;
}) {
  const t = useTranslations("release.followUp");
  const tForms = useTranslations("release.forms");
  const tEnums = useTranslations("enums");
  const common = useTranslations("common");
  const locale = useLocale();
  const formatDate = useIsoDate();
  const shown = (conditions ?? []).filter((c) => c.status === "ACTIVE" || c.status === "ENDED");
  const residence = currentResidence(residences ?? null);
  return (
    <section aria-labelledby="release-follow-up-heading" className="card" id="release-follow-up">
      <h2 id="release-follow-up-heading">{t("heading")}</h2>
      {asOf ? <p className="notice">{t("asOf", { date: formatDate(asOf) })}</p> : null}

      {conditions !== null ? (
        <>
          <h3 id="release-conditions-heading">{t("conditionsHeading")}</h3>
          {shown.length === 0 ? (
            <p className="muted">{t("noConditions")}</p>
          ) : (
            <ol className="report-list" aria-labelledby="release-conditions-heading">
              {shown.map((c) => {
                const name = nameInLocale(c.type, locale);
                const headingId = `condition-${c.id}`.replace(/[^A-Za-z0-9_-]/g, "_");
                const breaches = c.breaches ?? [];
                return (
                  <li key={c.id}>
                    <article className="report" aria-labelledby={headingId}>
                      <h4 id={headingId}>
                        {name} <ConditionStatusBadge status={c.status} />
                      </h4>
                      <dl className="facts">
                        <div>
                          <dt>{t("agency")}</dt>
                          <dd>{c.supervisingAgency?.name ?? common("notRecorded")}</dd>
                        </div>
                        <div>
                          <dt>{t("since")}</dt>
                          <dd>{c.imposedOn ? <DateText iso={c.imposedOn} /> : common("notRecorded")}</dd>
                        </div>
                        <div>
                          <dt>{t("until")}</dt>
                          <dd>
                            {c.liftedOn ? (
                              t("liftedOn", { date: formatDate(c.liftedOn), reason: c.liftReason ?? "—" })
                            ) : c.endsOn ? (
                              <DateText iso={c.endsOn} />
                            ) : (
                              t("untilProbationEnds")
                            )}
                          </dd>
                        </div>
                        {c.details ? (
                          <div>
                            <dt>{t("details")}</dt>
                            <dd>{c.details}</dd>
                          </div>
                        ) : null}
                      </dl>
                      {breaches.length === 0 ? (
                        <p className="small muted">{t("noBreach")}</p>
                      ) : (
                        <div className="table-scroll">
                          <table className="data-table data-table--compact">
                            <caption>{t("breachesCaption", { type: name, count: breaches.length })}</caption>
                            <thead>
                              <tr>
                                <th scope="col">{t("breachColumns.occurredOn")}</th>
                                <th scope="col">{t("breachColumns.description")}</th>
                                <th scope="col">{t("breachColumns.response")}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {breaches.map((b) => (
                                <tr key={b.id}>
                                  <th scope="row">
                                    <DateText iso={b.occurredOn} />
                                  </th>
                                  <td>{b.description}</td>
                                  <td>{b.response ?? common("none")}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      )}
                      {context && forms.supervise && c.status === "ACTIVE" ? (
                        <>
                          <details className="form-disclosure">
                            <summary>{tForms("breach.open", { type: name })}</summary>
                            <BreachForm condition={c} today={context.today} returnTo={context.returnTo} />
                          </details>
                          <details className="form-disclosure">
                            <summary>{tForms("lift.open", { type: name })}</summary>
                            <LiftForm condition={c} today={context.today} returnTo={context.returnTo} />
                          </details>
                        </>
                      ) : null}
                    </article>
                  </li>
                );
              })}
            </ol>
          )}
          {context && forms.supervise && impose ? (
            <details className="form-disclosure">
              <summary>{tForms("impose.open")}</summary>
              <ConditionImposeForm
                personId={personId}
                releasedOn={impose.releasedOn}
                choices={impose.choices}
                today={context.today}
                returnTo={context.returnTo}
              />
            </details>
          ) : null}
        </>
      ) : null}

      {residences ? (
        <>
          <h3>{t("residencesHeading")}</h3>
          {residences.length === 0 ? (
            <p className="muted">{t("noResidence")}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table data-table--compact">
                <caption>{t("residencesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("residenceColumns.from")}</th>
                    <th scope="col">{t("residenceColumns.municipality")}</th>
                    <th scope="col">{t("residenceColumns.district")}</th>
                    <th scope="col">{t("residenceColumns.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {residences.map((r) => (
                    <tr key={`${r.validFrom}-${r.municipality}`}>
                      <td>
                        <DateText iso={r.validFrom} />
                      </td>
                      <th scope="row">
                        {r.municipality}
                        {r === residence ? <span className="block small muted">{t("current")}</span> : null}
                      </th>
                      <td>{tEnums(`judicialDistrict.${r.judicialDistrict}`)}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}

      <h3>{t("responsibilitiesHeading")}</h3>
      {responsibilities.length === 0 ? (
        <p className="muted">{t("noResponsibility")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("responsibilitiesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("responsibilityColumns.agency")}</th>
                <th scope="col">{t("responsibilityColumns.kind")}</th>
                <th scope="col">{t("responsibilityColumns.from")}</th>
                <th scope="col">{t("responsibilityColumns.to")}</th>
                <th scope="col">{t("responsibilityColumns.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {responsibilities.map((r) => (
                <tr key={`${r.kind}-${r.validFrom}-${r.agency?.id ?? ""}`}>
                  <th scope="row">{r.agency?.name ?? common("notRecorded")}</th>
                  <td>{t(`responsibilityKind.${r.kind}`)}</td>
                  <td>
                    <DateText iso={r.validFrom} />
                  </td>
                  <td>{r.validTo ? <DateText iso={r.validTo} /> : t("ongoing")}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {context && forms.handOver ? (
        <details className="form-disclosure">
          <summary>{tForms("handOver.open")}</summary>
          <HandOverForm
            personId={personId}
            current={residence?.municipality ?? null}
            since={residence?.validFrom ?? null}
            municipalities={context.municipalities}
            today={context.today}
            returnTo={context.returnTo}
          />
        </details>
      ) : null}
    </section>
  );
}
