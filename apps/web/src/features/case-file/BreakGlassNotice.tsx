import { useFormatter, useTranslations } from "next-intl";
import { BREAK_GLASS_HOURS } from "@/lib/limits/limits";

/**
 * Says that this case is open through break-the-glass: read-only, for a limited time, every read
 * flagged and reviewed by oversight. `expiresAt` is known right after opening (the grant's expiry,
 * carried in the URL); otherwise the notice gives the rule.
 */
export function BreakGlassNotice({ expiresAt }: { expiresAt: string | null }) {
  const t = useTranslations("breakGlass");
  const format = useFormatter();
  return (
    <div
      className="notice notice--warning break-glass-notice"
      role="note"
      aria-labelledby="break-glass-heading"
    >
      <p id="break-glass-heading" className="notice__title">
        {t("noticeTitle")}
      </p>
      <p>
        {expiresAt
          ? t.rich("noticeUntil", {
              until: format.dateTime(new Date(expiresAt), "instant"),
              time: (chunks) => <time dateTime={expiresAt}>{chunks}</time>,
            })
          : t("noticeRule", { hours: BREAK_GLASS_HOURS })}
      </p>
    </div>
  );
}
