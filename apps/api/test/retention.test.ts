import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { runRetentionSweep } from "../src/modules/retention/retention.job.js";
import { audited, expectNothingWritten, globalId, UNKNOWN, type UserErrorShape } from "./case-work.js";
import { EMAIL, type Places, places } from "./fixtures.js";
import { type GraphQLClient, type GraphQLResponse, startTestApp, type TestApp, TODAY } from "./harness.js";
import {
  caseWithEveryClass,
  closeCase,
  type FullCase,
  reopenCase,
  rowsOf,
  yearsBefore,
} from "./retention-fixtures.js";

// Retention after closure: the daily job lists what is due, the data-protection officer approves,
// postpones, and sets the rules; deletion and anonymisation touch exactly one class of one case,
// and the audit trail stays whole.

let app: TestApp;
let at: Places;
let dpo: GraphQLClient;
let celex: GraphQLClient;

beforeAll(async () => {
  app = await startTestApp();
  dpo = await app.login(EMAIL("dpo.reviewer"));
  celex = await app.login(EMAIL("celex.analyst"));
  at = await places(celex);
});
afterAll(() => app.close());

const ITEM_FIELDS = `id personId personReference dataClass action dueOn closedOn listedOn status decidedAt
  postponeReason rowsAffected decidedBy { displayName }`;

interface Item {
  id: string;
  personId: string;
  personReference: string;
  dataClass: string;
  action: string;
  dueOn: string;
  closedOn: string | null;
  listedOn: string;
  status: string;
  decidedAt: string | null;
  postponeReason: string | null;
  rowsAffected: number | null;
  decidedBy: { displayName: string } | null;
}

interface QueuePage {
  edges: { cursor: string; node: Item }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const QUEUE = `query($status: RetentionStatus!, $first: Int!, $after: String) {
  retentionQueue(status: $status, first: $first, after: $after) {
    edges { cursor node { ${ITEM_FIELDS} } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount } }`;

async function queuePage(status: string, first: number, after: string | null = null): Promise<QueuePage> {
  return (await dpo.data<{ retentionQueue: QueuePage }>(QUEUE, { status, first, after })).retentionQueue;
}

/** Every item of a status, page after page. */
async function queue(status: string, personId?: string): Promise<Item[]> {
  const items: Item[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await queuePage(status, 100, after);
    items.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return items.filter((i) => personId === undefined || i.personId === personId);
}

const itemOf = async (personId: string, dataClass: string, status = "PENDING") => {
  const item = (await queue(status, personId)).find((i) => i.dataClass === dataClass);
  if (item === undefined) throw new Error(`no ${status} ${dataClass} item`);
  return item;
};

const CARRY_OUT = `mutation($input: RetentionCarryOutInput!) { retentionCarryOut(input: $input) {
  items { ${ITEM_FIELDS} } userErrors { field message code } } }`;
const POSTPONE = `mutation($input: RetentionPostponeInput!) { retentionPostpone(input: $input) {
  item { ${ITEM_FIELDS} } userErrors { field message code } } }`;
const RULE_SET = `mutation($input: RetentionRuleSetInput!) { retentionRuleSet(input: $input) {
  rule { dataClass yearsAfterClosure action } userErrors { field message code } } }`;
const SWEEP = "mutation { retentionSweep { listed dropped userErrors { message } } }";

interface CarryOutPayload {
  items: Item[];
  userErrors: UserErrorShape[];
}

async function carryOut(itemIds: string[], justification = "Fictional: retention period over.") {
  return (
    await dpo.data<{ retentionCarryOut: CarryOutPayload }>(CARRY_OUT, { input: { itemIds, justification } })
  ).retentionCarryOut;
}

async function setRule(dataClass: string, yearsAfterClosure: number, action: string) {
  const res = await dpo.data<{ retentionRuleSet: { rule: unknown; userErrors: UserErrorShape[] } }>(
    RULE_SET,
    {
      input: { dataClass, yearsAfterClosure, action },
    },
  );
  return res.retentionRuleSet;
}

const FIVE_YEAR_CLASSES = ["CLINICAL", "INTELLIGENCE", "OBSERVATIONS", "PROGRAMME"];
const closedSixYearsAgo = yearsBefore(TODAY, 6);

async function closedCase(familyName: string, closedOn = closedSixYearsAgo): Promise<FullCase> {
  const c = await caseWithEveryClass(app, celex, at, familyName);
  await closeCase(app, c.uuid, closedOn);
  return c;
}

const errorCodes = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code);

describe("the daily job", () => {
  it("lists nothing before the period is over, and each due class once; audited without a user", async () => {
    const recent = await closedCase("Retenrecent", yearsBefore(TODAY, 4));
    const due = await closedCase("Retendue");
    const rows = await audited(app, async () => {
      expect((await runRetentionSweep(app.database, TODAY)).listed).toBeGreaterThanOrEqual(4);
    });
    expect(rows.map((r) => [r.operation, r.person_id, r.agency_id, r.details.listed !== undefined])).toEqual([
      ["UPDATE", null, null, true],
    ]);
    expect(await queue("PENDING", recent.personId)).toEqual([]);
    const listed = await queue("PENDING", due.personId);
    expect(listed.map((i) => i.dataClass).sort()).toEqual(FIVE_YEAR_CLASSES);
    expect(listed[0]).toMatchObject({
      personReference: expect.stringMatching(/^CX-/),
      action: "DELETE",
      closedOn: closedSixYearsAgo,
      dueOn: yearsBefore(TODAY, 1),
      listedOn: TODAY,
      status: "PENDING",
      decidedBy: null,
    });
    expect((await runRetentionSweep(app.database, TODAY)).listed).toBe(0);
    expect(await queue("PENDING", due.personId)).toHaveLength(4);
  });

  it("follows a rule change: a shorter period lists more, a longer one drops what is no longer due", async () => {
    const c = await closedCase("Retenrule");
    await runRetentionSweep(app.database, TODAY);
    const rules = await dpo.data<{ retentionRules: { dataClass: string; yearsAfterClosure: number }[] }>(
      "{ retentionRules { dataClass yearsAfterClosure action } }",
    );
    expect(rules.retentionRules).toHaveLength(10);
    expect(rules.retentionRules.find((r) => r.dataClass === "LISTING")?.yearsAfterClosure).toBe(10);
    const rows = await audited(app, async () => {
      expect((await setRule("LISTING", 5, "DELETE")).userErrors).toEqual([]);
    });
    expect(rows.map((r) => [r.operation, r.details.mutation, r.details.before, r.details.after])).toEqual([
      [
        "UPDATE",
        "retentionRuleSet",
        { yearsAfterClosure: 10, action: "ANONYMISE" },
        { yearsAfterClosure: 5, action: "DELETE" },
      ],
    ]);
    const swept = await dpo.data<{ retentionSweep: { listed: number; dropped: number } }>(SWEEP);
    expect(swept.retentionSweep.listed).toBeGreaterThanOrEqual(1);
    expect((await itemOf(c.personId, "LISTING")).action).toBe("DELETE");

    await setRule("PROGRAMME", 8, "DELETE");
    const after = await dpo.data<{ retentionSweep: { dropped: number } }>(SWEEP);
    expect(after.retentionSweep.dropped).toBeGreaterThanOrEqual(1);
    expect((await queue("PENDING", c.personId)).map((i) => i.dataClass)).not.toContain("PROGRAMME");
    await setRule("PROGRAMME", 5, "DELETE");
    await setRule("LISTING", 10, "ANONYMISE");
  });

  it("drops the waiting items of a reopened case and refuses to carry them out", async () => {
    const c = await closedCase("Retenreopen");
    await runRetentionSweep(app.database, TODAY);
    const item = await itemOf(c.personId, "OBSERVATIONS");
    await reopenCase(app, c.uuid);
    const refused = await carryOut([item.id]);
    expect(refused.userErrors.map((e) => [e.field, e.code])).toEqual([["itemIds.0", "RULE_VIOLATION"]]);
    expect(await rowsOf(app, "information_reports", c.uuid)).toBe(1);
    expect((await runRetentionSweep(app.database, TODAY)).dropped).toBe(4);
    expect(await queue("PENDING", c.personId)).toEqual([]);
  });
});

describe("carrying out", () => {
  it("deletes exactly the class of that person; others' records stay; audited; the chain verifies", async () => {
    const a = await closedCase("Retendela");
    const b = await closedCase("Retendelb");
    await runRetentionSweep(app.database, TODAY);
    const observations = await itemOf(a.personId, "OBSERVATIONS");
    const clinical = await itemOf(a.personId, "CLINICAL");
    const rows = await audited(app, async () => {
      const res = await carryOut([observations.id, clinical.id], "Fictional: period over, no pending case.");
      expect(res.userErrors).toEqual([]);
      expect(res.items.map((i) => [i.dataClass, i.status, i.rowsAffected, i.decidedBy?.displayName])).toEqual(
        [
          ["OBSERVATIONS", "CARRIED_OUT", 1, expect.stringContaining("Data Protection")],
          ["CLINICAL", "CARRIED_OUT", 2, expect.stringContaining("Data Protection")],
        ],
      );
    });
    expect(await rowsOf(app, "information_reports", a.uuid)).toBe(0);
    expect(await rowsOf(app, "risk_assessments", a.uuid)).toBe(0);
    expect(await rowsOf(app, "risk_assessment_details", a.uuid)).toBe(0);
    for (const table of ["screenings", "watchlist_entries", "detention_episodes", "programme_enrolments"])
      expect(await rowsOf(app, table, a.uuid)).toBe(1);
    for (const table of ["information_reports", "risk_assessments", "risk_assessment_details"])
      expect(await rowsOf(app, table, b.uuid)).toBe(1);
    expect(
      rows
        .filter((r) => r.details.mutation === "retentionCarryOut")
        .map((r) => [
          r.person_id,
          r.data_classes,
          r.details.action,
          r.details.rowsAffected,
          r.details.justification,
        ]),
    ).toEqual([
      [a.uuid, ["CLINICAL"], "DELETE", 2, "Fictional: period over, no pending case."],
      [a.uuid, ["OBSERVATIONS"], "DELETE", 1, "Fictional: period over, no pending case."],
    ]);
    const chain = await dpo.data<{ auditChainVerification: { ok: boolean; checked: number } }>(
      "{ auditChainVerification { ok checked } }",
    );
    expect(chain.auditChainVerification.ok).toBe(true);
    expect(await queue("CARRIED_OUT", a.personId)).toHaveLength(2);
    expect((await runRetentionSweep(app.database, TODAY)).listed).toBe(0);
    // Carried out once: a second approval is refused.
    const again = await carryOut([observations.id]);
    expect(again.userErrors.map((e) => e.code)).toEqual(["RULE_VIOLATION"]);
  });

  it("anonymises the identity: names, aliases and day of birth go, the rest stays; another person untouched", async () => {
    const a = await closedCase("Retenanona");
    const b = await closedCase("Retenanonb");
    await setRule("IDENTITY", 5, "ANONYMISE");
    await setRule("RELEASE", 5, "ANONYMISE");
    await runRetentionSweep(app.database, TODAY);
    const res = await carryOut([
      (await itemOf(a.personId, "IDENTITY")).id,
      (await itemOf(a.personId, "RELEASE")).id,
    ]);
    expect(res.userErrors).toEqual([]);
    const people = await queryRows<{
      id: string;
      family_name: string;
      given_names: string;
      aliases: string[];
      date_of_birth: string;
      sex: string;
      search_text: string;
    }>(
      app.database.db,
      sql`select id, family_name, given_names, aliases, date_of_birth::text, sex, search_text
          from persons where id in (${a.uuid}, ${b.uuid})`,
    );
    const anonymised = people.find((p) => p.id === a.uuid);
    expect(anonymised).toMatchObject({
      family_name: "[anonymised]",
      given_names: "[anonymised]",
      aliases: [],
      date_of_birth: "1990-01-01",
      sex: "MALE",
    });
    expect(anonymised?.search_text).not.toContain("retenanona");
    expect(people.find((p) => p.id === b.uuid)).toMatchObject({
      family_name: "Retenanonb",
      date_of_birth: "1990-05-17",
    });
    const residences = await queryRows<{ reason: string; municipality: string; valid_from: string }>(
      app.database.db,
      sql`select reason, municipality, valid_from::text from residences where person_id = ${a.uuid}`,
    );
    expect(residences.length).toBeGreaterThanOrEqual(1);
    for (const residence of residences)
      expect(residence).toEqual({
        reason: "[anonymised]",
        municipality: "Molenbeek-Saint-Jean",
        valid_from: "2010-01-10",
      });
    await setRule("IDENTITY", 10, "ANONYMISE");
    await setRule("RELEASE", 10, "ANONYMISE");
  });

  it("forgets the integrators' import references of what it deletes or anonymises, whoever imported them", async () => {
    const a = await closedCase("Retenimport");
    const [report] = await queryRows<{ id: string }>(
      app.database.db,
      sql`select lineage_id::text as id from information_reports where person_id = ${a.uuid}`,
    );
    const [episode] = await queryRows<{ id: string }>(
      app.database.db,
      sql`select id::text from detention_episodes where person_id = ${a.uuid}`,
    );
    // As bulk imports by the prison's system would have left them.
    for (const [recordType, recordId, externalId] of [
      ["PERSON", a.uuid, "PMS-P-1"],
      ["DETENTION_EPISODE", episode?.id, "PMS-E-1"],
      ["INFORMATION_REPORT", report?.id, "PMS-R-1"],
    ])
      await app.database.db.execute(sql`
        insert into external_references (agency_id, source_system, record_type, external_id, record_id, person_id)
        values ((select id from agencies where code = 'prison-ittre'), 'PMS', ${recordType}, ${externalId},
                ${recordId}, ${a.uuid})`);
    await setRule("IDENTITY", 5, "ANONYMISE");
    await runRetentionSweep(app.database, TODAY);
    const res = await carryOut([
      (await itemOf(a.personId, "OBSERVATIONS")).id,
      (await itemOf(a.personId, "IDENTITY")).id,
    ]);
    expect(res.userErrors).toEqual([]);
    expect(res.items.map((i) => [i.dataClass, i.rowsAffected])).toEqual([
      ["OBSERVATIONS", 1],
      ["IDENTITY", 1],
    ]);
    const left = await queryRows<{ record_type: string }>(
      app.database.db,
      sql`select record_type from external_references where person_id = ${a.uuid}`,
    );
    expect(left).toEqual([{ record_type: "DETENTION_EPISODE" }]);
    await setRule("IDENTITY", 10, "ANONYMISE");
  });

  it("refuses to delete detention while the person's screenings still refer to it; nothing written", async () => {
    const c = await closedCase("Retenorder");
    await setRule("DETENTION", 5, "DELETE");
    await runRetentionSweep(app.database, TODAY);
    const item = await itemOf(c.personId, "DETENTION");
    await expectNothingWritten(app, ["detention_episodes", "placements", "retention_items"], async () => {
      const res = await carryOut([item.id]);
      expect(res.userErrors.map((e) => [e.field, e.code])).toEqual([["itemIds.0", "RULE_VIOLATION"]]);
    });
    expect((await itemOf(c.personId, "DETENTION")).status).toBe("PENDING");
    await setRule("DETENTION", 10, "ANONYMISE");
    await runRetentionSweep(app.database, TODAY);
  });
});

describe("postponing", () => {
  it("keeps the item with its reason; the job does not list it again", async () => {
    const c = await closedCase("Retenpost");
    await runRetentionSweep(app.database, TODAY);
    const item = await itemOf(c.personId, "INTELLIGENCE");
    const res = await dpo.data<{ retentionPostpone: { item: Item; userErrors: UserErrorShape[] } }>(
      POSTPONE,
      {
        input: { itemId: item.id, reason: "Fictional: a court case is pending." },
      },
    );
    expect(res.retentionPostpone.userErrors).toEqual([]);
    expect(res.retentionPostpone.item).toMatchObject({
      status: "POSTPONED",
      postponeReason: "Fictional: a court case is pending.",
    });
    expect((await runRetentionSweep(app.database, TODAY)).listed).toBe(0);
    expect((await queue("POSTPONED", c.personId)).map((i) => i.dataClass)).toEqual(["INTELLIGENCE"]);
    const again = await dpo.data<{ retentionPostpone: { userErrors: UserErrorShape[] } }>(POSTPONE, {
      input: { itemId: item.id, reason: "Fictional." },
    });
    expect(again.retentionPostpone.userErrors.map((e) => e.code)).toEqual(["RULE_VIOLATION"]);
  });
});

describe("the queue", () => {
  it("is paged by due date: two pages cover the items once, counted in all, only the page's persons audited", async () => {
    await closedCase("Retenpagea");
    await closedCase("Retenpageb", yearsBefore(TODAY, 7));
    await runRetentionSweep(app.database, TODAY);
    const expected = await queryRows<{ id: string; person_id: string }>(
      app.database.db,
      sql`select id::text as id, person_id::text as person_id from retention_items
          where status = 'PENDING' order by due_on, id`,
    );
    expect(expected.length).toBeGreaterThan(4);
    const half = Math.ceil(expected.length / 2);
    let first!: QueuePage;
    const rows = await audited(app, async () => {
      first = await queuePage("PENDING", half);
    });
    expect(first.totalCount).toBe(expected.length);
    expect(first.edges).toHaveLength(half);
    expect(first.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]?.cursor,
      endCursor: first.edges.at(-1)?.cursor,
    });
    const pagePersons = new Set(expected.slice(0, half).map((r) => r.person_id));
    expect(rows.every((r) => r.operation === "READ" && r.details.list === "retentionQueue")).toBe(true);
    expect(rows.map((r) => r.person_id).sort()).toEqual([...pagePersons].sort());
    expect(pagePersons.size).toBeLessThan(new Set(expected.map((r) => r.person_id)).size);

    const second = await queuePage("PENDING", 100, first.pageInfo.endCursor);
    expect(second.totalCount).toBe(expected.length);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(ids).toEqual(expected.map((r) => globalId("RetentionItem", r.id)));
    const dues = [...first.edges, ...second.edges].map((e) => e.node.dueOn);
    expect(dues).toEqual([...dues].sort());
  });

  it("refuses a page size out of 1..100 and a forged cursor", async () => {
    const forged = Buffer.from(JSON.stringify(["not-a-date", "x"])).toString("base64url");
    for (const [first, after] of [
      [0, null],
      [101, null],
      [10, "garbage"],
      [10, forged],
    ] as const) {
      const res = await dpo.request(QUEUE, { status: "PENDING", first, after });
      expect(errorCodes(res), `${first} ${after}`).toEqual(["BAD_USER_INPUT"]);
    }
  });
});

describe("who may", () => {
  const OPERATIONS: [string, Record<string, unknown>][] = [
    ["{ retentionRules { dataClass } }", {}],
    ["{ retentionQueue(status: PENDING, first: 1) { totalCount } }", {}],
    [SWEEP, {}],
    [RULE_SET, { input: { dataClass: "OBSERVATIONS", yearsAfterClosure: 0, action: "DELETE" } }],
    [CARRY_OUT, { input: { itemIds: [UNKNOWN("RetentionItem")], justification: "Fictional." } }],
    [POSTPONE, { input: { itemId: UNKNOWN("RetentionItem"), reason: "Fictional." } }],
  ];

  it("nobody but the data-protection officer: FORBIDDEN, nothing written", async () => {
    await expectNothingWritten(app, ["retention_items", "retention_rules"], async () => {
      for (const account of ["oversight.reviewer", "celex.analyst", "cuta.analyst"]) {
        const client = await app.login(EMAIL(account));
        for (const [query, variables] of OPERATIONS)
          expect(errorCodes(await client.request(query, variables)), `${account}: ${query}`).toEqual([
            "FORBIDDEN",
          ]);
      }
      for (const [query, variables] of OPERATIONS)
        expect(errorCodes(await app.anonymous.request(query, variables))).toEqual(["UNAUTHENTICATED"]);
    });
    const [{ years }] = (await queryRows<{ years: number }>(
      app.database.db,
      sql`select years_after_closure as years from retention_rules where data_class = 'OBSERVATIONS'`,
    )) as [{ years: number }];
    expect(years).toBe(5);
  });

  it("a retention item is a node for the officer only", async () => {
    const c = await closedCase("Retennode");
    await runRetentionSweep(app.database, TODAY);
    const item = await itemOf(c.personId, "OBSERVATIONS");
    const query = `query($id: ID!) { node(id: $id) { ... on RetentionItem { dataClass personReference } } }`;
    expect((await dpo.data<{ node: unknown }>(query, { id: item.id })).node).toEqual({
      dataClass: "OBSERVATIONS",
      personReference: item.personReference,
    });
    expect((await celex.data<{ node: unknown }>(query, { id: item.id })).node).toBeNull();
  });
});

describe("bad input", () => {
  it("changes nothing", async () => {
    const c = await closedCase("Retenbad");
    await runRetentionSweep(app.database, TODAY);
    const item = await itemOf(c.personId, "OBSERVATIONS");
    await expectNothingWritten(app, ["retention_items", "information_reports", "audit_events"], async () => {
      const cases: [Promise<{ userErrors: UserErrorShape[] }>, [string | null, string][]][] = [
        [carryOut([item.id], "   "), [["justification", "INVALID"]]],
        [carryOut([]), [["itemIds", "INVALID"]]],
        [carryOut([item.id, UNKNOWN("RetentionItem")]), [["itemIds.1", "NOT_FOUND"]]],
        [carryOut([item.id, item.id]), [["itemIds.1", "INVALID"]]],
        [carryOut([globalId("Person", c.uuid)]), [["itemIds.0", "NOT_FOUND"]]],
        [setRule("IDENTITY", 10, "DELETE"), [["action", "INVALID"]]],
        [setRule("OBSERVATIONS", 101, "DELETE"), [["yearsAfterClosure", "INVALID"]]],
        [
          dpo
            .data<{ retentionPostpone: { userErrors: UserErrorShape[] } }>(POSTPONE, {
              input: { itemId: item.id, reason: " " },
            })
            .then((r) => r.retentionPostpone),
          [["reason", "INVALID"]],
        ],
      ];
      for (const [pending, expected] of cases)
        expect((await pending).userErrors.map((e) => [e.field, e.code])).toEqual(expected);
    });
  });
});
