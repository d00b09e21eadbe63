import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { apiSession, DEMO_PASSWORD, statePurpose } from "./session";

/**
 * Disengagement programmes, evaluations and incidents on one inmate of the prison of Ittre with no
 * programme under way: CelEx offers a programme in the name of the provider of the inmate's
 * language community; the provider's counsellor finds the inmate in the programme caseload,
 * records the answer (accepted), the start (active) and a contact with its note; CelEx sees the
 * statuses and the components worked on, never the note; a prison officer of Ittre records an
 * ideologically motivated incident; the threat-analysis body records an evaluation of signs of
 * disengagement; the counsellor closes the programme and is taken back to the caseload, which
 * confirms it and no longer lists the inmate. axe checks every new page and section (forms open).
 */

const CELEX = "celex.analyst@continuum.example";
const CAPREV = "caprev.counsellor@continuum.example";
const FLEMISH = "flemish-disengagement.counsellor@continuum.example";
const OFFICER = "prison-ittre.officer@continuum.example";
const CUTA = "cuta.analyst@continuum.example";

/** Unique per run, so that a reused database's earlier runs do not get in the way. */
const STAMP = Date.now();
const OFFER_NOTE = `Interested during the screening interview (${STAMP}).`;
const CONTACT_NOTE = `First individual session: talked about his family and the workshop (${STAMP}).`;
const INCIDENT = `Pressed two younger inmates to follow his prayers in the yard (${STAMP}).`;
const RATIONALE = `Takes part in the programme and keeps away from the group of wing B (${STAMP}).`;

interface Target {
  id: string;
  name: string;
  counsellor: string;
}

describe("disengagement programmes, evaluations and incidents", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  let target: Target;

  beforeAll(async () => {
    // The inmate: one held in Ittre now, with no programme under way (as CelEx sees it).
    const celex = await apiSession(portal, CELEX, "CASE_MANAGEMENT");
    const { establishments } = await celex.query<{
      establishments: { edges: { node: { id: string; code: string } }[] };
    }>("{ establishments(first: 100) { edges { node { id code } } } }");
    const ittre = establishments.edges.find((e) => e.node.code === "ITT")?.node.id;
    if (!ittre) throw new Error("No prison of Ittre in the demo data.");
    type Candidate = {
      id: string;
      familyName: string;
      givenNames: string;
      detentionStatus: string;
      languageCommunity: string | null;
      programmes: { endedOn: string | null }[];
    };
    let node: Candidate | undefined;
    let after: string | null = null;
    for (let page = 0; page < 10 && node === undefined; page += 1) {
      const {
        persons,
      }: { persons: { pageInfo: { endCursor: string | null }; edges: { node: Candidate }[] } } =
        await celex.query(
          `query ($ids: [ID!], $after: String) {
             persons(first: 10, after: $after, filter: { establishmentIds: $ids }) {
               pageInfo { endCursor }
               edges { node { id familyName givenNames detentionStatus languageCommunity
                 programmes { endedOn } } } } }`,
          { ids: [ittre], after },
        );
      node = persons.edges
        .map((e) => e.node)
        .find(
          (p) =>
            p.detentionStatus === "DETAINED" &&
            p.languageCommunity !== null &&
            p.programmes.every((programme) => programme.endedOn !== null),
        );
      after = persons.pageInfo.endCursor;
      if (after === null) break;
    }
    if (!node) throw new Error("No inmate of Ittre without a programme under way.");
    target = {
      id: node.id,
      name: `${node.familyName}, ${node.givenNames}`,
      counsellor: node.languageCommunity === "NL" ? FLEMISH : CAPREV,
    };
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const caseFile = () => `${portal}/en/persons/${encodeURIComponent(target.id)}`;
  const programmes = (page: Page) => page.getByRole("region", { name: "Disengagement programme" });
  const programmesNav = (page: Page) => page.getByRole("navigation", { name: "Disengagement programmes" });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** The element that has the keyboard focus: its class. */
  const focusedClass = (page: Page) =>
    page.evaluate<string>('document.activeElement ? String(document.activeElement.className) : ""');

  /**
   * Logs in and states the purpose, going on to the look-up page rather than the caseload (every
   * person a page shows is audited, and the audit trail is shared with the other browser tests);
   * then the same page in English (accounts store their own language).
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
  }

  async function openCaseFile(page: Page): Promise<void> {
    await page.goto(caseFile());
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
  }

  /** Opens a disclosure by its summary, inside `scope`, with the keyboard. */
  async function open(scope: Locator, summary: string): Promise<void> {
    const toggle = scope.locator("summary", { hasText: summary }).first();
    await toggle.focus();
    await toggle.press("Enter");
  }

  /** The participation offered in this run: the newest, first in the list. */
  const participation = (page: Page) => programmes(page).getByRole("article").first();

  it("lets CelEx offer a programme, in the name of the provider of the inmate's community", async () => {
    const { page } = browser;
    await signIn(page, CELEX, "CASE_MANAGEMENT");
    // The programme caseload is the providers': not in CelEx's navigation.
    await expect(programmesNav(page).count()).resolves.toBe(0);
    await openCaseFile(page);
    const section = programmes(page);
    await open(section, "Offer a disengagement programme");
    const form = section.locator("form.case-form");

    // Without a day: refused, the summary takes the focus and names the problem.
    await form.getByLabel("Day of the offer").fill("");
    await form.getByRole("button", { name: "Record the offer" }).click();
    await expect(form.locator(".error-summary").getByRole("link").allTextContents()).resolves.toEqual([
      "Day of the offer: Enter a value.",
    ]);
    expect(await focusedClass(page)).toContain("error-summary");
    await expect(form.getByLabel("Day of the offer").getAttribute("aria-invalid")).resolves.toBe("true");

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
    await form.getByLabel("Day of the offer").fill(today);
    await form.getByLabel("Note on the offer").fill(OFFER_NOTE);
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the offer" }).click();
    await form.getByRole("status").filter({ hasText: "Offer recorded." }).waitFor();

    // Read again: offered, CelEx reads back its own note; no second offer while it runs.
    const offered = participation(page);
    await offered.getByRole("heading", { level: 3, name: /Offered$/ }).waitFor();
    await expect(offered.textContent()).resolves.toContain(OFFER_NOTE);
    await expect(
      section.locator("summary", { hasText: "Offer a disengagement programme" }).count(),
    ).resolves.toBe(0);
    await expectAccessible(page);
  });

  it("lets the provider find the inmate in its caseload and record the answer, the start and a contact", async () => {
    const { page } = browser;
    await signIn(page, target.counsellor, "PROGRAMME");
    await expect(programmesNav(page).getByRole("link").allTextContents()).resolves.toEqual([
      "Programme caseload",
    ]);
    // The main navigation is unchanged.
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents(),
    ).resolves.toEqual(["Caseload", "Look-up", "Figures and trends", "Query explorer", "Imports"]);
    await programmesNav(page).getByRole("link", { name: "Programme caseload" }).click();
    await page.waitForURL(/\/en\/programmes$/);
    await page.getByRole("heading", { level: 1, name: "Programme caseload" }).waitFor();
    await expect.poll(() => page.title()).toBe("Programme caseload — Continuum");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: target.name }) });
    await expect(row.textContent()).resolves.toContain("Offered");
    await expect(row.textContent()).resolves.toContain("None yet");
    await expectAccessible(page);

    await row.getByRole("link", { name: target.name }).click();
    await page.waitForURL(/\/en\/persons\//);
    await page.getByRole("heading", { level: 1, name: target.name }).waitFor();
    const item = participation(page);
    // CelEx's note stays with CelEx.
    await expect(item.textContent()).resolves.toContain("Not shown to your service");
    await expect(item.textContent()).resolves.not.toContain(OFFER_NOTE);

    await open(item, "Record a status change");
    const statusForm = item
      .locator("form.case-form")
      .filter({ has: page.getByRole("group", { name: /^New status/ }) });
    // Only what may follow an offer.
    await expect(
      statusForm
        .locator("input[type=radio]")
        .evaluateAll((inputs) => inputs.map((i) => i.getAttribute("value"))),
    ).resolves.toEqual(["ACCEPTED", "REFUSED"]);
    await statusForm.getByRole("button", { name: "Record the status" }).click();
    await expect(statusForm.locator(".error-summary").getByRole("link").allTextContents()).resolves.toEqual([
      "New status: Choose one.",
    ]);
    expect(await focusedClass(page)).toContain("error-summary");
    await statusForm.getByLabel("Accepted", { exact: true }).check();
    await expectAccessible(page);
    await statusForm.getByRole("button", { name: "Record the status" }).click();
    await item.getByRole("heading", { level: 3, name: /Accepted$/ }).waitFor();

    // Then the start: the choices follow the new status.
    await expect(
      statusForm
        .locator("input[type=radio]")
        .evaluateAll((inputs) => inputs.map((i) => i.getAttribute("value"))),
    ).resolves.toEqual(["ACTIVE", "DISCONTINUED"]);
    await statusForm.getByLabel("Active", { exact: true }).check();
    await statusForm.getByRole("button", { name: "Record the status" }).click();
    await item.getByRole("heading", { level: 3, name: /Active$/ }).waitFor();

    await open(item, "Log a contact");
    const contactForm = item
      .locator("form.case-form")
      .filter({ has: page.getByRole("group", { name: /^Components worked on/ }) });
    await contactForm.getByRole("button", { name: "Log the contact" }).click();
    await expect(contactForm.locator(".error-summary").getByRole("link").allTextContents()).resolves.toEqual([
      "Components worked on: Choose at least one.",
      "Note of the contact: Enter a value.",
    ]);
    await contactForm.getByLabel("Trauma", { exact: true }).check();
    await contactForm.getByLabel("Resilience", { exact: true }).check();
    await contactForm.getByLabel("Duration in minutes").fill("60");
    await contactForm.getByLabel("Note of the contact").fill(CONTACT_NOTE);
    await expectAccessible(page);
    await contactForm.getByRole("button", { name: "Log the contact" }).click();
    await contactForm.getByRole("status").filter({ hasText: "Contact logged." }).waitFor();
    const contact = item.getByRole("listitem").filter({ hasText: CONTACT_NOTE });
    await expect(contact.textContent()).resolves.toContain("Trauma, Resilience (60 min)");
    await expectAccessible(page);
  });

  it("shows CelEx the statuses and the components, not the provider's note", async () => {
    const { page } = browser;
    await signIn(page, CELEX, "CASE_MANAGEMENT");
    await openCaseFile(page);
    const item = participation(page);
    await item.getByRole("heading", { level: 3, name: /Active$/ }).waitFor();
    const history = await item.locator("ol li").allTextContents();
    expect(history).toHaveLength(3);
    expect(history[0]).toMatch(/: Offered/);
    expect(history[1]).toMatch(/: Accepted/);
    expect(history[2]).toMatch(/: Active/);
    const contact = item.getByRole("listitem").filter({ hasText: "Trauma, Resilience" });
    await expect(contact.textContent()).resolves.toContain("Not shown to your service");
    await expect(item.textContent()).resolves.not.toContain(CONTACT_NOTE);
    await expect(item.textContent()).resolves.toContain(OFFER_NOTE);
    // No provider form for CelEx.
    await expect(item.locator("summary").count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it("lets a prison officer of Ittre record an ideologically motivated incident", async () => {
    const { page } = browser;
    await signIn(page, OFFICER, "CASE_MANAGEMENT");
    await openCaseFile(page);
    // The officer does not read programme data.
    await expect(programmes(page).count()).resolves.toBe(0);
    const section = page.getByRole("region", { name: "Incidents in prison" });
    await open(section, "Record an incident");
    const form = section.locator("form.case-form");
    await form.getByRole("button", { name: "Record the incident" }).click();
    await expect(form.locator(".error-summary").getByRole("link").allTextContents()).resolves.toEqual([
      "Kind of incident: Choose one.",
      "Ideologically motivated?: Choose one.",
      "What happened: Enter a value.",
    ]);
    await form.getByLabel("Kind of incident").selectOption({ label: "Proselytising or pressure" });
    await form.getByLabel("Yes, ideologically motivated").check();
    await form.getByLabel("What happened").fill(INCIDENT);
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the incident" }).click();
    await form.getByRole("status").filter({ hasText: "Incident recorded." }).waitFor();
    const incident = section.getByRole("article").filter({ hasText: INCIDENT });
    await expect(incident.getByRole("heading", { level: 3 }).textContent()).resolves.toBe(
      "Proselytising or pressure Ideological",
    );
    await expect(incident.locator(".badge").textContent()).resolves.toBe("Ideological");
    await expectAccessible(page);
  });

  it("lets the threat-analysis body record an evaluation of signs of disengagement", async () => {
    const { page } = browser;
    await signIn(page, CUTA, "THREAT_ASSESSMENT");
    await openCaseFile(page);
    // CUTA reads the programme in summary: the statuses, not the notes.
    await expect(participation(page).textContent()).resolves.not.toContain(CONTACT_NOTE);
    const section = page.getByRole("region", { name: "Disengagement evaluations" });
    await open(section, "Record an evaluation");
    const form = section.locator("form.case-form");
    await form.getByLabel("Some signs of disengagement").check();
    await form.getByRole("textbox", { name: "Rationale" }).fill(RATIONALE);
    await expectAccessible(page);
    await form.getByRole("button", { name: "Record the evaluation" }).click();
    await form.getByRole("status").filter({ hasText: "Evaluation recorded." }).waitFor();
    const evaluation = section.getByRole("article").filter({ hasText: RATIONALE });
    await expect(evaluation.textContent()).resolves.toContain("Some signs of disengagement");
    // The incident recorded by the prison is part of the common picture.
    await expect(page.getByRole("region", { name: "Incidents in prison" }).textContent()).resolves.toContain(
      INCIDENT,
    );
    await expectAccessible(page);
  });

  it("takes the provider back to its caseload once the programme is completed", async () => {
    const { page } = browser;
    await signIn(page, target.counsellor, "PROGRAMME");
    await openCaseFile(page);
    const item = participation(page);
    await open(item, "Record a status change");
    const statusForm = item
      .locator("form.case-form")
      .filter({ has: page.getByRole("group", { name: /^New status/ }) });
    await statusForm.getByRole("radio", { name: /^Completed/ }).check();
    await statusForm.getByText("This status ends the participation").waitFor();
    await statusForm.getByRole("button", { name: "Record the status and close" }).click();
    await page.waitForURL(/\/en\/programmes\?closed=COMPLETED$/);
    await page
      .getByRole("status")
      .filter({ hasText: "Status recorded: Completed. The participation has ended" })
      .waitFor();
    await expect(page.getByRole("link", { name: target.name }).count()).resolves.toBe(0);
    await expectAccessible(page);
    // The case file is now out of the provider's sight.
    await page.goto(caseFile());
    await expect(page.getByRole("heading", { level: 1, name: target.name }).count()).resolves.toBe(0);
  });
});
