import { useTranslations } from "next-intl";
import type { ProgrammeParticipationRowFragment } from "@/gql/graphql";
import { DateText, useIsoDate } from "../i18n/DateText";
import { ProgrammeStatusBadge } from "./badges";
import { ProgrammeContactForm } from "./ProgrammeContactForm";
import { ProgrammeOfferForm } from "./ProgrammeOfferForm";
import { ProgrammeStatusForm } from "./ProgrammeStatusForm";
import type { StatusChoice } from "./programme-rules";
import type { WithShownNotes } from "./programme-view";
import { ShownNoteText } from "./ShownNoteText";

export type ShownParticipation = WithShownNotes<ProgrammeParticipationRowFragment>;

/** What the forms of the section need, where the viewer may record (never on a past day). */
export interface ProgrammeFormContext {
  /** CelEx's offer: the admission (an offer is not before it). */
  offer: { admittedOn: string | null } | null;
  /** The provider's forms, per participation it runs: the statuses that may follow. */
  record: Record<string, StatusChoice[]>;
  today: string;
  returnTo: string;
}

/**
 * The case file's "Disengagement programme" (PROGRAMME data): every participation, newest offer
 * first, with its provider, its statuses (oldest first) and its contacts (newest first) with the
 * components worked on. Notes show only to the agency that wrote them; to others they read "not
 * shown to your service". CelEx offers a programme; the provider records the answer, the course and
 * its contacts.
 */
export function ProgrammesSection({
  personId,
  participations,
  asOf,
  context,
}: {
  personId: string;
  participations: readonly ShownParticipation[];
  asOf: string | null;
  context: ProgrammeFormContext | null;
}) {
  const t = useTranslations("programmes");
  const tForms = useTranslations("programmeForms");
  const formatDate = useIsoDate();
  return (
    <section aria-labelledby="programmes-heading" className="card" id="programmes">
      <h2 id="programmes-heading">{t("heading")}</h2>
      {asOf ? <p className="notice">{t("asOf", { date: formatDate(asOf) })}</p> : null}
      {participations.length === 0 ? <p className="muted">{t("none")}</p> : null}
      {context?.offer ? (
        <details className="form-disclosure">
          <summary>{tForms("offer.open")}</summary>
          <ProgrammeOfferForm
            personId={personId}
            admittedOn={context.offer.admittedOn}
            today={context.today}
            returnTo={context.returnTo}
          />
        </details>
      ) : null}
      {participations.length > 0 ? (
        <ol className="report-list">
          {participations.map((p) => (
            <li key={p.id}>
              <Participation participation={p} context={context} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function Participation({
  participation: p,
  context,
}: {
  participation: ShownParticipation;
  context: ProgrammeFormContext | null;
}) {
  const t = useTranslations("programmes");
  const tForms = useTranslations("programmeForms");
  const tComponents = useTranslations("enums.programmeComponent");
  const tStatus = useTranslations("enums.programmeStatus");
  const headingId = `programme-${p.id}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const choices = context?.record[p.id] ?? null;
  const last = p.statusHistory.at(-1);
  return (
    <article className="report" aria-labelledby={headingId}>
      <header className="report__header">
        <h3 id={headingId}>
          {p.provider?.name ?? t("unknownProvider")} <ProgrammeStatusBadge status={p.status} />
        </h3>
      </header>
      <dl className="facts facts--report">
        <div>
          <dt>{t("offeredOn")}</dt>
          <dd>
            <DateText iso={p.offeredOn} />
          </dd>
        </div>
        <div>
          <dt>{t("since")}</dt>
          <dd>
            <DateText iso={last?.on ?? p.offeredOn} />
          </dd>
        </div>
        {p.endedOn ? (
          <div>
            <dt>{t("endedOn")}</dt>
            <dd>
              <DateText iso={p.endedOn} />
            </dd>
          </div>
        ) : null}
      </dl>

      <h4>{t("history")}</h4>
      <ol className="plain-list">
        {p.statusHistory.map((s, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: status changes have no ID; the list only grows
          <li key={index}>
            <DateText iso={s.on} />: {tStatus(s.status)}
            {s.shownNote.kind !== "none" ? (
              <span className="block small">
                <span className="report__label">{t("note")}:</span> <ShownNoteText note={s.shownNote} />
              </span>
            ) : null}
          </li>
        ))}
      </ol>

      <h4>{t("contacts")}</h4>
      {p.contacts.length === 0 ? (
        <p className="muted">{t("noContacts")}</p>
      ) : (
        <ul className="plain-list">
          {p.contacts.map((c, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no ID in the API
            <li key={index}>
              <p>
                <DateText iso={c.contactedOn} />:{" "}
                {c.components.map((component) => tComponents(component)).join(", ")}
                {c.minutes !== null ? ` (${t("minutesValue", { minutes: c.minutes })})` : null}
              </p>
              {c.shownNote.kind !== "none" ? (
                <p className="small">
                  <span className="report__label">{t("note")}:</span> <ShownNoteText note={c.shownNote} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {choices && context ? (
        <>
          {choices.length > 0 ? (
            <details className="form-disclosure">
              <summary>{tForms("status.open")}</summary>
              <ProgrammeStatusForm
                participation={{ id: p.id, version: p.version }}
                choices={choices}
                lastOn={last?.on ?? p.offeredOn}
                today={context.today}
                returnTo={context.returnTo}
              />
            </details>
          ) : null}
          <details className="form-disclosure">
            <summary>{tForms("contact.open")}</summary>
            <ProgrammeContactForm
              participationId={p.id}
              offeredOn={p.offeredOn}
              today={context.today}
              returnTo={context.returnTo}
            />
          </details>
        </>
      ) : null}
    </article>
  );
}
