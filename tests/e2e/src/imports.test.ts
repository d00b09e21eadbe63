import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { logIn, statePurpose } from "./session";

/**
 * Bulk import in the portal. The CelEx analyst opens "Imports", chooses a CSV file of 30 fictional
 * persons (the format is preselected from the extension), sends it and watches the progress bar
 * reach the total and the status say it succeeded; the job is in the list of recent imports. A
 * second file with a date of birth in the future is refused line by line: nothing is written and
 * the line, the field and the reason are shown. axe checks the page in each state.
 */

const ANALYST = "celex.analyst@continuum.example";
const RUN = Date.now().toString(36);
const HEADER = "externalId,familyName,givenNames,dateOfBirth,sex,nationalities,languageCommunity";

const FAMILY = ["Testaert", "Voorbeeld", "Fictief", "Demoulin", "Exempel", "Proefmans"];
const GIVEN = ["Anouk", "Bram", "Céline", "Driss", "Elif", "Florian", "Gitte", "Hamza", "Ines", "Joris"];

/** 30 invented persons, one a line, after the header. */
function personsCsv(prefix: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, "0");
    return [
      `${prefix}-${String(i + 1).padStart(3, "0")}`,
      FAMILY[i % FAMILY.length],
      GIVEN[i % GIVEN.length],
      `19${70 + (i % 25)}-0${(i % 9) + 1}-${day}`,
      i % 3 === 0 ? "FEMALE" : "MALE",
      i % 4 === 0 ? "BE;MA" : "BE",
      i % 2 === 0 ? "NL" : "FR",
    ].join(",");
  });
  return `${HEADER}\n${rows.join("\n")}\n`;
}

describe("bulk import", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), "continuum-e2e-imports-"));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** Fills the form with a file and sends it; resolves once the page shows the new job. */
  async function importFile(page: Page, path: string): Promise<void> {
    const form = page.locator("form").filter({ has: page.getByLabel("File", { exact: true }) });
    await form.getByLabel("Kind of records").selectOption({ label: "Persons" });
    await form.getByLabel("Source system").fill(`E2E-${RUN}`);
    await form.getByLabel("File", { exact: true }).setInputFiles(path);
    // The format follows the file's extension.
    await expect(form.getByLabel("Format").inputValue()).resolves.toBe("CSV");
    const before = page.url();
    await form.getByRole("button", { name: "Import the file" }).click();
    await page.waitForURL((url) => url.href !== before && /\/en\/imports\?job=[^&]+$/.test(url.href), {
      timeout: 60_000,
    });
  }

  it("imports 30 persons with their progress shown, then shows the bad line of a refused file", async () => {
    const { page } = browser;
    await logIn(page, portal, ANALYST);
    await statePurpose(page, "CASE_MANAGEMENT");

    await page.goto(`${portal}/en/imports`);
    await page.getByRole("heading", { level: 1, name: "Import records" }).waitFor();
    expect(await page.title()).toBe("Imports — Continuum");
    await expect(
      page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Imports" })
        .getAttribute("aria-current"),
    ).resolves.toBe("page");
    await page.getByText("docs/import-formats.md").waitFor();
    await expectAccessible(page);

    // A file of 30 persons.
    const good = join(dir, `persons-${RUN}.csv`);
    writeFileSync(good, personsCsv(`E2E-${RUN}`, 30));
    await importFile(page, good);
    const progress = page.getByRole("progressbar", { name: "Records applied" });
    await progress.waitFor();
    await expect(progress.getAttribute("aria-valuemax")).resolves.toBe("30");
    await expect.poll(() => progress.getAttribute("aria-valuenow"), { timeout: 60_000 }).toBe("30");
    await page.getByText("Succeeded: 30 records imported.").waitFor({ timeout: 30_000 });
    await expect(progress.getAttribute("aria-valuetext")).resolves.toBe("30 of 30 records applied");
    await page.getByRole("heading", { level: 2, name: `Import of persons-${RUN}.csv` }).waitFor();

    // The list of recent imports has it (refreshed once the job finished).
    const list = page.getByRole("table", { name: /most recent imports/ });
    const row = list
      .locator("tbody tr")
      .filter({ has: page.getByRole("link", { name: `Show the progress of persons-${RUN}.csv` }) });
    await expect
      .poll(async () => (await row.locator("td").allTextContents()).slice(0, 3), { timeout: 15_000 })
      .toEqual(["Persons", "Succeeded", "30 / 30"]);
    await expectAccessible(page);

    // A file with a date of birth in the future on its third line (the header is line 1).
    const bad = join(dir, `persons-bad-${RUN}.csv`);
    const lines = personsCsv(`E2E-BAD-${RUN}`, 3).split("\n");
    lines[2] = (lines[2] ?? "").replace(/,\d{4}-\d{2}-\d{2},/, ",2999-01-01,");
    writeFileSync(bad, lines.join("\n"));
    await importFile(page, bad);
    await page.getByText(/^Invalid: 1 line is wrong\. Nothing was written/).waitFor({ timeout: 30_000 });
    const errors = page.getByRole("table", { name: "Lines to correct" });
    await expect(errors.getByRole("columnheader").allTextContents()).resolves.toEqual([
      "Line",
      "Field",
      "Reason",
    ]);
    const errorRow = errors
      .locator("tbody tr")
      .filter({ has: page.getByRole("rowheader", { name: "3", exact: true }) })
      .first();
    const [field, reason] = await errorRow.locator("td").allTextContents();
    expect(field).toBe("dateOfBirth");
    expect(reason).toMatch(/future/);
    await expectAccessible(page);
  }, 180_000);
});
