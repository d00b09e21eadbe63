import { AxeBuilder } from "@axe-core/playwright";
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Browser, launchBrowser } from "./browser";
import { DEMO_PASSWORD } from "./session";

/**
 * The query explorer (GraphiQL, served by the portal): a statistician opens it, loads the paper's
 * Figure 2 from the saved examples, runs it with their own session and reads the figures; the
 * documentation comes from the schema; no request leaves the portal's origin (no CDN for the
 * editor, its styles or its workers), and GraphiQL is not in other pages' scripts. An
 * administrator, who gets no figures, is told the page is not for their role.
 */

describe("the query explorer", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // Every request of the context, workers included.
    browser.context.on("request", (request: Request) => {
      requests.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Logs in through the portal's form and goes on to `next` (a locale-less path). */
  async function logInTo(page: Page, email: string, next: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${portal}/en/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname.endsWith(next));
  }

  /** The text of the scripts the page loaded (the portal's own chunks). */
  async function scriptsOf(page: Page): Promise<string> {
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => name.endsWith(".js")),
    );
    const texts = await Promise.all(urls.map(async (url) => (await page.request.get(url)).text()));
    return texts.join("\n");
  }

  it("is not in the scripts of other pages", async () => {
    const { page } = browser;
    await page.goto(`${portal}/en/login`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const scripts = await scriptsOf(page);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).not.toContain("graphiql-container");
    expect(scripts).not.toContain("MonacoEnvironment");
  });

  it("lets a statistician run the paper's Figure 2 with their own session", async () => {
    const { page } = browser;
    requests.length = 0;
    await logInTo(page, "celex.statistician@continuum.example", "/explorer");
    await page.goto(`${portal}/en/explorer`);
    await page.getByRole("heading", { level: 1, name: "Query explorer" }).waitFor();
    // One entry in the main navigation, marked as the current page.
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(
      nav.getByRole("link", { name: "Query explorer" }).getAttribute("aria-current"),
    ).resolves.toBe("page");

    // The examples beside the editor; once Monaco's editors are there, load Figure 2.
    const examples = page.getByRole("region", { name: "Example queries" });
    await examples.waitFor({ timeout: 30_000 });
    await page.locator(".graphiql-query-editor .monaco-editor").waitFor({ timeout: 30_000 });
    // Statisticians are not offered the drill-down (the API refuses them the persons).
    await expect(examples.getByRole("button", { name: /^Drill-down/ }).count()).resolves.toBe(0);
    const figure2 = examples.getByRole("button", { name: /^Figure 2/ });
    await expect(figure2.getAttribute("aria-describedby")).resolves.toBeTruthy();
    await figure2.focus();
    await page.keyboard.press("Enter");
    await examples.getByRole("status").filter({ hasText: "is in the editor" }).waitFor();
    await page.getByRole("tab", { name: /Figure2ListComparison/ }).waitFor();
    await expect(page.locator(".graphiql-editor-tool").textContent()).resolves.toContain("2020-05-31");

    await page.getByRole("button", { name: /^Execute query/ }).click();
    const response = page.locator(".graphiql-response");
    await response.getByText('"LIST_COMPARISON"').waitFor({ timeout: 30_000 });
    // Monaco draws spaces as no-break spaces.
    const text = ((await response.textContent()) ?? "").replace(/\u00a0/g, " ");
    expect(text).toContain('"scope": "ALL_CASES_PROTECTED"');
    expect(text).toMatch(/"total": \{\s*"display": "\d+"/);
    expect(text).not.toContain('"errors"');
  });

  it("documents the schema, introspected with the user's session", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await docs.getByRole("link", { name: "Query", exact: true }).click();
    await docs.getByRole("link", { name: "analytics", exact: true }).click();
    await docs.getByText("Figures and trends.").first().waitFor();
    await page.getByRole("button", { name: "Show Example queries" }).click();
    await page.getByRole("region", { name: "Example queries" }).waitFor();
  });

  it("is accessible, and asks nothing of another origin", async () => {
    const { page } = browser;
    const examples = page.getByRole("region", { name: "Example queries" });
    if (!(await examples.isVisible()))
      await page.getByRole("button", { name: "Show Example queries" }).click();
    await examples.waitFor();
    const violations = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      // GraphiQL's own tab bar: each tab is a `role="tab"` element holding two buttons (the tab's
      // name and "Close Tab"), which axe reports as nested-interactive. That is GraphiQL's markup
      // (@graphiql/react's Tab), with no option to change it; only the tab bar is left out.
      .exclude(".graphiql-tabs")
      .analyze();
    expect(
      violations.violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(" ")) })),
    ).toEqual([]);

    // The editor, its styles, fonts and workers, the schema and the answers: all from the portal.
    const origin = new URL(portal).origin;
    const elsewhere = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
    expect(elsewhere).toEqual([]);
    expect(requests.some((url) => url === `${origin}/graphql`)).toBe(true);
    expect(await scriptsOf(page)).toContain("MonacoEnvironment");
  });

  it("speaks the page's language around GraphiQL's own English", async () => {
    const { page } = browser;
    await page.goto(`${portal}/fr/explorer`);
    await page.getByRole("heading", { level: 1, name: "Explorateur de requêtes" }).waitFor();
    const examples = page.getByRole("region", { name: "Requêtes d’exemple" });
    await examples.getByRole("button", { name: /^Figure 1 — la liste CelEx/ }).waitFor({ timeout: 30_000 });
    await expect(examples.getAttribute("lang")).resolves.toBe("fr");
    await expect(page.locator(".explorer__ide").getAttribute("lang")).resolves.toBe("en");
  });

  it("tells an administrator, who gets no figures, that it is not for their role", async () => {
    const { page } = browser;
    await logInTo(page, "admin@continuum.example", "/explorer");
    await page.goto(`${portal}/en/explorer`);
    await page.getByRole("heading", { level: 1, name: "Not available for your role" }).waitFor();
    await expect(page.getByRole("link", { name: "Query explorer" }).count()).resolves.toBe(0);
  });
});
