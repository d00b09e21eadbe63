import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { places } from "../../../apps/api/test/fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import { buildPopulation, EMAIL } from "./fixtures.js";

// Every mutation of the schema, sent inputs generated from its GraphQL input types: valid-looking
// and malformed values of every scalar, nulls, lists of random length, IDs of existing records and
// of the wrong type. Whatever is sent, the API must answer as a client error (never an internal
// error, never a 5xx), and a refused mutation (errors or userErrors) must leave every table as it
// was. Runs are bounded and seeded: FUZZ_SEED and FUZZ_RUNS reproduce or widen a run.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

/** Mutations not fuzzed here: they change who is logged in (covered by auth tests). */
const SKIPPED = new Set(["login", "loginVerifyTotp", "logout"]);

/**
 * Tables that legitimately grow on a refused mutation: the audit trail records refusals and reads
 * (it is append-only by design, docs/audit.md) and its chain head is rewritten; sessions and login
 * attempts belong to logging in, not to the mutation under test.
 */
const GROWING_TABLES = new Set(["audit_events", "audit_chain_head", "sessions", "login_attempts"]);

const schema = buildSchema(
  readFileSync(new URL("../../../apps/api/schema.graphql", import.meta.url), "utf8"),
);
const mutationType = schema.getMutationType();
if (mutationType === null || mutationType === undefined) throw new Error("the schema has no mutations");
const mutations = Object.values(mutationType.getFields()).filter((f) => !SKIPPED.has(f.name));

const globalId = (type: string, uuid: string) => Buffer.from(`${type}:${uuid}`).toString("base64url");

interface IdPools {
  all: string[];
  byName: Map<string, string[]>;
}

/** Accounts that between them may perform every mutation (docs/access.md), tried in this order. */
const ACTORS = [
  "celex.analyst",
  "admin",
  "prison-ittre.director",
  "psd-ittre.psychologist",
  "probation-brussels.officer",
  "ltf-brussels.chair",
  "lcis-molenbeek.chair",
  "caprev.counsellor",
  "vsse.analyst",
  "police.officer",
  "cuta.analyst",
  "oversight.reviewer",
  "dpo.reviewer",
  "prison-ittre.officer",
  "dgepi.director",
  "vsse.officer",
  "prosecutor.officer",
] as const;

let app: TestApp;
const clients = new Map<string, GraphQLClient>();
const actorOf = new Map<string, number>();
let knownCounts: Record<string, number> | null = null;
let ids: IdPools;
let tables: string[];

async function rowCounts(): Promise<Record<string, number>> {
  const rows = await queryRows<{ t: string; n: string }>(
    app.database.db,
    sql.raw(tables.map((t) => `select '${t}' as t, count(*)::text as n from "${t}"`).join(" union all ")),
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

const unicode = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 });
const stringArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  { weight: 2, arbitrary: unicode },
  { weight: 1, arbitrary: fc.constant("") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "   ",
      "BE",
      "XX",
      "C",
      "Fictional.",
      "a\u202Eb",
      "😀".repeat(50),
      "x\uD800y",
      "\uDC00",
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 101, max: 20_000 }).map((n) => "x".repeat(n)) },
);
const dateArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "2999-13-45",
      "2999-01-01",
      "0000-00-00",
      "2026-02-30",
      "not a date",
      "",
      "1900-01-01",
      "2026-11-27T10:00:00Z",
    ),
  },
);
const dateTimeArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .date({ min: new Date("2000-01-01"), max: new Date("2035-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  { weight: 1, arbitrary: fc.constantFrom("2999-13-45T25:61:00Z", "yesterday", "", "2026-11-27") },
);
const intArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 1_000_000) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 40), 1.5) },
);
const floatArb = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1e308, 0.5),
);
const jsonArb = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });

function idArb(fieldName: string, wild: boolean): fc.Arbitrary<string> {
  const named = ids.byName.get(fieldName.replace(/Ids?$/, "").toLowerCase()) ?? [];
  if (!wild) return fc.constantFrom(...(named.length > 0 ? named : ids.all));
  const random = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.uuid().map((u) => globalId("Person", u)),
    fc.uuid().map((u) => globalId("NoSuchType", u)),
    fc.constantFrom("", "Person:1", globalId("Person", "not-a-uuid"), "%%%", "a".repeat(300)),
  );
  const existing = fc.constantFrom(...ids.all);
  return named.length > 0
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...named) },
        { weight: 2, arbitrary: existing },
        { weight: 1, arbitrary: random },
      )
    : fc.oneof({ weight: 3, arbitrary: existing }, { weight: 1, arbitrary: random });
}

/** Values a careful client would send: the service's own rules, not GraphQL's, decide. */
function plainScalarArb(name: string, fieldName: string): fc.Arbitrary<unknown> {
  switch (name) {
    case "String":
      return fc.oneof(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.constantFrom("BE", "C", "Fictional.", "ITT"),
      );
    case "ID":
      return idArb(fieldName, false);
    case "Int":
      return fc.integer({ min: 0, max: 60 });
    case "Float":
      return fc.double({ min: 0, max: 100, noNaN: true });
    case "Boolean":
      return fc.boolean();
    case "Date":
      return fc
        .date({ min: new Date("2020-01-01"), max: new Date("2027-06-30"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "DateTime":
      return fc
        .date({ min: new Date("2026-11-28"), max: new Date("2027-06-30"), noInvalidDate: true })
        .map((d) => d.toISOString());
    case "JSONObject":
      return jsonArb;
    default:
      return fc.string({ maxLength: 10 });
  }
}

function scalarArb(name: string, fieldName: string, wild: boolean): fc.Arbitrary<unknown> {
  if (!wild) return plainScalarArb(name, fieldName);
  switch (name) {
    case "String":
      return stringArb;
    case "ID":
      return idArb(fieldName, true);
    case "Int":
      return intArb;
    case "Float":
      return floatArb;
    case "Boolean":
      return fc.boolean();
    case "Date":
      return dateArb;
    case "DateTime":
      return dateTimeArb;
    case "JSONObject":
      return jsonArb;
    default:
      return fc.oneof(stringArb, intArb);
  }
}

/** An arbitrary for a value of the input type; `undefined` stands for an omitted field. */
function valueArb(
  type: GraphQLInputType,
  fieldName: string,
  depth: number,
  wild: boolean,
): fc.Arbitrary<unknown> {
  if (!isNonNullType(type)) {
    // Nullable: sometimes null or omitted, mostly a value.
    return fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 4, arbitrary: depth > 4 ? fc.constant(null) : nonNullArb(type, fieldName, depth, wild) },
    );
  }
  if (!wild) return nonNullArb(type.ofType, fieldName, depth, wild);
  return fc.oneof(
    { weight: 30, arbitrary: nonNullArb(type.ofType, fieldName, depth, wild) },
    // Now and then a null where the schema says non-null: the API must refuse it cleanly.
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function nonNullArb(
  type: GraphQLInputType,
  fieldName: string,
  depth: number,
  wild: boolean,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return nonNullArb(type.ofType, fieldName, depth, wild);
  if (isListType(type)) {
    const item = valueArb(type.ofType, fieldName, depth + 1, wild);
    if (!wild) return fc.array(item, { minLength: 1, maxLength: 3 });
    return fc.oneof(
      { weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 20, maxLength: 120 }) },
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    if (!wild) return fc.constantFrom(...values);
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constant("NOT_A_VALUE") },
    );
  }
  if (isScalarType(type)) return scalarArb(type.name, fieldName, wild);
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = valueArb(f.type, f.name, depth + 1, wild);
    return fc
      .record(record)
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  }
  return fc.constant(null);
}

function documentFor(field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const named = getNamedType(field.type);
  const selection =
    isObjectType(named) && "userErrors" in named.getFields()
      ? "{ __typename userErrors { field message code } }"
      : isObjectType(named)
        ? "{ __typename }"
        : "";
  return `mutation Fuzz${vars ? `(${vars})` : ""} { ${field.name}${args ? `(${args})` : ""} ${selection} }`;
}

/** Half the runs send careful values (reaching the services' own checks), half anything at all. */
function argsArb(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const of = (wild: boolean) => {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const a of field.args) record[a.name] = valueArb(a.type, a.name, 0, wild);
    return fc
      .record(record)
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  };
  return fc.oneof(of(false), of(true));
}

/** How the answers fell, per mutation: printed with FUZZ_STATS=1 to see how deep the inputs reach. */
const stats = new Map<string, Record<string, number>>();
function tally(name: string, outcome: string): void {
  const counts = stats.get(name) ?? {};
  counts[outcome] = (counts[outcome] ?? 0) + 1;
  stats.set(name, counts);
}

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACTORS) clients.set(account, await app.login(EMAIL(account)));
  const celex = clients.get("celex.analyst") as GraphQLClient;
  const population = await buildPopulation(app, celex);
  const at = await places(celex);
  const rows = await queryRows<{ kind: string; id: string }>(
    app.database.db,
    sql`select 'User' as kind, id::text from users where email not in ${ACTORS.map((a) => EMAIL(a))}
        union all select 'Agency', id::text from agencies
        union all select 'Establishment', id::text from establishments
        union all (select 'Screening', id::text from screenings limit 5)
        union all (select 'Placement', id::text from placements limit 5)`,
  );
  const byName = new Map<string, string[]>();
  const add = (name: string, id: string) => byName.set(name, [...(byName.get(name) ?? []), id]);
  for (const p of population) {
    add("person", p.id);
    add("episode", p.episodeId);
  }
  for (const r of rows) add(r.kind.toLowerCase(), globalId(r.kind, r.id));
  add("establishment", at.establishment("ITT"));
  ids = { all: [...byName.values()].flat(), byName };
  tables = (
    await queryRows<{ name: string }>(
      app.database.db,
      sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    )
  )
    .map((t) => t.name)
    .filter((t) => !GROWING_TABLES.has(t));
}, 180_000);
afterAll(async () => {
  if (process.env.FUZZ_STATS) for (const [name, counts] of stats) console.log(name, JSON.stringify(counts));
  await app?.close();
});

/** Sends one input and checks the answer; true when the account was refused for its role. */
async function probe(
  name: string,
  query: string,
  variables: Record<string, unknown>,
  account: string,
): Promise<boolean> {
  const client = clients.get(account) as GraphQLClient;
  // A refusal leaves the counts as they were (asserted below), so they are counted afresh only
  // after a mutation succeeded.
  const before = knownCounts ?? (await rowCounts());
  const res = await client.request<Record<string, { userErrors?: unknown[] } | null>>(query, variables);
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  const context = JSON.stringify({
    mutation: name,
    account,
    variables,
    status: res.status,
    errors: res.errors,
  });
  const shown = `${context.slice(0, 3_000)} (seed ${SEED})`;
  expect(codes, shown).not.toContain("INTERNAL_SERVER_ERROR");
  expect(res.status, shown).toBeLessThan(500);
  const payload = res.data?.[name];
  const refused = (res.errors?.length ?? 0) > 0 || (payload?.userErrors?.length ?? 0) > 0;
  const first = res.errors?.[0];
  tally(
    name,
    first
      ? `${account} ${first.extensions?.code}${first.extensions?.reason ? "/coercion" : ""}`
      : `${account} ${payload?.userErrors?.length ? "userErrors" : "ok"}`,
  );
  knownCounts = null;
  if (refused) {
    expect(await rowCounts(), shown).toEqual(before);
    knownCounts = before;
  }
  return first?.extensions?.code === "FORBIDDEN" && /may not perform|^Only /.test(first.message);
}

describe("every mutation, fuzzed from its input types", () => {
  it("covers the schema's mutations", () => {
    expect(mutations.length).toBeGreaterThan(50);
  });

  it.each(mutations.map((m) => [m.name, m] as const))(
    "%s: answers a client error or success, never an internal error; a refusal changes no table",
    async (name, field) => {
      const query = documentFor(field);
      await fc.assert(
        fc.asyncProperty(argsArb(field), async (variables) => {
          // Sent as the first account whose agency and role may perform the mutation at all (the
          // CelEx analyst for most case work, the administrator for administration, ...): an
          // account refused by role moves the mutation on to the next one, with the same input.
          for (;;) {
            const index = actorOf.get(name) ?? 0;
            const refusedByRole = await probe(name, query, variables, ACTORS[index] as string);
            if (!refusedByRole || index >= ACTORS.length - 1) return;
            actorOf.set(name, index + 1);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    60_000,
  );
});
