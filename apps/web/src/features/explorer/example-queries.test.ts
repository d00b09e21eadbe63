import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLSchema, Kind, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import fr from "../../../messages/fr.json";
import nl from "../../../messages/nl.json";
import { EXAMPLE_QUERIES, variablesText } from "./example-queries";

const schema: GraphQLSchema = buildSchema(
  readFileSync(new URL("../../../../api/schema.graphql", import.meta.url), "utf8"),
);

const catalogues = { en, fr, nl } as const;

/** A message of the explorer namespace by its dotted key, or undefined. */
function message(catalogue: (typeof catalogues)[keyof typeof catalogues], key: string): unknown {
  let node: unknown = catalogue.explorer;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe("the explorer's example queries", () => {
  it("have unique ids", () => {
    const ids = EXAMPLE_QUERIES.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const example of EXAMPLE_QUERIES) {
    describe(example.id, () => {
      it("is valid against the API's schema", () => {
        const document = parse(example.query);
        expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      });

      it("is one named query, with a value for each of its required variables and no other", () => {
        const document = parse(example.query);
        const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
        expect(operations).toHaveLength(1);
        const [operation] = operations;
        if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error("no operation");
        expect(operation.operation).toBe("query");
        expect(operation.name?.value).toMatch(/^[A-Z]\w+$/);
        const declared = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value);
        expect(Object.keys(example.variables).sort()).toEqual([...declared].sort());
        if (declared.length > 0) expect(JSON.parse(variablesText(example))).toEqual(example.variables);
        else expect(variablesText(example)).toBe("");
      });

      it("has its title and description in English, French and Dutch", () => {
        for (const [locale, catalogue] of Object.entries(catalogues)) {
          for (const key of [example.titleKey, example.descriptionKey]) {
            const text = message(catalogue, key);
            expect(typeof text === "string" && text.trim() !== "", `${locale} explorer.${key}`).toBe(true);
          }
        }
      });
    });
  }

  it("include the paper's two figures and the drill-down, which only readers of cases may run", () => {
    const byId = new Map(EXAMPLE_QUERIES.map((example) => [example.id, example]));
    expect(byId.get("listedByCategory")?.query).toMatch(
      /listedPersons\([^)]*interval: MONTH[^)]*by: CATEGORY/,
    );
    expect(byId.get("listComparison")?.query).toMatch(/listComparison\([^)]*by: LIST/);
    expect(EXAMPLE_QUERIES.filter((example) => example.readersOfCasesOnly).map((e) => e.id)).toEqual([
      "drillDown",
    ]);
  });
});
