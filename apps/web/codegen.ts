import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations from the API's committed SDL (GraphQL Code Generator, client preset).
 * Operations live beside the UI that uses them: src/features/<area>/*.graphql.
 * The output (src/gql/) is generated, gitignored and never edited.
 */
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["src/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { Date: "string", DateTime: "string", JSONObject: "Record<string, unknown>" },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
