import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { EMAIL } from "./fixtures.js";
import { type GraphQLClient, startTestApp, type TestApp, TODAY } from "./harness.js";

let app: TestApp;
let admin: GraphQLClient;
let accountId: string;
beforeAll(async () => {
  app = await startTestApp({ seed: "demo" });
  admin = await app.login(EMAIL("admin"));
  const data = await admin.data<{ users: { edges: { node: { id: string; email: string } }[] } }>(
    "query($s: String) { users(first: 5, search: $s) { edges { node { id email } } } }",
    { s: EMAIL("celex.integration") },
  );
  accountId = data.users.edges.find((e) => e.node.email === EMAIL("celex.integration"))?.node.id as string;
});
afterAll(() => app.close());

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

interface Issued {
  token: string;
  id: string;
}

async function issue(extra: Record<string, unknown> = {}): Promise<Issued> {
  const res = await admin.data<{
    apiTokenCreate: { token: string | null; apiToken: { id: string } | null; userErrors: unknown[] };
  }>(
    `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) {
      token apiToken { id } userErrors { field message code } } }`,
    {
      input: {
        userId: accountId,
        name: "Prison system sync",
        scopes: ["READ", "WRITE"],
        expiresAt: inAMonth(),
        purpose: { code: "SYSTEM_INTEGRATION", note: "Sync with the prison system" },
        ...extra,
      },
    },
  );
  if (res.apiTokenCreate.token === null) throw new Error(JSON.stringify(res.apiTokenCreate.userErrors));
  return { token: res.apiTokenCreate.token, id: res.apiTokenCreate.apiToken?.id as string };
}

const DETAINED = `{ persons(first: 5, filter: { detentionStatuses: [DETAINED] }) {
  edges { node { id card { familyName } currentEpisode { id } currentPlacement { id } listing { category } } } } }`;

describe("an API token's data classes", () => {
  it("withholds the classes it is not given, on reads, in the database and on writes", async () => {
    const full = app.withToken((await issue()).token);
    const narrow = app.withToken((await issue({ dataClasses: ["IDENTITY", "LISTING"] })).token);

    const seen = await full.request<{ persons: { edges: { node: Record<string, unknown> }[] } }>(DETAINED);
    expect(seen.errors).toBeUndefined();
    const first = seen.data?.persons.edges[0]?.node as {
      id: string;
      currentPlacement: { id: string } | null;
    };
    expect(first.currentPlacement).not.toBeNull();

    const limited = await narrow.request<{ persons: { edges: { node: Record<string, unknown> }[] } }>(
      DETAINED,
    );
    const node = limited.data?.persons.edges.find((e) => e.node.id === first.id)?.node;
    expect(node?.card).toBeTruthy();
    expect(node?.listing).toBeDefined();
    expect(node?.currentPlacement).toBeNull();
    const denied = limited.errors?.find((e) => e.path?.includes("currentPlacement"));
    expect(denied?.extensions).toMatchObject({ code: "FORBIDDEN", dataClass: "DETENTION" });
    expect(limited.errors?.some((e) => e.path?.includes("listing"))).toBe(false);

    // The limit is stored with the token; the database's policies read it through visibilityOf.
    const settings = await queryRows<{ classes: string }>(
      app.database.db,
      sql`select token.data_classes::text as classes from api_tokens token order by created_at desc limit 1`,
    );
    expect(settings[0]?.classes).toBe("{IDENTITY,LISTING}");

    // Writing detention data needs the class as much as reading it: refused, and nothing changes.
    const episode = (first as unknown as { currentEpisode: { id: string } }).currentEpisode.id;
    const release = await narrow.request<{ detentionEpisodeRelease: { userErrors: unknown[] } | null }>(
      `mutation($id: ID!) { detentionEpisodeRelease(input: { episodeId: $id, releasedOn: "${TODAY}", releaseType: END_OF_SENTENCE }) { userErrors { field code } } }`,
      { id: episode },
    );
    const refusedCodes = [
      ...(release.errors ?? []).map((e) => e.extensions?.code),
      ...((release.data?.detentionEpisodeRelease?.userErrors ?? []) as { code: string }[]).map((e) => e.code),
    ];
    expect(refusedCodes.length).toBeGreaterThan(0);
    expect(refusedCodes).not.toContain("INTERNAL_SERVER_ERROR");
    const after = await full.data<{ node: { currentEpisode: { id: string } | null } }>(
      "query($id: ID!) { node(id: $id) { ... on Person { currentEpisode { id } } } }",
      { id: first.id },
    );
    expect(after.node.currentEpisode?.id).toBe(episode);
  });

  it("must include IDENTITY and only known classes", async () => {
    const res = await admin.data<{ apiTokenCreate: { token: null; userErrors: { field: string }[] } }>(
      `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { field message } } }`,
      {
        input: {
          userId: accountId,
          name: "No identity",
          scopes: ["READ"],
          expiresAt: inAMonth(),
          purpose: { code: "SYSTEM_INTEGRATION" },
          dataClasses: ["LISTING"],
        },
      },
    );
    expect(res.apiTokenCreate.token).toBeNull();
    expect(res.apiTokenCreate.userErrors.map((e) => e.field)).toEqual(["dataClasses"]);
  });
});

const ROTATE = `mutation($input: ApiTokenRotateInput!) { apiTokenRotate(input: $input) {
  token apiToken { id replacesId dataClasses expiresAt } replacedApiToken { id expiresAt } userErrors { field message code } } }`;

describe("rotating a token", () => {
  it("issues a successor while the old token keeps working for the overlap, then only the new one works", async () => {
    const old = await issue({ dataClasses: ["IDENTITY", "DETENTION"], scopes: ["READ"] });
    const oldClient = app.withToken(old.token);
    const rotated = await oldClient.data<{
      apiTokenRotate: {
        token: string;
        apiToken: { id: string; replacesId: string; dataClasses: string[]; expiresAt: string };
        replacedApiToken: { id: string; expiresAt: string };
      };
    }>(ROTATE, { input: { apiTokenId: old.id, overlapHours: 2 } });
    const { token, apiToken, replacedApiToken } = rotated.apiTokenRotate;
    expect(apiToken.replacesId).toBe(old.id);
    expect(apiToken.dataClasses).toEqual(["IDENTITY", "DETENTION"]);
    const overlapEnd = new Date(replacedApiToken.expiresAt).getTime();
    expect(Math.abs(overlapEnd - (Date.now() + 2 * 3_600_000))).toBeLessThan(60_000);
    expect(new Date(apiToken.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    // Both work during the overlap: the integrator's replicas switch over one by one.
    for (const client of [oldClient, app.withToken(token)])
      expect((await client.data<{ me: { email: string } }>("{ me { email } }")).me.email).toBe(
        EMAIL("celex.integration"),
      );

    const now = await oldClient.data<{ apiTokenRotate: { userErrors: unknown[] } }>(ROTATE, {
      input: { apiTokenId: old.id, overlapHours: 0 },
    });
    expect(now.apiTokenRotate.userErrors).toEqual([]);
    const refused = await oldClient.request("{ me { email } }");
    expect(refused.status).toBe(401);
    const audit = await queryRows<{ operation: string }>(
      app.database.db,
      sql`select operation from audit_events where operation = 'TOKEN_ROTATE'`,
    );
    expect(audit.length).toBe(2);
  });

  it("a token cannot rotate another token; an administrator can, within the overlap bounds", async () => {
    const mine = await issue();
    const other = await issue();
    const res = await app.withToken(mine.token).request(ROTATE, { input: { apiTokenId: other.id } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await admin.data<{ apiTokenRotate: { token: null; userErrors: { field: string }[] } }>(
      ROTATE,
      {
        input: { apiTokenId: other.id, overlapHours: 500 },
      },
    );
    expect(bad.apiTokenRotate.token).toBeNull();
    expect(bad.apiTokenRotate.userErrors.map((e) => e.field)).toEqual(["overlapHours"]);
  });
});

const REGISTER = `mutation($input: PersistedOperationsRegisterInput!) { persistedOperationsRegister(input: $input) {
  persistedOperations { documentId operationName } userErrors { field message code } } }`;
const WHO = "query Who { me { email } }";

async function post(token: string, body: Record<string, unknown>) {
  const res = await fetch(`${app.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; errors?: { extensions: Record<string, unknown> }[] },
  };
}

describe("persisted (trusted) operations", () => {
  it("an integrator registers its operations, then sends their documentId; a locked token accepts nothing else", async () => {
    const issued = await issue({ scopes: ["READ"] });
    const client = app.withToken(issued.token);
    const registered = await client.data<{
      persistedOperationsRegister: { persistedOperations: { documentId: string; operationName: string }[] };
    }>(REGISTER, { input: { documents: [WHO] } });
    expect(registered.persistedOperationsRegister.persistedOperations).toEqual([
      { documentId: `sha256:${sha256(WHO)}`, operationName: "Who" },
    ]);

    const byId = await post(issued.token, { documentId: `sha256:${sha256(WHO)}` });
    expect(byId.body.data).toEqual({ me: { email: EMAIL("celex.integration") } });
    const byGet = await fetch(`${app.url}/graphql?documentId=sha256:${sha256(WHO)}`, {
      headers: {
        authorization: `Bearer ${issued.token}`,
        accept: "application/graphql-response+json",
        // GET is a "simple" request for browsers: Apollo's CSRF prevention wants this header.
        "apollo-require-preflight": "true",
      },
    });
    const got = (await byGet.json()) as { data: unknown };
    expect(got.data).toEqual({
      me: { email: EMAIL("celex.integration") },
    });
    const unknown = await post(issued.token, { documentId: `sha256:${"0".repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      reason: "PERSISTED_QUERY_NOT_FOUND",
    });

    // Not yet locked: free text still runs.
    expect((await post(issued.token, { query: "{ me { displayName } }" })).status).toBe(200);

    await admin.data(
      `mutation($input: ApiTokenTrustedOperationsSetInput!) { apiTokenTrustedOperationsSet(input: $input) { apiToken { trustedOperationsOnly } } }`,
      { input: { apiTokenId: issued.id, trustedOperationsOnly: true } },
    );
    const free = await post(issued.token, { query: "{ me { displayName } }" });
    expect(free.status).toBe(403);
    expect(free.body.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      reason: "OPERATION_NOT_REGISTERED",
    });
    expect(free.body.data).toBeUndefined();
    // The registered text itself, sent in full, is still accepted; and so is its documentId.
    expect((await post(issued.token, { query: WHO })).status).toBe(200);
    expect((await post(issued.token, { documentId: `sha256:${sha256(WHO)}` })).status).toBe(200);

    // A locked token cannot widen itself: only an administrator registers more.
    const widen = await post(issued.token, {
      query: REGISTER,
      variables: { input: { documents: ["{ persons(first: 100) { totalCount } }"] } },
    });
    expect(widen.status).toBe(403);
    const byAdmin = await admin.data<{
      persistedOperationsRegister: { persistedOperations: unknown[]; userErrors: unknown[] };
    }>(REGISTER, {
      input: { apiTokenId: issued.id, documents: ["query Count { persons(first: 1) { totalCount } }"] },
    });
    expect(byAdmin.persistedOperationsRegister.persistedOperations).toHaveLength(2);

    // Rotation carries the registered operations and the lock to the successor.
    const rotated = await admin.data<{ apiTokenRotate: { token: string } }>(ROTATE, {
      input: { apiTokenId: issued.id },
    });
    const successor = rotated.apiTokenRotate.token;
    expect((await post(successor, { documentId: `sha256:${sha256(WHO)}` })).status).toBe(200);
    expect((await post(successor, { query: "{ me { displayName } }" })).status).toBe(403);
  });

  it("names each invalid document and registers none of them", async () => {
    const issued = await issue();
    const res = await app.withToken(issued.token).data<{
      persistedOperationsRegister: { persistedOperations: unknown[]; userErrors: { field: string }[] };
    }>(REGISTER, {
      input: { documents: [WHO, "{ nosuchfield }", "query A { me { email } } query B { me { email } }"] },
    });
    expect(res.persistedOperationsRegister.userErrors.map((e) => e.field)).toEqual(["documents.1"]);
    const stored = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from persisted_operations p join api_tokens t on t.id = p.token_id where t.token_hash = ${sha256(issued.token)}`,
    );
    expect(stored[0]?.n).toBe(0);
  });

  it("a request without a token cannot name a documentId (operations are registered per token)", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ documentId: `sha256:${sha256(WHO)}` }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ reason: "PERSISTED_QUERY_NOT_SUPPORTED" });
  });
});
