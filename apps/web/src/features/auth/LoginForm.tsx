"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { LoginDocument } from "@/gql/graphql";
import { localeOfLanguage } from "@/i18n/locale";
import { useRouter } from "@/i18n/navigation";
import { rememberLocale } from "@/i18n/remember-locale";

/**
 * E-mail and password, sent with the `login` mutation through the portal's origin. On success the
 * API sets the HttpOnly session cookie and the user lands on the caseload in their own language.
 * Any failure shows the same message, so the form never tells which part was wrong.
 */
export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const id = useId();
  const [login] = useMutation(LoginDocument);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailed(false);
    try {
      const { data } = await login({
        variables: {
          input: { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") },
        },
      });
      const user = data?.login?.user;
      if (!user) throw new Error("login refused");
      const locale = localeOfLanguage(user.language);
      rememberLocale(locale);
      router.replace("/caseload", { locale });
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  return (
    <form method="post" className="login-form" onSubmit={onSubmit} aria-describedby={`${id}-error`}>
      <div id={`${id}-error`} role="alert" className={failed ? "alert alert--error" : "alert-placeholder"}>
        {failed ? t("failed") : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t("email")}</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          spellCheck={false}
          aria-invalid={failed || undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t("password")}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={failed || undefined}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
