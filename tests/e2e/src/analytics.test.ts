import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { DEMO_PASSWORD, logIn, statePurpose } from "./session";

/**
 * Figures and trends. The CelEx statistician lands on the dashboard (their home page), reads
 * Figure 1 (a chart and the table behind it), moves the composition to 1 February 2020 and sees the
 * figures of that day, downloads a table as CSV (header and a row, the values the table shows), and
 * finds no link from a count to persons. The CelEx analyst (a reader of cases) follows a count of
 * the composition to the persons behind it, each linked to their case file. axe checks every page.
 */

const STATISTICIAN = "celex.statistician@continuum.example";
const ANALYST = "celex.analyst@continuum.example";
const DAY = "2020-02-01";

/** The dashboard reads every figure at once: generous for the readers of cases on PGlite. */
const SLOW = { timeout: 120_000 };

describe("figures and trends", () => {
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

  /** A figure's block on the dashboard, by its heading. */
  const figure = (page: Page, heading: RegExp): Locator =>
    page.getByRole("region", { name: heading }).filter({ has: page.locator("table") });

  /** The count a day figure's table shows for one cell (the row's header). */
  const countIn = (block: Locator, row: string): Locator =>
    block
      .locator("tbody tr")
      .filter({ has: block.page().getByRole("rowheader", { name: row, exact: true }) })
      .locator("td")
      .first();

  it("leads the statistician to the dashboard, whose figures follow the day asked, with tables and CSV files", async () => {
    const { page } = browser;
    await logIn(page, portal, STATISTICIAN);
    // Their home page is the dashboard (in the language the account stored).
    await page.waitForURL(/\/(en|fr|nl)\/analytics$/, SLOW);

    await page.goto(`${portal}/en/analytics`, SLOW);
    await page.getByRole("heading", { level: 1, name: "Figures and trends" }).waitFor(SLOW);
    await expect(
      page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Figures and trends" })
        .getAttribute("aria-current"),
    ).resolves.toBe("page");
    await page.getByText("Every case is counted, with small counts suppressed").waitFor();

    // Figure 1: a drawn chart with its summary, and the table behind it with numbers.
    const figure1 = figure(page, /^Figure 1\. Persons on the CelEx list by category$/);
    const chart = figure1.getByRole("img", { name: /^Persons on the CelEx list by category, / });
    await chart.locator("svg.recharts-surface").first().waitFor();
    await expect(chart.getAttribute("aria-label")).resolves.toMatch(/total \d+/);
    const table1 = figure1.locator("table");
    await expect(table1.locator("caption").textContent()).resolves.toMatch(
      /^Figure 1\. Persons on the CelEx list by category, on the first day of each year, /,
    );
    expect(await table1.locator("tbody tr").count()).toBeGreaterThanOrEqual(5);
    await expect(table1.locator("tbody tr").first().locator("td").last().textContent()).resolves.toMatch(
      /^\d+$/,
    );
    await expectAccessible(page);

    // The composition on another day: the form in the URL, the captions and counts follow.
    const figure3 = figure(page, /^Figure 3\. Listed persons by category$/);
    const before = await figure3.locator("caption").textContent();
    const controls = page.getByRole("region", { name: "What to show" });
    await controls.getByLabel("As of").fill(DAY);
    await controls.getByRole("button", { name: "Show the figures" }).click();
    await page.waitForURL(new RegExp(`[?&]on=${DAY}`), SLOW);
    await page.getByRole("heading", { level: 2, name: "On February 1, 2020" }).waitFor(SLOW);
    const caption = await figure3.locator("caption").textContent();
    expect(caption).not.toBe(before);
    expect(caption).toBe("Figure 3. Listed persons by category, on February 1, 2020");
    const totalC = (await countIn(figure3, "C: terrorist fighter").textContent())?.trim() ?? "";
    expect(totalC).toMatch(/^(\d+|<5|x)$/);
    await expect(figure3.locator("tfoot td").first().textContent()).resolves.toMatch(/^\d+$/);
    // Statisticians' figures are protected and lead to nobody.
    expect(await page.locator("main table a").count()).toBe(0);
    await expectAccessible(page);

    // The table's CSV file: named after the figure and the day, the values the table shows.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      figure3.getByRole("link", { name: "Download the table of figure 3 (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`continuum-listed-persons-by-category-${DAY}.csv`);
    const path = await download.path();
    const lines = readFileSync(path, "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("From,To,Code,Label,Count,Share (%)");
    const rowC = lines.find((line) => line.startsWith(`${DAY},${DAY},C,`));
    expect(rowC?.split(",")[4]).toBe(totalC);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${DAY},${DAY},TOTAL,Total,\\d+,$`)));
  }, 240_000);

  it("lets the analyst go from a count to the persons behind it", async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await page.goto(`${portal}/en/login?next=${encodeURIComponent(`/analytics?on=${DAY}`)}`);
    await page.getByLabel("E-mail address").fill(ANALYST);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await statePurpose(page, "CASE_MANAGEMENT");
    await page.waitForURL(/\/analytics\?on=2020-02-01$/, SLOW);
    await page.goto(`${portal}/en/analytics?on=${DAY}`, SLOW);
    await page.getByRole("heading", { level: 2, name: "On February 1, 2020" }).waitFor(SLOW);
    await page.getByText("Exact counts over the cases you may read.").waitFor();
    await expectAccessible(page);

    const figure3 = figure(page, /^Figure 3\. Listed persons by category$/);
    const link = countIn(figure3, "C: terrorist fighter").getByRole("link");
    const count = (await link.textContent())?.match(/^\d+/)?.[0] ?? "";
    expect(Number(count)).toBeGreaterThan(0);
    await link.click();
    await page.waitForURL(
      /\/en\/analytics\/persons\?figure=LISTED_PERSONS&on=2020-02-01&by=CATEGORY&cell=C$/,
      SLOW,
    );
    await page.getByRole("heading", { level: 1, name: "Persons behind a figure" }).waitFor(SLOW);
    await page
      .getByText("Persons on the CelEx list: C: terrorist fighter, on February 1, 2020")
      .first()
      .waitFor();
    await expect(page.locator(".page-header .count").textContent()).resolves.toBe(`${count} persons`);
    const rows = page.locator("main table tbody tr");
    expect(await rows.count()).toBe(Math.min(Number(count), 50));
    await expect(rows.first().getByRole("link").first().getAttribute("href")).resolves.toMatch(
      /^\/en\/persons\/[^/]+$/,
    );
    await expectAccessible(page);
  }, 240_000);
});
