import { accessTo, isVisible, mayRead, type PersonAccess } from "@continuum/domain";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterActorSession } from "../../../apps/api/src/access/database-session.js";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { refreshSummaries } from "../../../apps/api/src/modules/persons/person-summary.js";
import { addDays, expectNothingWritten, whoAmI } from "../../../apps/api/test/case-work.js";
import { type Places, places } from "../../../apps/api/test/fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "../../../apps/api/test/harness.js";
import { admitSentenced, agencyIds, propose, release } from "../../../apps/api/test/release-helpers.js";
import { ACCOUNTS, actorProfile, asActor, databaseActor, EMAIL, personFacts, uuidOf } from "./fixtures.js";

// Attempts to get around the rules for everything the release pipeline, release conditions and
// hand-over, local follow-up (meetings, decisions, measures, action items, the common database,
// outcomes, closure) and retention and export added: Postgres on its own (row-level security and
// the definer-rights functions of migrations 0018–0021), the API's side doors (node(id:), the local
// body's workspace, the calendar and queues, the information card, the person's fields), and every
// new mutation from the wrong agency, role or district.

let app: TestApp;
let at: Places;
const as: Record<string, GraphQLClient> = {};
const client = (account: string) => as[account] as GraphQLClient;
let agency: (code: string) => string;

type Label = "Ittre" | "Molenbeek" | "Antwerp" | "Closed";

/** What each fixture person holds (global IDs unless said otherwise). */
interface Secfup {
  label: Label;
  id: string;
  uuid: string;
  episodeId: string;
  conditionId: string;
  conditionVersion: number;
  entryId: string | null;
  entryVersion: number;
  ltfMeeting: string | null;
  ltfMeasures: string[];
  ltfActions: string[];
  lcisMeeting: string | null;
  lcisMeasures: string[];
  lcisActions: string[];
}
let population: Secfup[];
const byLabel = (label: Label) => population.find((p) => p.label === label) as Secfup;
/** Every meeting the fixtures hold (uuids), and one planned meeting of the Brussels LTF and of the Molenbeek cell. */
const meetingUuids: string[] = [];
let plannedLtf: string;
let plannedLcis: string;
let retentionItemUuid: string;

const ADMITTED_DETAINED = addDays(TODAY, -200);
const ADMITTED = addDays(TODAY, -400);
const RELEASED_ON = addDays(TODAY, -60);
const CLOSED_ON = addDays(TODAY, -2);

/** Every table the capabilities added that holds case data. */
const NEW_TABLES = [
  "release_date_overrides",
  "release_plans",
  "release_conditions",
  "condition_breaches",
  "residences",
  "case_responsibilities",
  "common_database_entries",
  "case_outcomes",
  "case_closures",
  "follow_up_measures",
  "local_meetings",
  "meeting_discussions",
  "action_items",
  "retention_items",
  "retention_rules",
];

async function must<T>(who: GraphQLClient, query: string, variables: Record<string, unknown>, key: string) {
  const data = await who.data<Record<string, T & { userErrors?: unknown[] }>>(query, variables);
  const payload = data[key] as T & { userErrors?: unknown[] };
  if (payload.userErrors !== undefined && payload.userErrors.length > 0)
    throw new Error(`${key}: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

const OVERRIDE = `mutation($input: ReleaseDateOverrideInput!) { releaseDateOverride(input: $input) { userErrors { field code } } }`;
const PLAN = `mutation($input: ReleasePlanRecordInput!) { releasePlanRecord(input: $input) { userErrors { field code } } }`;
const PROPOSE = `mutation($input: ReleaseConditionProposeInput!) { releaseConditionPropose(input: $input) { userErrors { field code } } }`;
const IMPOSE = `mutation($input: ReleaseConditionImposeInput!) { releaseConditionImpose(input: $input) { userErrors { field code } } }`;
const WITHDRAW = `mutation($input: ReleaseConditionWithdrawInput!) { releaseConditionWithdraw(input: $input) { userErrors { field code } } }`;
const LIFT = `mutation($input: ReleaseConditionLiftInput!) { releaseConditionLift(input: $input) { userErrors { field code } } }`;
const BREACH = `mutation($input: ConditionBreachRecordInput!) { conditionBreachRecord(input: $input) { userErrors { field code } } }`;
const HAND_OVER = `mutation($input: CaseHandOverInput!) { caseHandOver(input: $input) { userErrors { field code } } }`;
const MEETING = `mutation($input: LocalMeetingRecordInput!) { localMeetingRecord(input: $input) {
  meeting { id discussions { id } actionItems { id } } userErrors { field code } } }`;
const AGENDA_ADD = `mutation($input: LocalMeetingAgendaAddInput!) { localMeetingAgendaAdd(input: $input) { userErrors { field code } } }`;
const DECIDE = `mutation($input: MeetingDecisionRecordInput!) { meetingDecisionRecord(input: $input) {
  discussion { id measuresStarted { id } actions { id } } userErrors { field code } } }`;
const CLOSE_ACTION = `mutation($input: ActionItemCloseInput!) { actionItemClose(input: $input) { userErrors { field code } } }`;
const ENTRY = `mutation($input: CommonDatabaseEntryRecordInput!) { commonDatabaseEntryRecord(input: $input) {
  entry { id version } userErrors { field code } } }`;
const ENTRY_CONFIRM = `mutation($input: CommonDatabaseEntryConfirmInput!) { commonDatabaseEntryConfirm(input: $input) { userErrors { field code } } }`;
const ENTRY_END = `mutation($input: CommonDatabaseEntryEndInput!) { commonDatabaseEntryEnd(input: $input) { userErrors { field code } } }`;
const OUTCOME = `mutation($input: OutcomeRecordInput!) { outcomeRecord(input: $input) { userErrors { field code } } }`;
const CASE_CLOSE = `mutation($input: CaseCloseInput!) { caseClose(input: $input) { userErrors { field code } } }`;
const CARRY_OUT = `mutation($input: RetentionCarryOutInput!) { retentionCarryOut(input: $input) { userErrors { field code } } }`;
const POSTPONE = `mutation($input: RetentionPostponeInput!) { retentionPostpone(input: $input) { userErrors { field code } } }`;
const RULE_SET = `mutation($input: RetentionRuleSetInput!) { retentionRuleSet(input: $input) { userErrors { field code } } }`;

const BODIES: Record<string, { ltf: string; lcis: string; municipality: string }> = {
  Molenbeek: { ltf: "ltf-brussels", lcis: "lcis-molenbeek", municipality: "Molenbeek-Saint-Jean" },
  Closed: { ltf: "ltf-brussels", lcis: "lcis-molenbeek", municipality: "Molenbeek-Saint-Jean" },
  Antwerp: { ltf: "ltf-antwerp", lcis: "lcis-antwerpen", municipality: "Antwerpen" },
};

/** Opens the local bodies' responsibilities where the release did not (as apps/api/test/follow-up-fixtures.ts). */
async function openResponsibilities(personUuid: string, ltf: string, lcis: string) {
  for (const [code, kind] of [
    [ltf, "SECURITY"],
    [lcis, "SOCIO_PREVENTIVE"],
  ] as const)
    await app.database.db.execute(sql`
      insert into case_responsibilities (id, person_id, agency_id, kind, valid_from, reason)
      select gen_random_uuid(), ${personUuid}::uuid, a.id, ${kind}, ${RELEASED_ON}::date, 'Fictional: release.'
      from agencies a where a.code = ${code}
        and not exists (select 1 from case_responsibilities r
                        where r.person_id = ${personUuid}::uuid and r.kind = ${kind} and r.valid_to is null)`);
}

async function conditionOf(personId: string): Promise<{ id: string; version: number }> {
  const data = await client("celex.analyst").data<{
    person: { releaseConditions: { id: string; version: number }[] };
  }>(`query($id: ID!) { person(id: $id) { releaseConditions { id version } } }`, { id: personId });
  const found = data.person.releaseConditions[0];
  if (found === undefined) throw new Error("no condition");
  return found;
}

/** A meeting of a body about one person, held a few days ago, its decision starting measures with an action. */
async function meetingWithDecision(
  member: string,
  personId: string,
  heldOn: string,
  measures: string[],
): Promise<{ meeting: string; measures: string[]; actions: string[] }> {
  const owner = (await whoAmI(client(member))).userId;
  const recorded = await must<{ meeting: { id: string; actionItems: { id: string }[] } }>(
    client(member),
    MEETING,
    {
      input: {
        kind: "OPERATIONAL",
        heldOn,
        membersPresent: ["Fictional member"],
        summary: "Fictional security fixture meeting.",
        agenda: [personId],
        actions: [{ description: "Fictional meeting-level action.", ownerId: owner, dueOn: TODAY }],
      },
    },
    "localMeetingRecord",
  );
  const decided = await must<{
    discussion: { measuresStarted: { id: string }[]; actions: { id: string }[] };
  }>(
    client(member),
    DECIDE,
    {
      input: {
        meetingId: recorded.meeting.id,
        personId,
        decision: `Fictional decision of ${member}.`,
        startMeasures: measures.map((m) => ({ measureType: m, startsOn: heldOn })),
        stopMeasureIds: [],
        actions: [{ description: "Fictional action about the person.", ownerId: owner, dueOn: TODAY }],
      },
    },
    "meetingDecisionRecord",
  );
  meetingUuids.push(uuidOf(recorded.meeting.id));
  return {
    meeting: recorded.meeting.id,
    measures: decided.discussion.measuresStarted.map((m) => m.id),
    actions: [
      ...recorded.meeting.actionItems.map((a) => a.id),
      ...decided.discussion.actions.map((a) => a.id),
    ],
  };
}

/**
 * A person with one of everything. In prison in Ittre: an override, a plan and a proposed condition.
 * Released: the same before release, then a conditional release (the condition imposed, a residence and
 * the responsibilities), a breach, a common-database entry, an outcome, a meeting of the LTF and one of
 * the LCIS each with a decision, measures and actions. The closed case is then closed.
 */
async function makePerson(label: Label): Promise<Secfup> {
  const celex = client("celex.analyst");
  const detained = label === "Ittre";
  const admittedOn = detained ? ADMITTED_DETAINED : ADMITTED;
  const { personId, episodeId } = await admitSentenced(celex, at, {
    familyName: `Secfup${label}`,
    admittedOn,
    sentenceMonths: 24,
    establishment: "ITT",
  });
  await must(
    celex,
    OVERRIDE,
    {
      input: {
        episodeId,
        kind: "END_OF_SENTENCE",
        date: addDays(admittedOn, 800),
        reason: "Fictional: ruling of a court.",
      },
    },
    "releaseDateOverride",
  );
  const bodies = BODIES[label];
  await must(
    celex,
    PLAN,
    {
      input: {
        episodeId,
        intendedMunicipality: bodies?.municipality ?? "Molenbeek-Saint-Jean",
        localTaskForceInformedOn: addDays(TODAY, -100),
        note: "Fictional plan.",
      },
    },
    "releasePlanRecord",
  );
  const supervisor = label === "Antwerp" ? "ltf-antwerp" : "probation-brussels";
  const proposed = await propose(celex, {
    personId,
    conditionType: "TRAVEL_BAN",
    supervisingAgencyId: agency(supervisor),
  });
  if (proposed.userErrors.length > 0) throw new Error(JSON.stringify(proposed.userErrors));
  const person: Secfup = {
    label,
    id: personId,
    uuid: uuidOf(personId),
    episodeId,
    conditionId: proposed.condition?.id as string,
    conditionVersion: proposed.condition?.version as number,
    entryId: null,
    entryVersion: 0,
    ltfMeeting: null,
    ltfMeasures: [],
    ltfActions: [],
    lcisMeeting: null,
    lcisMeasures: [],
    lcisActions: [],
  };
  if (bodies === undefined) return person;

  const released = await release(celex, {
    episodeId,
    releasedOn: RELEASED_ON,
    releaseType: "CONDITIONAL_RELEASE",
    releaseMunicipality: bodies.municipality,
  });
  if (released.length > 0) throw new Error(`release: ${JSON.stringify(released)}`);
  await openResponsibilities(person.uuid, bodies.ltf, bodies.lcis);
  const condition = await conditionOf(personId);
  person.conditionVersion = condition.version;
  await must(
    client(label === "Antwerp" ? "ltf-antwerp.member" : "probation-brussels.officer"),
    BREACH,
    {
      input: {
        conditionId: condition.id,
        occurredOn: addDays(RELEASED_ON, 3),
        description: "Fictional breach.",
        response: "Fictional warning.",
      },
    },
    "conditionBreachRecord",
  );
  const entry = await must<{ entry: { id: string; version: number } }>(
    client("cuta.analyst"),
    ENTRY,
    {
      input: {
        personId,
        category: "TERRORIST_CONVICT",
        threatLevel: 3,
        basis: "ESTABLISHED",
        from: addDays(RELEASED_ON, 1),
      },
    },
    "commonDatabaseEntryRecord",
  );
  person.entryId = entry.entry.id;
  person.entryVersion = entry.entry.version;
  await must(
    client("cuta.analyst"),
    OUTCOME,
    { input: { personId, kind: "REOFFENDED_OTHER", occurredOn: addDays(TODAY, -20), note: "Fictional." } },
    "outcomeRecord",
  );
  const ltf = await meetingWithDecision(`${bodies.ltf}.member`, personId, addDays(TODAY, -7), [
    "POLICE_VISITS",
    "DISCREET_SURVEILLANCE",
  ]);
  person.ltfMeeting = ltf.meeting;
  person.ltfMeasures = ltf.measures;
  person.ltfActions = ltf.actions;
  const lcis = await meetingWithDecision(`${bodies.lcis}.member`, personId, addDays(TODAY, -5), [
    "SOCIAL_SUPPORT",
  ]);
  person.lcisMeeting = lcis.meeting;
  person.lcisMeasures = lcis.measures;
  person.lcisActions = lcis.actions;
  if (label === "Closed") {
    // Closed as the summary derives it: a closure row (the responsibilities end that day).
    const db = app.database.db;
    await db.execute(sql`insert into case_closures (id, person_id, closed_on, reason, agency_id)
      select gen_random_uuid(), ${person.uuid}::uuid, ${CLOSED_ON}::date, 'FOLLOW_UP_ENDED', id from agencies where code = 'cuta'`);
    await db.execute(sql`update case_responsibilities set valid_to = ${CLOSED_ON}::date
      where person_id = ${person.uuid}::uuid and valid_to is null`);
    await refreshSummaries(db, [person.uuid]);
    const [item] = await queryRows<{ id: string }>(
      db,
      sql`insert into retention_items (id, person_id, data_class, action, due_on, listed_on)
          values (gen_random_uuid(), ${person.uuid}::uuid, 'FOLLOW_UP', 'DELETE', ${TODAY}::date, ${TODAY}::date)
          returning id::text as id`,
    );
    retentionItemUuid = item?.id as string;
  }
  return person;
}

async function plannedMeeting(member: string): Promise<string> {
  const planned = await must<{ meeting: { id: string } }>(
    client(member),
    MEETING,
    {
      input: {
        kind: "OPERATIONAL",
        heldOn: addDays(TODAY, 20),
        membersPresent: [],
        summary: null,
        agenda: [],
        actions: [],
      },
    },
    "localMeetingRecord",
  );
  meetingUuids.push(uuidOf(planned.meeting.id));
  return planned.meeting.id;
}

beforeAll(async () => {
  app = await startTestApp();
  for (const account of ACCOUNTS) as[account] = await app.login(EMAIL(account));
  at = await places(client("celex.analyst"));
  agency = await agencyIds(client("celex.analyst"));
  population = [
    await makePerson("Ittre"),
    await makePerson("Molenbeek"),
    await makePerson("Antwerp"),
    await makePerson("Closed"),
  ];
  plannedLtf = await plannedMeeting("ltf-brussels.member");
  plannedLcis = await plannedMeeting("lcis-molenbeek.member");
});
afterAll(() => app.close());

const accessCache = new Map<string, PersonAccess>();
/** What the matrix gives an account on a person (by uuid). */
async function accessOf(account: string, personUuid: string): Promise<PersonAccess> {
  const key = `${account}/${personUuid}`;
  let access = accessCache.get(key);
  if (access === undefined) {
    access = accessTo(await actorProfile(app, account), await personFacts(app, personUuid));
    accessCache.set(key, access);
  }
  return access;
}

const uuidList = (ids: readonly string[]) =>
  sql.raw(`array[${ids.map((id) => `'${id.replace(/[^0-9a-f-]/gi, "")}'`).join(",")}]::uuid[]`);

/** A hash of every new table's rows, read as the owner: an update that leaves counts alone changes it. */
async function tableHashes(): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const table of NEW_TABLES) {
    const [row] = await queryRows<{ h: string }>(
      app.database.db,
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`),
    );
    hashes[table] = row?.h as string;
  }
  return hashes;
}

/** Runs the attempts and checks that no new table gained, lost or changed a row. */
async function expectUnchanged(run: () => Promise<void>): Promise<void> {
  const before = await tableHashes();
  await expectNothingWritten(app, NEW_TABLES, run);
  expect(await tableHashes()).toEqual(before);
}

/** The outcome of a mutation, as one string: the top-level error codes, the user errors, or ACCEPTED. */
async function attempt(account: string, query: string, input: Record<string, unknown>): Promise<string> {
  const res = await client(account).request<
    Record<string, { userErrors?: { field: string; code: string }[] }>
  >(query, { input });
  if (res.errors !== undefined && res.errors.length > 0)
    return res.errors.map((e) => String(e.extensions?.code)).join(",");
  const payload = Object.values(res.data ?? {})[0];
  const errors = payload?.userErrors ?? [];
  return errors.length === 0 ? "ACCEPTED" : errors.map((e) => `${e.field}:${e.code}`).join(",");
}

/** Raw SQL as an actor (its own transaction, always rolled back): the rows returned, or the database's error. */
async function rawAs(account: string, statement: SQL): Promise<string> {
  const who = await databaseActor(app, account);
  let count = -1;
  return app.database.db
    .transaction(async (tx) => {
      await enterActorSession(tx, who);
      count = (await queryRows(tx, statement)).length;
      tx.rollback();
    })
    .then(
      () => String(count),
      (e: unknown) => {
        const cause = (e as { cause?: { message?: string } })?.cause;
        const message = cause?.message ?? (e as { message?: string })?.message ?? String(e);
        // The statement went through (the rollback is ours): how many rows it returned.
        return /rollback/i.test(message) && count >= 0 ? String(count) : message;
      },
    );
}

// ---------------------------------------------------------------------------------------------------
describe("row-level security on its own", () => {
  interface OwnerRow {
    id: string;
    person_id: string | null;
    agency_id: string | null;
    agency_kind: string | null;
  }
  type Rule = (account: string, row: OwnerRow) => Promise<boolean>;
  const personClass =
    (dataClass: "RELEASE" | "FOLLOW_UP"): Rule =>
    async (account, row) =>
      mayRead(await accessOf(account, row.person_id as string), dataClass, "SUMMARY");
  const ownAgency: Rule = async (account, row) =>
    (await actorProfile(app, account)).agencyId === row.agency_id;
  const TABLES: Record<string, { key: string; owner: () => SQL; rule: Rule }> = {};
  const personTable = (table: string, rule: Rule, key = "id", agencyColumn = "null") => {
    TABLES[table] = {
      key,
      owner: () =>
        sql.raw(`select ${key}::text as id, person_id::text as person_id, ${agencyColumn}::text as agency_id,
                   null as agency_kind from ${table}
                 where person_id = any(${uuidListText(population.map((p) => p.uuid))})`),
      rule,
    };
  };
  const uuidListText = (ids: string[]) => `array[${ids.map((id) => `'${id}'`).join(",")}]::uuid[]`;
  personTable("release_date_overrides", personClass("RELEASE"));
  personTable("release_plans", personClass("RELEASE"), "episode_id");
  personTable("release_conditions", personClass("RELEASE"));
  personTable("condition_breaches", personClass("RELEASE"));
  personTable("residences", personClass("RELEASE"));
  personTable("common_database_entries", personClass("FOLLOW_UP"));
  personTable("case_outcomes", personClass("FOLLOW_UP"));
  personTable("case_closures", personClass("FOLLOW_UP"));
  personTable("case_responsibilities", async (account, row) =>
    isVisible(await accessOf(account, row.person_id as string)),
  );
  personTable(
    "follow_up_measures",
    async (account, row) => (await personClass("FOLLOW_UP")(account, row)) || (await ownAgency(account, row)),
    "id",
    "agency_id",
  );
  personTable(
    "retention_items",
    async (account) => (await actorProfile(app, account)).agencyKind === "DATA_PROTECTION",
  );
  TABLES.local_meetings = {
    key: "id",
    owner: () =>
      sql.raw(`select id::text as id, null as person_id, agency_id::text as agency_id, null as agency_kind
               from local_meetings where id = any(${uuidListText(meetingUuids)})`),
    rule: ownAgency,
  };
  TABLES.action_items = {
    key: "id",
    owner: () =>
      sql.raw(`select id::text as id, person_id::text as person_id, agency_id::text as agency_id, null as agency_kind
               from action_items where meeting_id = any(${uuidListText(meetingUuids)})`),
    rule: ownAgency,
  };
  TABLES.meeting_discussions = {
    key: "id",
    owner: () =>
      sql.raw(`select d.id::text as id, d.person_id::text as person_id, m.agency_id::text as agency_id,
                      a.kind as agency_kind
               from meeting_discussions d join local_meetings m on m.id = d.meeting_id
               join agencies a on a.id = m.agency_id where d.meeting_id = any(${uuidListText(meetingUuids)})`),
    // The holding body; and a task force's decisions for the person's FOLLOW_UP readers.
    rule: async (account, row) =>
      (await ownAgency(account, row)) ||
      (row.agency_kind === "LOCAL_TASK_FORCE" && (await personClass("FOLLOW_UP")(account, row))),
  };

  it("holds one of everything for the fixtures (else the checks below prove nothing)", async () => {
    for (const [table, { owner }] of Object.entries(TABLES)) {
      const rows = await queryRows<OwnerRow>(app.database.db, owner());
      const persons = new Set(rows.map((r) => r.person_id));
      if (table === "retention_items") expect(persons, table).toEqual(new Set([byLabel("Closed").uuid]));
      else if (table === "local_meetings") expect(rows.length, table).toBe(8);
      else if (
        ["common_database_entries", "case_outcomes", "condition_breaches", "residences"].includes(table)
      )
        for (const label of ["Molenbeek", "Antwerp", "Closed"] as const)
          expect(persons.has(byLabel(label).uuid), `${table} ${label}`).toBe(true);
      else if (table === "case_closures") expect(persons.has(byLabel("Closed").uuid), table).toBe(true);
      else if (table === "meeting_discussions" || table === "follow_up_measures" || table === "action_items")
        expect(rows.length, table).toBeGreaterThanOrEqual(6);
      else
        for (const p of population)
          if (table !== "case_responsibilities" || p.label !== "Ittre")
            expect(persons.has(p.uuid), `${table} ${p.label}`).toBe(true);
    }
    const kinds = await queryRows<{ kind: string }>(
      app.database.db,
      sql`select distinct a.kind from follow_up_measures f join agencies a on a.id = f.agency_id
          where f.person_id = any(${uuidList(population.map((p) => p.uuid))})`,
    );
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["LOCAL_TASK_FORCE", "LOCAL_CELL"]));
  });

  it("returns, table by table, exactly the rows the matrix lets each account select", async () => {
    const mismatches: string[] = [];
    const owned: Record<string, OwnerRow[]> = {};
    for (const [table, { owner }] of Object.entries(TABLES))
      owned[table] = await queryRows<OwnerRow>(app.database.db, owner());
    for (const account of ACCOUNTS) {
      const who = await databaseActor(app, account);
      for (const [table, { key, rule }] of Object.entries(TABLES)) {
        const rows = owned[table] as OwnerRow[];
        const expected = new Set<string>();
        for (const row of rows) if (await rule(account, row)) expected.add(row.id);
        const seen = new Set(
          (await asActor<{ id: string }>(app, who, sql.raw(`select ${key}::text as id from ${table}`))).map(
            (r) => r.id,
          ),
        );
        const actual = new Set(rows.filter((r) => seen.has(r.id)).map((r) => r.id));
        const leaked = [...actual].filter((id) => !expected.has(id));
        const missing = [...expected].filter((id) => !actual.has(id));
        if (leaked.length > 0 || missing.length > 0)
          mismatches.push(`${account} ${table}: leaked ${leaked.length}, missing ${missing.length}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("refuses to write another body's or an unreadable person's rows, and lets nobody delete", async () => {
    const molenbeek = byLabel("Molenbeek");
    const antwerp = byLabel("Antwerp");
    const agencyOf = async (account: string) => (await actorProfile(app, account)).agencyId;
    const brusselsMeeting = uuidOf(molenbeek.ltfMeeting as string);
    const inserts: [string, SQL][] = [
      [
        "ltf-antwerp.member",
        sql`insert into release_conditions (id, person_id, episode_id, type_id, supervising_agency_id, imposed_on, agency_id)
            select gen_random_uuid(), ${molenbeek.uuid}::uuid, ${uuidOf(molenbeek.episodeId)}::uuid, t.id,
                   ${await agencyOf("ltf-antwerp.member")}::uuid, current_date, ${await agencyOf("ltf-antwerp.member")}::uuid
            from condition_types t limit 1 returning id`,
      ],
      [
        "lcis-molenbeek.member",
        sql`insert into common_database_entries (id, person_id, category, threat_level, basis, valid_from, last_information_on, agency_id)
            values (gen_random_uuid(), ${molenbeek.uuid}::uuid, 'HATE_PROPAGANDIST', 1, 'ESTABLISHED', '2020-01-01',
                    '2020-01-01', ${await agencyOf("lcis-molenbeek.member")}::uuid) returning id`,
      ],
      [
        "celex.analyst",
        sql`insert into case_outcomes (id, person_id, kind, occurred_on, agency_id)
            values (gen_random_uuid(), ${molenbeek.uuid}::uuid, 'DIED', current_date, ${await agencyOf("celex.analyst")}::uuid)
            returning id`,
      ],
      [
        "ltf-brussels.member",
        sql`insert into case_closures (id, person_id, closed_on, reason, agency_id)
            values (gen_random_uuid(), ${antwerp.uuid}::uuid, current_date, 'OTHER', ${await agencyOf("ltf-brussels.member")}::uuid)
            returning id`,
      ],
      [
        "prison-ittre.director",
        sql`insert into residences (id, person_id, municipality, judicial_district, valid_from, reason)
            values (gen_random_uuid(), ${molenbeek.uuid}::uuid, 'Antwerpen', 'ANTWERP', current_date, 'Forged') returning id`,
      ],
      [
        "celex.analyst",
        sql`insert into case_responsibilities (id, person_id, agency_id, kind, valid_from, reason)
            values (gen_random_uuid(), ${molenbeek.uuid}::uuid, ${await agencyOf("ltf-antwerp.member")}::uuid,
                    'SECURITY', current_date, 'Forged') returning id`,
      ],
      [
        "ltf-antwerp.member",
        sql`insert into local_meetings (id, agency_id, kind, held_on, members_present)
            values (gen_random_uuid(), ${await agencyOf("ltf-brussels.member")}::uuid, 'STRATEGIC', current_date, '{x}')
            returning id`,
      ],
      [
        "ltf-antwerp.member",
        sql`insert into meeting_discussions (id, meeting_id, person_id, decision)
            values (gen_random_uuid(), ${brusselsMeeting}::uuid, ${antwerp.uuid}::uuid, 'Forged') returning id`,
      ],
      [
        "police.officer",
        sql`insert into retention_items (id, person_id, data_class, action, due_on, listed_on)
            values (gen_random_uuid(), ${byLabel("Closed").uuid}::uuid, 'RELEASE', 'DELETE', current_date, current_date)
            returning id`,
      ],
      [
        "oversight.reviewer",
        sql`insert into retention_items (id, person_id, data_class, action, due_on, listed_on)
            values (gen_random_uuid(), ${byLabel("Closed").uuid}::uuid, 'RELEASE', 'DELETE', current_date, current_date)
            returning id`,
      ],
    ];
    for (const [account, statement] of inserts)
      expect(await rawAs(account, statement), account).toMatch(/row-level security/);
    // Updates of what the actor cannot see change nothing.
    const updates: [string, string][] = [
      [
        "ltf-antwerp.member",
        `update local_meetings set summary = 'Rewritten' where id = '${brusselsMeeting}' returning id`,
      ],
      [
        "lcis-molenbeek.member",
        `update action_items set description = 'Rewritten' where meeting_id = '${brusselsMeeting}' returning id`,
      ],
      [
        "lcis-molenbeek.member",
        `update meeting_discussions set decision = 'Rewritten' where meeting_id = '${brusselsMeeting}' returning id`,
      ],
      [
        "ltf-brussels.member",
        `update meeting_discussions set decision = 'Rewritten' where person_id = '${molenbeek.uuid}' returning id`,
      ],
      [
        "ltf-antwerp.member",
        `update release_conditions set lifted_on = current_date, lift_reason = 'x' where person_id = '${molenbeek.uuid}' returning id`,
      ],
      [
        "lcis-molenbeek.member",
        `update follow_up_measures set ended_on = current_date where person_id = '${molenbeek.uuid}' and agency_id <> '${await agencyOf("lcis-molenbeek.member")}' returning id`,
      ],
      ["cuta.analyst", `update retention_items set status = 'CARRIED_OUT' returning id`],
      [
        "prison-ittre.director",
        `update release_plans set note = 'Rewritten' where person_id = '${molenbeek.uuid}' returning episode_id`,
      ],
    ];
    for (const [account, statement] of updates)
      expect(await rawAs(account, sql.raw(statement)), `${account}: ${statement}`).toMatch(
        /^0$|permission denied/,
      );
    for (const [account, statement] of [
      ["ltf-brussels.chair", "delete from local_meetings"],
      ["ltf-brussels.chair", "delete from action_items"],
      ["ltf-brussels.chair", "delete from meeting_discussions"],
      ["cuta.analyst", "delete from common_database_entries"],
      ["cuta.analyst", "delete from case_closures"],
      ["cuta.analyst", "delete from follow_up_measures"],
      ["probation-brussels.officer", "delete from condition_breaches"],
      ["celex.analyst", "delete from release_conditions"],
      ["celex.analyst", "delete from release_date_overrides"],
      ["dpo.reviewer", "delete from case_outcomes"],
      ["dpo.reviewer", "update case_closures set note = 'x'"],
      ["cuta.analyst", "update case_outcomes set note = 'Rewritten'"],
      ["probation-brussels.officer", "update residences set municipality = 'Gent'"],
    ] as const)
      expect(await rawAs(account, sql.raw(statement)), `${account}: ${statement}`).toMatch(
        /permission denied/,
      );
  });
});

describe("the definer-rights functions of 0018–0021", () => {
  const NOT_DPO = ACCOUNTS.filter((a) => a !== "dpo.reviewer");

  it("app_information_card_extras returns only persons the caller sees, and never a measure kept off the card", async () => {
    const uuids = population.map((p) => p.uuid);
    const wrong: string[] = [];
    for (const account of ACCOUNTS) {
      const rows = await asActor<{ person_id: string; measures: { code: string }[] }>(
        app,
        await databaseActor(app, account),
        sql`select person_id::text as person_id, measures from app_information_card_extras(${uuidList(uuids)}, ${TODAY}::date)`,
      );
      for (const p of population) {
        const visible = isVisible(await accessOf(account, p.uuid));
        const row = rows.find((r) => r.person_id === p.uuid);
        if (visible !== (row !== undefined))
          wrong.push(`${account} ${p.label}: ${visible ? "missing" : "leaked"}`);
        const codes = (row?.measures ?? []).map((m) => m.code);
        if (codes.includes("DISCREET_SURVEILLANCE"))
          wrong.push(`${account} ${p.label}: discreet surveillance`);
      }
    }
    expect(wrong).toEqual([]);
    // The card does show what local actors must know (a positive control).
    const [row] = await asActor<{ measures: { code: string }[]; threat_level: number }>(
      app,
      await databaseActor(app, "lcis-molenbeek.member"),
      sql`select measures, threat_level from app_information_card_extras(${uuidList([byLabel("Molenbeek").uuid])}, ${TODAY}::date)`,
    );
    expect(row?.measures.map((m) => m.code).sort()).toEqual([
      "POLICE_VISITS",
      "SOCIAL_SUPPORT",
      "TRAVEL_BAN",
    ]);
  });

  it("app_hand_over_responsibilities refuses whoever reads neither the person's follow-up nor its release data", async () => {
    const wrong: string[] = [];
    for (const p of population)
      for (const account of ACCOUNTS) {
        const access = await accessOf(account, p.uuid);
        if (mayRead(access, "FOLLOW_UP", "SUMMARY") || mayRead(access, "RELEASE", "SUMMARY")) continue;
        const result = await rawAs(
          account,
          sql`select 1 from app_hand_over_responsibilities(${p.uuid}::uuid, ${RELEASED_ON}::date, 'Forged'::text)`,
        );
        if (!/not allowed to change the responsibilities/.test(result))
          wrong.push(`${account} ${p.label}: ${result}`);
      }
    expect(wrong).toEqual([]);
  });

  it("app_end_follow_up_at_admission refuses every caller where no admission began that day", async () => {
    // No fixture person was admitted on the release day: every account, admitting kinds included, is refused.
    const wrong: string[] = [];
    for (const p of population)
      for (const account of ACCOUNTS) {
        const result = await rawAs(
          account,
          sql`select 1 from app_end_follow_up_at_admission(${p.uuid}::uuid, ${RELEASED_ON}::date)`,
        );
        if (!/not allowed to end the follow-up/.test(result)) wrong.push(`${account} ${p.label}: ${result}`);
      }
    expect(wrong).toEqual([]);
  });

  it("the retention and export functions refuse everyone but the data-protection officer, oversight included", async () => {
    const closed = byLabel("Closed").uuid;
    const calls: SQL[] = [
      sql`select app_person_record_export(${closed}::uuid) as x`,
      sql`select app_retention_carry_out(${closed}::uuid, 'FOLLOW_UP', 'DELETE') as x`,
      sql`select app_retention_carry_out(${closed}::uuid, 'RELEASE', 'ANONYMISE') as x`,
      sql`select * from app_retention_closed_cases()`,
      sql`select * from app_retention_cases(${uuidList([closed])})`,
    ];
    const wrong: string[] = [];
    for (const account of NOT_DPO)
      for (const call of calls) {
        const result = await rawAs(account, call);
        if (!/only the data-protection officer/.test(result)) wrong.push(`${account}: ${result}`);
      }
    expect(wrong).toEqual([]);
    // Positive control: the officer's export holds the case.
    const [row] = await asActor<{ x: { sections: unknown[] } | null }>(
      app,
      await databaseActor(app, "dpo.reviewer"),
      sql`select app_person_record_export(${closed}::uuid) as x`,
    );
    expect(row?.x?.sections.length).toBeGreaterThan(10);
  });

  it("app_meeting_held_by_task_force opens no discussion of another body", async () => {
    // It answers a yes/no on a meeting ID; the discussions stay behind meeting_discussions' policy.
    const meeting = uuidOf(byLabel("Antwerp").ltfMeeting as string);
    for (const account of [
      "ltf-brussels.member",
      "lcis-molenbeek.member",
      "celex.analyst",
      "prison-ittre.director",
    ])
      expect(
        await rawAs(account, sql`select id from meeting_discussions where meeting_id = ${meeting}::uuid`),
        account,
      ).toBe("0");
  });
});

// ---------------------------------------------------------------------------------------------------
describe("API side doors", () => {
  const errorCodes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    res.errors?.map((e) => e.extensions?.code);
  const LOCAL = new Set(["LOCAL_TASK_FORCE", "LOCAL_CELL"]);

  /** Every fixture meeting and action item with its holding agency (uuid). */
  async function bodyRecords() {
    const records: { type: string; id: string; agencyId: string }[] = [];
    const meetings = await queryRows<{ id: string; agency_id: string }>(
      app.database.db,
      sql`select id::text as id, agency_id::text as agency_id from local_meetings where id = any(${uuidList(meetingUuids)})`,
    );
    for (const m of meetings)
      records.push({
        type: "LocalMeeting",
        id: Buffer.from(`LocalMeeting:${m.id}`).toString("base64url"),
        agencyId: m.agency_id,
      });
    const items = await queryRows<{ id: string; agency_id: string }>(
      app.database.db,
      sql`select id::text as id, agency_id::text as agency_id from action_items where meeting_id = any(${uuidList(meetingUuids)})`,
    );
    for (const a of items)
      records.push({
        type: "ActionItem",
        id: Buffer.from(`ActionItem:${a.id}`).toString("base64url"),
        agencyId: a.agency_id,
      });
    return records;
  }

  it("node(id:) shows a meeting or an action item to its body only; localMeeting is NOT_FOUND to other bodies, FORBIDDEN elsewhere", async () => {
    const records = await bodyRecords();
    expect(records.filter((r) => r.type === "ActionItem").length).toBeGreaterThanOrEqual(12);
    const wrong: string[] = [];
    for (const account of ACCOUNTS) {
      const profile = await actorProfile(app, account);
      for (const r of records) {
        const own = profile.agencyId === r.agencyId;
        const res = await client(account).request<{ node: { id: string } | null }>(
          `query($id: ID!) { node(id: $id) { id ... on LocalMeeting { summary discussions { decision } }
             ... on ActionItem { description } } }`,
          { id: r.id },
        );
        if (own !== (res.data?.node != null))
          wrong.push(`${account} node(${r.type}): ${own ? "missing" : "leaked"}`);
        if (r.type !== "LocalMeeting") continue;
        const one = await client(account).request<{ localMeeting: { id: string } | null }>(
          `query($id: ID!) { localMeeting(id: $id) { id summary actionItems { description } } }`,
          { id: r.id },
        );
        const expected = own ? undefined : LOCAL.has(profile.agencyKind) ? ["NOT_FOUND"] : ["FORBIDDEN"];
        if (
          JSON.stringify(errorCodes(one)) !== JSON.stringify(expected) ||
          (!own && one.data?.localMeeting != null)
        )
          wrong.push(`${account} localMeeting: ${JSON.stringify(errorCodes(one))}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("localBody is FORBIDDEN outside a local body, and lists only the body's own meetings, actions and visible persons", async () => {
    const records = await bodyRecords();
    const wrong: string[] = [];
    for (const account of ACCOUNTS) {
      const profile = await actorProfile(app, account);
      const res = await client(account).request<{
        localBody: {
          persons: { person: { id: string } | null }[];
          meetings: { id: string }[];
          upcomingMeetings: { id: string }[];
          actionItems: { id: string }[];
        };
      }>(
        `{ localBody { persons { person { id } } meetings { id } upcomingMeetings { id } actionItems { id } overdueActionCount } }`,
      );
      if (!LOCAL.has(profile.agencyKind)) {
        if (JSON.stringify(errorCodes(res)) !== '["FORBIDDEN"]' || res.data !== null)
          wrong.push(`${account}: ${JSON.stringify(errorCodes(res))}`);
        continue;
      }
      const body = res.data?.localBody;
      const ids = [
        ...(body?.meetings ?? []),
        ...(body?.upcomingMeetings ?? []),
        ...(body?.actionItems ?? []),
      ].map((x) => x.id);
      for (const id of ids) {
        const r = records.find((x) => x.id === id);
        if (r !== undefined && r.agencyId !== profile.agencyId)
          wrong.push(`${account}: another body's ${r.type}`);
      }
      for (const p of body?.persons ?? []) {
        if (p.person === null) {
          wrong.push(`${account}: a person it does not see`);
          continue;
        }
        if (!isVisible(await accessOf(account, uuidOf(p.person.id))))
          wrong.push(`${account}: ${p.person.id}`);
      }
      // The own body's fixtures are there (a positive control).
      const mine = records.filter((r) => r.agencyId === profile.agencyId).map((r) => r.id);
      for (const id of mine) if (!ids.includes(id)) wrong.push(`${account}: own record missing`);
    }
    expect(wrong).toEqual([]);
    // The closed case has left its bodies' lists.
    const brussels = await client("ltf-brussels.member").data<{
      localBody: { persons: { person: { id: string } }[] };
    }>(`{ localBody { persons { person { id } } } }`);
    const listed = brussels.localBody.persons.map((p) => p.person.id);
    expect(listed).toContain(byLabel("Molenbeek").id);
    expect(listed).not.toContain(byLabel("Closed").id);
    expect(listed).not.toContain(byLabel("Antwerp").id);
  });

  it("lists in the release calendar only persons whose detention and release data the actor reads", async () => {
    const QUERY = `query($from: Date) { releaseCalendar(from: $from, months: 12, first: 50) {
      totalCount pageInfo { hasNextPage } edges { node { kind person { id } } } } }`;
    const wrong: string[] = [];
    const seenBy: Record<string, string[]> = {};
    for (const account of ACCOUNTS) {
      const res = await client(account).request<{
        releaseCalendar: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean };
          edges: { node: { person: { id: string } | null } }[];
        } | null;
      }>(QUERY, { from: TODAY });
      const calendar = res.data?.releaseCalendar;
      if (calendar == null) {
        if (!errorCodes(res)?.every((c) => c === "FORBIDDEN"))
          wrong.push(`${account}: ${JSON.stringify(res.errors)}`);
        seenBy[account] = [];
        continue;
      }
      seenBy[account] = [];
      for (const edge of calendar.edges) {
        if (edge.node.person === null) {
          wrong.push(`${account}: an entry without its person`);
          continue;
        }
        const uuid = uuidOf(edge.node.person.id);
        seenBy[account]?.push(uuid);
        const access = await accessOf(account, uuid);
        if (!(mayRead(access, "DETENTION", "SUMMARY") && mayRead(access, "RELEASE", "SUMMARY")))
          wrong.push(`${account}: ${uuid}`);
      }
      if (!calendar.pageInfo.hasNextPage && calendar.totalCount !== calendar.edges.length)
        wrong.push(`${account}: totalCount ${calendar.totalCount} for ${calendar.edges.length} entries`);
    }
    expect(wrong).toEqual([]);
    for (const account of [
      "police.officer",
      "celex.statistician",
      "cuta.statistician",
      "ltf-brussels.member",
      "ltf-brussels.chair",
      "lcis-molenbeek.member",
      "probation-brussels.officer",
      "prison-ittre.officer",
      "oversight.reviewer",
      "dpo.reviewer",
    ])
      expect(seenBy[account], account).toEqual([]);
    expect(seenBy["celex.analyst"]).toContain(byLabel("Ittre").uuid);
    expect(seenBy["prison-ittre.director"]).toContain(byLabel("Ittre").uuid);
    expect(seenBy["prison-hasselt.director"]).not.toContain(byLabel("Ittre").uuid);
  });

  it("supervisedConditions lists only conditions of persons whose release data the supervisor reads", async () => {
    const wrong: string[] = [];
    const got: Record<string, string[]> = {};
    for (const account of ACCOUNTS) {
      const res = await client(account).request<{
        supervisedConditions: { id: string; person: { id: string } | null }[];
      }>(`query($on: Date) { supervisedConditions(activeOn: $on) { id details person { id } } }`, {
        on: addDays(TODAY, -10),
      });
      got[account] = (res.data?.supervisedConditions ?? []).map((c) => c.id);
      for (const c of res.data?.supervisedConditions ?? []) {
        const [row] = await queryRows<{ person_id: string }>(
          app.database.db,
          sql`select person_id::text as person_id from release_conditions where id = ${uuidOf(c.id)}::uuid`,
        );
        if (!mayRead(await accessOf(account, row?.person_id as string), "RELEASE"))
          wrong.push(`${account}: ${c.id}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(got["probation-brussels.officer"]).toContain(byLabel("Molenbeek").conditionId);
    expect(got["probation-brussels.officer"]).not.toContain(byLabel("Closed").conditionId);
    expect(got["ltf-antwerp.member"]).toContain(byLabel("Antwerp").conditionId);
  });

  it("keeps commonDatabaseReviewQueue to the threat-analysis analysts", async () => {
    const QUERY = `{ commonDatabaseReviewQueue(dueBefore: "2100-01-01") { id person { id } } }`;
    for (const account of ACCOUNTS) {
      const res = await client(account).request<{ commonDatabaseReviewQueue: { id: string }[] | null }>(
        QUERY,
      );
      if (account === "cuta.analyst") {
        expect(res.errors, account).toBeUndefined();
        expect(res.data?.commonDatabaseReviewQueue?.map((e) => e.id)).toContain(byLabel("Molenbeek").entryId);
      } else {
        expect(errorCodes(res), account).toEqual(["FORBIDDEN"]);
        expect(res.data, account).toBeNull();
      }
    }
  });

  it("keeps the export, the retention queue and every retention change to the data-protection officer", async () => {
    const closed = byLabel("Closed");
    const item = Buffer.from(`RetentionItem:${retentionItemUuid}`).toString("base64url");
    const reads = [
      `query { personRecordExport(personId: "${closed.id}", justification: "Forged.") { document } }`,
      `query { retentionQueue(status: PENDING, first: 1) { totalCount } }`,
      `query { retentionRules { dataClass } }`,
    ];
    await expectUnchanged(async () => {
      for (const account of ACCOUNTS.filter((a) => a !== "dpo.reviewer")) {
        for (const query of reads) {
          const res = await client(account).request(query);
          expect(errorCodes(res), `${account} ${query.slice(0, 40)}`).toEqual(["FORBIDDEN"]);
        }
        const node = await client(account).request<{ node: unknown }>(
          `query($id: ID!) { node(id: $id) { id ... on RetentionItem { personReference } } }`,
          { id: item },
        );
        expect(node.data?.node ?? null, account).toBeNull();
        for (const [query, input] of [
          [CARRY_OUT, { itemIds: [item], justification: "Forged." }],
          [POSTPONE, { itemId: item, reason: "Forged." }],
          [RULE_SET, { dataClass: "FOLLOW_UP", yearsAfterClosure: 0, action: "DELETE" }],
        ] as const)
          expect(await attempt(account, query, input), `${account} ${query.slice(9, 40)}`).toBe("FORBIDDEN");
        const sweep = await client(account).request(`mutation { retentionSweep { listed } }`);
        expect(errorCodes(sweep), `${account} sweep`).toEqual(["FORBIDDEN"]);
      }
    });
    // Positive control: the officer sees the item (walking the queue page by page).
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: {
        retentionQueue: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await client("dpo.reviewer").data(
        `query($after: String) { retentionQueue(status: PENDING, first: 100, after: $after) {
          edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = res.retentionQueue;
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toContain(item);
  });

  it("shows a Local Cell the card only: no discreet surveillance, no threat-analysis history, no task-force measure", async () => {
    const molenbeek = byLabel("Molenbeek");
    const res = await client("lcis-molenbeek.member").request<{
      person: {
        card: { measuresToKnow: { code: string; nameEn: string }[]; threatLevel: number | null };
        commonDatabase: unknown;
        followUpMeasures: { id: string; agency: { code: string }; startedBy: { decision: string } | null }[];
        outcomes: unknown;
      };
    }>(
      `query($id: ID!) { person(id: $id) { card { measuresToKnow { code nameEn } threatLevel }
         commonDatabase { current { id } history { id threatLevel } }
         followUpMeasures { id agency { code } startedBy { decision } } outcomes { id } } }`,
      { id: molenbeek.id },
    );
    const card = res.data?.person.card;
    expect(card?.threatLevel).toBe(3);
    expect(card?.measuresToKnow.map((m) => m.code)).not.toContain("DISCREET_SURVEILLANCE");
    expect(card?.measuresToKnow.length).toBe(3);
    expect(res.data?.person.commonDatabase).toBeNull();
    expect(res.data?.person.outcomes).toBeNull();
    expect(res.errors?.map((e) => [e.path?.join("."), e.extensions?.code]).sort()).toEqual([
      ["person.commonDatabase", "FORBIDDEN"],
      ["person.outcomes", "FORBIDDEN"],
    ]);
    expect(res.data?.person.followUpMeasures.map((m) => m.id)).toEqual(molenbeek.lcisMeasures);
    // The task force's decisions are not the cell's, nor its meetings' actions.
    const police = await client("police.officer").data<{
      person: {
        followUpMeasures: {
          id: string;
          startedBy: { decision: string; meeting: { id: string } | null; actions: { id: string }[] } | null;
        }[];
      };
    }>(
      `query($id: ID!) { person(id: $id) { followUpMeasures { id startedBy { decision meeting { id } actions { id } } } } }`,
      { id: molenbeek.id },
    );
    for (const m of police.person.followUpMeasures) {
      if (molenbeek.lcisMeasures.includes(m.id)) expect(m.startedBy, "an LCIS decision").toBeNull();
      else {
        expect(m.startedBy?.decision).toMatch(/ltf-brussels/);
        expect(m.startedBy?.meeting).toBeNull();
        expect(m.startedBy?.actions).toEqual([]);
      }
    }
  });

  it("answers each new person field exactly as the matrix says, for every account and person", async () => {
    const QUERY = `query($id: ID!) { person(id: $id) { id responsibilities { validFrom }
      residences { validFrom } releaseConditions { id } followUpMeasures { id agency { id } }
      commonDatabase { current { id } } outcomes { id } closure { closedOn } } }`;
    const FIELDS: [string, "RELEASE" | "FOLLOW_UP" | null][] = [
      ["responsibilities", null],
      ["residences", "RELEASE"],
      ["releaseConditions", "RELEASE"],
      ["followUpMeasures", "FOLLOW_UP"],
      ["commonDatabase", "FOLLOW_UP"],
      ["outcomes", "FOLLOW_UP"],
      ["closure", "FOLLOW_UP"],
    ];
    const mismatches: string[] = [];
    for (const account of ACCOUNTS) {
      const profile = await actorProfile(app, account);
      const ownAgencyId = Buffer.from(`Agency:${profile.agencyId}`).toString("base64url");
      for (const p of population) {
        const access = await accessOf(account, p.uuid);
        const res = await client(account).request<{ person: Record<string, unknown> | null }>(QUERY, {
          id: p.id,
        });
        const where = `${account} on ${p.label}`;
        if (!isVisible(access)) {
          if (res.data?.person !== null || JSON.stringify(errorCodes(res)) !== '["NOT_FOUND"]')
            mismatches.push(`${where}: expected NOT_FOUND, got ${JSON.stringify(res)}`);
          continue;
        }
        for (const [field, dataClass] of FIELDS) {
          const value = res.data?.person?.[field];
          const error = res.errors?.find((e) => e.path?.join(".") === `person.${field}`);
          const cellOwn = field === "followUpMeasures" && profile.agencyKind === "LOCAL_CELL";
          const readable = dataClass === null || mayRead(access, dataClass) || cellOwn;
          if (readable) {
            if (error !== undefined) mismatches.push(`${where}.${field}: ${error.extensions?.code}`);
            if (cellOwn && !mayRead(access, "FOLLOW_UP"))
              for (const m of (value ?? []) as { agency: { id: string } }[])
                if (m.agency.id !== ownAgencyId) mismatches.push(`${where}.${field}: another body's measure`);
          } else if (value !== null || error?.extensions?.code !== "FORBIDDEN")
            mismatches.push(`${where}.${field}: expected FORBIDDEN, got ${JSON.stringify(value)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("keeps an episode's plan and overrides to readers of its release data", async () => {
    const ittre = byLabel("Ittre");
    const QUERY = `query($id: ID!) { person(id: $id) { currentEpisode { releasePlan { note } releaseDateOverrides { reason } } } }`;
    const wrong: string[] = [];
    for (const account of ACCOUNTS) {
      const access = await accessOf(account, ittre.uuid);
      const res = await client(account).request<{
        person: { currentEpisode: { releasePlan: unknown; releaseDateOverrides: unknown } | null } | null;
      }>(QUERY, { id: ittre.id });
      if (!isVisible(access)) {
        if (res.data?.person !== null) wrong.push(`${account}: person leaked`);
        continue;
      }
      const episode = res.data?.person?.currentEpisode;
      if (episode == null) continue; // no DETENTION: nothing below it
      const readable = mayRead(access, "RELEASE");
      if (readable !== (episode.releasePlan !== null)) wrong.push(`${account}: plan ${readable}`);
      if (readable !== (episode.releaseDateOverrides !== null))
        wrong.push(`${account}: overrides ${readable}`);
    }
    expect(wrong).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
describe("every change path from the wrong agency, role or district", () => {
  /** [account, mutation, input, what the refusal must say] */
  type Attack = [string, string, Record<string, unknown>, RegExp];
  const FORBIDDEN = /^FORBIDDEN$/;
  const NOT_FOUND = /^[\w.]+:NOT_FOUND$/;
  const REFUSED = /^(FORBIDDEN|[\w.]+:NOT_FOUND)$/;

  const run = async (attacks: Attack[]) => {
    const wrong: string[] = [];
    await expectUnchanged(async () => {
      for (const [account, query, input, expected] of attacks) {
        const got = await attempt(account, query, input);
        if (!expected.test(got)) wrong.push(`${account} ${query.slice(9, 45)}: ${got}`);
      }
    });
    expect(wrong).toEqual([]);
  };

  it("refuses the release preparation and the conditions to the wrong agencies and districts", async () => {
    const ittre = byLabel("Ittre");
    const molenbeek = byLabel("Molenbeek");
    const antwerp = byLabel("Antwerp");
    const closed = byLabel("Closed");
    const terms = { conditionType: "TRAVEL_BAN", supervisingAgencyId: agency("police") };
    const attacks: Attack[] = [];
    for (const account of [
      "prison-ittre.officer",
      "prison-ittre.director",
      "probation-brussels.officer",
      "ltf-brussels.chair",
      "police.officer",
      "cuta.analyst",
    ])
      attacks.push([account, PROPOSE, { personId: ittre.id, ...terms }, FORBIDDEN]);
    attacks.push(["psd-hasselt.psychologist", PROPOSE, { personId: ittre.id, ...terms }, NOT_FOUND]);
    for (const account of [
      "prison-ittre.director",
      "ltf-brussels.member",
      "police.officer",
      "vsse.officer",
    ]) {
      attacks.push([
        account,
        OVERRIDE,
        { episodeId: ittre.episodeId, kind: "END_OF_SENTENCE", date: addDays(TODAY, 700), reason: "Forged." },
        FORBIDDEN,
      ]);
      attacks.push([
        account,
        PLAN,
        { episodeId: ittre.episodeId, intendedMunicipality: "Antwerpen", note: "Forged.", version: 1 },
        FORBIDDEN,
      ]);
      attacks.push([
        account,
        WITHDRAW,
        { conditionId: ittre.conditionId, version: ittre.conditionVersion },
        FORBIDDEN,
      ]);
    }
    attacks.push([
      "psd-hasselt.psychologist",
      OVERRIDE,
      { episodeId: ittre.episodeId, kind: "END_OF_SENTENCE", date: addDays(TODAY, 700), reason: "Forged." },
      REFUSED,
    ]);
    attacks.push([
      "psd-hasselt.psychologist",
      PLAN,
      { episodeId: ittre.episodeId, intendedMunicipality: "Antwerpen", version: 1 },
      REFUSED,
    ]);
    attacks.push([
      "psd-hasselt.psychologist",
      WITHDRAW,
      { conditionId: ittre.conditionId, version: ittre.conditionVersion },
      NOT_FOUND,
    ]);
    // After release: supervision is for probation and the task force of the person's district.
    const impose = (p: typeof molenbeek) => ({ personId: p.id, ...terms, imposedOn: addDays(TODAY, -1) });
    const lift = (p: typeof molenbeek) => ({
      conditionId: p.conditionId,
      liftedOn: TODAY,
      reason: "Forged.",
      version: p.conditionVersion,
    });
    const breach = (p: typeof molenbeek) => ({
      conditionId: p.conditionId,
      occurredOn: addDays(TODAY, -1),
      description: "Forged.",
    });
    for (const account of [
      "celex.analyst",
      "dgepi.director",
      "police.officer",
      "cuta.analyst",
      "lcis-molenbeek.member",
      "vsse.officer",
      "prosecutor.officer",
    ])
      for (const [query, input] of [
        [IMPOSE, impose(molenbeek)],
        [LIFT, lift(molenbeek)],
        [BREACH, breach(molenbeek)],
      ] as const)
        attacks.push([account, query, input, FORBIDDEN]);
    for (const [account, p] of [
      ["ltf-antwerp.member", molenbeek],
      ["ltf-brussels.member", antwerp],
      ["ltf-brussels.chair", antwerp],
      ["probation-brussels.officer", antwerp],
      ["probation-brussels.officer", closed],
      ["ltf-brussels.member", closed],
    ] as const)
      for (const [query, input] of [
        [IMPOSE, impose(p)],
        [LIFT, lift(p)],
        [BREACH, breach(p)],
      ] as const)
        attacks.push([account, query, input, NOT_FOUND]);
    // The prison's director reads the release data of its inmates, but does not supervise.
    attacks.push(["prison-ittre.director", IMPOSE, impose(molenbeek), FORBIDDEN]);
    await run(attacks);
  });

  it("refuses hand-overs to all but CUTA and the chair of the person's task force", async () => {
    const molenbeek = byLabel("Molenbeek");
    const antwerp = byLabel("Antwerp");
    const input = (p: typeof molenbeek, municipality: string) => ({
      personId: p.id,
      municipality,
      on: TODAY,
      reason: "Forged.",
    });
    const attacks: Attack[] = [];
    for (const account of [
      "ltf-brussels.member",
      "ltf-antwerp.member",
      "lcis-molenbeek.member",
      "lcis-molenbeek.chair",
      "police.officer",
      "probation-brussels.officer",
      "celex.analyst",
      "vsse.officer",
      "prison-ittre.director",
    ])
      attacks.push([account, HAND_OVER, input(molenbeek, "Antwerpen"), FORBIDDEN]);
    attacks.push(["ltf-brussels.chair", HAND_OVER, input(antwerp, "Molenbeek-Saint-Jean"), NOT_FOUND]);
    attacks.push(["ltf-brussels.chair", HAND_OVER, input(byLabel("Ittre"), "Antwerpen"), NOT_FOUND]);
    // CUTA reads a closed case but no longer feeds its follow-up.
    attacks.push([
      "cuta.analyst",
      HAND_OVER,
      input(byLabel("Closed"), "Antwerpen"),
      /^(FORBIDDEN|personId:RULE_VIOLATION)$/,
    ]);
    await run(attacks);
  });

  it("refuses meetings, agendas, decisions and actions of another body, and persons the body does not see", async () => {
    const molenbeek = byLabel("Molenbeek");
    const antwerp = byLabel("Antwerp");
    const closed = byLabel("Closed");
    const ittre = byLabel("Ittre");
    const meeting = (agenda: string[]) => ({
      kind: "OPERATIONAL",
      heldOn: addDays(TODAY, -1),
      membersPresent: ["Forged"],
      summary: "Forged.",
      agenda,
      actions: [],
    });
    const decide = (meetingId: string, personId: string, stop: string[] = []) => ({
      meetingId,
      personId,
      decision: "Forged.",
      startMeasures: [],
      stopMeasureIds: stop,
      actions: [],
    });
    const attacks: Attack[] = [];
    for (const account of [
      "cuta.analyst",
      "police.officer",
      "celex.analyst",
      "probation-brussels.officer",
      "admin",
      "dpo.reviewer",
    ]) {
      attacks.push([account, MEETING, meeting([]), FORBIDDEN]);
      attacks.push([account, AGENDA_ADD, { meetingId: plannedLtf, personId: molenbeek.id }, FORBIDDEN]);
      attacks.push([account, DECIDE, decide(molenbeek.ltfMeeting as string, molenbeek.id), FORBIDDEN]);
      attacks.push([
        account,
        CLOSE_ACTION,
        { actionItemId: molenbeek.ltfActions[0], status: "DONE", note: null, version: 1 },
        FORBIDDEN,
      ]);
    }
    // Another body's meeting and actions do not exist.
    for (const [account, meetingId, actionId, personId] of [
      ["ltf-antwerp.member", plannedLtf, molenbeek.ltfActions[0], antwerp.id],
      ["lcis-molenbeek.member", plannedLtf, molenbeek.ltfActions[1], molenbeek.id],
      ["ltf-brussels.member", plannedLcis, molenbeek.lcisActions[0], molenbeek.id],
      ["lcis-antwerpen.member", plannedLcis, molenbeek.lcisActions[1], antwerp.id],
    ] as const) {
      attacks.push([account, AGENDA_ADD, { meetingId, personId }, /^meetingId:NOT_FOUND$/]);
      attacks.push([
        account,
        CLOSE_ACTION,
        { actionItemId: actionId, status: "CANCELLED", note: "Forged.", version: 1 },
        /^actionItemId:NOT_FOUND$/,
      ]);
    }
    for (const [account, meetingId, personId] of [
      ["ltf-antwerp.member", molenbeek.ltfMeeting, antwerp.id],
      ["lcis-molenbeek.member", molenbeek.ltfMeeting, molenbeek.id],
      ["ltf-brussels.chair", molenbeek.lcisMeeting, molenbeek.id],
      ["lcis-antwerpen.member", antwerp.ltfMeeting, antwerp.id],
    ] as const)
      attacks.push([account, DECIDE, decide(meetingId as string, personId), /^meetingId:NOT_FOUND$/]);
    // Persons the body does not see: another district or municipality, in prison, closed.
    for (const [account, own, personId] of [
      ["ltf-brussels.member", plannedLtf, antwerp.id],
      ["ltf-brussels.member", plannedLtf, ittre.id],
      ["ltf-brussels.member", plannedLtf, closed.id],
      ["lcis-molenbeek.member", plannedLcis, antwerp.id],
      ["lcis-molenbeek.member", plannedLcis, closed.id],
      ["lcis-molenbeek.member", plannedLcis, ittre.id],
    ] as const) {
      attacks.push([account, AGENDA_ADD, { meetingId: own, personId }, /^personId:NOT_FOUND$/]);
      attacks.push([account, MEETING, meeting([personId]), /^agenda\.0:NOT_FOUND$/]);
    }
    attacks.push([
      "ltf-brussels.member",
      DECIDE,
      decide(molenbeek.ltfMeeting as string, antwerp.id),
      /^personId:NOT_FOUND$/,
    ]);
    attacks.push([
      "ltf-brussels.member",
      DECIDE,
      decide(closed.ltfMeeting as string, closed.id),
      /^personId:NOT_FOUND$/,
    ]);
    attacks.push([
      "lcis-molenbeek.member",
      DECIDE,
      decide(molenbeek.lcisMeeting as string, antwerp.id),
      /^personId:NOT_FOUND$/,
    ]);
    // Another body's measures cannot be stopped, even about a person both bodies follow.
    attacks.push([
      "lcis-molenbeek.member",
      DECIDE,
      decide(molenbeek.lcisMeeting as string, molenbeek.id, [molenbeek.ltfMeasures[0] as string]),
      /^stopMeasureIds\.0:NOT_FOUND$/,
    ]);
    attacks.push([
      "ltf-brussels.member",
      DECIDE,
      decide(molenbeek.ltfMeeting as string, molenbeek.id, [molenbeek.lcisMeasures[0] as string]),
      /^stopMeasureIds\.0:NOT_FOUND$/,
    ]);
    await run(attacks);
  });

  it("refuses the common database, outcomes and closure to all but their writers, and out of their district", async () => {
    const molenbeek = byLabel("Molenbeek");
    const antwerp = byLabel("Antwerp");
    const ittre = byLabel("Ittre");
    const entry = (p: typeof molenbeek) => ({
      personId: p.id,
      category: "HATE_PROPAGANDIST",
      threatLevel: 4,
      basis: "ESTABLISHED",
      from: TODAY,
    });
    const confirm = { entryId: molenbeek.entryId, informationOn: TODAY, version: molenbeek.entryVersion };
    const end = { entryId: molenbeek.entryId, on: TODAY, reason: "Forged.", version: molenbeek.entryVersion };
    const outcome = (p: typeof molenbeek) => ({
      personId: p.id,
      kind: "DIED",
      occurredOn: addDays(TODAY, -1),
      note: "Forged.",
    });
    const close = (p: typeof molenbeek) => ({
      personId: p.id,
      closedOn: TODAY,
      reason: "OTHER",
      note: "Forged.",
    });
    const attacks: Attack[] = [];
    for (const account of [
      "ltf-brussels.chair",
      "ltf-brussels.member",
      "police.officer",
      "vsse.officer",
      "vsse.analyst",
      "lcis-molenbeek.member",
      "cuta.statistician",
      "celex.analyst",
      "probation-brussels.officer",
    ]) {
      attacks.push([account, ENTRY, entry(molenbeek), FORBIDDEN]);
      attacks.push([account, ENTRY_CONFIRM, confirm, FORBIDDEN]);
      attacks.push([account, ENTRY_END, end, FORBIDDEN]);
    }
    for (const account of [
      "police.officer",
      "vsse.officer",
      "lcis-molenbeek.member",
      "lcis-molenbeek.chair",
      "celex.analyst",
      "probation-brussels.officer",
      "cuta.statistician",
      "oversight.reviewer",
    ]) {
      attacks.push([account, OUTCOME, outcome(molenbeek), FORBIDDEN]);
      attacks.push([account, CASE_CLOSE, close(molenbeek), FORBIDDEN]);
    }
    for (const [account, p] of [
      ["ltf-antwerp.member", molenbeek],
      ["ltf-brussels.member", antwerp],
      ["ltf-brussels.chair", ittre],
      ["ltf-brussels.member", byLabel("Closed")],
    ] as const) {
      attacks.push([account, OUTCOME, outcome(p), NOT_FOUND]);
      attacks.push([account, CASE_CLOSE, close(p), NOT_FOUND]);
    }
    await run(attacks);
  });
});

// ---------------------------------------------------------------------------------------------------
// Writes through raw SQL that name a person or a date the writer may not (migrations 0023, 0024).
describe("raw writes that name what the writer may not", () => {
  it("a release-data reader cannot rewrite a released person's responsibilities after the release (app_hand_over_responsibilities)", async () => {
    // CELEX, DG_EPI and PRISON callers may open the responsibilities of the release just recorded
    // only: sixty days later CelEx (which neither reads nor feeds FOLLOW_UP after release) is refused.
    const molenbeek = byLabel("Molenbeek");
    const result = await rawAs(
      "celex.analyst",
      sql`select 1 as ok from app_hand_over_responsibilities(${molenbeek.uuid}::uuid, ${RELEASED_ON}::date, 'Forged'::text)`,
    );
    expect(result).toMatch(/not allowed to change the responsibilities/);
  });

  it("a local body cannot write a follow-up measure on a person it does not see (follow_up_measures policies)", async () => {
    // The Antwerp task force tries to file a measure, shown on the information card, on the Brussels person.
    const molenbeek = byLabel("Molenbeek");
    const own = (await actorProfile(app, "ltf-antwerp.member")).agencyId;
    const discussion = (
      await queryRows<{ id: string }>(
        app.database.db,
        sql`select d.id::text as id from meeting_discussions d where d.meeting_id = ${uuidOf(byLabel("Antwerp").ltfMeeting as string)}::uuid`,
      )
    )[0]?.id as string;
    const result = await rawAs(
      "ltf-antwerp.member",
      sql`insert into follow_up_measures (id, person_id, type_id, agency_id, started_on, started_by)
          select gen_random_uuid(), ${molenbeek.uuid}::uuid, t.id, ${own}::uuid, current_date, ${discussion}::uuid
          from follow_up_measure_types t where t.code = 'POLICE_VISITS' returning id`,
    );
    expect(result, "1: the forged measure was written").toMatch(/row-level security/);
  });

  it("a local body cannot name a person it does not see in its action items (action_items policy)", async () => {
    const molenbeek = byLabel("Molenbeek");
    const own = (await actorProfile(app, "ltf-antwerp.member")).agencyId;
    const owner = uuidOf((await whoAmI(client("ltf-antwerp.member"))).userId);
    const result = await rawAs(
      "ltf-antwerp.member",
      sql`insert into action_items (id, meeting_id, agency_id, person_id, description, owner_id, due_on)
          values (gen_random_uuid(), ${uuidOf(byLabel("Antwerp").ltfMeeting as string)}::uuid, ${own}::uuid,
                  ${molenbeek.uuid}::uuid, 'Forged: watch this person', ${owner}::uuid, current_date) returning id`,
    );
    expect(result).toMatch(/row-level security/);
  });

  it("no actor can write a case summary that its history does not give, to widen its own sight (app_upsert_case_summaries)", async () => {
    // The Molenbeek cell declares the Antwerp person resident in Molenbeek: refused, and still unseen.
    const antwerp = byLabel("Antwerp");
    const who = await databaseActor(app, "lcis-molenbeek.member");
    let refusal = "";
    await app.database.db
      .transaction(async (tx) => {
        await enterActorSession(tx, who);
        const [summary] = await queryRows<Record<string, unknown>>(
          tx,
          sql`select * from app_summary_sources(${uuidList([antwerp.uuid])})`,
        );
        await tx.execute(
          sql`select app_upsert_case_summaries(${JSON.stringify([
            {
              person_id: antwerp.uuid,
              detention_status: "RELEASED",
              released_on: summary?.last_released_on ?? RELEASED_ON,
              release_judicial_district: "BRUSSELS",
              release_municipality: "Molenbeek-Saint-Jean",
            },
          ])}::jsonb)`,
        );
      })
      .catch((error: unknown) => {
        refusal = String((error as { cause?: unknown }).cause ?? error);
      });
    expect(refusal).toMatch(/derived from the case history only/);
    const seen = await rawAs(
      "lcis-molenbeek.member",
      sql`select id from persons where id = ${antwerp.uuid}::uuid`,
    );
    expect(seen, "rows of the Antwerp person the cell sees").toBe("0");
  });
});
