"use client";

import dynamic from "next/dynamic";
import { createContext, useContext } from "react";
import type { ExplorerTexts } from "./explorer-texts";
import "./explorer.css";

const Texts = createContext<ExplorerTexts | null>(null);

function Loading() {
  const texts = useContext(Texts);
  return (
    <p className="explorer__loading" aria-live="polite">
      {texts?.loading}
    </p>
  );
}

function LoadFailed({ texts }: { texts: ExplorerTexts }) {
  return (
    <p className="explorer__loading" role="alert">
      {texts.loadFailed}
    </p>
  );
}

/**
 * GraphiQL (Monaco, its workers and its styles) is loaded in the browser only, and only by this
 * page: a chunk of its own, never part of another page's bundle, never rendered on the server.
 */
const Explorer = dynamic(
  () => import("./Explorer").then((module) => module.Explorer).catch(() => LoadFailed),
  { ssr: false, loading: Loading },
);

export function ExplorerLoader({ texts }: { texts: ExplorerTexts }) {
  return (
    <Texts.Provider value={texts}>
      <Explorer texts={texts} />
    </Texts.Provider>
  );
}
