import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { INFORMATION_CARD_FIELDS } from "@continuum/domain";
import { isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { printedSchema } from "../src/graphql/print-schema.js";
import { graphqlSchema } from "../src/graphql/schema.js";

describe("the GraphQL contract", () => {
  it("matches the committed apps/api/schema.graphql (run `pnpm --filter @continuum/api schema:print` after a change)", async () => {
    const committed = readFileSync(fileURLToPath(new URL("../schema.graphql", import.meta.url)), "utf8");
    expect(await printedSchema()).toBe(committed);
  });

  it("declares an access rule on every query and mutation", async () => {
    const schema = await graphqlSchema();
    const missing: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const rule = field.extensions?.access;
        if (
          !["PUBLIC", "AUTHENTICATED", "WRITE", "ADMIN", "REVIEWER", "TOKEN_SELF_SERVICE"].includes(
            String(rule),
          )
        )
          missing.push(`${root?.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps PUBLIC to logging in and out and to knowing who you are", async () => {
    const schema = await graphqlSchema();
    const publicFields = [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
      Object.values(root?.getFields() ?? {})
        .filter((f) => f.extensions?.access === "PUBLIC")
        .map((f) => f.name),
    );
    expect(publicFields.sort()).toEqual(["login", "loginVerifyTotp", "logout", "me", "viewer"]);
  });

  it("defines every analytics figure, with an example query, in docs/analytics.md", async () => {
    const schema = await graphqlSchema();
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/analytics.md", import.meta.url)), "utf8");
    const analytics = schema.getType("Analytics");
    if (!isObjectType(analytics)) throw new Error("no Analytics type");
    const figures = Object.keys(analytics.getFields()).filter((name) => name !== "scope");
    const undocumented = figures.filter(
      (name) => !new RegExp(`^### .*\\b${name}\\b`, "m").test(doc) || !doc.includes(`${name}(`),
    );
    expect(undocumented).toEqual([]);
  });

  it("documents every type, field, argument and input field for integrators", async () => {
    const schema = await graphqlSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name))
        continue;
      const isRoot = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(
        type as never,
      );
      if (!type.description && !isRoot) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : [])
            if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("gives the information card exactly the fields packages/domain defines for it", async () => {
    const card = (await graphqlSchema()).getType("InformationCard");
    if (!isObjectType(card)) throw new Error("InformationCard is not an object type");
    expect(Object.keys(card.getFields()).sort()).toEqual([...INFORMATION_CARD_FIELDS].sort());
  });

  it("declares a data class on every personal-data field of a person", async () => {
    const person = (await graphqlSchema()).getType("Person");
    if (!isObjectType(person)) throw new Error("Person is not an object type");
    const unguarded = Object.values(person.getFields())
      .filter((f) => f.extensions?.dataClass === undefined)
      .map((f) => f.name)
      .sort();
    // id, what the actor may see (not personal data), the card (readable by every actor who sees the
    // case), the timeline and the reports (each filters its rows by class and handling code itself),
    // and who is responsible after release (shown to whoever sees the person, as the card's contact).
    expect(unguarded).toEqual(["access", "card", "id", "reports", "responsibilities", "timeline"]);
  });
});
