import { useTranslations } from "next-intl";

/**
 * A measure type's name in the page's language: the portal translates the types it knows by code;
 * a type an administrator added since is shown with the name the API gives.
 */
export function useMeasureTypeName(): (type: { code: string; name: string } | null | undefined) => string {
  const t = useTranslations("measureTypeNames");
  return (type) => {
    if (!type) return "—";
    const key = type.code as "CELL_SEARCHES";
    return t.has(key) ? t(key) : type.name;
  };
}
