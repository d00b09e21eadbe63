import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { apiSession, logIn } from "./session";

/**
 * Need-to-know in the portal: a prison officer looks up an inmate of another prison (hit / no-hit)
 * and opens the case through break-the-glass; oversight reviews that access; a local cell sees
 * information cards only; an administrator issues an API token. axe checks every new page.
 */

interface Target {
  id: string;
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
}

/** Unique per run, so that a reused database's earlier grants do not get in the way. */
const JUSTIFICATION = `Transfer from Ittre to Hasselt announced for tomorrow; preparing the reception (${Date.now()}).`;

describe("portal: need-to-know access", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  /** A fictional inmate of the prison of Ittre, as the CelEx sees them. */
  let target: Target | undefined;

  beforeAll(async () => {
    // Pick the person in the test setup, as a CelEx analyst (who sees every inmate).
    const celex = await apiSession(portal, "celex.analyst@continuum.example", "SCREENING");
    const { establishments } = await celex.query<{
      establishments: { edges: { node: { id: string; code: string } }[] };
    }>("{ establishments(first: 100) { edges { node { id code } } } }");
    const ittre = establishments.edges.find((e) => e.node.code === "ITT")?.node.id;
    if (!ittre) throw new Error("No prison of Ittre in the demo data.");
    const { persons } = await celex.query<{
      persons: { edges: { node: { id: string; card: Omit<Target, "id"> } }[] };
    }>(
      `query ($ids: [ID!]) { persons(first: 10, filter: { establishmentIds: $ids }) {
         edges { node { id card { familyName givenNames dateOfBirth } } } } }`,
      { ids: [ittre] },
    );
    // The first of them that the Hasselt officer may not open yet (on a fresh database: the first;
    // on a reused one, an earlier run's grant may still be running).
    const officer = await apiSession(portal, "prison-hasselt.officer@continuum.example", "CASE_MANAGEMENT");
    for (const { node } of persons.edges) {
      const { personLookup } = await officer.query<{ personLookup: { known: boolean; accessible: boolean } }>(
        "query ($input: PersonLookupInput!) { personLookup(input: $input) { known accessible } }",
        { input: node.card },
      );
      if (personLookup.known && !personLookup.accessible) {
        target = { id: node.id, ...node.card };
        break;
      }
    }
    if (!target) throw new Error("No inmate of Ittre left for the Hasselt officer to break the glass on.");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lets a prison officer of Hasselt look up an Ittre inmate and break the glass", async () => {
    const { page } = browser;
    const person = target as Target;
    await logIn(page, portal, "prison-hasselt.officer@continuum.example");
    // Dutch is the officer's stored language; the purpose comes first.
    expect(new URL(page.url()).pathname).toBe("/nl/purpose");
    await page.getByRole("combobox", { name: "Doel" }).selectOption("CASE_MANAGEMENT");
    await page.getByRole("button", { name: "Doorgaan" }).click();
    await page.waitForURL(/\/nl\/caseload$/);

    // The navigation offers what the officer may use: caseload and look-up, not oversight or administration.
    const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual([
      "Opgevolgde dossiers",
      "Opzoeken",
      "Cijfers en trends",
      "Query-verkenner",
      "Importeren",
    ]);
    await nav.getByRole("link", { name: "Opzoeken" }).click();
    await page.waitForURL(/\/nl\/lookup$/);
    await page.getByRole("heading", { level: 1, name: "Is deze persoon gekend?" }).waitFor();
    expect(await page.title()).toBe("Opzoeken — Continuum");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Familienaam").fill(person.familyName.toUpperCase());
    await page.getByLabel("Voornamen").fill(person.givenNames);
    await page.getByLabel("Geboortedatum").fill(person.dateOfBirth);
    await page.getByRole("button", { name: "Opzoeken", exact: true }).click();
    const result = page.locator(".lookup-result");
    await result.getByRole("heading", { level: 2, name: "Gekend" }).waitFor();
    await expect(result.textContent()).resolves.toContain("Contact: Extremism Cell (CelEx)");
    // Known but not in the officer's scope: no link to the case, the break-the-glass request instead.
    await expect(result.getByRole("link", { name: "Het dossier openen" }).count()).resolves.toBe(0);
    await expect(result.textContent()).resolves.toContain("het toezicht beoordeelt de motivering");
    expect(await accessibilityViolations(page)).toEqual([]);

    // Too short a justification is refused before anything is sent.
    await result.getByLabel("Motivering").fill("Transfer");
    await result.getByRole("button", { name: "Toegang vragen (break the glass)" }).click();
    await result
      .getByRole("alert")
      .filter({ hasText: "Schrijf een motivering van 20 tot 2000 tekens." })
      .waitFor();

    await result.getByLabel("Motivering").fill(JUSTIFICATION);
    await result.getByRole("button", { name: "Toegang vragen (break the glass)" }).click();
    await page.waitForURL(/\/nl\/persons\/[^?]+\?grantExpires=/);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/nl/persons/${person.id}`);
    await page
      .getByRole("heading", { level: 1, name: `${person.familyName}, ${person.givenNames}` })
      .waitFor();
    const notice = page.locator(".break-glass-notice");
    await expect(notice.textContent()).resolves.toMatch(
      /^Geopend via break-the-glassAlleen-lezentoegang tot \d{1,2} \w+\.? \d{4},? \d{2}:\d{2}\./,
    );
    await expect(
      page.getByRole("heading", { level: 2, name: "Identiteit", exact: true }).count(),
    ).resolves.toBe(1);
    // Read-only, on the classes of the officer's best row: release data is not among them.
    const release = page.getByRole("region", { name: "Vrijlating" });
    await expect(release.textContent()).resolves.toContain("Niet toegankelijk voor u");
    await expect(
      page.getByRole("region", { name: "Uw toegang tot dit dossier" }).textContent(),
    ).resolves.toContain("Raadplegen");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("lets oversight see the pending access and mark it justified", async () => {
    const { page } = browser;
    await logIn(page, portal, "oversight.reviewer@continuum.example");
    expect(new URL(page.url()).pathname).toBe("/en/purpose");
    // Oversight has one purpose: it is chosen already.
    await expect(page.getByRole("combobox", { name: "Purpose" }).inputValue()).resolves.toBe(
      "OVERSIGHT_REVIEW",
    );
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/en\/oversight$/);
    await page.getByRole("heading", { level: 1, name: "Oversight" }).waitFor();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents(),
    ).resolves.toEqual(["Oversight"]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await expect(page.locator("#chain-heading + p").textContent()).resolves.toMatch(
      /^Intact: [\d,.\u202f\u00a0]+ entries checked\.$/,
    );

    const grant = page.locator("article.grant").filter({ hasText: JUSTIFICATION });
    await expect(grant.getByRole("heading", { level: 3 }).textContent()).resolves.toBe(
      "Demo officer — Gevangenis Hasselt, Gevangenis Hasselt",
    );
    await expect(grant.locator("dd").nth(2).textContent()).resolves.toMatch(/^[1-9]\d*$/);
    await grant.getByLabel("Justified", { exact: true }).check();
    await grant.getByLabel("Note (optional)").fill("Transfer confirmed by the prison of Ittre.");
    await grant.getByRole("button", { name: "Record the verdict" }).click();
    // Reviewed: it leaves the list of access waiting for review.
    await grant.waitFor({ state: "detached" });

    // The audit search: break-the-glass entries only, in the URL.
    await page.getByLabel("Only break-the-glass entries").check();
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL(/[?&]bg=1/);
    const table = page.getByRole("table", { name: "Audit entries, newest first" });
    const operations = await table.locator("tbody th").allTextContents();
    expect(operations).toContain("BREAK_GLASS_OPEN");
    expect(operations).toContain("READ");
    await expect(page.locator("#audit-heading ~ p.count").textContent()).resolves.toMatch(/^\d+ entries$/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows a local cell the information card and nothing else", async () => {
    const { page } = browser;
    await logIn(page, portal, "lcis-molenbeek.member@continuum.example");
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.waitForURL(/\/fr\/caseload$/);
    const table = page.getByRole("table");
    await expect(table.locator("thead th").allTextContents()).resolves.toEqual([
      "Nom",
      "Date de naissance",
      "Catégorie",
      "Situation de détention",
      "Service responsable",
    ]);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    // Released persons of the municipality, with whom to contact; no guarded field anywhere.
    expect(new Set(await rows.locator("td:nth-child(4)").allTextContents())).toEqual(new Set(["Libéré"]));
    await expect(page.getByText("Non accessible pour vous").count()).resolves.toBe(0);
    // No filter on data the cell may not read: the search alone.
    await expect(page.getByRole("group", { name: "Catégorie CelEx" }).count()).resolves.toBe(0);

    await rows.first().locator("th a").click();
    await page.waitForURL(/\/fr\/persons\//);
    await page.getByRole("heading", { level: 2, name: "Fiche d’information" }).waitFor();
    expect(await page.title()).toBe("Fiche d’information — Continuum");
    await expect(
      page.getByRole("region", { name: "Votre accès à ce dossier" }).textContent(),
    ).resolves.toContain("La fiche d’information uniquement");
  });

  it("lets an administrator issue an API token limited to data classes, shown once, lock, rotate and revoke it", async () => {
    const { page } = browser;
    await logIn(page, portal, "admin@continuum.example");
    // No personal data, no purpose: straight to administration.
    expect(new URL(page.url()).pathname).toBe("/en/admin");
    await page.getByRole("heading", { level: 1, name: "Administration" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const name = `E2E feed ${Date.now()}`;
    await page.getByLabel("Name", { exact: true }).fill(name);
    for (const dataClass of [
      "CelEx listing",
      "Observations",
      "Intelligence",
      "Clinical",
      "Programme",
      "Measures",
      "Release",
      "Follow-up",
    ])
      await page.getByRole("checkbox", { name: dataClass, exact: true }).uncheck();
    await page.getByRole("button", { name: "Issue the token" }).click();
    await page.getByRole("heading", { level: 3, name: `New token: ${name}` }).waitFor();
    await expect(page.getByRole("textbox", { name: "API token" }).inputValue()).resolves.toMatch(/^ctm_/);
    await expect(page.locator(".new-token").textContent()).resolves.toContain("shown only this once");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "I have copied it: hide the token" }).click();
    await expect(page.getByRole("textbox", { name: "API token" }).count()).resolves.toBe(0);

    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByText("Identity, Detention", { exact: true }).waitFor();

    // Lock it to its registered operations, then rotate it: the successor's secret is shown once
    // in a dialog, and it inherits the classes and the lock.
    await row.getByRole("button", { name: `Allow registered operations only ${name}` }).click();
    await row.getByText("Registered only", { exact: true }).waitFor();
    await row.getByRole("button", { name: `Rotate ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `New token for ${name}` });
    await expect(dialog.getByRole("textbox", { name: "API token" }).inputValue()).resolves.toMatch(/^ctm_/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "I have copied it: hide the token" }).click();
    const locked = page.getByRole("row").filter({ hasText: name }).filter({ hasText: "Registered only" });
    await locked.nth(1).waitFor();
    await expect(locked.count()).resolves.toBe(2);

    for (const each of await page.getByRole("row").filter({ hasText: name }).all()) {
      await each.getByRole("button", { name: `Revoke ${name}` }).click();
      await each.getByText("Revoked", { exact: true }).waitFor();
    }

    // Oversight is not for administrators: the same not-found page as any unknown address.
    const response = await page.goto(`${portal}/en/oversight`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  });
});
