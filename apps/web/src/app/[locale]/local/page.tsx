import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { MeasuresToKnowList } from "@/features/case-file/MeasuresToKnowList";
import { mayUseFollowUpPage } from "@/features/follow-up/follow-up-pages";
import { DateText } from "@/features/i18n/DateText";
import { CategoryBadge } from "@/features/listing/CategoryBadge";
import { ActionItemsTable } from "@/features/local/ActionItemsTable";
import {
  ACTION_FILTERS,
  actionFilterHref,
  actionFilterVariables,
  ownerChoices,
  parseActionFilter,
} from "@/features/local/local-form";
import { MeetingForm } from "@/features/local/MeetingForm";
import { cardName } from "@/features/local/names";
import { AppShell } from "@/features/shell/AppShell";
import { type LocalMeetingRowFragment, LocalWorkspaceDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";
import { firstParam } from "@/lib/url/params";

export async function generateMetadata({ params }: PageProps<"/[locale]/local">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUseFollowUpPage(viewer, "local")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "local" });
  return { title: t("title") };
}

/**
 * A Local Task Force's or a Local Cell's workspace: the persons it follows (through the
 * information card: all a Local Cell reads), its upcoming meetings with their agendas, the form
 * that records or plans a meeting, its past meetings (newest first, each a link to its minutes),
 * and its action items, filtered in the URL (`actions=open|overdue|mine|all`), each closable.
 */
export default async function LocalWorkspacePage({ params, searchParams }: PageProps<"/[locale]/local">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const filter = parseActionFilter(firstParam(await searchParams, "actions"));
  const returnTo = filter === "open" ? "/local" : `/local?actions=${filter}`;
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("local");
  if (!mayUseFollowUpPage(viewer, "local")) {
    const tNav = await getTranslations("shell.followUpNav");
    return (
      <AppShell viewer={viewer} section="local" returnTo={returnTo}>
        <NotAvailable page={tNav("local")} home={homePath(viewer)} />
      </AppShell>
    );
  }
  const { data, errors } = await serverQuery(LocalWorkspaceDocument, actionFilterVariables(filter));
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);
  const body = data.localBody;
  const tEnums = await getTranslations("enums");
  const today = todayIso();
  const path = `/${locale}/local`;
  const persons = body.persons.flatMap((row) => (row.person ? [{ ...row, person: row.person }] : []));
  // The agenda's choices by name (the table keeps the longest-followed first).
  const personChoices = persons
    .map((row) => ({ id: row.person.id, name: cardName(row.person.card) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const owners = ownerChoices(viewer.user, body.members);
  const past = body.meetings.filter((meeting) => meeting.held);
  const bodyName = body.agency?.name ?? tEnums(`localBodyKind.${body.kind}`);

  return (
    <AppShell viewer={viewer} section="local" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p className="muted">
          {bodyName} ({tEnums(`localBodyKind.${body.kind}`)})
        </p>
      </div>
      <p>{body.kind === "LOCAL_CELL" ? t("introCell") : t("introTaskForce")}</p>
      {body.overdueActionCount > 0 ? (
        <p className="notice notice--warning">
          <strong>{t("overdueCount", { count: body.overdueActionCount })}</strong>{" "}
          <Link href={actionFilterHref(path, "overdue")} prefetch={false}>
            {t("showOverdue")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="local-persons-heading" className="section-gap">
        <h2 id="local-persons-heading">{t("persons.heading")}</h2>
        {persons.length === 0 ? (
          <div className="empty-state">
            <p>{t("persons.empty")}</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("persons.caption", { count: persons.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("persons.name")}</th>
                  <th scope="col">{t("persons.category")}</th>
                  <th scope="col">{t("persons.status")}</th>
                  <th scope="col">{t("persons.threatLevel")}</th>
                  <th scope="col">{t("persons.contact")}</th>
                  <th scope="col">{t("persons.measures")}</th>
                  <th scope="col">{t("persons.since")}</th>
                </tr>
              </thead>
              <tbody>
                {persons.map(({ person, since, kind }) => (
                  <tr key={person.id}>
                    <th scope="row">
                      <Link href={`/${locale}/persons/${encodeURIComponent(person.id)}`} prefetch={false}>
                        {cardName(person.card)}
                      </Link>
                      <span className="block small muted">{tEnums(`responsibilityKind.${kind}`)}</span>
                    </th>
                    <td>
                      {person.card.category ? (
                        <CategoryBadge category={person.card.category} />
                      ) : (
                        <span className="muted">{t("persons.notListed")}</span>
                      )}
                    </td>
                    <td>{tEnums(`detentionStatus.${person.card.detentionStatus}`)}</td>
                    <td className="nowrap">
                      {person.card.threatLevel !== null ? (
                        t("persons.threatLevelValue", { level: person.card.threatLevel })
                      ) : (
                        <span className="muted">{t("persons.noThreatLevel")}</span>
                      )}
                    </td>
                    <td>
                      {person.card.responsibleAgency?.name ?? <span className="muted">—</span>}
                      {person.card.contactEmail ? (
                        <span className="block small">
                          <a href={`mailto:${person.card.contactEmail}`}>{person.card.contactEmail}</a>
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {person.card.measuresToKnow.length === 0 ? (
                        <span className="muted">{t("persons.noMeasures")}</span>
                      ) : (
                        <MeasuresToKnowList measures={person.card.measuresToKnow} className="plain-list" />
                      )}
                    </td>
                    <td className="nowrap">
                      <DateText iso={since} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="local-upcoming-heading" className="section-gap">
        <h2 id="local-upcoming-heading">{t("upcoming.heading")}</h2>
        {body.upcomingMeetings.length === 0 ? (
          <p className="muted">{t("upcoming.empty")}</p>
        ) : (
          <ul className="meeting-list">
            {body.upcomingMeetings.map((meeting) => (
              <li key={meeting.id} className="meeting-item">
                <MeetingSummary
                  meeting={meeting}
                  locale={locale}
                  kind={tEnums(`meetingKind.${meeting.kind}`)}
                />
                <p className="small">
                  <strong>{t("upcoming.agenda")}</strong>{" "}
                  {meeting.discussions.length === 0
                    ? t("upcoming.agendaEmpty")
                    : meeting.discussions.map((d) => cardName(d.person?.card)).join("; ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="local-record-heading" className="card section-gap">
        <details className="form-disclosure">
          <summary id="local-record-heading">{t("meetingForm.open")}</summary>
          <MeetingForm persons={personChoices} owners={owners} today={today} returnTo={returnTo} />
        </details>
      </section>

      <section aria-labelledby="local-past-heading" className="section-gap">
        <h2 id="local-past-heading">{t("past.heading")}</h2>
        {past.length === 0 ? (
          <p className="muted">{t("past.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption>{t("past.caption", { count: past.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("past.heldOn")}</th>
                  <th scope="col">{t("past.kind")}</th>
                  <th scope="col">{t("past.members")}</th>
                  <th scope="col">{t("past.discussed")}</th>
                </tr>
              </thead>
              <tbody>
                {past.map((meeting) => (
                  <tr key={meeting.id}>
                    <th scope="row" className="nowrap">
                      <Link
                        href={`/${locale}/local/meetings/${encodeURIComponent(meeting.id)}`}
                        prefetch={false}
                      >
                        <DateText iso={meeting.heldOn} />
                        <span className="sr-only">
                          {" "}
                          ({tEnums(`meetingKind.${meeting.kind}`)}): {t("past.minutes")}
                        </span>
                      </Link>
                    </th>
                    <td>{tEnums(`meetingKind.${meeting.kind}`)}</td>
                    <td className="numeric">{meeting.membersPresent.length}</td>
                    <td>
                      {meeting.discussions.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        t("past.discussedCount", {
                          count: meeting.discussions.length,
                          decided: meeting.discussions.filter((d) => d.decision !== null).length,
                        })
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="actions-heading" className="section-gap">
        <h2 id="actions-heading">{t("actions.heading")}</h2>
        <nav aria-label={t("actions.filter")} className="view-tabs">
          <ul>
            {ACTION_FILTERS.map((option) => (
              <li key={option}>
                <Link
                  href={actionFilterHref(path, option)}
                  prefetch={false}
                  aria-current={filter === option ? "page" : undefined}
                >
                  {t(`actions.filters.${option}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {body.actionItems.length === 0 ? (
          <div className="empty-state">
            <p>{t("actions.empty")}</p>
          </div>
        ) : (
          <ActionItemsTable
            items={body.actionItems}
            caption={t("actions.caption", {
              filter: t(`actions.filters.${filter}`),
              count: body.actionItems.length,
            })}
            closable
            returnTo={returnTo}
          />
        )}
      </section>
    </AppShell>
  );
}

/** A meeting in a list: its day (a link to its page) and its kind. */
function MeetingSummary({
  meeting,
  locale,
  kind,
}: {
  meeting: LocalMeetingRowFragment;
  locale: string;
  kind: string;
}) {
  return (
    <p>
      <Link href={`/${locale}/local/meetings/${encodeURIComponent(meeting.id)}`} prefetch={false}>
        <DateText iso={meeting.heldOn} long />
      </Link>{" "}
      <span className="badge badge--neutral">{kind}</span>
    </p>
  );
}
