"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiTokenTrustedOperationsSetDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";

/** Limits a token to its registered operations, or lifts the limit. */
export function TrustedOperationsToggle({
  tokenId,
  name,
  trusted,
}: {
  tokenId: string;
  name: string;
  trusted: boolean;
}) {
  const t = useTranslations("admin.tokens.trusted");
  const router = useRouter();
  const [set] = useMutation(ApiTokenTrustedOperationsSetDocument);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await set({
        variables: { input: { apiTokenId: tokenId, trustedOperationsOnly: !trusted } },
      });
      if (!data?.apiTokenTrustedOperationsSet?.apiToken) throw new Error("refused");
    } catch {
      setFailed(true);
    }
    setBusy(false);
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void onClick()}
        disabled={busy}
        aria-busy={busy}
      >
        {trusted ? t("unlock") : t("lock")}
        <span className="sr-only"> {name}</span>
      </button>
      <span role="alert" className={failed ? "alert alert--error alert--inline" : "alert-placeholder"}>
        {failed ? t("failed") : null}
      </span>
    </>
  );
}
