import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { DEMO_PASSWORD, statePurpose } from "./session";

/**
 * The pages of "Release and follow-up" on the demo data, each as the account that uses it: CelEx's
 * release calendar (a shorter window lists fewer dates), probation's supervised conditions, CUTA's
 * common-database reviews, the data-protection officer's retention queue and the export of one
 * person's record, and a local cell's workspace in French. axe checks every page.
 */

describe("the release and follow-up pages", () => {
  const portal = inject("portalUrl");
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** Logs in, states the purpose and opens `path` (English unless the path says otherwise). */
  async function signInTo(page: Page, email: string, purpose: string, path: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${portal}/en/login?next=${encodeURIComponent("/lookup")}`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await statePurpose(page, purpose);
    await page.waitForURL(/\/lookup$/);
    await page.goto(`${portal}${path}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
  }

  const bodyRows = (page: Page) => page.locator("main table tbody tr");

  it("shows CelEx the release calendar, and fewer dates in a shorter window", async () => {
    const { page } = browser;
    await signInTo(page, "celex.analyst@continuum.example", "RELEASE_PREPARATION", "/en/releases");
    await page.getByRole("heading", { level: 1, name: "Release calendar" }).waitFor();
    const year = await bodyRows(page).count();
    expect(year).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.locator("#calendar-months").selectOption("3");
    await page.locator("main form button[type=submit]").first().click();
    await page.waitForURL(/[?&]months=3/);
    expect(await bodyRows(page).count()).toBeLessThanOrEqual(year);
    await expectAccessible(page);
  });

  it("shows probation the conditions it supervises", async () => {
    const { page } = browser;
    await signInTo(
      page,
      "probation-brussels.officer@continuum.example",
      "POST_RELEASE_FOLLOW_UP",
      "/en/conditions",
    );
    await page.getByRole("heading", { level: 1, name: "Supervised conditions" }).waitFor();
    expect(await bodyRows(page).count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it("shows CUTA the common-database entries due for review", async () => {
    const { page } = browser;
    await signInTo(page, "cuta.analyst@continuum.example", "THREAT_ASSESSMENT", "/en/common-database");
    await page.getByRole("heading", { level: 1, name: "Common-database reviews" }).waitFor();
    expect(await bodyRows(page).count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it("lets the data-protection officer read the retention queue and export one person's record", async () => {
    const { page } = browser;
    await signInTo(page, "dpo.reviewer@continuum.example", "OVERSIGHT_REVIEW", "/en/data-protection");
    await page.getByRole("heading", { level: 1, name: "Data protection" }).waitFor();
    await page.getByRole("heading", { name: "Retention queue" }).waitFor();
    await expectAccessible(page);

    // The first waiting item's "Export the record" fills in its case ID.
    await page.getByRole("link", { name: "Export the record" }).first().click();
    await page.waitForURL(/[?&]export=/);
    const exporting = page.getByRole("region", { name: "Export everything held on one person" });
    await expect(exporting.getByLabel("Case ID").inputValue()).resolves.not.toBe("");
    await exporting
      .getByLabel("Justification", { exact: true })
      .fill("Fictional access request AR-2026-117.");
    await exporting.getByRole("button", { name: "Export", exact: true }).click();
    await page.getByText("The export is shown below.").waitFor();
    await page.getByRole("heading", { name: /^Record of / }).waitFor();
    await page.getByRole("link", { name: "Download JSON" }).waitFor();
    await expectAccessible(page);
  });

  it("shows a local cell its workspace in French", async () => {
    const { page } = browser;
    await signInTo(page, "lcis-molenbeek.member@continuum.example", "POST_RELEASE_FOLLOW_UP", "/fr/local");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Suivi local");
    await expectAccessible(page);
  });
});
