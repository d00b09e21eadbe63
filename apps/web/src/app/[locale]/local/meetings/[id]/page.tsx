import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { mayUseFollowUpPage } from "@/features/follow-up/follow-up-pages";
import { DateText } from "@/features/i18n/DateText";
import { dateFromIso } from "@/features/i18n/dates";
import { nameInLocale } from "@/features/i18n/localized-name";
import { ActionItemsTable } from "@/features/local/ActionItemsTable";
import { AgendaAddForm } from "@/features/local/AgendaAddForm";
import { DecisionForm } from "@/features/local/DecisionForm";
import { ownerChoices } from "@/features/local/local-form";
import { cardName } from "@/features/local/names";
import { PrintButton } from "@/features/local/PrintButton";
import { AppShell } from "@/features/shell/AppShell";
import {
  type FollowUpMeasureRowFragment,
  LocalMeetingMinutesDocument,
  LocalMeetingOpenMeasuresDocument,
} from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/local/meetings/[id]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUseFollowUpPage(viewer, "local")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  // No names in the title: titles end up in browser history and window lists.
  const t = await getTranslations({ locale, namespace: "local.minutes" });
  return { title: t("title") };
}

/**
 * The minutes of one of the body's meetings: who attended, the summary, each person discussed
 * with the decision, the follow-up measures started and stopped and the actions given; the
 * meeting's own actions. A held operational meeting takes decisions (per agenda item, or on
 * another of the body's persons); a planned one takes persons on its agenda. Printable as a brief:
 * the print stylesheet drops navigation, forms and buttons.
 */
export default async function MeetingMinutesPage({ params }: PageProps<"/[locale]/local/meetings/[id]">) {
  const { locale, id } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const returnTo = `/local/meetings/${encodeURIComponent(id)}`;
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
  const { data, errors } = await serverQuery(LocalMeetingMinutesDocument, { id });
  // Another body's meeting, an unknown or malformed ID: all "not found".
  handleReadErrors(classifyErrors(errors, { notFoundAt: "localMeeting" }), locale, returnTo, notFound);
  if (!data) throw new ApiRequestError(errors);
  const meeting = data.localMeeting;
  const body = data.localBody;
  const tEnums = await getTranslations("enums");
  const format = await getFormatter();
  const operational = meeting.kind === "OPERATIONAL";
  const deciding = meeting.held && operational;

  // The open measures of the body for each person on the agenda, on the meeting's day (to stop).
  const openByPerson = new Map<string, FollowUpMeasureRowFragment[]>();
  if (deciding && meeting.discussions.some((d) => d.decision === null)) {
    const open = await serverQuery(LocalMeetingOpenMeasuresDocument, { id, on: meeting.heldOn });
    handleReadErrors(classifyErrors(open.errors), locale, returnTo);
    for (const discussion of open.data?.localMeeting.discussions ?? []) {
      const measures = discussion.person?.followUpMeasures;
      if (discussion.person && measures)
        openByPerson.set(
          discussion.person.id,
          measures.filter((m) => m.endedOn === null && m.agency?.id === viewer.user.agency.id),
        );
    }
  }

  const persons = body.persons.flatMap((row) =>
    row.person ? [{ id: row.person.id, name: cardName(row.person.card) }] : [],
  );
  const onAgenda = new Set(meeting.discussions.map((d) => d.person?.id).filter(Boolean));
  const notOnAgenda = persons.filter((p) => !onAgenda.has(p.id));
  const owners = ownerChoices(viewer.user, body.members);
  const measureTypes = data.followUpMeasureTypes
    .filter((type) => type.body === body.kind)
    .map((type) => ({ code: type.code, name: nameInLocale(type, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const measureText = (m: FollowUpMeasureRowFragment) =>
    m.measureType ? nameInLocale(m.measureType, locale) : t("minutes.unknownMeasure");
  const inDiscussion = new Set(meeting.discussions.flatMap((d) => d.actions.map((a) => a.id)));
  const meetingActions = meeting.actionItems.filter((a) => !inDiscussion.has(a.id));
  const kind = tEnums(`meetingKind.${meeting.kind}`);
  const date = format.dateTime(dateFromIso(meeting.heldOn), "longDate");

  return (
    <AppShell viewer={viewer} section="local" returnTo={returnTo}>
      <nav aria-label={t("minutes.breadcrumb")} className="breadcrumb no-print">
        <ol>
          <li>
            <Link href={`/${locale}/local`} prefetch={false}>
              {t("heading")}
            </Link>
          </li>
          <li aria-current="page">{t("minutes.crumb", { date })}</li>
        </ol>
      </nav>
      <article className="minutes" aria-labelledby="minutes-heading">
        <div className="page-header">
          <h1 id="minutes-heading">
            {meeting.held
              ? t("minutes.heading", { kind, date })
              : t("minutes.headingPlanned", { kind, date })}
          </h1>
          <PrintButton label={t("minutes.print")} />
        </div>
        <p className="print-only minutes__marking">{t("minutes.marking")}</p>
        <dl className="facts">
          <div>
            <dt>{t("minutes.body")}</dt>
            <dd>
              {meeting.agency?.name ?? "—"} ({tEnums(`localBodyKind.${body.kind}`)})
            </dd>
          </div>
          <div>
            <dt>{t("minutes.kind")}</dt>
            <dd>{kind}</dd>
          </div>
          <div>
            <dt>{t("minutes.date")}</dt>
            <dd>
              <DateText iso={meeting.heldOn} long /> (
              {meeting.held ? t("minutes.held") : t("minutes.planned")})
            </dd>
          </div>
          <div>
            <dt>{t("minutes.members")}</dt>
            <dd>
              {meeting.membersPresent.length === 0 ? (
                <span className="muted">{t("minutes.noMembers")}</span>
              ) : (
                <ul className="plain-list">
                  {meeting.membersPresent.map((member) => (
                    <li key={member}>{member}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        <section aria-labelledby="minutes-summary-heading" className="minutes__part">
          <h2 id="minutes-summary-heading">{t("minutes.summary")}</h2>
          {meeting.summary ? (
            <p className="report__body">{meeting.summary}</p>
          ) : (
            <p className="muted">{t("minutes.noSummary")}</p>
          )}
        </section>

        {operational ? (
          <section aria-labelledby="minutes-persons-heading" className="minutes__part">
            <h2 id="minutes-persons-heading">{t("minutes.discussed")}</h2>
            {meeting.discussions.length === 0 ? (
              <p className="muted">{t("minutes.noDiscussions")}</p>
            ) : (
              <ol className="minutes__items">
                {meeting.discussions.map((discussion, index) => {
                  const name = cardName(discussion.person?.card);
                  const headingId = `discussion-${index + 1}`;
                  const open = discussion.person ? (openByPerson.get(discussion.person.id) ?? null) : null;
                  return (
                    <li key={discussion.id} className="minutes__item">
                      <article aria-labelledby={headingId}>
                        <h3 id={headingId}>
                          {discussion.person ? (
                            <Link
                              href={`/${locale}/persons/${encodeURIComponent(discussion.person.id)}`}
                              prefetch={false}
                            >
                              {name}
                            </Link>
                          ) : (
                            t("minutes.personHidden")
                          )}
                        </h3>
                        <dl className="facts facts--stacked">
                          <div>
                            <dt>{t("minutes.decision")}</dt>
                            <dd>
                              {discussion.decision ?? (
                                <span className="muted">{t("minutes.noDecision")}</span>
                              )}
                            </dd>
                          </div>
                          <div>
                            <dt>{t("minutes.started")}</dt>
                            <dd>
                              <MeasureList
                                measures={discussion.measuresStarted}
                                text={measureText}
                                dateOf={(m) => m.startedOn}
                                none={t("minutes.none")}
                              />
                            </dd>
                          </div>
                          <div>
                            <dt>{t("minutes.stopped")}</dt>
                            <dd>
                              <MeasureList
                                measures={discussion.measuresStopped}
                                text={measureText}
                                dateOf={(m) => m.endedOn}
                                none={t("minutes.none")}
                              />
                            </dd>
                          </div>
                        </dl>
                        <h4>{t("minutes.actions")}</h4>
                        {discussion.actions.length === 0 ? (
                          <p className="muted">{t("minutes.none")}</p>
                        ) : (
                          <ActionItemsTable
                            items={discussion.actions}
                            caption={t("minutes.actionsCaption", { name })}
                            closable
                            showMeeting={false}
                            returnTo={returnTo}
                          />
                        )}
                        {deciding && discussion.decision === null && discussion.person ? (
                          <details className="form-disclosure no-print">
                            <summary>{t("decisionForm.open", { name })}</summary>
                            <DecisionForm
                              meetingId={meeting.id}
                              meetingOn={meeting.heldOn}
                              person={{ id: discussion.person.id, name }}
                              persons={persons}
                              measureTypes={measureTypes}
                              openMeasures={
                                open?.map((m) => ({
                                  id: m.id,
                                  name: `${measureText(m)} (${format.dateTime(dateFromIso(m.startedOn), "date")})`,
                                  startedOn: m.startedOn,
                                })) ?? null
                              }
                              owners={owners}
                              returnTo={returnTo}
                            />
                          </details>
                        ) : null}
                      </article>
                    </li>
                  );
                })}
              </ol>
            )}
            {deciding && notOnAgenda.length > 0 ? (
              <details className="form-disclosure no-print">
                <summary>{t("decisionForm.openOther")}</summary>
                <DecisionForm
                  meetingId={meeting.id}
                  meetingOn={meeting.heldOn}
                  person={null}
                  persons={notOnAgenda}
                  measureTypes={measureTypes}
                  openMeasures={null}
                  owners={owners}
                  returnTo={returnTo}
                />
              </details>
            ) : null}
            {!meeting.held && notOnAgenda.length > 0 ? (
              <details className="form-disclosure no-print">
                <summary>{t("agendaForm.open")}</summary>
                <AgendaAddForm meetingId={meeting.id} persons={notOnAgenda} returnTo={returnTo} />
              </details>
            ) : null}
          </section>
        ) : (
          <p className="muted">{t("minutes.strategicNote")}</p>
        )}

        <section aria-labelledby="minutes-actions-heading" className="minutes__part">
          <h2 id="minutes-actions-heading">{t("minutes.meetingActions")}</h2>
          {meetingActions.length === 0 ? (
            <p className="muted">{t("minutes.none")}</p>
          ) : (
            <ActionItemsTable
              items={meetingActions}
              caption={t("minutes.meetingActionsCaption")}
              closable
              showMeeting={false}
              returnTo={returnTo}
            />
          )}
        </section>
        <p className="print-only print-footer">{t("minutes.footer")}</p>
      </article>
    </AppShell>
  );
}

function MeasureList({
  measures,
  text,
  dateOf,
  none,
}: {
  measures: readonly FollowUpMeasureRowFragment[];
  text: (m: FollowUpMeasureRowFragment) => string;
  dateOf: (m: FollowUpMeasureRowFragment) => string | null;
  none: string;
}) {
  if (measures.length === 0) return <span className="muted">{none}</span>;
  return (
    <ul className="plain-list">
      {measures.map((measure) => {
        const on = dateOf(measure);
        return (
          <li key={measure.id}>
            {text(measure)}
            {on ? (
              <>
                {" "}
                (<DateText iso={on} />)
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
