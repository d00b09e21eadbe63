"use client";

import { pick, useGraphiQL } from "@graphiql/react";
import { useEffect, useId, useState } from "react";
import { EXAMPLE_QUERIES, type ExampleId, variablesText } from "./example-queries";
import type { ExplorerTexts } from "./explorer-texts";

const BY_ID = new Map(EXAMPLE_QUERIES.map((example) => [example.id, example]));

/**
 * The saved example queries, as a GraphiQL plugin's pane beside the editor: each a button that puts
 * its query and variables into the editor (click, Enter or Space), its description tied to it, and
 * a polite status message once it is there. In the page's language, inside GraphiQL's English UI.
 * An example chosen before the editors are ready (Monaco loads after the list) waits for them.
 */
export function ExampleList({ texts }: { texts: ExplorerTexts }) {
  const { queryEditor, variableEditor } = useGraphiQL(pick("queryEditor", "variableEditor"));
  const [chosen, setChosen] = useState<ExampleId | null>(null);
  const [status, setStatus] = useState("");
  const id = useId();

  useEffect(() => {
    if (chosen === null || !queryEditor || !variableEditor) return;
    const example = BY_ID.get(chosen);
    const text = texts.examples.find((e) => e.id === chosen);
    setChosen(null);
    if (!example || !text) return;
    queryEditor.setValue(example.query);
    variableEditor.setValue(variablesText(example));
    setStatus(text.loaded);
  }, [chosen, queryEditor, variableEditor, texts]);

  return (
    <section lang={texts.locale} aria-labelledby={`${id}-heading`} className="explorer-examples">
      <h2 id={`${id}-heading`} className="explorer-examples__heading">
        {texts.examplesTitle}
      </h2>
      <p className="explorer-examples__intro">{texts.examplesIntro}</p>
      <ul className="explorer-examples__list">
        {texts.examples.map((example) => (
          <li key={example.id}>
            <button
              type="button"
              className="explorer-examples__button"
              data-example={example.id}
              aria-describedby={`${id}-${example.id}`}
              onClick={() => setChosen(example.id)}
            >
              {example.title}
            </button>
            <p id={`${id}-${example.id}`} className="explorer-examples__description">
              {example.description}
            </p>
          </li>
        ))}
      </ul>
      <p role="status" className="explorer-examples__status">
        {status}
      </p>
    </section>
  );
}
