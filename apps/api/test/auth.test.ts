import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/secrets.js";
import { queryRows } from "../src/db/client.js";
import { EMAIL } from "./fixtures.js";
import { DEMO_PASSWORD, GraphQLClient, startTestApp, type TestApp } from "./harness.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { displayName email } userErrors { field message code } } }`;

async function rawLogin(email: string, password: string, ip = "198.51.100.7") {
  return fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
}

describe("logging in", () => {
  it("sets an HttpOnly, SameSite session cookie and the user is then known", async () => {
    const res = await rawLogin(EMAIL("dgepi.director"), DEMO_PASSWORD);
    const cookie = res.headers.getSetCookie()[0] ?? "";
    expect(cookie).toMatch(/^continuum_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = (await res.json()) as { data: { login: { user: { email: string } } } };
    expect(body.data.login.user.email).toBe(EMAIL("dgepi.director"));
    const client = new GraphQLClient(app.url, { cookie: cookie.split(";")[0] as string });
    expect((await client.data<{ me: { email: string } }>("{ me { email } }")).me.email).toBe(
      EMAIL("dgepi.director"),
    );
  });

  it("answers the same generic message for a wrong password and an unknown account, and sets no cookie", async () => {
    const wrong = await rawLogin(EMAIL("vsse.officer"), "not-the-password", "198.51.100.8");
    const unknown = await rawLogin(EMAIL("nobody.here"), "not-the-password", "198.51.100.8");
    for (const res of [wrong, unknown]) {
      expect(res.headers.getSetCookie()).toEqual([]);
      const body = (await res.json()) as { data: { login: { user: null; userErrors: unknown[] } } };
      expect(body.data.login).toEqual({
        user: null,
        userErrors: [{ field: null, message: "E-mail address or password is incorrect.", code: "INVALID" }],
      });
    }
  });

  it("throttles an account from one address after five failures, even with the right password, but not elsewhere", async () => {
    for (let i = 0; i < 5; i += 1) await rawLogin(EMAIL("police.officer"), "wrong-password", "203.0.113.9");
    const blocked = await rawLogin(EMAIL("police.officer"), DEMO_PASSWORD, "203.0.113.9");
    const body = (await blocked.json()) as { data: { login: { userErrors: { code: string }[] } } };
    expect(body.data.login.userErrors[0]?.code).toBe("RATE_LIMITED");
    expect(blocked.headers.getSetCookie()).toEqual([]);
    // The real user elsewhere is not locked out by someone guessing from one address.
    const elsewhere = await rawLogin(EMAIL("police.officer"), DEMO_PASSWORD, "198.51.100.200");
    expect(elsewhere.headers.getSetCookie()).toHaveLength(1);
  });

  it("throttles an account guessed at from many addresses after twenty failures", async () => {
    for (let i = 0; i < 20; i += 1)
      await rawLogin(EMAIL("dpo.reviewer"), "wrong-password", `203.0.113.${100 + i}`);
    const res = await rawLogin(EMAIL("dpo.reviewer"), DEMO_PASSWORD, "198.51.100.201");
    const body = (await res.json()) as { data: { login: { userErrors: { code: string }[] } } };
    expect(body.data.login.userErrors[0]?.code).toBe("RATE_LIMITED");
  });

  it("keeps counting attempts made in parallel (they are serialised per account)", async () => {
    await Promise.all(
      Array.from({ length: 8 }, () =>
        rawLogin(EMAIL("ltf-antwerp.member"), "wrong-password", "203.0.113.77"),
      ),
    );
    const [row] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from login_attempts where email = ${EMAIL("ltf-antwerp.member")} and not succeeded`,
    );
    // Five were counted and checked; the others were refused as throttled without being tried.
    expect(row?.n).toBe(5);
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < 30; i += 1) await rawLogin(EMAIL(`guess${i}`), "wrong-password", "192.0.2.50");
    const res = await rawLogin(EMAIL("cuta.analyst"), DEMO_PASSWORD, "192.0.2.50");
    const body = (await res.json()) as { data: { login: { userErrors: { code: string }[] } } };
    expect(body.data.login.userErrors[0]?.code).toBe("RATE_LIMITED");
  });

  it("stores passwords as argon2id hashes", async () => {
    expect(await hashPassword("anything")).toMatch(/^\$argon2id\$/);
    const [row] = await queryRows<{ password_hash: string }>(
      app.database.db,
      sql`select password_hash from users where email = ${EMAIL("celex.analyst")}`,
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it("ends the session on logout: the old cookie no longer works", async () => {
    const client = await app.login(EMAIL("prosecutor.officer"));
    const out = await client.data<{ logout: { loggedOut: boolean } }>("mutation { logout { loggedOut } }");
    expect(out.logout.loggedOut).toBe(true);
    expect((await client.data<{ me: null }>("{ me { email } }")).me).toBeNull();
    const res = await client.request("{ persons(first: 1) { totalCount } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("remembers the chosen language", async () => {
    const client = await app.login(EMAIL("prison-ittre.officer"));
    await client.data(`mutation { userPreferencesUpdate(input: { language: NL }) { user { language } } }`);
    const again = await app.login(EMAIL("prison-ittre.officer"));
    expect((await again.data<{ me: { language: string } }>("{ me { language } }")).me.language).toBe("NL");
  });
});

describe("the viewer", () => {
  it("tells each account which changes it may make and which classes it reads only in summary", async () => {
    const VIEWER = `{ viewer { caseActions caseAccess { stage dataClasses detailedDataClasses } } }`;
    type Viewer = {
      viewer: {
        caseActions: string[];
        caseAccess: { stage: string; dataClasses: string[]; detailedDataClasses: string[] }[];
      };
    };
    const celex = (await (await app.login(EMAIL("celex.analyst"))).data<Viewer>(VIEWER)).viewer;
    expect(celex.caseActions).toEqual([
      "PERSON_REGISTER",
      "DETENTION_RECORD",
      "SCREENING_RECORD",
      "REPORT_FILE",
      "RECOMMENDATION_WRITE",
      "PROGRAMME_OFFER",
      "RELEASE_PREPARE",
    ]);
    const inPrison = celex.caseAccess.find((s) => s.stage === "IN_PRISON");
    expect(inPrison?.dataClasses).toContain("CLINICAL");
    expect(inPrison?.detailedDataClasses).not.toContain("CLINICAL");
    expect(inPrison?.detailedDataClasses).toContain("INTELLIGENCE");
    const psychologist = (await (await app.login(EMAIL("psd-ittre.psychologist"))).data<Viewer>(VIEWER))
      .viewer;
    expect(psychologist.caseActions).toEqual([
      "REPORT_FILE",
      "ASSESSMENT_RECORD",
      "MEASURE_EVALUATE",
      "RELEASE_PREPARE",
    ]);
    expect(psychologist.caseAccess.find((s) => s.stage === "IN_PRISON")?.detailedDataClasses).toContain(
      "CLINICAL",
    );
    const lcis = (await (await app.login(EMAIL("lcis-molenbeek.member"))).data<Viewer>(VIEWER)).viewer;
    expect(lcis.caseActions).toEqual(["MEETING_RECORD"]);
  });

  it("lists the agencies of the directory to any logged-in user, and to nobody else", async () => {
    const officer = await app.login(EMAIL("prison-ittre.officer"));
    const { agencies } = await officer.data<{ agencies: { code: string; kind: string }[] }>(
      "{ agencies { code kind } }",
    );
    expect(agencies.map((a) => a.code)).toEqual(expect.arrayContaining(["celex", "vsse", "prison-ittre"]));
    const anonymous = await app.anonymous.request("{ agencies { code } }");
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("anonymous requests get nothing but login", () => {
  it("refuses persons with UNAUTHENTICATED", async () => {
    const res = await app.anonymous.request("{ persons(first: 5) { totalCount } }");
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuses introspection and node()", async () => {
    const schema = await app.anonymous.request("{ __schema { types { name } } }");
    expect(schema.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const node = await app.anonymous.request(`{ node(id: "x") { id } }`);
    expect(node.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await app.anonymous.data<{ me: null }>("{ me { email } }")).me).toBeNull();
  });
});

const CREATE_TOKEN = `mutation($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) { token apiToken { id tokenPrefix scopes account { email } } userErrors { field message code } } }`;

async function userId(admin: GraphQLClient, email: string): Promise<string> {
  const data = await admin.data<{ users: { edges: { node: { id: string; email: string } }[] } }>(
    "query($s: String) { users(first: 5, search: $s) { edges { node { id email } } } }",
    { s: email },
  );
  const found = data.users.edges.find((e) => e.node.email === email);
  if (found === undefined) throw new Error(`no user ${email}`);
  return found.node.id;
}

describe("administration", () => {
  it("lists accounts with or without a search", async () => {
    const admin = await app.login(EMAIL("admin"));
    const all = await admin.data<{ users: { totalCount: number } }>("{ users(first: 5) { totalCount } }");
    expect(all.users.totalCount).toBeGreaterThan(20);
    const some = await admin.data<{ users: { edges: { node: { email: string } }[] } }>(
      `{ users(first: 5, search: "ltf-") { edges { node { email } } } }`,
    );
    expect(some.users.edges.map((e) => e.node.email).every((e) => e.startsWith("ltf-"))).toBe(true);
  });
});

describe("API tokens", () => {
  const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

  it("an administrator creates one; it is shown once, stored only as a hash, and works as a bearer token", async () => {
    const admin = await app.login(EMAIL("admin"));
    const account = await userId(admin, EMAIL("celex.integration"));
    const created = await admin.data<{
      apiTokenCreate: {
        token: string;
        apiToken: { id: string; tokenPrefix: string; account: { email: string } };
      };
    }>(CREATE_TOKEN, {
      input: {
        userId: account,
        name: "Prison system sync",
        scopes: ["READ"],
        expiresAt: inAMonth(),
        purpose: { code: "SYSTEM_INTEGRATION", note: "Nightly sync with the prison system" },
      },
    });
    const token = created.apiTokenCreate.token;
    expect(token).toMatch(/^ctm_[A-Za-z0-9_-]{43}$/);
    expect(created.apiTokenCreate.apiToken.tokenPrefix).toBe(token.slice(0, 12));

    const stored = await queryRows<{ token_hash: string }>(
      app.database.db,
      sql`select token_hash from api_tokens`,
    );
    expect(stored.map((r) => r.token_hash)).toEqual([createHash("sha256").update(token).digest("hex")]);
    const listed = await admin.data<{ apiTokens: { edges: { node: Record<string, unknown> }[] } }>(
      "{ apiTokens(first: 10) { edges { node { id tokenPrefix name } } } }",
    );
    expect(JSON.stringify(listed)).not.toContain(token);

    const bearer = app.withToken(token);
    const page = await bearer.data<{ persons: { totalCount: number }; me: { email: string } }>(
      "{ me { email } persons(first: 1) { totalCount } }",
    );
    expect(page.me.email).toBe(EMAIL("celex.integration"));

    const write = await bearer.request(
      `mutation { userPreferencesUpdate(input: { language: FR }) { user { language } } }`,
    );
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const register = await bearer.request(
      `mutation { personRegister(input: { familyName: "Tokenson", givenNames: "Read", dateOfBirth: "1990-01-01", sex: MALE, nationalities: ["BE"], languageCommunity: FR }) { person { id } } }`,
    );
    expect(register.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    await admin.data(
      `mutation($id: ID!) { apiTokenRevoke(input: { apiTokenId: $id }) { apiToken { revokedAt } } }`,
      {
        id: created.apiTokenCreate.apiToken.id,
      },
    );
    const afterRevoke = await bearer.request("{ persons(first: 1) { totalCount } }");
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a malformed or unknown token is refused outright, not treated as anonymous", async () => {
    for (const header of ["Bearer not-a-token", `Bearer ctm_${"A".repeat(43)}`, "Basic abc"]) {
      const res = await new GraphQLClient(app.url, { authorization: header }).request("{ me { email } }");
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("only administrators create tokens, and bad input is named", async () => {
    const analyst = await app.login(EMAIL("celex.analyst"));
    const denied = await analyst.request(CREATE_TOKEN, {
      input: {
        userId: "VXNlcjp4",
        name: "x",
        scopes: ["READ"],
        expiresAt: inAMonth(),
        purpose: { code: "SCREENING" },
      },
    });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const admin = await app.login(EMAIL("admin"));
    const account = await userId(admin, EMAIL("cuta.analyst"));
    const past = await admin.data<{ apiTokenCreate: { token: null; userErrors: unknown[] } }>(CREATE_TOKEN, {
      input: {
        userId: account,
        name: "",
        scopes: [],
        expiresAt: "2020-01-01T00:00:00Z",
        purpose: { code: "THREAT_ASSESSMENT" },
      },
    });
    expect(past.apiTokenCreate.token).toBeNull();
    expect(past.apiTokenCreate.userErrors).toEqual([
      { field: "name", message: "must not be empty", code: "INVALID" },
      { field: "scopes", message: "give at least one scope", code: "INVALID" },
    ]);
  });
});
