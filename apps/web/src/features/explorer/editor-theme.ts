/**
 * The editors' colours. GraphiQL's light theme takes Monaco's "vs" token colours, some of which
 * fall under 4.5:1 on GraphiQL's grey panes (numbers #098658, types #008080, comments #008000,
 * arguments #6c69ce, directives #808080); this theme keeps GraphiQL's look with darker tokens,
 * each at least 5:1 on white and on the panes (#f1f2f4).
 */
export const EDITOR_THEME_NAME = "continuum-light";

export const EDITOR_THEME = {
  base: "vs" as const,
  inherit: true,
  rules: [
    { token: "comment", foreground: "1a6b1a" },
    { token: "number", foreground: "067048" },
    { token: "type", foreground: "006666" },
    { token: "annotation", foreground: "5c5c5c" },
    { token: "invalid", foreground: "a01818" },
    { token: "argument.identifier.gql", foreground: "5552b8" },
  ],
  colors: {
    // As GraphiQL's own theme: the panes' colour shows through, its pink marks focus and matches.
    "editor.background": "#ffffff00",
    "scrollbar.shadow": "#ffffff00",
    focusBorder: "#d60590",
    "textLink.foreground": "#d60590",
    "textLink.activeForeground": "#d60590",
    "editorLink.activeForeground": "#d60590",
    "editorHoverWidget.background": "#ffffff",
    "editorSuggestWidget.background": "#ffffff",
    "editorSuggestWidget.selectedBackground": "#d6059019",
    "editorSuggestWidget.selectedForeground": "#b0047a",
    "editorWidget.background": "#ffffff",
    "list.hoverBackground": "#d6059019",
    "list.highlightForeground": "#b0047a",
    "list.focusHighlightForeground": "#b0047a",
  },
};
