import type { Page } from "playwright-core";

export const DEMO_PASSWORD = "continuum-demo";

/** A GraphQL client of its own (not the browser's): logs in through the portal's /graphql. */
export interface ApiSession {
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function apiSession(portal: string, email: string, purpose?: string): Promise<ApiSession> {
  let cookie = "";
  const session: ApiSession = {
    async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await fetch(`${portal}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      for (const set of response.headers.getSetCookie()) {
        const pair = set.split(";")[0] ?? "";
        if (pair.startsWith("continuum_session=")) cookie = pair;
      }
      const body = (await response.json()) as { data?: unknown; errors?: unknown };
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    },
  };
  const login = await session.query<{ login: { user: { id: string } | null } | null }>(
    "mutation ($input: LoginInput!) { login(input: $input) { user { id } } }",
    { input: { email, password: DEMO_PASSWORD } },
  );
  if (!login.login?.user) throw new Error(`${email} could not log in`);
  if (purpose)
    await session.query(
      "mutation ($code: PurposeCode!) { sessionPurposeSet(input: { code: $code }) { purpose { code } } }",
      {
        code: purpose,
      },
    );
  return session;
}

/**
 * Logs in through the portal's form (the login page is in English) and waits until the portal
 * has moved on: to the purpose page, or straight to the user's home page.
 */
export async function logIn(page: Page, portal: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${portal}/en/login`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  await page.getByRole("heading", { level: 1 }).waitFor();
}

/**
 * On the purpose page (in whatever language the account stored), states `code` and waits until the
 * portal has moved on. Language-independent: the form's only select and its submit button.
 */
export async function statePurpose(page: Page, code: string): Promise<void> {
  await page.waitForURL(/\/purpose(\?|$)/);
  await page.locator("form select[name=code]").selectOption(code);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.endsWith("/purpose"));
}
