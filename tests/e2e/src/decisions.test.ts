import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { apiSession, DEMO_PASSWORD, statePurpose } from "./session";

/**
 * Recommendations, decisions and measures, transparent by design, on one inmate of the prison of
 * Ittre: CelEx recommends an individual special security regime citing an information report; the
 * Director General accepts it from the decision inbox; the director of Ittre finds the decision in
 * the queue of decisions not yet told to the inmate and records the notice; the measure is in the
 * register; the Director General prolongs it, and the review joins the case's history as a decision
 * of its own, not yet told. The psychosocial service sees the monthly evaluation the measure
 * requires. axe checks every new page on the way (forms open).
 */

const CELEX = "celex.analyst@continuum.example";
const DG = "dgepi.director@continuum.example";
const DIRECTOR = "prison-ittre.director@continuum.example";
const PSYCHOLOGIST = "psd-ittre.psychologist@continuum.example";

const MEASURE = "Individual special security regime";
/** Unique per run, so that a reused database's earlier runs do not get in the way. */
const STAMP = Date.now();
const RATIONALE = `Sustained pressure on younger inmates in the workshop; a regime apart is proposed (${STAMP}).`;
const TERMS = `Walks and work apart from wing B (${STAMP}).`;
const REASONS = `The reports show sustained pressure on younger inmates; the regime is needed for a month (${STAMP}).`;
const REVIEW_REASONS = `The pressure has not eased; the regime is prolonged (${STAMP}).`;
const EVALUATION = `Calmer in the last weeks; keeps to himself (${STAMP}).`;

interface Target {
  id: string;
  name: string;
  /** The information report the recommendation cites. */
  reportTitle: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** How the portal writes a calendar day in English ("Jan 27, 2027"). */
function englishDate(iso: string): string {
  return new Intl.DateTimeFormat("en", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

describe("recommendations, decisions and measures: transparent by design", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  let target: Target;
  /** The measure's end once prolonged (read from the review form). */
  let prolongedTo = "";

  beforeAll(async () => {
    // The inmate: one of Ittre with an information report CelEx and the Director General read, and
    // no recommendation or measure yet (as the API sees it).
    const celex = await apiSession(portal, CELEX, "DECISION");
    const { establishments } = await celex.query<{
      establishments: { edges: { node: { id: string; code: string } }[] };
    }>("{ establishments(first: 100) { edges { node { id code } } } }");
    const ittre = establishments.edges.find((e) => e.node.code === "ITT")?.node.id;
    if (!ittre) throw new Error("No prison of Ittre in the demo data.");
    // A report the Director General reads too (each reader sees the cited reports they may read).
    const shared = (e: { node: { dataClass: string; handlingCode: string } }) =>
      e.node.dataClass === "OBSERVATIONS" && e.node.handlingCode === "SHARE_LAW_ENFORCEMENT";
    // A page at a time (every person read is audited): the first that fits.
    type Candidate = {
      id: string;
      familyName: string;
      givenNames: string;
      detentionStatus: string;
      reports: { edges: { node: { title: string; dataClass: string; handlingCode: string } }[] };
      recommendations: { id: string }[];
      securityMeasures: { id: string }[];
    };
    let node: Candidate | undefined;
    let after: string | null = null;
    for (let page = 0; page < 10 && node === undefined; page += 1) {
      const {
        persons,
      }: { persons: { pageInfo: { endCursor: string | null }; edges: { node: Candidate }[] } } =
        await celex.query(
          `query ($ids: [ID!], $after: String) {
             persons(first: 5, after: $after, filter: { establishmentIds: $ids }) {
               pageInfo { endCursor }
               edges { node { id familyName givenNames detentionStatus
                 reports(first: 5) { edges { node { title dataClass handlingCode } } }
                 recommendations { id } securityMeasures { id } } } } }`,
          { ids: [ittre], after },
        );
      node = persons.edges
        .map((e) => e.node)
        .find(
          (p) =>
            p.detentionStatus === "DETAINED" &&
            p.reports.edges.some(shared) &&
            p.recommendations.length === 0 &&
            p.securityMeasures.length === 0,
        );
      after = persons.pageInfo.endCursor;
      if (after === null) break;
    }
    if (!node) throw new Error("No inmate of Ittre with a report and no measure yet.");
    target = {
      id: node.id,
      name: `${node.familyName}, ${node.givenNames}`,
      reportTitle: node.reports.edges.find(shared)?.node.title ?? "",
    };
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const caseFile = () => `${portal}/en/persons/${encodeURIComponent(target.id)}`;
  const section = (page: Page) => page.getByRole("region", { name: "Decisions and measures" });
  const decisionsNav = (page: Page) => page.getByRole("navigation", { name: "Decisions and measures" });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** The element that has the keyboard focus: its class. */
  const focusedClass = (page: Page) =>
    page.evaluate<string>('document.activeElement ? String(document.activeElement.className) : ""');

  /**
   * Logs in and states the purpose, going on to the look-up page rather than the caseload (every
   * person a page shows is audited, and the audit trail is shared with the other browser tests);
   * then the same page in English (accounts store their own language), waiting for the navigation.
   */
  async function signIn(page: Page, email: string, purpose: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${portal}/en/login?next=${encodeURIComponent("/lookup")}`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await statePurpose(page, purpose);
    await page.waitForURL(/\/lookup$/);
    await page.goto(`${portal}/en/lookup`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await decisionsNav(page).getByRole("link").first().waitFor();
  }

  /** Opens a disclosure by its summary, inside `scope`. */
  async function open(scope: Locator, summary: string): Promise<void> {
    await scope.locator("summary", { hasText: summary }).first().click();
  }

  it("lets CelEx recommend an individual special security regime, citing a report", async () => {
    const { page } = browser;
    await signIn(page, CELEX, "DECISION");
    // The section's own navigation, for what CelEx uses of it.
    await expect(decisionsNav(page).getByRole("link").allTextContents()).resolves.toEqual([
      "Decision inbox",
      "Measures register",
      "D-Rad:Ex occupancy",
    ]);

    await page.goto(caseFile());
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
    const decisions = section(page);
    await open(decisions, "Write a recommendation");
    const form = decisions
      .locator("form.case-form")
      .filter({ has: page.getByRole("group", { name: "What is recommended" }) });

    // Sent empty: refused, the summary takes the focus and names each problem.
    await form.getByRole("button", { name: "Record the recommendation" }).click();
    const summary = form.locator(".error-summary");
    await expect(summary.getByRole("link").allTextContents()).resolves.toEqual([
      "What is recommended: Choose one.",
      "Rationale: Enter a value.",
    ]);
    expect(await focusedClass(page)).toContain("error-summary");

    await form.getByLabel("Individual security measure", { exact: true }).check();
    await form.getByLabel("Type of measure").selectOption({ label: MEASURE });
    // The type's rules, as data from the API.
    const rules = form.locator(".rules");
    await rules.getByText("Rules of this type of measure").waitFor();
    await expect(rules.textContent()).resolves.toContain(
      "Director General (DG EPI), Director: up to 2 months",
    );
    await expect(rules.textContent()).resolves.toContain("Prison, Director: up to 1 month");
    await form.getByLabel("Proposed duration in months").fill("1");
    await form.getByLabel("Proposed terms").fill(TERMS);
    await form.getByRole("textbox", { name: "Rationale", exact: true }).fill(RATIONALE);
    await form
      .getByRole("group", { name: /^Information reports cited/ })
      .getByRole("checkbox", { name: new RegExp(`^${escapeRegExp(target.reportTitle)}`) })
      .first()
      .check();
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the recommendation" }).click();
    await form.getByRole("status").filter({ hasText: "Recommendation recorded" }).waitFor();

    // The page is read again: the recommendation, its evidence, awaiting the decision.
    const recommendation = decisions.getByRole("article").filter({ hasText: RATIONALE });
    await recommendation.waitFor();
    await expect(recommendation.textContent()).resolves.toContain("Awaiting the Director General’s decision");
    await expect(recommendation.textContent()).resolves.toContain(
      `Information report: ${target.reportTitle}`,
    );
    await expect(recommendation.textContent()).resolves.toContain(TERMS);
    await expectAccessible(page);
  });

  it("lets the Director General accept it from the decision inbox, with reasons", async () => {
    const { page } = browser;
    await signIn(page, DG, "DECISION");
    await expect(decisionsNav(page).getByRole("link").allTextContents()).resolves.toEqual([
      "Decision inbox",
      "Measures register",
      "Notices and appeals",
      "D-Rad:Ex occupancy",
    ]);
    await decisionsNav(page).getByRole("link", { name: "Decision inbox" }).click();
    await page.waitForURL(/\/decisions$/);
    await page.getByRole("heading", { level: 1, name: "Recommendations awaiting a decision" }).waitFor();
    await expect.poll(() => page.title()).toBe("Decision inbox — Continuum");

    const item = page.getByRole("article").filter({ hasText: RATIONALE });
    await item.getByRole("heading", { name: `Individual security measure: ${target.name}` }).waitFor();
    await expect(item.textContent()).resolves.toContain(`Information report: ${target.reportTitle}`);
    await expectAccessible(page);

    await open(item, "Decide on this recommendation");
    const form = item.locator("form.case-form");
    await form.getByRole("button", { name: "Record the decision" }).click();
    await expect(form.locator(".error-summary").getByRole("link").allTextContents()).resolves.toEqual([
      "Decision: Choose one.",
      "Reasons: Enter a value.",
    ]);
    await form.getByLabel("Accept as recommended").check();
    // Accepted as written: the month recommended, with its terms; the review date and legal basis
    // are the Director General's to set.
    const term = form.getByRole("group", { name: "Term of the measure" });
    await expect(term.textContent()).resolves.toContain("Accepted as written: the measure lapses on");
    await expect(term.getByLabel("Lapses on").count()).resolves.toBe(0);
    expect(await term.getByLabel("Next review").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(term.getByLabel("Legal basis").inputValue()).resolves.toContain("art. 116 to 118");
    await form.getByRole("textbox", { name: "Reasons", exact: true }).fill(REASONS);
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the decision" }).click();
    // Decided: it leaves the inbox.
    await expect
      .poll(() => page.getByRole("article").filter({ hasText: RATIONALE }).count(), { timeout: 15_000 })
      .toBe(0);
  });

  it("lets the Ittre director record how the inmate was told, and find the measure in the register", async () => {
    const { page } = browser;
    await signIn(page, DIRECTOR, "DECISION");
    await expect(decisionsNav(page).getByRole("link").allTextContents()).resolves.toEqual([
      "Measures register",
      "Notices and appeals",
      "D-Rad:Ex occupancy",
    ]);
    // The Director General's inbox is not for a prison director.
    await page.goto(`${portal}/en/decisions`);
    await page.getByRole("heading", { level: 1, name: "Not available for your role" }).waitFor();

    await decisionsNav(page).getByRole("link", { name: "Notices and appeals" }).click();
    await page.waitForURL(/\/transparency$/);
    await page.getByRole("heading", { level: 1, name: "Notices, appeals and evaluations" }).waitFor();
    const notices = page.getByRole("table", { name: "Decisions not yet told to the inmate, overdue first" });
    const row = notices.getByRole("row").filter({ hasText: target.name }).filter({ hasText: MEASURE });
    await expect(row.textContent()).resolves.toContain("Not told yet");
    await expect(row.textContent()).resolves.toContain("Accepted");
    await open(row, "Record how the inmate was told");
    const form = row.locator("form");
    // The decision's reasons are proposed as the reasons given (they are not classified).
    await expect(form.getByRole("textbox", { name: "Reasons given" }).inputValue()).resolves.toBe(REASONS);
    await form.getByLabel("Told in person and handed the written decision").check();
    await form.getByLabel("An interpreter was present").check();
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the notice" }).click();
    // Told: the decision leaves the queue.
    await expect
      .poll(
        () => notices.getByRole("row").filter({ hasText: target.name }).filter({ hasText: MEASURE }).count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(0);

    // The register: the measure in force today, with its legal basis and terms.
    await decisionsNav(page).getByRole("link", { name: "Measures register" }).click();
    await page.waitForURL(/\/measures$/);
    await page.getByRole("heading", { level: 1, name: "Measures register" }).waitFor();
    const register = page.getByRole("table", { name: /^Measures in force on / });
    const entry = register.getByRole("row").filter({ hasText: target.name });
    await expect(entry.textContent()).resolves.toContain(MEASURE);
    await expect(entry.textContent()).resolves.toContain("art. 116 to 118");
    await expect(entry.textContent()).resolves.toContain(TERMS);
    await expectAccessible(page);
    // Its review is due within two months.
    await page.getByRole("link", { name: "Reviews due" }).click();
    await page.waitForURL(/view=reviews/);
    await page.getByLabel("Review due within").selectOption("60");
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(/days=60/);
    await page
      .getByRole("table", { name: "Reviews due within 60 days, overdue first" })
      .getByRole("row")
      .filter({ hasText: target.name })
      .waitFor();
    await expectAccessible(page);
    // The same register in French.
    await page.goto(`${portal}/fr/measures`);
    await page.getByRole("heading", { level: 1, name: "Registre des mesures" }).waitFor();
    await expect.poll(() => page.title()).toBe("Registre des mesures — Continuum");
    await page
      .getByRole("row")
      .filter({ hasText: target.name })
      .filter({ hasText: "Régime de sécurité particulier individuel" })
      .waitFor();
    await expectAccessible(page);

    // On the case file: told, how, and with which reasons.
    await page.goto(caseFile());
    const decision = section(page)
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { name: `Measure imposed: ${MEASURE}` }) })
      .filter({ hasText: REASONS });
    await expect(decision.textContent()).resolves.toContain(
      "Told in person and handed the written decision, with an interpreter",
    );

    // D-Rad:Ex occupancy: counted for the director's own prison only; the national listed share is
    // not for a prison director either.
    await decisionsNav(page).getByRole("link", { name: "D-Rad:Ex occupancy" }).click();
    await page.waitForURL(/\/dradex$/);
    await page.getByRole("heading", { level: 2, name: "D-Rad:Ex unit (ITT-DRX), Prison d'Ittre" }).waitFor();
    await page
      .getByRole("table", { name: /^D-Rad:Ex unit \(ITT-DRX\), Prison d'Ittre: places taken from / })
      .waitFor();
    await expect(
      page.getByRole("region", { name: /^D-Rad:Ex unit \(HAS-DRX\)/ }).textContent(),
    ).resolves.toContain("Not available for your role");
    await expect(
      page.getByRole("region", { name: "CelEx-listed inmates per prison" }).textContent(),
    ).resolves.toContain("Not available for your role");
    await expectAccessible(page);
  });

  it("lets the Director General prolong the measure; the review joins the history, not yet told", async () => {
    const { page } = browser;
    await signIn(page, DG, "DECISION");
    await page.goto(caseFile());
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
    const decisions = section(page);
    const measure = decisions
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { name: MEASURE, exact: true }) });
    await expect(measure.textContent()).resolves.toContain("In force");
    await open(measure, "Review this measure");
    const form = measure.locator("form.case-form");
    await form.getByLabel("Prolong to a new end").check();
    prolongedTo = await form.getByLabel("New end (lapses that day)").inputValue();
    expect(prolongedTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await form.getByLabel("Next review").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole("textbox", { name: "Reasons", exact: true }).fill(REVIEW_REASONS);
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the review" }).click();
    await form.getByRole("status").filter({ hasText: "Review recorded" }).waitFor();

    // The measure lapses later now; the review is a decision of its own, to be told to the inmate.
    await expect
      .poll(async () => (await measure.textContent()) ?? "", { timeout: 15_000 })
      .toContain(englishDate(prolongedTo));
    const review = decisions
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { name: `Measure reviewed: ${MEASURE}` }) })
      .filter({ hasText: REVIEW_REASONS });
    await review.waitFor();
    await expect(review.textContent()).resolves.toContain("Prolonged");
    await expect(review.textContent()).resolves.toContain("Not told yet");
    // The imposition stays in the history, with how the inmate was told.
    await expect(
      decisions
        .getByRole("article")
        .filter({ has: page.getByRole("heading", { name: `Measure imposed: ${MEASURE}` }) })
        .filter({ hasText: REASONS })
        .textContent(),
    ).resolves.toContain("Told in person and handed the written decision, with an interpreter");
    await expectAccessible(page);

    // The Director General reads both units' occupancy and the listed share per prison.
    await page.goto(`${portal}/en/dradex`);
    await page.getByRole("table", { name: /^D-Rad:Ex unit \(HAS-DRX\), .*: places taken from / }).waitFor();
    await page.getByRole("table", { name: /^D-Rad:Ex unit \(ITT-DRX\), .*: places taken from / }).waitFor();
    await page.getByRole("table", { name: /^CelEx-listed inmates per prison on / }).waitFor();
    await expectAccessible(page);
  });

  it("shows the psychosocial service the evaluation the measure requires", async () => {
    const { page } = browser;
    await signIn(page, PSYCHOLOGIST, "RISK_ASSESSMENT");
    await decisionsNav(page).getByRole("link", { name: "Notices and appeals" }).click();
    await page.waitForURL(/\/transparency$/);
    const row = page
      .getByRole("table", { name: /^Evaluations due within 30 days/ })
      .getByRole("row")
      .filter({ hasText: target.name });
    await expect(row.textContent()).resolves.toContain(MEASURE);
    await open(row, "Record an evaluation");
    const form = row.locator("form");
    await form.getByLabel("Maintain", { exact: true }).check();
    await form.getByRole("textbox", { name: "Evaluation", exact: true }).fill(EVALUATION);
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the evaluation" }).click();
    await form.getByRole("status").filter({ hasText: "Evaluation recorded." }).waitFor();

    await page.goto(caseFile());
    await section(page).getByText(EVALUATION).waitFor();
  });
});
