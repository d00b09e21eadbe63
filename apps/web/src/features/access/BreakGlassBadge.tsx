import { useTranslations } from "next-intl";

/** Marks a case opened through break-the-glass (read-only, time-limited, reviewed by oversight). */
export function BreakGlassBadge() {
  const t = useTranslations("breakGlass");
  return <span className="badge badge--warning">{t("badge")}</span>;
}
