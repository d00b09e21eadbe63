import { useTranslations } from "next-intl";
import type { DisengagementLevel, IdeologicalMotive, ProgrammeStatus } from "@/gql/graphql";

/** Badges: the text says it, the colour only repeats it. */

const STATUS_TONE: Record<ProgrammeStatus, string> = {
  OFFERED: "neutral",
  ACCEPTED: "ok",
  ACTIVE: "ok",
  SUSPENDED: "warning",
  COMPLETED: "ok",
  REFUSED: "neutral",
  DISCONTINUED: "neutral",
};

export function ProgrammeStatusBadge({ status }: { status: ProgrammeStatus }) {
  const t = useTranslations("enums.programmeStatus");
  return <span className={`badge badge--${STATUS_TONE[status]}`}>{t(status)}</span>;
}

const MOTIVE_TONE: Record<IdeologicalMotive, string> = {
  YES: "danger",
  UNDETERMINED: "warning",
  NO: "neutral",
};

/** Whether an incident was ideologically motivated: said in words, never by colour alone. */
export function IdeologicalBadge({ motive }: { motive: IdeologicalMotive }) {
  const t = useTranslations("incidents.motive");
  return <span className={`badge badge--${MOTIVE_TONE[motive]}`}>{t(motive)}</span>;
}

const LEVEL_TONE: Record<DisengagementLevel, string> = {
  NO_SIGNS: "warning",
  SOME_SIGNS: "neutral",
  CLEAR_SIGNS: "ok",
};

export function DisengagementLevelBadge({ level }: { level: DisengagementLevel }) {
  const t = useTranslations("enums.disengagementLevel");
  return <span className={`badge badge--${LEVEL_TONE[level]}`}>{t(level)}</span>;
}
