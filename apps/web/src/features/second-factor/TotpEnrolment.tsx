"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { TotpConfirmDocument, TotpEnrollDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";

/** The secret in groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Enrols an authenticator app: a new secret (shown once, as text and as an otpauth:// URI for apps
 * that import one; no QR code, which would need a library or a third-party service), then a first
 * 6-digit code to confirm it. From then on every login asks for a code.
 */
export function TotpEnrolment({ continueTo }: { continueTo: string }) {
  const t = useTranslations("secondFactor");
  const router = useRouter();
  const id = useId();
  const [enroll] = useMutation(TotpEnrollDocument);
  const [confirm] = useMutation(TotpConfirmDocument);
  const [secret, setSecret] = useState<{ secret: string; uri: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<"start" | "code" | null>(null);
  const secretHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (secret) secretHeading.current?.focus();
  }, [secret]);

  async function start() {
    setPending(true);
    setError(null);
    try {
      const { data } = await enroll();
      const payload = data?.totpEnroll;
      if (!payload?.secret || !payload.uri) throw new Error("enrolment refused");
      setSecret({ secret: payload.secret, uri: payload.uri });
    } catch {
      setError("start");
    }
    setPending(false);
  }

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    setPending(true);
    setError(null);
    try {
      const { data } = await confirm({ variables: { code } });
      if (!data?.totpConfirm?.ok) throw new Error("code refused");
    } catch {
      setError("code");
      setPending(false);
      return;
    }
    router.replace(continueTo);
  }

  if (!secret) {
    return (
      <div className="form-card">
        <div role="alert" className={error === "start" ? "alert alert--error" : "alert-placeholder"}>
          {error === "start" ? t("startFailed") : null}
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void start()}
          disabled={pending}
          aria-busy={pending}
        >
          {t("start")}
        </button>
      </div>
    );
  }

  return (
    <div className="form-card">
      <h2 ref={secretHeading} tabIndex={-1}>
        {t("secretHeading")}
      </h2>
      <p>{t("secretIntro")}</p>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t("secret")}</dt>
          <dd>
            <code className="secret" translate="no">
              {grouped(secret.secret)}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t("uri")}</dt>
          <dd>
            <code className="secret secret--wrap" translate="no">
              {secret.uri}
            </code>
          </dd>
        </div>
      </dl>
      <p className="hint">{t("shownOnce")}</p>
      <form method="post" onSubmit={onConfirm} aria-describedby={`${id}-error`}>
        <div
          id={`${id}-error`}
          role="alert"
          className={error === "code" ? "alert alert--error" : "alert-placeholder"}
        >
          {error === "code" ? t("codeFailed") : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t("code")}</label>
          <input
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
            aria-invalid={error === "code" || undefined}
          />
          <p id={`${id}-code-hint`} className="hint">
            {t("codeHint")}
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
          {t("confirm")}
        </button>
      </form>
    </div>
  );
}
