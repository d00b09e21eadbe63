import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accessibilityViolations, type Browser, launchBrowser } from "./browser";
import { apiSession, DEMO_PASSWORD, statePurpose } from "./session";

/**
 * From release to the local follow-up: CelEx releases an inmate of Ittre on conditional release to
 * Molenbeek-Saint-Jean with a travel ban; the case passes to the Local Task Force of Brussels, whose
 * chair finds the person in the workspace, records an operational meeting with the person on the
 * agenda, decides regular police visits with an action, and closes the action; the local cell of
 * Molenbeek sees the police visits among the measures to know on the information card. axe checks
 * every page.
 */

const CELEX = "celex.analyst@continuum.example";
const LTF = "ltf-brussels.chair@continuum.example";
const LCIS = "lcis-molenbeek.member@continuum.example";

/** Unique per run, so that a reused database's earlier runs do not get in the way. */
const STAMP = Date.now();
const FAMILY = `Relfix${STAMP % 100000}`;
const GIVEN = "Testo";
const NAME = `${FAMILY}, ${GIVEN}`;
const DECISION = `Regular visits by the neighbourhood officer for three months (${STAMP}).`;
const ACTION = `Arrange the first visit with the neighbourhood officer (${STAMP}).`;

const brusselsToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
function daysFrom(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe("release to local follow-up", () => {
  const portal = inject("portalUrl");
  let browser: Browser;
  let personId: string;

  beforeAll(async () => {
    // A fictional inmate of Ittre, sentenced a year ago, registered for this run.
    const celex = await apiSession(portal, CELEX, "CASE_MANAGEMENT");
    const { establishments } = await celex.query<{
      establishments: { edges: { node: { id: string; code: string } }[] };
    }>("{ establishments(first: 100) { edges { node { id code } } } }");
    const ittre = establishments.edges.find((e) => e.node.code === "ITT")?.node.id;
    if (!ittre) throw new Error("No prison of Ittre in the demo data.");
    const { personRegister } = await celex.query<{
      personRegister: { person: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($input: PersonRegisterInput!) { personRegister(input: $input) {
         person { id } userErrors { field message } } }`,
      {
        input: {
          familyName: FAMILY,
          givenNames: GIVEN,
          dateOfBirth: "1991-04-17",
          sex: "MALE",
          nationalities: ["BE"],
          languageCommunity: "FR",
          admission: {
            admittedOn: daysFrom(brusselsToday(), -400),
            legalStatus: "SENTENCED",
            sentenceMonths: 36,
            establishmentId: ittre,
          },
        },
      },
    );
    if (!personRegister.person) throw new Error(`Could not register: ${JSON.stringify(personRegister)}`);
    personId = personRegister.person.id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** Logs in, states the purpose and lands on the look-up page (in English). */
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

  /** Opens a disclosure by its summary, inside `scope`, with the keyboard. */
  async function open(scope: Locator | Page, summary: string): Promise<void> {
    const toggle = scope.locator("summary", { hasText: summary }).first();
    await toggle.focus();
    await toggle.press("Enter");
  }

  const followUpNav = (page: Page) => page.getByRole("navigation", { name: "Release and follow-up" });

  it("lets CelEx release the inmate on conditions to Molenbeek-Saint-Jean", async () => {
    const { page } = browser;
    await signIn(page, CELEX, "RELEASE_PREPARATION");
    await expect(followUpNav(page).getByRole("link").allTextContents()).resolves.toContain(
      "Release calendar",
    );
    await page.goto(`${portal}/en/persons/${encodeURIComponent(personId)}`);
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    const preparation = page.getByRole("region", { name: "Release preparation" });
    await open(preparation, "Record a release");
    const form = preparation
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Record the release" }) });
    await form.getByLabel("Type of release").selectOption("CONDITIONAL_RELEASE");
    await form.getByLabel("Municipality of residence").selectOption({ label: "Molenbeek-Saint-Jean" });

    // A conditional release without any condition is refused, and the summary says why.
    await form.getByRole("button", { name: "Record the release" }).click();
    await expect(form.locator(".error-summary").getByRole("link").allTextContents()).resolves.toEqual([
      "Conditions added at release: Choose at least one.",
    ]);

    await form.getByRole("button", { name: "Add a condition" }).click();
    const added = form.getByRole("group", { name: "Added condition 1" });
    await added.getByLabel("Type of condition").selectOption({ label: "Not leave the country" });
    await added.getByLabel("Supervising agency").selectOption({ label: "House of Justice, Brussels" });
    await expectAccessible(page);
    // The confirmation is announced in the form's status region; the case file then refreshes to
    // show the released person, without the form. Whether it was shown is recorded as it happens.
    await page.evaluate(`new MutationObserver(() => {
      const statuses = [...document.querySelectorAll('[role="status"]')];
      if (statuses.some((s) => s.textContent.includes("Release recorded."))) window.releaseRecordedShown = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true })`);
    await form.getByRole("button", { name: "Record the release" }).click();
    await page.waitForFunction("window.releaseRecordedShown === true");
    await expectAccessible(page);
  });

  it("hands the case to the Local Task Force of Brussels, which meets, decides and closes the action", async () => {
    const { page } = browser;
    await signIn(page, LTF, "POST_RELEASE_FOLLOW_UP");
    await followUpNav(page).getByRole("link", { name: "Local follow-up" }).click();
    await page.waitForURL(/\/en\/local/);
    await page.getByRole("link", { name: NAME }).first().waitFor();
    await expectAccessible(page);

    // An operational meeting today, with the person on the agenda.
    await open(page, "Record or plan a meeting");
    const meetingForm = page.locator("details[open] form").first();
    await meetingForm.getByLabel("Operational").check();
    await meetingForm.getByLabel("Date of the meeting").fill(brusselsToday());
    await meetingForm
      .getByLabel("Members present")
      .fill("Local police — inspector (fictional)\nCUTA analyst");
    await meetingForm.getByRole("checkbox", { name: NAME }).check();
    await meetingForm.getByRole("button", { name: "Record the meeting" }).click();
    await page.getByText("The meeting was recorded.").waitFor();

    // Its minutes: the meeting that has the person on its agenda.
    const ltf = await apiSession(portal, LTF, "POST_RELEASE_FOLLOW_UP");
    const { localBody } = await ltf.query<{
      localBody: { meetings: { id: string; discussions: { person: { id: string } | null }[] }[] };
    }>(`query ($from: Date) { localBody { meetings(from: $from) { id discussions { person { id } } } } }`, {
      from: brusselsToday(),
    });
    const meeting = localBody.meetings.find((m) => m.discussions.some((d) => d.person?.id === personId));
    if (!meeting) throw new Error("The meeting recorded in the portal is not in the workspace.");
    await page.goto(`${portal}/en/local/meetings/${encodeURIComponent(meeting.id)}`);
    await page.getByRole("heading", { level: 1, name: /^Minutes: Operational meeting of / }).waitFor();
    await page.getByRole("button", { name: "Print the minutes" }).waitFor();
    await expectAccessible(page);

    // The decision: regular police visits, and an action with a deadline.
    await open(page, `Record the decision on ${NAME}`);
    const decision = page.locator("details[open] form").first();
    await decision.getByLabel("Decision").fill(DECISION);
    await decision.getByRole("checkbox", { name: "Regular visits by the local police" }).check();
    await decision.getByLabel("Start on").fill(brusselsToday());
    await decision.getByRole("button", { name: "Add an action" }).click();
    const action = decision.getByRole("group", { name: "Action 1" });
    await action.getByLabel("What is to be done").fill(ACTION);
    await action.getByLabel("Owner").selectOption({ index: 1 });
    await action.getByLabel("Deadline").fill(daysFrom(brusselsToday(), 14));
    await decision.getByRole("button", { name: "Record the decision" }).click();
    await page.getByText("The decision was recorded.").waitFor();
    // The minutes, refreshed, carry the decision.
    await page.getByText(DECISION).first().waitFor();
    await expectAccessible(page);

    // The action, closed as done.
    await page.goto(`${portal}/en/local?actions=open`);
    const row = page.getByRole("row").filter({ hasText: ACTION });
    await open(row, "Close");
    const close = row.locator("details[open] form");
    await close.getByLabel("Done").check();
    await close.getByRole("button", { name: "Close the action" }).click();
    await page.getByText("The action was closed.").waitFor();
    await page.goto(`${portal}/en/local?actions=all`);
    await expect(page.getByRole("row").filter({ hasText: ACTION }).textContent()).resolves.toContain("Done");
    await page.goto(`${portal}/en/local?actions=open`);
    await expect(page.getByRole("row").filter({ hasText: ACTION }).count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it("shows the local cell of Molenbeek the police visits on the information card", async () => {
    const { page } = browser;
    await signIn(page, LCIS, "POST_RELEASE_FOLLOW_UP");
    await page.goto(`${portal}/en/persons/${encodeURIComponent(personId)}`);
    await page.getByRole("heading", { level: 1, name: NAME }).waitFor();
    const main = page.locator("main");
    await expect(main.textContent()).resolves.toContain("Regular visits by the local police");
    await expect(main.textContent()).resolves.toContain("Not leave the country");
    await expect(main.textContent()).resolves.not.toContain(DECISION);
    await expectAccessible(page);
  });
});
