"use client";

// Monaco's web workers (editor, JSON, GraphQL), bundled by Next as chunks of this page: the
// `new Worker(new URL(..., import.meta.url))` form that webpack and Turbopack both understand.
import "graphiql/setup-workers/webpack";
import "graphiql/style.css";
import type { GraphiQLPlugin } from "@graphiql/react";
import { StarIcon, useMonaco } from "@graphiql/react";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import { useEffect, useMemo } from "react";
import { ExampleList } from "./ExampleList";
import { EDITOR_THEME, EDITOR_THEME_NAME } from "./editor-theme";
import { EXAMPLE_QUERIES, variablesText } from "./example-queries";
import type { ExplorerTexts } from "./explorer-texts";
import { sameOriginFetcher } from "./fetcher";
import { memoryStorage } from "./memory-storage";

const fetcher = sameOriginFetcher();
const EDITOR_THEMES = { light: EDITOR_THEME_NAME, dark: EDITOR_THEME_NAME };

/** Monaco loads after GraphiQL renders; its theme is defined (and applied) as soon as it is there. */
function useEditorTheme() {
  const monaco = useMonaco((state) => state.monaco);
  useEffect(() => {
    if (!monaco) return;
    monaco.editor.defineTheme(EDITOR_THEME_NAME, EDITOR_THEME);
    monaco.editor.setTheme(EDITOR_THEME_NAME);
  }, [monaco]);
}

/**
 * GraphiQL over the portal's `/graphql`, as the signed-in user: the schema's documentation comes
 * from introspection in this session (the API allows it only to the explorer's users, the same
 * rule as this page's: `mayExploreSchema`), and every
 * operation is the user's own, audited by the API like any other. Beside the editor, the saved
 * example queries (a plugin, open at first). Loaded only on this page (`next/dynamic`, no SSR).
 */
export function Explorer({ texts }: { texts: ExplorerTexts }) {
  useEditorTheme();
  const examplesPlugin = useMemo<GraphiQLPlugin>(
    () => ({
      title: texts.examplesTitle,
      icon: StarIcon,
      content: () => <ExampleList texts={texts} />,
    }),
    [texts],
  );
  const plugins = useMemo(() => [examplesPlugin, HISTORY_PLUGIN], [examplesPlugin]);
  const storage = useMemo(() => memoryStorage(), []);
  const first = EXAMPLE_QUERIES.find((example) => example.id === texts.examples[0]?.id);

  return (
    <div className="explorer__ide" lang="en">
      <GraphiQL
        fetcher={fetcher}
        plugins={plugins}
        visiblePlugin={examplesPlugin}
        storage={storage}
        initialQuery={first?.query}
        initialVariables={first ? variablesText(first) : undefined}
        defaultEditorToolsVisibility="variables"
        isHeadersEditorEnabled={false}
        shouldPersistHeaders={false}
        showPersistHeadersSettings={false}
        forcedTheme="light"
        editorTheme={EDITOR_THEMES}
      />
    </div>
  );
}
