"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiTokenRevokeDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";

/** Revokes an API token at once. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("admin.tokens");
  const router = useRouter();
  const [revoke] = useMutation(ApiTokenRevokeDocument);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await revoke({ variables: { input: { apiTokenId: tokenId } } });
      const payload = data?.apiTokenRevoke;
      if (!payload?.apiToken || payload.userErrors.length > 0) throw new Error("refused");
    } catch {
      setFailed(true);
      setBusy(false);
      return;
    }
    setBusy(false);
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        className="button button--danger button--small"
        onClick={() => void onClick()}
        disabled={busy}
        aria-busy={busy}
      >
        {t("revoke")}
        <span className="sr-only"> {name}</span>
      </button>
      <span role="alert" className={failed ? "alert alert--error alert--inline" : "alert-placeholder"}>
        {failed ? t("revokeFailed") : null}
      </span>
    </>
  );
}
