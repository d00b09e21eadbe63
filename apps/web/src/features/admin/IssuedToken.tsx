"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A token secret, shown once: a warning, the token in a read-only field and a copy button, until
 * the administrator dismisses it. The heading takes the focus so screen readers announce it.
 */
export function IssuedToken({
  name,
  token,
  onDismiss,
}: {
  name: string;
  token: string;
  onDismiss: () => void;
}) {
  const t = useTranslations("admin.tokens.issued");
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <section aria-labelledby={`${id}-issued`} className="card new-token">
      <h3 id={`${id}-issued`} ref={heading} tabIndex={-1}>
        {t("heading", { name })}
      </h3>
      <p className="notice notice--warning">{t("warning")}</p>
      <div className="field">
        <label htmlFor={`${id}-token`}>{t("token")}</label>
        <input
          id={`${id}-token`}
          type="text"
          readOnly
          value={token}
          className="mono"
          spellCheck={false}
          aria-describedby={`${id}-token-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <p id={`${id}-token-hint`} className="hint">
          {t("hint")}
        </p>
      </div>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          {t("copy")}
        </button>
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {t("dismiss")}
        </button>
      </div>
      <p role="status" className="small">
        {copied === "yes" ? t("copied") : copied === "no" ? t("copyFailed") : null}
      </p>
    </section>
  );
}
