import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CriticalityLevel, DiffRule, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";

// The committed SDL is the contract. Against the SDL of the latest release (tests/contract/releases),
// the current schema may add and deprecate, but not break: removing a field, type, argument or
// enum value, or changing a type, is allowed only for what the release had already deprecated.

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8");
const releases = readdirSync(fileURLToPath(new URL("../releases", import.meta.url)))
  .filter((f) => f.endsWith(".graphql"))
  .sort();
const latest = releases.at(-1) as string;

describe(`the schema against the latest release (${latest})`, () => {
  it("breaks nothing that the release had not deprecated first", async () => {
    const released = buildSchema(read(`../releases/${latest}`));
    const current = buildSchema(read("../../../apps/api/schema.graphql"));
    const changes = await diff(released, current, [
      DiffRule.suppressRemovalOfDeprecatedField,
      DiffRule.ignoreDescriptionChanges,
    ]);
    const breaking = changes
      .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
      .map((c) => c.message);
    expect(breaking).toEqual([]);
  });

  it("sees a removed field as breaking (the check itself works)", async () => {
    const released = buildSchema("type Query { a: Int, b: Int }");
    const changes = await diff(released, buildSchema("type Query { a: Int }"), [
      DiffRule.suppressRemovalOfDeprecatedField,
    ]);
    expect(changes.some((c) => c.criticality.level === CriticalityLevel.Breaking)).toBe(true);
    const deprecated = buildSchema('type Query { a: Int, b: Int @deprecated(reason: "use a") }');
    const afterDeprecation = await diff(deprecated, buildSchema("type Query { a: Int }"), [
      DiffRule.suppressRemovalOfDeprecatedField,
    ]);
    expect(afterDeprecation.filter((c) => c.criticality.level === CriticalityLevel.Breaking)).toEqual([]);
  });
});
