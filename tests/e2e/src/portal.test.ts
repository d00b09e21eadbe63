import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";

/**
 * One person's path through the portal: a CelEx analyst logs in, states the purpose of the
 * session, works in Dutch, narrows the caseload, opens a case file and reads its history. Every
 * page is checked with axe on the way.
 */
const CASELOAD_HEADING: Record<string, string> = {
  en: "Caseload",
  fr: "Dossiers suivis",
  nl: "Opgevolgde dossiers",
};
const PURPOSE_HEADING: Record<string, string> = {
  en: "Why are you opening personal data?",
  fr: "Pourquoi ouvrez-vous des données personnelles ?",
  nl: "Waarom opent u persoonsgegevens?",
};
const PURPOSE_LABEL: Record<string, string> = { en: "Purpose", fr: "Finalité", nl: "Doel" };
const PURPOSE_NOTE: Record<string, string> = {
  en: "Note (optional)",
  fr: "Remarque (facultative)",
  nl: "Opmerking (optioneel)",
};
const SCREENING: Record<string, string> = {
  en: "Screening and the CelEx list",
  fr: "Screening et liste CelEx",
  nl: "Screening en CelEx-lijst",
};

describe("portal: a CelEx analyst's path", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  /** The analyst's language before the test changed it; put back at the end. */
  let storedLanguage: string | undefined;

  /** A GraphQL request from the page, through the portal's /graphql, with its session cookie. */
  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = await browser.page.evaluate(
      async ([q, v]) => {
        const response = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: q, variables: v }),
        });
        return (await response.json()) as { data?: unknown; errors?: unknown };
      },
      [query, variables] as const,
    );
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    if (storedLanguage && browser) {
      // Leave a reused database (DATABASE_URL) as the run found it.
      await graphql(
        "mutation ($language: Language!) { userPreferencesUpdate(input: { language: $language }) { user { id } } }",
        { language: storedLanguage },
      ).catch(() => undefined);
    }
    await browser?.close();
  });

  it("sends an anonymous visitor of the caseload to the login page", async () => {
    const { page } = browser;
    const response = await page.goto(`${portal}/nl/caseload`);
    expect(response?.ok()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/nl/login");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Aanmelden bij Continuum",
    );

    // The bare address negotiates a language and ends on the login page too.
    await page.goto(`${portal}/`);
    expect(new URL(page.url()).pathname).toMatch(/^\/(en|fr|nl)\/login$/);
  });

  it("has an accessible login page that refuses a wrong password with a generic alert", async () => {
    const { page } = browser;
    await page.goto(`${portal}/en/login`);
    expect(await page.title()).toBe("Log in — Continuum");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("E-mail address").fill("celex.analyst@continuum.example");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Logging in failed" }).textContent(),
    ).resolves.toContain("Check your e-mail address and password");
    expect(new URL(page.url()).pathname).toBe("/en/login");
  });

  it("logs in, states a purpose and lands on the caseload in the user's stored language", async () => {
    const { page } = browser;
    await page.getByLabel("Password").fill("continuum-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    // Personal data opens only once the session has stated why: the purpose page comes first.
    await page.waitForURL(/\/purpose\?next=%2Fcaseload$/);
    // The stored preference, asked through the portal's own /graphql with the new session cookie.
    // French for the demo analyst on a fresh database (apps/api/src/seed/directory.ts).
    storedLanguage = await graphql<{ me: { language: string } | null }>("{ me { language } }").then(
      (data) => data.me?.language,
    );
    const locale = storedLanguage?.toLowerCase() ?? "";
    expect(new URL(page.url()).pathname).toBe(`/${locale}/purpose`);
    expect(await page.locator("html").getAttribute("lang")).toBe(locale);
    await page.getByRole("heading", { level: 1, name: PURPOSE_HEADING[locale] }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const select = page.getByRole("combobox", { name: PURPOSE_LABEL[locale] });
    // Only the CelEx's purposes are offered, each with a translated label.
    expect(
      await select
        .locator("option:not([disabled])")
        .evaluateAll((o) => o.map((x) => x.getAttribute("value"))),
    ).toEqual(["SCREENING", "CASE_MANAGEMENT", "DECISION", "RELEASE_PREPARATION", "SYSTEM_INTEGRATION"]);
    await select.selectOption("SCREENING");
    await page.getByRole("textbox", { name: PURPOSE_NOTE[locale] }).fill("Monthly screening round");
    await page.locator("form button[type=submit]").click();
    await page.waitForURL(new RegExp(`/${locale}/caseload$`));
    await page.getByRole("heading", { level: 1, name: CASELOAD_HEADING[locale] }).waitFor();
    await expect(page.locator(".user-card").textContent()).resolves.toContain("Extremism Cell (CelEx)");
    // The shell shows the purpose, with a way to change it.
    await expect(page.locator(".session-bar").textContent()).resolves.toContain(SCREENING[locale]);
    await expect(
      graphql<{ viewer: { purpose: { code: string; note: string } } }>(
        "{ viewer { purpose { code note } } }",
      ),
    ).resolves.toEqual({
      viewer: { purpose: { code: "SCREENING", note: "Monthly screening round" } },
    });
  });

  it("switches to Dutch and shows the caseload with Dutch headings and rows", async () => {
    const { page } = browser;
    if (new URL(page.url()).pathname.startsWith("/nl/")) {
      // Already Dutch (a database reused from an earlier run): switch away first.
      await page.getByRole("button", { name: "Français" }).click();
      await page.waitForURL(/\/fr\/caseload$/);
    }
    await page.getByRole("button", { name: "Nederlands" }).click();
    await page.waitForURL(/\/nl\/caseload$/);
    await page.getByRole("heading", { level: 1, name: CASELOAD_HEADING.nl }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    expect(await page.title()).toBe("Opgevolgde dossiers — Continuum");
    await expect(graphql<{ me: { language: string } | null }>("{ me { language } }")).resolves.toEqual({
      me: { language: "NL" },
    });

    const table = page.getByRole("table");
    await expect(table.locator("caption").textContent()).resolves.toContain("gesorteerd op Naam, oplopend");
    for (const header of [
      "Naam",
      "Referentie",
      "Categorie",
      "Inrichting",
      "Detentiestatus",
      "Volgende screening",
    ]) {
      await expect(table.getByRole("columnheader", { name: header }).count()).resolves.toBe(1);
    }
    await expect(table.locator("tbody tr").count()).resolves.toBe(25);
    const statuses = await table.locator("tbody td:nth-child(5)").allTextContents();
    expect(statuses.every((s) => ["Gedetineerd", "Vrijgelaten", "Nooit gedetineerd"].includes(s))).toBe(true);
    await expect(page.locator("p.count").textContent()).resolves.toMatch(/^[\d.]+ personen$/);

    expect(await accessibilityViolations(page)).toEqual([]);

    // Remembered: a reload (and the next visit to /) stays in Dutch.
    await page.reload();
    await page.getByRole("button", { name: "Nederlands", pressed: true }).waitFor();
  });

  it("pages and sorts through the URL", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Volgende pagina" }).click();
    await page.waitForURL(/after=/);
    await expect(page.locator(".pagination__status").textContent()).resolves.toMatch(/^Pagina 2 van \d+/);
    await page.getByRole("link", { name: "Vorige pagina" }).click();
    await page.waitForURL((url) => !url.search.includes("after="));
    await expect(page.locator(".pagination__status").textContent()).resolves.toMatch(/^Pagina 1 van \d+/);

    await page.getByRole("link", { name: /^Volgende screening/ }).click();
    await page.waitForURL(/sort=due&dir=asc/);
    await expect(
      page.getByRole("columnheader", { name: /Volgende screening/ }).getAttribute("aria-sort"),
    ).resolves.toBe("ascending");
    await page.goBack();
    await page.waitForURL((url) => url.search === "");
  });

  it("filters by category and searches by name", async () => {
    const { page } = browser;
    const countOf = async () => Number((await page.locator("p.count").textContent())?.replace(/\D/g, ""));
    const total = await countOf();

    await page.getByLabel("C: terroristische strijder").check();
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/category=C/);
    await page.getByRole("table").waitFor();
    const listedC = await countOf();
    expect(listedC).toBeGreaterThan(0);
    expect(listedC).toBeLessThan(total);
    const categories = await page.locator("tbody td:nth-child(3)").allTextContents();
    expect(categories.every((c) => c.startsWith("C"))).toBe(true);

    const firstName = (await page.locator("tbody th a").first().textContent()) ?? "";
    const familyName = firstName.split(",")[0]?.trim() ?? "";
    expect(familyName.length).toBeGreaterThan(2);
    await page.getByLabel("Naam of alias").fill(familyName);
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === familyName);
    await page.getByRole("table").waitFor();
    expect(await countOf()).toBeLessThanOrEqual(listedC);
    await expect(page.locator("tbody th a").first().textContent()).resolves.toContain(familyName);
  });

  it("opens the case file with its timeline and category history", async () => {
    const { page } = browser;
    const name = (await page.locator("tbody th a").first().textContent()) ?? "";
    await page.locator("tbody th a").first().click();
    await page.waitForURL(/\/nl\/persons\//);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.title()).toMatch(/^Dossier [A-Z]{2}-\d{4}-\d{4} — Continuum$/);

    for (const section of [
      "Identiteit",
      "Detentie",
      "Vrijlating",
      "CelEx-lijst",
      "Uw toegang tot dit dossier",
      "Screening",
    ]) {
      await page.getByRole("heading", { level: 2, name: section, exact: true }).waitFor();
    }
    // The CelEx reads every part of this case: nothing is marked unavailable, nothing as break-the-glass.
    await expect(page.locator(".card--restricted").count()).resolves.toBe(0);
    await expect(page.locator(".break-glass-notice").count()).resolves.toBe(0);
    await expect(page.locator(".glance").textContent()).resolves.toMatch(
      /Categorie C sinds \d{1,2} \w+\.? \d{4}/,
    );

    const history = page.getByRole("table", { name: "Categoriegeschiedenis, oudste eerst" });
    expect(await history.locator("tbody tr").count()).toBeGreaterThan(0);
    await expect(history.locator("tbody tr").last().textContent()).resolves.toContain(
      "C: terroristische strijder",
    );

    await page.getByRole("heading", { level: 2, name: /Tijdlijn/ }).waitFor();
    const events = page.getByRole("list", { name: /Tijdlijn/ }).getByRole("listitem");
    expect(await events.count()).toBeGreaterThan(1);
    const kinds = await events.locator(".timeline__kind").allTextContents();
    expect(kinds).toContain("Opsluiting");
    expect(kinds).toContain("Op de lijst");
    // Newest first: the admission that opened the case comes after everything it led to.
    const dates = await events
      .locator("time")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime")));
    expect([...dates].sort().reverse()).toEqual(dates);

    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the same not-found page for an unknown case file", async () => {
    const { page } = browser;
    const response = await page.goto(
      `${portal}/nl/persons/UGVyc29uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA`,
    );
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" }).waitFor();
  });

  it("says when the server is too busy to answer, and when and where to try again", async () => {
    const { page } = browser;
    await page.goto(`${portal}/fr/busy?reason=RATE_LIMITED&retryAfter=30&next=%2Fscreening`);
    await page
      .getByRole("heading", { level: 1, name: "Le serveur ne peut pas répondre pour l'instant" })
      .waitFor();
    expect(await page.getByRole("status").textContent()).toMatch(/plus de requêtes/);
    await page.getByText("Réessayez dans 30 secondes.").waitFor();
    expect(await page.getByRole("link", { name: "Réessayer" }).getAttribute("href")).toBe("/fr/screening");
    expect(await accessibilityViolations(page)).toEqual([]);
    // A link elsewhere than the portal is not followed: back to the caseload.
    await page.goto(`${portal}/en/busy?reason=TIMEOUT&next=https%3A%2F%2Fexample.com%2F`);
    expect(await page.getByRole("link", { name: "Try again" }).getAttribute("href")).toBe("/en/caseload");
  });
});
