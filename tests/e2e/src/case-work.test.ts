import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { apiSession, logIn, statePurpose } from "./session";

/**
 * Case work in prison, by three agencies on one inmate of the prison of Ittre whose screening is
 * due: the CelEx analyst takes the inmate from the screening queue and records a screening; a
 * prison officer of Ittre files an information report; the psychologist of Ittre records a VERA-2R
 * risk assessment through the form generated from the instrument. Then each sees what the access
 * matrix gives them of the others' work. axe checks every new page on the way.
 */

const CELEX = "celex.analyst@continuum.example";
const OFFICER = "prison-ittre.officer@continuum.example";
const PSYCHOLOGIST = "psd-ittre.psychologist@continuum.example";

/** Unique per run, so that a reused database's earlier runs do not get in the way. */
const STAMP = Date.now();
const RATIONALE = `Staff observations and the intelligence file point to a growing influence (${STAMP}).`;
const REPORT_TITLE = `Preaching to younger inmates in the workshop (${STAMP})`;
const NARRATIVE = `Interviews with the person and staff, file review; moderate risk (${STAMP}).`;

interface Target {
  id: string;
  name: string;
  /** The category now, if listed: the screening changes it; else it lists the person. */
  category: string | null;
}

describe("case work in prison: screening, report and risk assessment", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  let target: Target;
  /** The category the screening decides: B, or C for someone in B already. */
  let decided: "B" | "C";
  /** VERA-2R's structure as the API gives it: what the generated form must show. */
  const vera = { domains: 0, indicators: 0, required: 0 };

  beforeAll(async () => {
    // The inmate: the first of Ittre in CelEx's screening queue (as the API sees it).
    const celex = await apiSession(portal, CELEX, "SCREENING");
    const { establishments } = await celex.query<{
      establishments: { edges: { node: { id: string; code: string } }[] };
    }>("{ establishments(first: 100) { edges { node { id code } } } }");
    const ittre = establishments.edges.find((e) => e.node.code === "ITT")?.node.id;
    if (!ittre) throw new Error("No prison of Ittre in the demo data.");
    const { persons } = await celex.query<{
      persons: {
        edges: {
          node: { id: string; familyName: string; givenNames: string; listing: { category: string } | null };
        }[];
      };
    }>(
      `query ($ids: [ID!]) {
         persons(first: 1, filter: { establishmentIds: $ids, screeningDueWithinDays: 30 },
                 orderBy: { field: NEXT_SCREENING_DUE, direction: ASC }) {
           edges { node { id familyName givenNames listing { category } } } } }`,
      { ids: [ittre] },
    );
    const node = persons.edges[0]?.node;
    if (!node) throw new Error("No inmate of Ittre is due for screening.");
    target = {
      id: node.id,
      name: `${node.familyName}, ${node.givenNames}`,
      category: node.listing?.category ?? null,
    };
    decided = target.category === "B" ? "C" : "B";
    const { assessmentInstruments } = await celex.query<{
      assessmentInstruments: { code: string; domains: { indicators: { required: boolean }[] }[] }[];
    }>("{ assessmentInstruments { code domains { indicators { required } } } }");
    const instrument = assessmentInstruments.find((i) => i.code === "VERA-2R");
    if (!instrument) throw new Error("No VERA-2R instrument in the reference data.");
    vera.domains = instrument.domains.length;
    const indicators = instrument.domains.flatMap((d) => d.indicators);
    vera.indicators = indicators.length;
    vera.required = indicators.filter((i) => i.required).length;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const caseFile = () => `${portal}/en/persons/${encodeURIComponent(target.id)}`;

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** The listing at a glance, once it says `text`. */
  const listingGlance = (page: Page, text: string) =>
    page.getByRole("region", { name: "CelEx listing" }).locator("p.glance").filter({ hasText: text }).first();

  /** The element that has the keyboard focus: its class and id. */
  const focusedClass = (page: Page) =>
    page.evaluate<string>('document.activeElement ? String(document.activeElement.className) : ""');
  const focusedId = (page: Page) =>
    page.evaluate<string>('document.activeElement ? String(document.activeElement.id) : ""');

  it("lets the CelEx analyst take the inmate from the screening queue", async () => {
    const { page } = browser;
    await logIn(page, portal, CELEX);
    await statePurpose(page, "SCREENING");
    await page.goto(`${portal}/en/screening`);
    await page.getByRole("heading", { level: 1, name: "Screening queue" }).waitFor();
    expect(await page.title()).toBe("Screening queue — Continuum");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents(),
    ).resolves.toEqual([
      "Caseload",
      "Screening queue",
      "Reports",
      "Look-up",
      "Figures and trends",
      "Query explorer",
      "Imports",
    ]);
    const table = page.getByRole("table", { name: "Screenings due within 30 days, overdue first" });
    await expect(table.getByRole("columnheader").allTextContents()).resolves.toEqual([
      "Select",
      "Name",
      "Category",
      "Establishment",
      "Next screening due",
      "Responsible analyst",
    ]);
    await expectAccessible(page);

    // Only the prison of Ittre, in the URL.
    const ittre = await page
      .getByLabel("Establishment", { exact: true })
      .locator("option", { hasText: "Ittre" })
      .getAttribute("value");
    await page.getByLabel("Establishment", { exact: true }).selectOption(ittre ?? "");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(/[?&]establishment=/);
    const establishments = await page.locator("tbody td:nth-child(4)").allTextContents();
    expect(new Set(establishments)).toEqual(new Set(["Prison d'Ittre"]));

    // Take the inmate: select the row, make me responsible.
    const row = page.getByRole("row").filter({ hasText: target.name });
    await row.getByRole("checkbox", { name: `Select ${target.name}` }).check();
    await page.getByRole("button", { name: "Make me responsible for the selected persons" }).click();
    await page.getByRole("status").filter({ hasText: "1 person is now assigned to you." }).waitFor();
    await row.getByRole("cell", { name: /^Demo analyst/ }).waitFor();

    // "Only mine" keeps them.
    await page.getByLabel("Only mine").check();
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(/[?&]who=mine/);
    await page.getByRole("row").filter({ hasText: target.name }).waitFor();
    await expectAccessible(page);
  });

  it("lets the CelEx analyst record the screening on the case file", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: target.name }).click();
    await page.waitForURL(/\/en\/persons\//);
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();

    await page.getByText("Record a screening", { exact: true }).click();
    const form = page
      .locator("form.case-form")
      .filter({ has: page.getByRole("button", { name: "Record the screening" }) });

    // Sent without an outcome, sources or rationale: refused, the summary takes the focus, each
    // field says what is wrong and points at it.
    await form.getByRole("button", { name: "Record the screening" }).click();
    const summary = form.locator(".error-summary");
    await expect(summary.textContent()).resolves.toContain("There are 3 problems:");
    await expect(summary.getByRole("link").allTextContents()).resolves.toEqual([
      "Outcome: Choose one.",
      "Sources consulted: Choose at least one.",
      "Rationale: Enter a value.",
    ]);
    expect(await focusedClass(page)).toContain("error-summary");
    const rationale = form.getByRole("textbox", { name: "Rationale" });
    await expect(rationale.getAttribute("aria-invalid")).resolves.toBe("true");
    const describedBy = (await rationale.getAttribute("aria-describedby"))?.split(" ") ?? [];
    const errorText = await page.locator(`[id="${describedBy.at(-1)}"]`).textContent();
    expect(errorText).toBe("Enter a value.");
    // The summary's link takes the keyboard to the field.
    await summary.getByRole("link", { name: "Rationale: Enter a value." }).click();
    expect(await focusedId(page)).toBe(await rationale.getAttribute("id"));

    if (target.category === null) await form.getByLabel("Listed: placed on the list").check();
    else await form.getByLabel("Changed: another category or other labels").check();
    await form
      .getByRole("group", { name: "Category" })
      .getByLabel(new RegExp(`^${decided}:`))
      .check();
    await form.getByLabel(decided === "B" ? "Assimilated" : "Foreign fighter", { exact: true }).check();
    await form.getByLabel("Prison staff", { exact: true }).check();
    await form.getByLabel("Intelligence", { exact: true }).check();
    await rationale.fill(RATIONALE);
    await form.getByRole("button", { name: "Record the screening" }).click();
    await form.getByRole("status").filter({ hasText: "Screening recorded." }).waitFor();

    // The page is read again: the listing shows the outcome, and the screening its reasons.
    await listingGlance(page, `Category ${decided} since`).waitFor();
    await page.getByText(RATIONALE).waitFor();
    await expectAccessible(page);
  });

  it("lets the Ittre prison officer see the listing and file an information report", async () => {
    const { page } = browser;
    await logIn(page, portal, OFFICER);
    await statePurpose(page, "CASE_MANAGEMENT");

    // The work queues are for other roles: not in the navigation, and a clear page if visited.
    await page.goto(`${portal}/en/screening`);
    await page.getByRole("heading", { level: 1, name: "Not available for your role" }).waitFor();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents(),
    ).resolves.toEqual(["Caseload", "Look-up", "Figures and trends", "Query explorer", "Imports"]);
    await expectAccessible(page);

    await page.goto(caseFile());
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
    // The screening's result: the listing and the screening with its reasons.
    await listingGlance(page, `Category ${decided} since`).waitFor();
    await page.getByText(RATIONALE).waitFor();
    // No clinical data for prison staff.
    await expect(page.getByRole("region", { name: "Risk assessments" }).textContent()).resolves.toContain(
      "Not available to you",
    );

    await page.getByText("File an information report", { exact: true }).click();
    const form = page
      .locator("form.case-form")
      .filter({ has: page.getByLabel("What was observed or learnt") });
    await form.getByLabel("Title", { exact: true }).fill(REPORT_TITLE);
    await form
      .getByLabel("What was observed or learnt")
      .fill(
        "During workshop hours the inmate lectured three younger inmates on religious duties. (Fictional.)",
      );
    await form.getByLabel("Reliability of the source").selectOption("B");
    await form.getByLabel("Credibility of the information").selectOption("2");
    await form.getByLabel("Attempts to influence or recruit other inmates").check();
    await form.getByRole("button", { name: "File the report" }).click();
    await form.getByRole("status").filter({ hasText: "Report filed." }).waitFor();

    const report = page.getByRole("article", { name: REPORT_TITLE });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain("Grading B2");
    await expect(report.textContent()).resolves.toContain("Your agency");
    await expectAccessible(page);
  });

  it("lets the Ittre psychologist record a VERA-2R assessment through the generated form", async () => {
    const { page } = browser;
    await logIn(page, portal, PSYCHOLOGIST);
    await statePurpose(page, "RISK_ASSESSMENT");

    await page.goto(`${portal}/en/assessments`);
    await page.getByRole("heading", { level: 1, name: "Risk assessments due" }).waitFor();
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents(),
    ).resolves.toEqual([
      "Caseload",
      "Reassessments",
      "Look-up",
      "Figures and trends",
      "Query explorer",
      "Imports",
    ]);
    await page.getByRole("table", { name: /^Risk assessments due within 30 days/ }).waitFor();
    await expectAccessible(page);

    await page.goto(caseFile());
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
    // The officer's report reaches the psychosocial service of the same prison.
    await page.getByRole("article", { name: REPORT_TITLE }).waitFor();

    await page.getByText("Record a risk assessment", { exact: true }).click();
    const form = page.locator("form.case-form").filter({ has: page.getByLabel("Instrument") });
    const instrument = form.getByLabel("Instrument");
    const veraOption = await instrument.locator("option", { hasText: "VERA-2R" }).getAttribute("value");
    await instrument.selectOption(veraOption ?? "");
    // One fieldset per domain, one radio group per indicator, from the instrument's data.
    await form.getByRole("group", { name: "BAI: Beliefs, attitudes and ideology" }).waitFor();
    await expect(form.locator("fieldset.assessment-domain").count()).resolves.toBe(vera.domains);

    // Sent unrated: every required indicator is named, and the summary takes the focus.
    await form.getByRole("button", { name: "Record the assessment" }).click();
    const summary = form.locator(".error-summary");
    await expect(summary.getByRole("link").first().textContent()).resolves.toBe(
      "BAI-1: Beliefs, attitudes and ideology, item 1: Rate BAI-1, or mark it not rated with a reason.",
    );
    // One link per required indicator, one for the judgement, one for the narrative.
    expect(await summary.getByRole("link").count()).toBe(vera.required + 2);
    expect(await focusedClass(page)).toContain("error-summary");

    // Every indicator absent (clicked in one go: one radio group per indicator), then a few otherwise.
    await form.getByRole("radio", { name: "Absent" }).evaluateAll((radios) => {
      for (const radio of radios) radio.click();
    });
    await expect(form.getByRole("radio", { name: "Absent", checked: true }).count()).resolves.toBe(
      vera.indicators,
    );
    await form
      .getByRole("group", { name: /^BAI-1:/ })
      .getByLabel("Present")
      .check();
    await form
      .getByRole("group", { name: /^SCI-2:/ })
      .getByLabel("Not rated")
      .check();
    await form
      .getByLabel("Why SCI-2 is not rated")
      .fill("No information on the contacts outside prison yet.");
    await form.getByLabel("Summary of Beliefs, attitudes and ideology").fill("Rigid views, voiced openly.");
    await form.getByRole("group", { name: "Final judgement" }).getByLabel("Moderate risk").check();
    await form.getByLabel("Narrative", { exact: true }).fill(NARRATIVE);
    await form.getByRole("button", { name: "Record the assessment" }).click();
    await form.getByRole("status").filter({ hasText: "Risk assessment recorded." }).waitFor();

    // The psychosocial service reads the whole assessment.
    const section = page.getByRole("region", { name: "Risk assessments" });
    await section.getByRole("row").filter({ hasText: "Moderate risk" }).first().waitFor();
    await section.getByText("Narrative, ratings and domain summaries").first().click();
    await section.getByText(NARRATIVE).waitFor();
    await section.getByText("Rigid views, voiced openly.").waitFor();
    await expect(section.getByRole("row").filter({ hasText: "SCI-2" }).textContent()).resolves.toContain(
      "Not rated",
    );
    await expect(section.textContent()).resolves.not.toContain("You see the summary");
    await expectAccessible(page);
  });

  it("shows CelEx the report in its feed and the case file, and the assessment's judgement only", async () => {
    const { page } = browser;
    await logIn(page, portal, CELEX);
    await statePurpose(page, "SCREENING");

    await page.goto(`${portal}/en/reports`);
    await page.getByRole("heading", { level: 1, name: "New information reports" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: REPORT_TITLE });
    await expect(row.getByRole("rowheader").textContent()).resolves.toBe(target.name);
    await expect(row.textContent()).resolves.toContain("Grading B2");
    await expect(row.textContent()).resolves.toContain("Prison of Ittre");
    await expectAccessible(page);

    await row.getByRole("link", { name: target.name }).click();
    await page.waitForURL(/\/en\/persons\//);
    await page.getByRole("article", { name: REPORT_TITLE }).waitFor();
    const section = page.getByRole("region", { name: "Risk assessments" });
    await section.getByRole("row").filter({ hasText: "Moderate risk" }).first().waitFor();
    await expect(section.textContent()).resolves.toContain("You see the summary");
    // Neither narrative nor ratings nor summaries reach CelEx.
    const html = await page.content();
    expect(html).not.toContain(NARRATIVE);
    expect(html).not.toContain("Rigid views, voiced openly.");
    expect(html).not.toContain("No information on the contacts outside prison yet.");
    await expect(section.getByText("Narrative, ratings and domain summaries").count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it("keeps the assessment's content from the prison officer", async () => {
    const { page } = browser;
    await logIn(page, portal, OFFICER);
    await statePurpose(page, "CASE_MANAGEMENT");
    await page.goto(caseFile());
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
    await expect(page.getByRole("region", { name: "Risk assessments" }).textContent()).resolves.toContain(
      "Not available to you",
    );
    expect(await page.content()).not.toContain(NARRATIVE);
    // Not even the judgement (the word is in the page's messages, not in its content).
    expect(await page.locator("main").textContent()).not.toContain("Moderate risk");
    // Their own report is there, theirs to correct.
    const report = page.getByRole("article", { name: REPORT_TITLE });
    await report.getByRole("button", { name: "Correct this report" }).waitFor();
  });
});
