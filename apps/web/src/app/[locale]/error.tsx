"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/** Unexpected failures (the API down, an error the page does not handle): say so, offer a retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <main id="main" className="page page--narrow">
      <title>{`${t("title")} — Continuum`}</title>
      <h1 ref={heading} tabIndex={-1}>
        {t("heading")}
      </h1>
      <p>{t("body")}</p>
      <button type="button" className="button button--primary" onClick={() => reset()}>
        {t("retry")}
      </button>
    </main>
  );
}
