import { useTranslations } from "next-intl";
import type { ConditionStatus } from "@/gql/graphql";

const TONE: Record<ConditionStatus, string> = {
  PROPOSED: "badge--neutral",
  ACTIVE: "badge--ok",
  ENDED: "badge--neutral",
  WITHDRAWN: "badge--neutral",
};

/** Where a condition stands, in words (the colour only repeats it). */
export function ConditionStatusBadge({ status }: { status: ConditionStatus }) {
  const t = useTranslations("enums.conditionStatus");
  return <span className={`badge ${TONE[status]}`}>{t(status)}</span>;
}
