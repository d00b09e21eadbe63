import Link from "next/link";
import { useTranslations } from "next-intl";
import { DateTimeText } from "@/features/i18n/DateTimeText";
import type { AuditEventRowFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { summarizeDetails } from "./details";

/**
 * Audit entries, newest first: when, what, who for which agency, about whom, which data classes,
 * under which purpose, and whether under break-the-glass. Names and persons link to the audit
 * search narrowed to them.
 */
export function AuditEventsTable({
  events,
  caption,
  locale,
  showPerson = true,
}: {
  events: readonly AuditEventRowFragment[];
  caption: string;
  locale: Locale;
  showPerson?: boolean;
}) {
  const t = useTranslations("audit");
  const tEnums = useTranslations("enums");
  const common = useTranslations("common");
  const search = (key: "user" | "person", value: string) =>
    `/${locale}/oversight?${new URLSearchParams({ [key]: value }).toString()}#audit-heading`;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.when")}</th>
            <th scope="col">{t("columns.operation")}</th>
            <th scope="col">{t("columns.who")}</th>
            {showPerson ? <th scope="col">{t("columns.person")}</th> : null}
            <th scope="col">{t("columns.classes")}</th>
            <th scope="col">{t("columns.purpose")}</th>
            <th scope="col">{t("columns.breakGlass")}</th>
            <th scope="col">{t("columns.details")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <DateTimeText iso={event.occurredAt} />
                <span className="sr-only">, {t("entry", { id: event.id })}</span>
              </td>
              <th scope="row" className="mono">
                {event.operation}
              </th>
              <td className="who-cell">
                {event.user ? (
                  <Link href={search("user", event.user.id)} prefetch={false}>
                    {event.user.displayName}
                  </Link>
                ) : (
                  <span className="muted">{t("nobody")}</span>
                )}
                {event.agency ? <span className="small muted block">{event.agency.name}</span> : null}
              </td>
              {showPerson ? (
                <td>
                  {event.personId ? (
                    <Link href={search("person", event.personId)} prefetch={false} className="mono small id">
                      {event.personId}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              ) : null}
              <td>
                {event.dataClasses.length > 0
                  ? event.dataClasses.map((c) => tEnums(`dataClass.${c}`)).join(", ")
                  : common("none")}
              </td>
              <td>
                {event.purpose ? tEnums(`purpose.${event.purpose.code}`) : <span className="muted">—</span>}
                {event.purpose?.note ? <span className="small muted block">{event.purpose.note}</span> : null}
              </td>
              <td>
                {event.breakGlass ? (
                  <span className="badge badge--warning">{common("yes")}</span>
                ) : (
                  common("no")
                )}
              </td>
              <td className="small details-cell">{summarizeDetails(event.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
