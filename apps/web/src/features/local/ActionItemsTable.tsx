import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { ActionItemRowFragment } from "@/gql/graphql";
import { DateText } from "../i18n/DateText";
import { ActionItemCloseForm } from "./ActionItemCloseForm";
import { cardName } from "./names";

/**
 * A body's action items: what, whom it concerns, the owner, the deadline (an overdue one says so
 * in words, and its row is marked), the status and the meeting that decided it. An open item
 * carries its closing form (`closable`), folded away under a button that names the action.
 */
export function ActionItemsTable({
  items,
  caption,
  closable,
  showMeeting = true,
  returnTo,
}: {
  items: readonly ActionItemRowFragment[];
  caption: string;
  closable: boolean;
  showMeeting?: boolean;
  returnTo: string;
}) {
  const t = useTranslations("local.actions");
  const tStatus = useTranslations("enums.actionItemStatus");
  const tKind = useTranslations("enums.meetingKind");
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data-table action-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("description")}</th>
            <th scope="col">{t("owner")}</th>
            <th scope="col">{t("dueOn")}</th>
            <th scope="col">{t("status")}</th>
            {showMeeting ? <th scope="col">{t("meeting")}</th> : null}
            {closable ? (
              <th scope="col" className="no-print">
                {t("close")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.overdue ? "row--overdue" : undefined}>
              <th scope="row">
                {item.description}
                {item.person ? (
                  <span className="block small muted">
                    {t("concerns", { name: cardName(item.person.card) })}
                  </span>
                ) : null}
              </th>
              <td>{item.owner?.displayName ?? <span className="muted">—</span>}</td>
              <td className="nowrap">
                <DateText iso={item.dueOn} />
                {item.overdue ? (
                  <span className="block">
                    <span className="badge badge--danger">{t("overdue")}</span>
                  </span>
                ) : null}
              </td>
              <td>
                {tStatus(item.status)}
                {item.closedOn ? (
                  <span className="block small muted">
                    <DateText iso={item.closedOn} />
                  </span>
                ) : null}
                {item.closingNote ? <span className="block small">{item.closingNote}</span> : null}
              </td>
              {showMeeting ? (
                <td className="nowrap">
                  {item.meeting ? (
                    <Link
                      href={`/${locale}/local/meetings/${encodeURIComponent(item.meeting.id)}`}
                      prefetch={false}
                    >
                      {tKind(item.meeting.kind)}, <DateText iso={item.meeting.heldOn} />
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              ) : null}
              {closable ? (
                <td className="no-print row-form">
                  {item.status === "OPEN" ? (
                    <details className="form-disclosure">
                      <summary>
                        {t("closeOpen")}
                        <span className="sr-only">: {item.description}</span>
                      </summary>
                      <ActionItemCloseForm item={item} returnTo={returnTo} />
                    </details>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
