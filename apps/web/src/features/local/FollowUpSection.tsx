import { useLocale, useTranslations } from "next-intl";
import { nameInLocale } from "@/features/i18n/localized-name";
import type { CaseFollowUpQuery, CommonDatabaseEntryRowFragment } from "@/gql/graphql";
import { DateText, useIsoDate } from "../i18n/DateText";
import { EntryConfirmForm, EntryEndForm, EntryRecordForm } from "./CommonDatabaseForms";
import { type FollowUpForms, reviewOverdue } from "./follow-up-form";
import { CaseCloseForm, OutcomeForm } from "./OutcomeForms";

type FollowUpPerson = NonNullable<CaseFollowUpQuery["person"]>;

/**
 * The follow-up part of a case file (FOLLOW_UP data): the local bodies responsible after release,
 * the follow-up measures in force on the case file's day, the common-database entry and its
 * history (a review date that has passed says so in words), what happened after release, and the
 * closure; with the forms of those who may record (none on a past day).
 */
export function FollowUpSection({
  person,
  forms,
  on,
  asOf,
  today,
  returnTo,
}: {
  person: FollowUpPerson;
  forms: FollowUpForms;
  /** The day the measures are shown for. */
  on: string;
  asOf: string | null;
  today: string;
  returnTo: string;
}) {
  const t = useTranslations("followUp");
  const tEnums = useTranslations("enums");
  const locale = useLocale();
  const formatDate = useIsoDate();
  const measures = person.followUpMeasures ?? [];
  const database = person.commonDatabase;
  const current = database?.current ?? null;
  const outcomes = person.outcomes ?? [];
  const closure = person.closure;
  const closed = closure?.inForce ?? false;
  return (
    <section aria-labelledby="followUp-heading" className="card" id="follow-up">
      <h2 id="followUp-heading">{t("heading")}</h2>
      {asOf ? <p className="notice">{t("asOf", { date: formatDate(asOf) })}</p> : null}

      <h3>{t("responsibilities.heading")}</h3>
      {person.responsibilities.length === 0 ? (
        <p className="muted">{t("responsibilities.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="sr-only">{t("responsibilities.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("responsibilities.body")}</th>
                <th scope="col">{t("responsibilities.kind")}</th>
                <th scope="col">{t("responsibilities.from")}</th>
                <th scope="col">{t("responsibilities.until")}</th>
                <th scope="col">{t("responsibilities.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {person.responsibilities.map((r) => (
                <tr key={`${r.kind}-${r.validFrom}-${r.agency?.id ?? ""}`}>
                  <th scope="row">{r.agency?.name ?? "—"}</th>
                  <td>{tEnums(`responsibilityKind.${r.kind}`)}</td>
                  <td className="nowrap">
                    <DateText iso={r.validFrom} />
                  </td>
                  <td className="nowrap">{r.validTo ? <DateText iso={r.validTo} /> : t("ongoing")}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("measures.heading")}</h3>
      {measures.length === 0 ? (
        <p className="muted">{t("measures.none", { date: formatDate(on) })}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("measures.caption", { date: formatDate(on) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("measures.type")}</th>
                <th scope="col">{t("measures.body")}</th>
                <th scope="col">{t("measures.since")}</th>
                <th scope="col">{t("measures.onCard")}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.measureType ? nameInLocale(m.measureType, locale) : "—"}</th>
                  <td>{m.agency?.name ?? "—"}</td>
                  <td className="nowrap">
                    <DateText iso={m.startedOn} />
                  </td>
                  <td>{m.measureType?.shownOnInformationCard ? t("yes") : t("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("database.heading")}</h3>
      {database === null ? (
        <p className="muted">{t("database.notShown")}</p>
      ) : current === null ? (
        <p className="muted">{t("database.notIn")}</p>
      ) : (
        <EntryFacts entry={current} today={today} />
      )}
      {forms.commonDatabase ? (
        <>
          <details className="form-disclosure">
            <summary>{current ? t("entryForm.openSupersede") : t("entryForm.open")}</summary>
            <EntryRecordForm personId={person.id} current={current} today={today} returnTo={returnTo} />
          </details>
          {current ? (
            <>
              <details className="form-disclosure">
                <summary>{t("confirmForm.open")}</summary>
                <EntryConfirmForm entry={current} today={today} returnTo={returnTo} />
              </details>
              <details className="form-disclosure">
                <summary>{t("endForm.open")}</summary>
                <EntryEndForm entry={current} today={today} returnTo={returnTo} />
              </details>
            </>
          ) : null}
        </>
      ) : null}
      {database && database.history.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("database.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("database.period")}</th>
                <th scope="col">{t("database.category")}</th>
                <th scope="col">{t("database.threatLevel")}</th>
                <th scope="col">{t("database.basis")}</th>
                <th scope="col">{t("database.endReason")}</th>
              </tr>
            </thead>
            <tbody>
              {database.history.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row" className="nowrap">
                    <DateText iso={entry.validFrom} /> –{" "}
                    {entry.validTo ? <DateText iso={entry.validTo} /> : t("ongoing")}
                  </th>
                  <td>{tEnums(`commonDatabaseCategory.${entry.category}`)}</td>
                  <td>{t("threatLevelValue", { level: entry.threatLevel })}</td>
                  <td>{tEnums(`entryBasis.${entry.basis}`)}</td>
                  <td>{entry.endReason ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <h3>{t("outcomes.heading")}</h3>
      {outcomes.length === 0 ? (
        <p className="muted">{t("outcomes.none")}</p>
      ) : (
        <ul className="plain-list outcome-list">
          {outcomes.map((outcome) => (
            <li key={outcome.id}>
              <strong>{tEnums(`outcomeKind.${outcome.kind}`)}</strong>, <DateText iso={outcome.occurredOn} />
              {outcome.agency ? <span className="muted"> ({outcome.agency.name})</span> : null}
              {outcome.note ? <span className="block">{outcome.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {forms.outcome ? (
        <details className="form-disclosure">
          <summary>{t("outcomeForm.open")}</summary>
          <OutcomeForm personId={person.id} today={today} returnTo={returnTo} />
        </details>
      ) : null}

      <h3>{t("closure.heading")}</h3>
      {closure ? (
        <dl className="facts">
          <div>
            <dt>{t("closure.state")}</dt>
            <dd>{closure.inForce ? t("closure.closed") : t("closure.reopened")}</dd>
          </div>
          <div>
            <dt>{t("closure.closedOn")}</dt>
            <dd>
              <DateText iso={closure.closedOn} />
            </dd>
          </div>
          <div>
            <dt>{t("closure.reason")}</dt>
            <dd>
              {tEnums(`closureReason.${closure.reason}`)}
              {closure.note ? <span className="block">{closure.note}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t("closure.by")}</dt>
            <dd>{closure.agency?.name ?? "—"}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("closure.open")}</p>
      )}
      {forms.close && !closed ? (
        <details className="form-disclosure">
          <summary>{t("closeForm.open")}</summary>
          <CaseCloseForm personId={person.id} today={today} returnTo={returnTo} />
        </details>
      ) : null}
    </section>
  );
}

function EntryFacts({ entry, today }: { entry: CommonDatabaseEntryRowFragment; today: string }) {
  const t = useTranslations("followUp");
  const tEnums = useTranslations("enums");
  const overdue = reviewOverdue(entry.reviewDueOn, today);
  return (
    <dl className="facts">
      <div>
        <dt>{t("database.category")}</dt>
        <dd>{tEnums(`commonDatabaseCategory.${entry.category}`)}</dd>
      </div>
      <div>
        <dt>{t("database.threatLevel")}</dt>
        <dd>{t("threatLevelValue", { level: entry.threatLevel })}</dd>
      </div>
      <div>
        <dt>{t("database.basis")}</dt>
        <dd>{tEnums(`entryBasis.${entry.basis}`)}</dd>
      </div>
      <div>
        <dt>{t("database.since")}</dt>
        <dd>
          <DateText iso={entry.validFrom} />
        </dd>
      </div>
      <div>
        <dt>{t("database.lastInformation")}</dt>
        <dd>
          <DateText iso={entry.lastInformationOn} />
        </dd>
      </div>
      <div>
        <dt>{t("database.reviewDue")}</dt>
        <dd>
          <DateText iso={entry.reviewDueOn} />
          {overdue ? (
            <>
              {" "}
              <span className="badge badge--danger">{t("database.reviewOverdue")}</span>
            </>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}
