import { useTranslations } from "next-intl";

/** In place of a value the user may not see (a data class outside their access to this case). */
export function Restricted() {
  const t = useTranslations("common");
  return <span className="muted restricted">{t("restricted")}</span>;
}
