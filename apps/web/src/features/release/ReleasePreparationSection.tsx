import { useLocale, useTranslations } from "next-intl";
import { nameInLocale } from "@/features/i18n/localized-name";
import type { ReleaseConditionRowFragment, ReleaseEpisodeRowFragment } from "@/gql/graphql";
import { DateText, useIsoDate } from "../i18n/DateText";
import { DateTimeText } from "../i18n/DateTimeText";
import { ConditionProposeForm } from "./ConditionProposeForm";
import type { ConditionChoices } from "./ConditionTermsFields";
import { OverrideForm } from "./OverrideForm";
import { PlanForm } from "./PlanForm";
import { ReleaseForm } from "./ReleaseForm";
import { RELEASE_DATE_KINDS } from "./release-form";
import { overridesOf, type ReleaseForms } from "./release-rules";
import { WithdrawConditionButton } from "./WithdrawConditionButton";

/** What the forms of the section need, where the viewer may record. */
export interface ReleaseFormContext {
  forms: ReleaseForms;
  choices: ConditionChoices;
  municipalities: readonly string[];
  /** The start of the current placement (the release is after it). */
  placedOn: string | null;
  today: string;
  returnTo: string;
}

/**
 * The release preparation of a detained person (RELEASE data on the open episode): the effective
 * eligibility and end-of-sentence dates (the latest override, else the rule's) with the overrides
 * and their reasons, legal recidivism, the release plan and the proposed conditions; forms for the
 * preparation (RELEASE_PREPARE) and the release itself (DETENTION_RECORD).
 */
export function ReleasePreparationSection({
  personId,
  episode,
  conditions,
  asOf,
  context,
}: {
  personId: string;
  episode: ReleaseEpisodeRowFragment;
  /** The person's conditions as of the case file's day (proposed ones concern this episode). */
  conditions: readonly ReleaseConditionRowFragment[] | null;
  asOf: string | null;
  context: ReleaseFormContext | null;
}) {
  const t = useTranslations("release.preparation");
  const tForms = useTranslations("release.forms");
  const tEnums = useTranslations("enums");
  const common = useTranslations("common");
  const locale = useLocale();
  const formatDate = useIsoDate();
  const sentenced = episode.legalStatus === "SENTENCED";
  const proposed = (conditions ?? []).filter((c) => c.status === "PROPOSED");
  // Withdrawn proposals of this episode (earlier episodes' are history of earlier releases).
  const withdrawn = (conditions ?? []).filter(
    (c) => c.status === "WITHDRAWN" && c.proposedOn !== null && c.proposedOn >= episode.admittedOn,
  );
  const overrides = episode.releaseDateOverrides ?? [];
  const plan = episode.releasePlan;
  const forms = context?.forms;
  const effective: Record<string, string | null> = {
    CONDITIONAL_RELEASE_ELIGIBILITY: episode.conditionalReleaseEligibleOn,
    END_OF_SENTENCE: episode.endOfSentenceOn,
  };
  return (
    <section aria-labelledby="release-preparation-heading" className="card" id="release-preparation">
      <h2 id="release-preparation-heading">{t("heading")}</h2>
      {asOf ? <p className="notice">{t("asOf", { date: formatDate(asOf) })}</p> : null}

      <h3>{t("datesHeading")}</h3>
      {sentenced ? (
        <dl className="facts">
          {RELEASE_DATE_KINDS.map((kind) => {
            const latest = overridesOf(overrides, kind)[0];
            const date = effective[kind] ?? null;
            return (
              <div key={kind}>
                <dt>{tEnums(`releaseDateKind.${kind}`)}</dt>
                <dd>
                  {date ? <DateText iso={date} /> : common("notRecorded")}
                  <span className="block small muted">
                    {latest ? t("setByHand", { date: formatDate(latest.date) }) : t("byRule")}
                  </span>
                </dd>
              </div>
            );
          })}
          <div>
            <dt>{t("sentence")}</dt>
            <dd>
              {episode.sentenceMonths !== null
                ? t("sentenceMonths", { months: episode.sentenceMonths })
                : common("notRecorded")}
            </dd>
          </div>
          <div>
            <dt>{t("recidivism")}</dt>
            <dd>{tEnums(`recidivism.${episode.recidivism}`)}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("notSentenced", { status: tEnums(`legalStatus.${episode.legalStatus}`) })}</p>
      )}
      {sentenced ? (
        overrides.length === 0 ? (
          <p className="muted">{t("noOverrides")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table data-table--compact">
              <caption>{t("overridesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("overrideColumns.kind")}</th>
                  <th scope="col">{t("overrideColumns.date")}</th>
                  <th scope="col">{t("overrideColumns.reason")}</th>
                  <th scope="col">{t("overrideColumns.agency")}</th>
                  <th scope="col">{t("overrideColumns.recordedAt")}</th>
                </tr>
              </thead>
              <tbody>
                {overrides.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{tEnums(`releaseDateKind.${o.kind}`)}</th>
                    <td>
                      <DateText iso={o.date} />
                    </td>
                    <td>{o.reason}</td>
                    <td>{o.agency?.name ?? common("notRecorded")}</td>
                    <td>
                      <DateTimeText iso={o.recordedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {context && forms?.prepare && sentenced ? (
        <details className="form-disclosure">
          <summary>{tForms("override.open")}</summary>
          <OverrideForm episode={episode} returnTo={context.returnTo} />
        </details>
      ) : null}

      <h3>{t("planHeading")}</h3>
      {plan ? (
        <dl className="facts">
          <div>
            <dt>{t("intendedMunicipality")}</dt>
            <dd>
              {plan.intendedMunicipality ?? common("notRecorded")}
              {plan.intendedJudicialDistrict ? (
                <span className="block small muted">
                  {tEnums(`judicialDistrict.${plan.intendedJudicialDistrict}`)}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{t("localTaskForceInformedOn")}</dt>
            <dd>
              {plan.localTaskForceInformedOn ? (
                <DateText iso={plan.localTaskForceInformedOn} />
              ) : (
                t("notInformed")
              )}
            </dd>
          </div>
          <div>
            <dt>{t("note")}</dt>
            <dd>{plan.note ?? common("none")}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">{t("noPlan")}</p>
      )}
      {context && forms?.prepare ? (
        <details className="form-disclosure">
          <summary>{plan ? tForms("plan.openChange") : tForms("plan.open")}</summary>
          <PlanForm
            episodeId={episode.id}
            plan={plan}
            municipalities={context.municipalities}
            today={context.today}
            returnTo={context.returnTo}
          />
        </details>
      ) : null}

      <h3>{t("conditionsHeading")}</h3>
      <p className="hint">{t("conditionsIntro")}</p>
      {conditions === null ? (
        <p className="muted">{common("restricted")}</p>
      ) : proposed.length === 0 ? (
        <p className="muted">{t("noneProposed")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table data-table--compact">
            <caption>{t("proposedCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("conditionColumns.type")}</th>
                <th scope="col">{t("conditionColumns.agency")}</th>
                <th scope="col">{t("conditionColumns.details")}</th>
                <th scope="col">{t("conditionColumns.endsOn")}</th>
                <th scope="col">{t("conditionColumns.proposedOn")}</th>
                {forms?.prepare ? (
                  <th scope="col">
                    <span className="sr-only">{t("conditionColumns.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {proposed.map((c) => {
                const name = nameInLocale(c.type, locale);
                return (
                  <tr key={c.id}>
                    <th scope="row">{name}</th>
                    <td>{c.supervisingAgency?.name ?? common("notRecorded")}</td>
                    <td>{c.details ?? common("none")}</td>
                    <td>{c.endsOn ? <DateText iso={c.endsOn} /> : t("untilProbationEnds")}</td>
                    <td>{c.proposedOn ? <DateText iso={c.proposedOn} /> : common("notRecorded")}</td>
                    {context && forms?.prepare ? (
                      <td>
                        <WithdrawConditionButton condition={c} typeName={name} returnTo={context.returnTo} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {withdrawn.length > 0 ? (
        <p className="small muted">
          {t("withdrawn", {
            list: withdrawn
              .map(
                (c) => `${nameInLocale(c.type, locale)} (${c.withdrawnOn ? formatDate(c.withdrawnOn) : "—"})`,
              )
              .join("; "),
          })}
        </p>
      ) : null}
      {context && forms?.prepare ? (
        <details className="form-disclosure">
          <summary>{tForms("propose.open")}</summary>
          <ConditionProposeForm
            personId={personId}
            choices={context.choices}
            today={context.today}
            returnTo={context.returnTo}
          />
        </details>
      ) : null}

      {context && forms?.release ? (
        <>
          <h3 id="release-form-heading">{tForms("release.heading")}</h3>
          <details className="form-disclosure">
            <summary>{tForms("release.open")}</summary>
            <ReleaseForm
              episode={{
                id: episode.id,
                admittedOn: episode.admittedOn,
                placedOn: context.placedOn,
                intendedMunicipality: plan?.intendedMunicipality ?? null,
                proposed: proposed.map((c) => ({ id: c.id, name: nameInLocale(c.type, locale) })),
              }}
              choices={context.choices}
              municipalities={context.municipalities}
              today={context.today}
              returnTo={context.returnTo}
            />
          </details>
        </>
      ) : null}
    </section>
  );
}
