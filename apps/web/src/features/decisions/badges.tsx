import { useTranslations } from "next-intl";
import type { MeasureStatus } from "@/gql/graphql";
import type { AppealState, NoticeState } from "./standing";

/** Badges: the text says it, the colour only repeats it. */

/** In force is what needs attention; every other status (ended one way or another) is neutral. */
const STATUS_TONE: Partial<Record<string, string>> = { ACTIVE: "warning", LIFTED: "ok" };

export function MeasureStatusBadge({ status }: { status: MeasureStatus }) {
  const t = useTranslations("enums.measureStatus");
  return <span className={`badge badge--${STATUS_TONE[status] ?? "neutral"}`}>{t(status)}</span>;
}

const NOTICE_TONE: Record<NoticeState, string> = {
  NOT_NEEDED: "neutral",
  TOLD: "ok",
  DUE: "warning",
  OVERDUE: "danger",
};

export function NoticeBadge({ state }: { state: NoticeState }) {
  const t = useTranslations("enums.noticeState");
  return <span className={`badge badge--${NOTICE_TONE[state]}`}>{t(state)}</span>;
}

const APPEAL_TONE: Record<AppealState, string> = { ANSWERED: "ok", PENDING: "warning", OVERDUE: "danger" };

export function AppealBadge({ state }: { state: AppealState }) {
  const t = useTranslations("enums.appealState");
  return <span className={`badge badge--${APPEAL_TONE[state]}`}>{t(state)}</span>;
}
