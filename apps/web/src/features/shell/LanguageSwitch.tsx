"use client";

import { useMutation } from "@apollo/client/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { UpdateLanguageDocument } from "@/gql/graphql";
import { languageOfLocale } from "@/i18n/locale";
import { usePathname, useRouter } from "@/i18n/navigation";
import { rememberLocale } from "@/i18n/remember-locale";
import { LOCALES, type Locale } from "@/i18n/routing";

/**
 * EN / FR / NL. A choice is stored as the user's preference (so it follows them to any browser),
 * remembered in this browser (NEXT_LOCALE) and shown at once: the same page in the new language.
 */
export function LanguageSwitch() {
  const t = useTranslations();
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const id = useId();
  const [update] = useMutation(UpdateLanguageDocument);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function choose(next: Locale) {
    if (next === locale || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await update({ variables: { language: languageOfLocale(next) } });
      if (!data?.userPreferencesUpdate?.user || data.userPreferencesUpdate.userErrors.length > 0) {
        throw new Error("language not saved");
      }
    } catch {
      setFailed(true);
      setBusy(false);
      return;
    }
    rememberLocale(next);
    router.replace(`${pathname}${window.location.search}`, { locale: next });
  }

  return (
    <div className="language-switch">
      <span id={`${id}-label`} className="language-switch__label">
        {t("shell.languageSwitch")}
      </span>
      <ul aria-labelledby={`${id}-label`}>
        {LOCALES.map((l) => (
          <li key={l}>
            <button
              type="button"
              lang={l}
              className="language-switch__option"
              aria-pressed={l === locale}
              disabled={busy}
              onClick={() => void choose(l)}
            >
              {t(`languages.${l}`)}
            </button>
          </li>
        ))}
      </ul>
      <div role="alert" className={failed ? "alert alert--error alert--inline" : "alert-placeholder"}>
        {failed ? t("shell.languageFailed") : null}
      </div>
    </div>
  );
}
