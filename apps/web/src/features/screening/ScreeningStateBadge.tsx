import type { ScreeningState } from "@continuum/domain";
import { useTranslations } from "next-intl";

const TONE: Record<ScreeningState, string> = {
  OVERDUE: "danger",
  DUE_SOON: "warning",
  SCHEDULED: "ok",
  NOT_APPLICABLE: "neutral",
};

/** Where the next screening stands: the state is written out, the colour only repeats it. */
export function ScreeningStateBadge({ state }: { state: ScreeningState }) {
  const t = useTranslations("enums.screeningState");
  return <span className={`badge badge--${TONE[state]}`}>{t(state)}</span>;
}
