import type { ExampleId } from "./example-queries";

/** An example as the list shows it, in the page's language (translated on the server). */
export interface ExampleText {
  id: ExampleId;
  title: string;
  description: string;
  /** Said (politely) once the example is in the editor. */
  loaded: string;
}

/** Everything the client part of the explorer says, in the page's language. */
export interface ExplorerTexts {
  locale: string;
  loading: string;
  loadFailed: string;
  examplesTitle: string;
  examplesIntro: string;
  examples: ExampleText[];
}
