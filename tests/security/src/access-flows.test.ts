import { sql } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../apps/api/src/db/client.js";
import { DEMO_PASSWORD, GraphQLClient, startTestApp, type TestApp } from "../../../apps/api/test/harness.js";
import { buildPopulation, EMAIL, type FixturePerson } from "./fixtures.js";

let app: TestApp;
let population: FixturePerson[];
const byLabel = (label: string) => population.find((p) => p.label === label) as FixturePerson;

beforeAll(async () => {
  app = await startTestApp();
  population = await buildPopulation(app, await app.login(EMAIL("celex.analyst")));
});
afterAll(() => app.close());

const CASE = `query($id: ID!) { person(id: $id) { access { tier breakGlass } familyName placements { validFrom } } }`;

describe("purpose", () => {
  it("keeps personal data closed until the session states a purpose, and records it", async () => {
    const client = await app.login(EMAIL("prison-ittre.officer"), { purpose: false });
    const before = await client.request("{ persons(first: 5) { totalCount } }");
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "PURPOSE_REQUIRED" });
    const wrong = await client.data<{ sessionPurposeSet: { userErrors: { field: string; code: string }[] } }>(
      `mutation { sessionPurposeSet(input: { code: INTELLIGENCE_ANALYSIS }) { userErrors { field code } } }`,
    );
    expect(wrong.sessionPurposeSet.userErrors).toEqual([{ field: "code", code: "RULE_VIOLATION" }]);
    await client.data(
      `mutation { sessionPurposeSet(input: { code: CASE_MANAGEMENT, note: "Cell allocation review" }) { purpose { code } } }`,
    );
    const after = await client.data<{ persons: { totalCount: number } }>(
      "{ persons(first: 5) { totalCount } }",
    );
    expect(after.persons.totalCount).toBe(2);
    const [row] = await queryRows<{ purpose_code: string; purpose_note: string }>(
      app.database.db,
      sql`select purpose_code, purpose_note from audit_events where operation = 'SEARCH' order by id desc limit 1`,
    );
    expect(row).toEqual({ purpose_code: "CASE_MANAGEMENT", purpose_note: "Cell allocation review" });
  });
});

describe("hit / no-hit and break-the-glass", () => {
  it("tells a prison officer only that an inmate of another prison is known and whom to contact", async () => {
    const officer = await app.login(EMAIL("prison-ittre.officer"));
    const hit = await officer.data<{
      personLookup: { known: boolean; accessible: boolean; contact: { name: string } | null };
    }>(
      `{ personLookup(input: { familyName: "SECFIXHASSELT", givenNames: "testo", dateOfBirth: "1990-05-17" }) {
           known accessible contact { name } } }`,
    );
    expect(hit.personLookup).toEqual({
      known: true,
      accessible: false,
      contact: { name: "Extremism Cell (CelEx), DG EPI" },
    });
    const miss = await officer.data<{ personLookup: { known: boolean; contact: null } }>(
      `{ personLookup(input: { familyName: "Secfixhasselt", givenNames: "Testo", dateOfBirth: "1990-05-18" }) { known contact { name } } }`,
    );
    expect(miss.personLookup).toEqual({ known: false, contact: null });
  });

  it("answers 'not known' to someone the matrix gives nothing, exactly as for nobody", async () => {
    const lcis = await app.login(EMAIL("lcis-molenbeek.member"));
    const res = await lcis.data<{ personLookup: { known: boolean; personId: string | null } }>(
      `{ personLookup(input: { familyName: "SecfixHasselt", givenNames: "Testo", dateOfBirth: "1990-05-17" }) { known personId } }`,
    );
    expect(res.personLookup).toEqual({ known: false, personId: null });
  });

  it("opens a case read-only on a justification, flags every read, and puts it before oversight", async () => {
    const officer = await app.login(EMAIL("prison-ittre.officer"));
    const target = byLabel("Hasselt");
    expect((await officer.request(CASE, { id: target.id })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");

    const tooShort = await officer.data<{ breakGlassOpen: { userErrors: { field: string }[] } }>(
      `mutation($id: ID!) { breakGlassOpen(input: { personId: $id, justification: "urgent" }) { userErrors { field message } } }`,
      { id: target.id },
    );
    expect(tooShort.breakGlassOpen.userErrors[0]?.field).toBe("justification");

    const opened = await officer.data<{
      breakGlassOpen: {
        grant: { id: string };
        person: { familyName: string; access: { breakGlass: boolean } };
      };
    }>(
      `mutation($id: ID!) { breakGlassOpen(input: { personId: $id, justification: "Transfer to our prison tonight: need the current placement and listing." }) {
         grant { id } person { familyName access { breakGlass } } userErrors { message } } }`,
      { id: target.id },
    );
    expect(opened.breakGlassOpen.person).toEqual({
      familyName: "SecfixHasselt",
      access: { breakGlass: true },
    });
    const read = await officer.data<{ person: { access: { tier: string }; placements: unknown[] } }>(CASE, {
      id: target.id,
    });
    expect(read.person.access.tier).toBe("READ");
    expect(read.person.placements.length).toBeGreaterThan(0);

    const change = await officer
      .data<{ placementRecord: { userErrors: unknown[] } | null }>(
        `mutation($input: PlacementRecordInput!) { placementRecord(input: $input) { userErrors { message } } }`,
        { input: { personId: target.id, establishmentId: "RXN0YWJsaXNobWVudDox", validFrom: "2024-06-01" } },
      )
      .catch((e: Error) => e);
    expect(String(change)).toMatch(/FORBIDDEN|consult but not change/);

    const flagged = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from audit_events where person_id = ${target.uuid}::uuid and break_glass`,
    );
    expect(flagged[0]?.n).toBeGreaterThan(1);

    const oversight = await app.login(EMAIL("oversight.reviewer"));
    const pending = await oversight.data<{
      breakGlassGrants: {
        edges: {
          node: { id: string; justification: string; auditedReads: number; user: { displayName: string } };
        }[];
      };
    }>(
      "{ breakGlassGrants(first: 10) { edges { node { id justification auditedReads user { displayName } } } } }",
    );
    const grant = pending.breakGlassGrants.edges[0]?.node;
    expect(grant?.justification).toMatch(/Transfer to our prison/);
    expect(grant?.auditedReads).toBeGreaterThan(1);
    const reviewed = await oversight.data<{ breakGlassReview: { grant: { verdict: string } } }>(
      `mutation($id: ID!) { breakGlassReview(input: { grantId: $id, verdict: JUSTIFIED, note: "Transfer confirmed." }) { grant { verdict } } }`,
      { id: grant?.id },
    );
    expect(reviewed.breakGlassReview.grant.verdict).toBe("JUSTIFIED");
    const [review] = await queryRows<{ operation: string }>(
      app.database.db,
      sql`select operation from audit_events where operation = 'BREAK_GLASS_REVIEW'`,
    );
    expect(review?.operation).toBe("BREAK_GLASS_REVIEW");

    for (const query of [
      "{ breakGlassGrants(first: 1) { totalCount } }",
      "{ auditEvents(first: 1) { totalCount } }",
    ])
      expect((await officer.request(query)).errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
  });
});

describe("sessions and tokens", () => {
  it("ends a disabled account's sessions at once, and lets it back in when enabled", async () => {
    const user = await app.login(EMAIL("probation-brussels.officer"));
    const admin = await app.login(EMAIL("admin"));
    const { users } = await admin.data<{ users: { edges: { node: { id: string } }[] } }>(
      `{ users(first: 1, search: "probation-brussels") { edges { node { id } } } }`,
    );
    const userId = users.edges[0]?.node.id;
    await admin.data(
      `mutation($id: ID!) { userSetDisabled(input: { userId: $id, disabled: true }) { user { disabled } } }`,
      { id: userId },
    );
    expect((await user.request("{ persons(first: 1) { totalCount } }")).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    await expect(app.login(EMAIL("probation-brussels.officer"))).rejects.toThrow(/login failed/);
    await admin.data(
      `mutation($id: ID!) { userSetDisabled(input: { userId: $id, disabled: false }) { user { disabled } } }`,
      { id: userId },
    );
    await app.login(EMAIL("probation-brussels.officer"));
  });

  it("does not let a read-only administrator token issue tokens", async () => {
    const admin = await app.login(EMAIL("admin"));
    const { users } = await admin.data<{ users: { edges: { node: { id: string } }[] } }>(
      `{ users(first: 1, search: "admin@") { edges { node { id } } } }`,
    );
    const created = await admin.data<{ apiTokenCreate: { token: string } }>(
      `mutation($id: ID!, $at: DateTime!) { apiTokenCreate(input: { userId: $id, name: "Read-only admin", scopes: [READ], expiresAt: $at,
         purpose: { code: SYSTEM_INTEGRATION } }) { token } }`,
      { id: users.edges[0]?.node.id, at: new Date(Date.now() + 86_400_000).toISOString() },
    );
    const readOnly = app.withToken(created.apiTokenCreate.token);
    const res = await readOnly.request(
      `mutation($id: ID!, $at: DateTime!) { apiTokenCreate(input: { userId: $id, name: "Escalated", scopes: [READ, WRITE], expiresAt: $at,
         purpose: { code: SYSTEM_INTEGRATION } }) { token } }`,
      { id: users.edges[0]?.node.id, at: new Date(Date.now() + 86_400_000).toISOString() },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("the second factor, where it is enforced", () => {
  it("keeps intelligence and clinical data closed until an authenticator is enrolled, then asks for it at login", async () => {
    const strict = await startTestApp({ mfaEnforced: true });
    try {
      const first = await strict.login(EMAIL("vsse.officer"), { purpose: false });
      const { viewer } = await first.data<{
        viewer: { secondFactorRequired: boolean; secondFactorEnabled: boolean };
      }>("{ viewer { secondFactorRequired secondFactorEnabled } }");
      expect(viewer).toEqual({ secondFactorRequired: true, secondFactorEnabled: false });
      await first.data(
        `mutation { sessionPurposeSet(input: { code: INTELLIGENCE_ANALYSIS }) { purpose { code } } }`,
      );
      const closed = await first.request("{ persons(first: 1) { totalCount } }");
      expect(closed.errors?.[0]?.extensions).toMatchObject({
        code: "FORBIDDEN",
        reason: "SECOND_FACTOR_REQUIRED",
      });

      const enrol = await first.data<{ totpEnroll: { secret: string; uri: string } }>(
        "mutation { totpEnroll { secret uri userErrors { message } } }",
      );
      expect(enrol.totpEnroll.uri).toMatch(/^otpauth:\/\/totp\//);
      const code = await generate({ secret: enrol.totpEnroll.secret });
      const confirmed = await first.data<{ totpConfirm: { ok: boolean } }>(
        `mutation($code: String!) { totpConfirm(input: { code: $code }) { ok userErrors { message } } }`,
        { code },
      );
      expect(confirmed.totpConfirm.ok).toBe(true);

      const res = await fetch(`${strict.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation { login(input: { email: "${EMAIL("vsse.officer")}", password: "${DEMO_PASSWORD}" }) { secondFactorRequired } }`,
        }),
      });
      expect(
        ((await res.json()) as { data: { login: { secondFactorRequired: boolean } } }).data.login
          .secondFactorRequired,
      ).toBe(true);
      const second = new GraphQLClient(strict.url, {
        cookie: (res.headers.getSetCookie()[0] ?? "").split(";")[0] as string,
      });
      expect(
        (await second.request("{ persons(first: 1) { totalCount } }")).errors?.[0]?.extensions?.code,
      ).toBe("UNAUTHENTICATED");
      const wrong = await second.data<{ loginVerifyTotp: { ok: boolean; userErrors: { field: string }[] } }>(
        `mutation { loginVerifyTotp(input: { code: "000000" }) { ok userErrors { field } } }`,
      );
      expect(wrong.loginVerifyTotp).toEqual({ ok: false, userErrors: [{ field: "code" }] });
      const right = await second.data<{ loginVerifyTotp: { ok: boolean } }>(
        `mutation($code: String!) { loginVerifyTotp(input: { code: $code }) { ok } }`,
        { code: await generate({ secret: enrol.totpEnroll.secret }) },
      );
      expect(right.loginVerifyTotp.ok).toBe(true);
      await second.data(
        `mutation { sessionPurposeSet(input: { code: INTELLIGENCE_ANALYSIS }) { purpose { code } } }`,
      );
      expect(
        (await second.data<{ persons: { totalCount: number } }>("{ persons(first: 1) { totalCount } }"))
          .persons.totalCount,
      ).toBeGreaterThanOrEqual(0);
    } finally {
      await strict.close();
    }
  });
});
