"use client";

import { useApolloClient, useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { CurrentViewerDocument, LoginDocument, LoginVerifyTotpDocument } from "@/gql/graphql";
import { localeOfLanguage } from "@/i18n/locale";
import { useRouter } from "@/i18n/navigation";
import { rememberLocale } from "@/i18n/remember-locale";
import { afterLoginPath } from "../access/access";

/**
 * E-mail and password, sent with the `login` mutation through the portal's origin. On success the
 * API sets the HttpOnly session cookie. When the account uses an authenticator app, a second step
 * asks for its 6-digit code (`loginVerifyTotp`). Then the user goes on in their own language: to
 * the second-factor enrolment if their account needs one, to the purpose page, then to `next` (or
 * their home page). Any failure of the first step shows the same message, so the form never tells
 * which part was wrong.
 */
export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations("login");
  const router = useRouter();
  const client = useApolloClient();
  const id = useId();
  const [login] = useMutation(LoginDocument);
  const [verify] = useMutation(LoginVerifyTotpDocument);
  const [step, setStep] = useState<"password" | "code">("password");
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (step === "code") codeInput.current?.focus();
  }, [step]);

  /** Logged in: on to the next step, in the user's stored language. */
  async function proceed() {
    const { data } = await client.query({ query: CurrentViewerDocument, fetchPolicy: "no-cache" });
    const viewer = data?.viewer;
    if (!viewer) throw new Error("no session after login");
    const locale = localeOfLanguage(viewer.user.language);
    rememberLocale(locale);
    router.replace(afterLoginPath(viewer, next), { locale });
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
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
      const payload = data?.login;
      if (!payload?.user) throw new Error("login refused");
      if (payload.secondFactorRequired) {
        setStep("code");
        setPending(false);
        return;
      }
      await proceed();
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  async function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    setPending(true);
    setFailed(false);
    try {
      const { data } = await verify({ variables: { code } });
      if (!data?.loginVerifyTotp?.ok) throw new Error("code refused");
      await proceed();
    } catch {
      setFailed(true);
      setPending(false);
    }
  }

  if (step === "code") {
    return (
      <form method="post" className="login-form" onSubmit={onCode} aria-describedby={`${id}-error`}>
        <div id={`${id}-error`} role="alert" className={failed ? "alert alert--error" : "alert-placeholder"}>
          {failed ? t("codeFailed") : null}
        </div>
        <p>{t("codeIntro")}</p>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t("code")}</label>
          <input
            ref={codeInput}
            id={`${id}-code`}
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            className="input--code"
            aria-describedby={`${id}-code-hint`}
            aria-invalid={failed || undefined}
          />
          <p id={`${id}-code-hint`} className="hint">
            {t("codeHint")}
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {pending ? t("verifying") : t("verify")}
        </button>
      </form>
    );
  }

  return (
    <form method="post" className="login-form" onSubmit={onPassword} aria-describedby={`${id}-error`}>
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
