import {
  type ActionItemStatus,
  addDaysToDate,
  addMonthsToDate,
  type ClosureReason,
  type CommonDatabaseCategory,
  daysBetween,
  type EntryBasis,
  type IsoDate,
  type JudicialDistrict,
  type LegacyCategory,
  type LocalBodyKind,
  type MeetingKind,
  maxDate,
  minDate,
  type OutcomeKind,
} from "@continuum/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "../db/client.js";
import { newId } from "../db/columns.js";
import {
  actionItems,
  caseClosures,
  caseOutcomes,
  caseResponsibilities,
  commonDatabaseEntries,
  followUpMeasures,
  followUpMeasureTypes,
  localMeetings,
  meetingDiscussions,
} from "../modules/follow-up/follow-up.table.js";
import { refreshSummaries } from "../modules/persons/person-summary.js";
import { users } from "../modules/users/user.table.js";
import { DEMO_AGENCIES } from "./directory.js";
import { Random } from "./population/random.js";
import type { SeedPerson } from "./population/types.js";

const FOLLOW_UP_SEED = 20_220_301;
const BATCH = 1000;
/** How far back the local bodies' meetings go. */
const MEETING_MONTHS = 24;
/** The common database exists since the royal decree of July 2016. */
const COMMON_DATABASE_SINCE: IsoDate = "2016-09-01";
/** The paper: 27 of 557 released listed persons committed a new terrorist offence (4.8%). */
const TERRORIST_REOFFENDING_SHARE = 27 / 557;
const DEATHS = 6;
const MOVES_ABROAD = 14;

/** What the follow-up seed needs from the population already written (the case-work context fits). */
export interface FollowUpContext {
  today: IsoDate;
  persons: readonly { id: string; plan: SeedPerson }[];
  agencyId(code: string): string;
}

// Who sits at the table: fictional roles with invented names, never a real person.
const MEMBERS: Record<string, readonly string[]> = {
  "ltf-brussels": [
    "Federal prosecutor's office — substitute C. Vandermeulen (chair)",
    "Local police — inspector M. Verhaegen",
    "Federal judicial police — commissioner S. Delcourt",
    "State Security — analyst on duty",
    "Military intelligence — liaison officer",
    "CUTA — liaison officer R. Mertenne",
    "Prison service — liaison officer F. Lenoiret",
    "House of Justice — probation officer N. Haddaoui",
  ],
  "ltf-antwerp": [
    "Federal prosecutor's office — substitute K. Wouterman (chair)",
    "Local police — inspector J. Van Dammeren",
    "Federal judicial police — commissioner L. Verbrugghen",
    "State Security — analyst on duty",
    "CUTA — liaison officer R. Mertenne",
    "Prison service — liaison officer G. De Wachter",
    "House of Justice — probation officer E. Aydemir",
  ],
  "lcis-molenbeek": [
    "Mayor's office — chief of staff É. Gilsonne (chair)",
    "Prevention service — radicalism officer L. Bouchet",
    "Social welfare centre (CPAS) — social worker H. El Amraoui",
    "Local police — community inspector P. Ronsmaere",
    "Youth service — coordinator D. Kabangu",
    "Schools liaison — T. Vancoppenhove",
  ],
  "lcis-antwerpen": [
    "City prevention service — coordinator A. Peetermans (chair)",
    "Social welfare centre (OCMW) — social worker S. Aydinli",
    "Local police — neighbourhood inspector B. Claessen",
    "Youth work — street worker M. Janssenbos",
    "Employment service — job coach W. Maesens",
    "Housing service — I. De Smedt-Vos",
  ],
};

const STRATEGIC_SUMMARIES: Record<LocalBodyKind, readonly string[]> = {
  LOCAL_TASK_FORCE: [
    "Strategic meeting: trends in online propaganda aimed at young people in the district; exchange with CUTA on the threat picture. (Fictional demo text.)",
    "Strategic meeting: releases expected in the coming year and the preparation of their follow-up with the prison service. (Fictional demo text.)",
    "Strategic meeting: evaluation of the information flow between the local police zones and the task force. (Fictional demo text.)",
  ],
  LOCAL_CELL: [
    "Strategic meeting: the prevention plan for the coming year; training for front-line workers on signs of radicalisation. (Fictional demo text.)",
    "Strategic meeting: cooperation with schools and youth services; an information session for parents is planned. (Fictional demo text.)",
    "Strategic meeting: access to housing and work for persons leaving prison; contacts with the employment service. (Fictional demo text.)",
  ],
};

const SITUATIONS: Record<LocalBodyKind, readonly string[]> = {
  LOCAL_TASK_FORCE: [
    "Situation stable; regular contact with the probation officer and family support in place.",
    "New information about contacts with a person of interest; the police will verify.",
    "Has found work and keeps to the release conditions.",
    "Signs of renewed interest in extremist content online; the follow-up is stepped up.",
    "Missed an appointment with the House of Justice; the probation officer will report.",
    "Moved in with family in the same municipality; address confirmed.",
  ],
  LOCAL_CELL: [
    "Looking for housing; the social welfare centre opens a file.",
    "Follows a vocational training; attendance is regular.",
    "The family reports tensions at home; a family support worker will visit.",
    "Registered with the employment service; a first job interview is planned.",
    "Doing well; sees the social worker every two weeks.",
  ],
};

const PERSON_ACTIONS: Record<LocalBodyKind, readonly string[]> = {
  LOCAL_TASK_FORCE: [
    "Verify the address with the local police zone. (Fictional demo text.)",
    "Ask the House of Justice for the latest probation report. (Fictional demo text.)",
    "Update the information card and inform CUTA. (Fictional demo text.)",
    "Check the reported contacts with the federal judicial police. (Fictional demo text.)",
  ],
  LOCAL_CELL: [
    "Arrange a meeting with the social welfare centre. (Fictional demo text.)",
    "Contact the employment service about a training place. (Fictional demo text.)",
    "Visit the family with the youth service. (Fictional demo text.)",
    "Look for a place in supported housing. (Fictional demo text.)",
  ],
};

const MEETING_ACTIONS: readonly string[] = [
  "Circulate the minutes to the members. (Fictional demo text.)",
  "Prepare the figures for the yearly report. (Fictional demo text.)",
  "Invite the prison service to the next meeting. (Fictional demo text.)",
];

const CLOSING_NOTES: Record<Exclude<ActionItemStatus, "OPEN">, string> = {
  DONE: "Done; reported to the members. (Fictional demo text.)",
  CANCELLED: "No longer needed after the situation changed. (Fictional demo text.)",
};

const MEASURE_WEIGHTS: Record<LocalBodyKind, Record<string, number>> = {
  LOCAL_TASK_FORCE: { POLICE_VISITS: 0.45, ADMINISTRATIVE_CHECKS: 0.35, DISCREET_SURVEILLANCE: 0.2 },
  LOCAL_CELL: { SOCIAL_SUPPORT: 0.6, HOUSING_AND_WORK: 0.4 },
};

const THREAT_LEVELS = { "1": 0.45, "2": 0.37, "3": 0.14, "4": 0.04 } as const;

// ---------------------------------------------------------------------------------------------
// Facts about the persons, from the population plan.

interface Release {
  releasedOn: IsoDate;
  /** The next admission after this release, if any. */
  nextAdmission: IsoDate | null;
  municipality: string | null;
  district: JudicialDistrict | null;
}

interface Facts {
  id: string;
  plan: SeedPerson;
  releases: Release[];
  /** The release the person is out on now; null while detained (or never released). */
  current: Release | null;
  /** Released after a CelEx listing: listed on or before one of the releases. */
  formerCelex: boolean;
  /** The last listing before the last release, for the common database. */
  listing: { category: LegacyCategory; labels: readonly string[]; firstFrom: IsoDate } | null;
}

function factsOf(p: { id: string; plan: SeedPerson }): Facts {
  const releases: Release[] = [];
  p.plan.episodes.forEach((e, i) => {
    if (e.releasedOn === null) return;
    releases.push({
      releasedOn: e.releasedOn,
      nextAdmission: p.plan.episodes[i + 1]?.admittedOn ?? null,
      municipality: e.releaseMunicipality,
      district: e.releaseJudicialDistrict,
    });
  });
  const last = releases.at(-1);
  const current = last !== undefined && last.nextAdmission === null ? last : null;
  const before = last === undefined ? [] : p.plan.listing.filter((l) => l.validFrom <= last.releasedOn);
  const lastListing = before.at(-1);
  return {
    id: p.id,
    plan: p.plan,
    releases,
    current,
    formerCelex: before.length > 0,
    listing:
      lastListing === undefined
        ? null
        : {
            category: lastListing.category,
            labels: lastListing.labels,
            firstFrom: (before[0] as { validFrom: IsoDate }).validFrom,
          },
  };
}

// ---------------------------------------------------------------------------------------------
// Outcomes and closures.

interface Outcome {
  personId: string;
  kind: OutcomeKind;
  occurredOn: IsoDate;
  note: string;
}

interface Closure {
  personId: string;
  closedOn: IsoDate;
  reason: ClosureReason;
  note: string;
}

const span = (from: IsoDate, to: IsoDate) => daysBetween(from, to);

function outcomesOf(facts: readonly Facts[], today: IsoDate, random: Random): Outcome[] {
  const outcomes: Outcome[] = [];
  const reoffended = new Set<string>();
  const formerCelex = facts.filter((f) => f.formerCelex);
  const terroristTarget = Math.round(formerCelex.length * TERRORIST_REOFFENDING_SHARE);
  let terrorist = 0;
  // Those who went back to prison: a new offence shortly before, then the return.
  for (const f of facts)
    for (const r of f.releases) {
      if (r.nextAdmission === null || r.nextAdmission <= addDaysToDate(r.releasedOn, 1)) continue;
      const listedThen = f.plan.listing.some((l) => l.validFrom <= r.releasedOn);
      const terror = listedThen && terrorist < terroristTarget && random.chance(0.5);
      const gap = span(r.releasedOn, r.nextAdmission);
      outcomes.push(
        {
          personId: f.id,
          kind: terror ? "REOFFENDED_TERRORIST" : "REOFFENDED_OTHER",
          occurredOn: addDaysToDate(r.nextAdmission, -random.int(1, Math.min(60, gap - 1))),
          note: terror
            ? "Arrested for preparing a terrorist offence. (Fictional demo text.)"
            : "Arrested for armed robbery. (Fictional demo text.)",
        },
        {
          personId: f.id,
          kind: "RETURNED_TO_PRISON",
          occurredOn: r.nextAdmission,
          note: "Admitted in pre-trial detention. (Fictional demo text.)",
        },
      );
      if (terror && !reoffended.has(f.id)) terrorist += 1;
      reoffended.add(f.id);
    }
  // Out now: a new terrorist offence for some former CelEx inmates (prosecuted at liberty).
  const outNow = (f: Facts, minDays: number) =>
    f.current !== null && !reoffended.has(f.id) && span(f.current.releasedOn, today) > minDays;
  for (const f of random.shuffle(formerCelex.filter((f) => outNow(f, 120)))) {
    if (terrorist >= terroristTarget) break;
    const r = f.current as Release;
    outcomes.push({
      personId: f.id,
      kind: "REOFFENDED_TERRORIST",
      occurredOn: addDaysToDate(r.releasedOn, random.int(30, span(r.releasedOn, today) - 1)),
      note: "Charged with spreading propaganda that incites terrorist offences; trial pending. (Fictional demo text.)",
    });
    reoffended.add(f.id);
    terrorist += 1;
  }
  // Other offences.
  for (const f of facts) {
    if (!outNow(f, 90) || !random.chance(0.07)) continue;
    const r = f.current as Release;
    outcomes.push({
      personId: f.id,
      kind: "REOFFENDED_OTHER",
      occurredOn: addDaysToDate(r.releasedOn, random.int(30, span(r.releasedOn, today) - 1)),
      note: random.pick([
        "Convicted of theft; suspended sentence. (Fictional demo text.)",
        "Fined for a traffic offence. (Fictional demo text.)",
        "Convicted of assault in a bar fight; community service. (Fictional demo text.)",
      ]),
    });
    reoffended.add(f.id);
  }
  // A few deaths and moves abroad, among those out for a year or more.
  const rest = random.shuffle(facts.filter((f) => outNow(f, 365)));
  rest.slice(0, DEATHS + MOVES_ABROAD).forEach((f, i) => {
    const r = f.current as Release;
    const died = i < DEATHS;
    outcomes.push({
      personId: f.id,
      kind: died ? "DIED" : "MOVED_ABROAD",
      occurredOn: addDaysToDate(r.releasedOn, random.int(60, span(r.releasedOn, today) - 30)),
      note: died
        ? "Died of natural causes, as reported by the family. (Fictional demo text.)"
        : "Settled abroad with family; the foreign partner service was informed. (Fictional demo text.)",
    });
    reoffended.add(f.id);
  });
  return outcomes;
}

// ---------------------------------------------------------------------------------------------
// The local bodies: who they follow, when they meet.

interface Body {
  code: string;
  agencyId: string;
  kind: LocalBodyKind;
  members: readonly string[];
  userIds: string[];
  meetings: { heldOn: IsoDate; kind: MeetingKind }[];
  /** The held operational meetings' dates, in order. */
  operational: IsoDate[];
}

interface Window {
  personId: string;
  body: Body;
  from: IsoDate;
  /** Exclusive end of the responsibility; null while open. */
  to: IsoDate | null;
  /** Put on an agenda only before this day (null: still followed). */
  activeEnd: IsoDate | null;
  /** The operational meeting that stops the open measures and records why the follow-up ends. */
  finalMeeting: IsoDate | null;
  finalText: string | null;
  open: { id: string; typeCode: string; startedOn: IsoDate }[];
}

function scheduleOf(random: Random, today: IsoDate): Body["meetings"] {
  const meetings: Body["meetings"] = [];
  const thisMonth = `${today.slice(0, 7)}-01`;
  for (let m = MEETING_MONTHS; m >= 0; m--) {
    const heldOn = addDaysToDate(addMonthsToDate(thisMonth, -m), random.int(2, 25));
    if (heldOn >= today) continue;
    meetings.push({ heldOn, kind: m % 4 === 2 ? "STRATEGIC" : "OPERATIONAL" });
  }
  return meetings;
}

const firstOnOrAfter = (dates: readonly IsoDate[], day: IsoDate) => dates.find((d) => d >= day) ?? null;
const lastBefore = (dates: readonly IsoDate[], day: IsoDate) => dates.filter((d) => d < day).at(-1) ?? null;

// ---------------------------------------------------------------------------------------------

type MeetingRow = typeof localMeetings.$inferInsert & { id: string };
type DiscussionRow = typeof meetingDiscussions.$inferInsert & { id: string };
type MeasureRow = typeof followUpMeasures.$inferInsert;
type ActionRow = typeof actionItems.$inferInsert;
type EntryRow = typeof commonDatabaseEntries.$inferInsert;

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Writes the demo's local follow-up after release, deterministic and fictional: two years of
 * monthly meetings of each Local Task Force and Local Cell (operational ones deciding on the persons
 * the body is responsible for, starting and stopping follow-up measures and handing out actions;
 * strategic ones on trends) and one planned next month; the threat-analysis body's common database
 * for most former CelEx inmates with its history; outcomes after release (terrorist re-offending
 * for about 5% of the released listed persons, as in the paper) and the closure of some cases,
 * whose responsibilities end that day. Runs after the release seeding; refreshes the summaries.
 */
export async function writeFollowUp(tx: Tx, ctx: FollowUpContext): Promise<void> {
  const random = (name: string) => Random.stream(FOLLOW_UP_SEED, name);
  const today = ctx.today;
  const facts = ctx.persons.map(factsOf);
  const factsById = new Map(facts.map((f) => [f.id, f]));
  const cutaId = ctx.agencyId("cuta");
  const userRows = await tx
    .select({ id: users.id, email: users.email, agencyId: users.agencyId })
    .from(users)
    .where(eq(users.isServiceAccount, false));
  const usersOf = (agencyId: string) =>
    userRows
      .filter((u) => u.agencyId === agencyId)
      .sort((a, b) => (a.email < b.email ? -1 : 1))
      .map((u) => u.id);
  const cutaUser = usersOf(cutaId)[0] ?? null;
  const typeIds = new Map(
    (
      await tx
        .select({ id: followUpMeasureTypes.id, code: followUpMeasureTypes.code })
        .from(followUpMeasureTypes)
    ).map((t) => [t.code, t.id]),
  );
  const typeNames = new Map(
    (
      await tx
        .select({ code: followUpMeasureTypes.code, name: followUpMeasureTypes.nameEn })
        .from(followUpMeasureTypes)
    ).map((t) => [t.code, t.name.toLowerCase()]),
  );

  // The bodies and their calendars.
  const bodies: Body[] = DEMO_AGENCIES.filter(
    (a) => a.kind === "LOCAL_TASK_FORCE" || a.kind === "LOCAL_CELL",
  ).map((a) => {
    const meetings = scheduleOf(random(`schedule/${a.code}`), today);
    return {
      code: a.code,
      agencyId: ctx.agencyId(a.code),
      kind: a.kind as LocalBodyKind,
      members: MEMBERS[a.code] ?? ["Member of the cell"],
      userIds: usersOf(ctx.agencyId(a.code)),
      meetings,
      operational: meetings.filter((m) => m.kind === "OPERATIONAL").map((m) => m.heldOn),
    };
  });
  const bodyByAgency = new Map(bodies.map((b) => [b.agencyId, b]));

  // The responsibilities the release seeding opened; without them, the releases into each body's place.
  const responsibilities = await tx
    .select({
      personId: caseResponsibilities.personId,
      agencyId: caseResponsibilities.agencyId,
      validFrom: caseResponsibilities.validFrom,
      validTo: caseResponsibilities.validTo,
    })
    .from(caseResponsibilities)
    .where(
      inArray(
        caseResponsibilities.agencyId,
        bodies.map((b) => b.agencyId),
      ),
    );
  const spells: { personId: string; body: Body; from: IsoDate; to: IsoDate | null }[] =
    responsibilities.length > 0
      ? responsibilities.flatMap((r) => {
          const body = bodyByAgency.get(r.agencyId);
          return body === undefined || !factsById.has(r.personId)
            ? []
            : [{ personId: r.personId, body, from: r.validFrom, to: r.validTo }];
        })
      : facts.flatMap((f) =>
          f.releases.flatMap((r) => {
            const place = DEMO_AGENCIES.filter(
              (a) =>
                (a.kind === "LOCAL_TASK_FORCE" && a.judicialDistrict === r.district) ||
                (a.kind === "LOCAL_CELL" && a.municipality === r.municipality),
            );
            return place.map((a) => ({
              personId: f.id,
              body: bodyByAgency.get(ctx.agencyId(a.code)) as Body,
              from: r.releasedOn,
              to: r.nextAdmission,
            }));
          }),
        );
  // In the population's order, whatever order the rows came back in: the draws stay reproducible.
  const rank = new Map(facts.map((f, i) => [f.id, i]));
  spells.sort(
    (a, b) =>
      (rank.get(a.personId) ?? 0) - (rank.get(b.personId) ?? 0) ||
      (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) ||
      (a.body.code < b.body.code ? -1 : a.body.code > b.body.code ? 1 : 0),
  );
  const spellsOf = new Map<string, typeof spells>();
  for (const s of spells) spellsOf.set(s.personId, [...(spellsOf.get(s.personId) ?? []), s]);

  // Outcomes, then the closures they and the end of follow-up bring.
  const outcomes = outcomesOf(facts, today, random("outcomes"));
  const closures: Closure[] = [];
  const closing = random("closures");
  const eventOf = new Map<string, Outcome>();
  for (const o of outcomes) if (o.kind === "DIED" || o.kind === "MOVED_ABROAD") eventOf.set(o.personId, o);
  const withOutcome = new Set(outcomes.map((o) => o.personId));
  const openSpellsAt = (personId: string, day: IsoDate) =>
    (spellsOf.get(personId) ?? []).filter((s) => s.from <= day && (s.to === null || day < s.to));
  for (const o of eventOf.values()) {
    // Closed once every body that may have measures running has met after the event.
    let closedOn = minDate(addDaysToDate(o.occurredOn, closing.int(7, 30)), today);
    let possible = true;
    for (const s of openSpellsAt(o.personId, o.occurredOn)) {
      if (s.body.operational[0] === undefined || o.occurredOn < s.body.operational[0]) continue;
      const meeting = firstOnOrAfter(s.body.operational, o.occurredOn);
      if (meeting === null) possible = false;
      else closedOn = maxDate(closedOn, meeting);
    }
    if (possible && closedOn <= today)
      closures.push({
        personId: o.personId,
        closedOn,
        reason: o.kind === "DIED" ? "DIED" : "MOVED_ABROAD",
        note:
          o.kind === "DIED"
            ? "Closed after the death was confirmed. (Fictional demo text.)"
            : "Closed: the person lives abroad. (Fictional demo text.)",
      });
  }
  for (const f of facts) {
    const r = f.current;
    if (r === null || withOutcome.has(f.id) || span(r.releasedOn, today) < 2 * 365) continue;
    if (!closing.chance(r.releasedOn < "2017-01-01" ? 0.4 : 0.2)) continue;
    const closedOn = addMonthsToDate(r.releasedOn, closing.int(12, 36));
    if (closedOn >= today) continue;
    closures.push({
      personId: f.id,
      closedOn,
      reason: "FOLLOW_UP_ENDED",
      note: "The local follow-up found no remaining concern. (Fictional demo text.)",
    });
  }
  const closureOf = new Map(closures.map((c) => [c.personId, c]));

  // Each spell: until when the body discusses the person, and the meeting that ends it.
  const windows: Window[] = spells.map((s) => {
    const f = factsById.get(s.personId) as Facts;
    const admission =
      f.releases.find((r) => r.releasedOn <= s.from && (r.nextAdmission === null || s.from < r.nextAdmission))
        ?.nextAdmission ?? null;
    const event = eventOf.get(s.personId);
    const closure = closureOf.get(s.personId);
    const ends: { on: IsoDate; why: "ADMISSION" | "EVENT" | "CLOSURE" | "END" }[] = [];
    if (admission !== null) ends.push({ on: admission, why: "ADMISSION" });
    if (event !== undefined && event.occurredOn >= s.from) ends.push({ on: event.occurredOn, why: "EVENT" });
    if (closure !== undefined && closure.closedOn >= s.from)
      ends.push({ on: closure.closedOn, why: "CLOSURE" });
    if (s.to !== null) ends.push({ on: s.to, why: "END" });
    ends.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const end = ends[0];
    const w: Window = { ...s, activeEnd: null, finalMeeting: null, finalText: null, open: [] };
    if (end === undefined) return w;
    w.activeEnd = end.on;
    const inSpell = (d: IsoDate | null) =>
      d !== null &&
      d >= s.from &&
      (s.to === null || d < s.to) &&
      (closure === undefined || d <= closure.closedOn)
        ? d
        : null;
    switch (end.why) {
      case "ADMISSION": {
        // Stopped at the first meeting after the return to prison, else at the last one before it.
        w.finalMeeting = inSpell(firstOnOrAfter(s.body.operational, end.on));
        w.finalText = "Back in prison since the last meeting: the measures are stopped.";
        if (w.finalMeeting !== null) break;
        w.finalMeeting = inSpell(lastBefore(s.body.operational, end.on));
        if (w.finalMeeting !== null) w.activeEnd = w.finalMeeting;
        w.finalText = "The follow-up is scaled back: the measures are stopped.";
        break;
      }
      case "EVENT":
        w.finalMeeting = inSpell(firstOnOrAfter(s.body.operational, end.on));
        w.finalText =
          event?.kind === "DIED"
            ? "Reported deceased: the measures are stopped and the case is proposed for closure."
            : "Has settled abroad: the measures are stopped and the case is proposed for closure.";
        break;
      case "CLOSURE": {
        const last = lastBefore(s.body.operational, addDaysToDate(end.on, 1));
        w.finalMeeting = inSpell(last);
        if (last !== null) w.activeEnd = last;
        w.finalText = "No remaining concern: the follow-up ends and the case is proposed for closure.";
        break;
      }
      case "END":
        w.finalMeeting = inSpell(lastBefore(s.body.operational, end.on));
        if (w.finalMeeting !== null) w.activeEnd = w.finalMeeting;
        w.finalText = "Handed over: the measures of this body are stopped.";
        break;
    }
    return w;
  });
  const windowsOf = new Map<Body, Window[]>();
  for (const w of windows) windowsOf.set(w.body, [...(windowsOf.get(w.body) ?? []), w]);

  // Meetings, decisions, measures and actions.
  const meetingRows: MeetingRow[] = [];
  const discussionRows: DiscussionRow[] = [];
  const measureRows: MeasureRow[] = [];
  const measureEnds = new Map<string, { endedOn: IsoDate; endedBy: string }>();
  const actionRows: ActionRow[] = [];
  for (const body of bodies) {
    const rnd = random(`meetings/${body.code}`);
    const bodyWindows = windowsOf.get(body) ?? [];
    const owner = () => rnd.pick(body.userIds);
    const addAction = (meetingId: string, heldOn: IsoDate, personId: string | null, description: string) => {
      const dueOn = addDaysToDate(heldOn, rnd.int(14, 60));
      let status: ActionItemStatus = "OPEN";
      if (dueOn < today) {
        const draw = rnd.float();
        status = draw < 0.84 ? "DONE" : draw < 0.9 ? "CANCELLED" : "OPEN";
      } else if (rnd.chance(0.3) && heldOn < addDaysToDate(today, -2)) status = "DONE";
      const closedOn =
        status === "OPEN"
          ? null
          : minDate(addDaysToDate(heldOn, rnd.int(2, Math.max(2, span(heldOn, dueOn) + 10))), today);
      actionRows.push({
        meetingId,
        agencyId: body.agencyId,
        personId,
        description,
        ownerId: owner(),
        dueOn,
        status,
        closedOn,
        closingNote: status === "OPEN" ? null : CLOSING_NOTES[status],
        createdBy: owner(),
      });
    };
    for (const meeting of body.meetings) {
      const id = newId();
      const present = rnd
        .shuffle(body.members)
        .slice(0, rnd.int(Math.min(4, body.members.length), body.members.length));
      if (meeting.kind === "STRATEGIC") {
        meetingRows.push({
          id,
          agencyId: body.agencyId,
          kind: "STRATEGIC",
          heldOn: meeting.heldOn,
          membersPresent: present,
          summary: rnd.pick(STRATEGIC_SUMMARIES[body.kind]),
          createdBy: owner(),
        });
        addAction(id, meeting.heldOn, null, rnd.pick(MEETING_ACTIONS));
        continue;
      }
      const d = meeting.heldOn;
      const forced = bodyWindows.filter(
        (w) => w.finalMeeting === d && (w.open.length > 0 || w.finalText?.includes("closure") === true),
      );
      const eligible = bodyWindows.filter(
        (w) => w.from <= d && (w.activeEnd === null || d < w.activeEnd) && w.finalMeeting !== d,
      );
      const size = body.kind === "LOCAL_TASK_FORCE" ? rnd.int(5, 9) : rnd.int(3, 6);
      const picked = rnd.sampleWeighted(
        eligible,
        Math.max(0, size - forced.length),
        (w) => (span(w.from, d) < 180 ? 6 : 1) + (w.open.length > 0 ? 3 : 0),
      );
      const agenda = [...forced, ...picked];
      for (const w of agenda) {
        const discussionId = newId();
        const started: string[] = [];
        const stopped: string[] = [];
        const final = w.finalMeeting === d;
        for (const m of [...w.open]) {
          if (!final && (span(m.startedOn, d) < 60 || !rnd.chance(0.3))) continue;
          measureEnds.set(m.id, { endedOn: d, endedBy: discussionId });
          stopped.push(typeNames.get(m.typeCode) ?? m.typeCode);
          w.open = w.open.filter((o) => o !== m);
        }
        if (!final && w.open.length < 2 && rnd.chance(0.45)) {
          const weights = MEASURE_WEIGHTS[body.kind];
          const free = Object.keys(weights).filter((c) => !w.open.some((o) => o.typeCode === c));
          if (free.length > 0) {
            const typeCode = rnd.weighted(free, (c) => weights[c] ?? 0);
            const measureId = newId();
            const startedOn = minDate(addDaysToDate(d, rnd.int(0, 3)), today);
            measureRows.push({
              id: measureId,
              personId: w.personId,
              typeId: typeIds.get(typeCode) as string,
              agencyId: body.agencyId,
              startedOn,
              startedBy: discussionId,
              createdBy: owner(),
            });
            w.open.push({ id: measureId, typeCode, startedOn });
            started.push(typeNames.get(typeCode) ?? typeCode);
          }
        }
        const decision = [
          final ? w.finalText : rnd.pick(SITUATIONS[body.kind]),
          started.length > 0 ? `Started: ${started.join(", ")}.` : null,
          stopped.length > 0 ? `Stopped: ${stopped.join(", ")}.` : null,
          "(Fictional demo text.)",
        ]
          .filter((t) => t !== null)
          .join(" ");
        discussionRows.push({
          id: discussionId,
          meetingId: id,
          personId: w.personId,
          decision,
          createdBy: owner(),
        });
        if (!final && rnd.chance(0.6)) addAction(id, d, w.personId, rnd.pick(PERSON_ACTIONS[body.kind]));
      }
      meetingRows.push({
        id,
        agencyId: body.agencyId,
        kind: "OPERATIONAL",
        heldOn: d,
        membersPresent: present,
        summary: `Operational meeting: ${agenda.length} persons discussed; decisions and actions as recorded. (Fictional demo text.)`,
        createdBy: owner(),
      });
    }
    // A few actions always overdue, so that the workspace shows some.
    const mine = actionRows.filter((a) => a.agencyId === body.agencyId && a.dueOn < today);
    if (!mine.some((a) => a.status === "OPEN"))
      for (const a of mine.slice(-2)) Object.assign(a, { status: "OPEN", closedOn: null, closingNote: null });

    // Next month's meeting, with its agenda: open measures to review first.
    const plannedId = newId();
    const plannedOn = addDaysToDate(addMonthsToDate(`${today.slice(0, 7)}-01`, 1), rnd.int(2, 20));
    meetingRows.push({
      id: plannedId,
      agencyId: body.agencyId,
      kind: "OPERATIONAL",
      heldOn: plannedOn,
      membersPresent: [],
      summary: null,
      createdBy: owner(),
    });
    const followed = bodyWindows.filter((w) => w.activeEnd === null);
    const agenda = rnd.sampleWeighted(followed, rnd.int(3, 5), (w) => (w.open.length > 0 ? 5 : 1));
    for (const w of agenda)
      discussionRows.push({
        id: newId(),
        meetingId: plannedId,
        personId: w.personId,
        decision: null,
        createdBy: owner(),
      });
  }
  for (const m of measureRows) Object.assign(m, measureEnds.get(m.id as string) ?? {});

  const entryRows = commonDatabaseOf(facts, outcomes, closureOf, today, random("common-database")).map(
    (e) => ({ ...e, agencyId: cutaId, createdBy: cutaUser }),
  );

  await insertAll(meetingRows, (b) => tx.insert(localMeetings).values(b));
  await insertAll(discussionRows, (b) => tx.insert(meetingDiscussions).values(b));
  await insertAll(measureRows, (b) => tx.insert(followUpMeasures).values(b));
  await insertAll(actionRows, (b) => tx.insert(actionItems).values(b));
  await insertAll(entryRows, (b) => tx.insert(commonDatabaseEntries).values(b));
  await insertAll(outcomes, (b) =>
    tx.insert(caseOutcomes).values(b.map((o) => ({ ...o, agencyId: cutaId, createdBy: cutaUser }))),
  );
  // Closures by the Local Task Force that followed the person, else by the threat-analysis body.
  const closedBy = (personId: string) => {
    const ltf = (spellsOf.get(personId) ?? []).find((s) => s.body.kind === "LOCAL_TASK_FORCE")?.body;
    return ltf === undefined
      ? { agencyId: cutaId, createdBy: cutaUser }
      : { agencyId: ltf.agencyId, createdBy: ltf.userIds[0] ?? null };
  };
  await insertAll(closures, (b) =>
    tx.insert(caseClosures).values(b.map((c) => ({ ...c, ...closedBy(c.personId) }))),
  );
  for (const c of closures)
    await tx
      .update(caseResponsibilities)
      .set({ validTo: c.closedOn })
      .where(and(eq(caseResponsibilities.personId, c.personId), isNull(caseResponsibilities.validTo)));

  const touched = [
    ...new Set([
      ...discussionRows.map((d) => d.personId),
      ...entryRows.map((e) => e.personId),
      ...outcomes.map((o) => o.personId),
      ...closures.map((c) => c.personId),
    ]),
  ];
  for (let i = 0; i < touched.length; i += BATCH) await refreshSummaries(tx, touched.slice(i, i + BATCH));
}

// ---------------------------------------------------------------------------------------------
// The common database.

function categoryOf(f: Facts): CommonDatabaseCategory {
  const labels = f.listing?.labels ?? [];
  if (f.plan.returnee || f.plan.failedTraveller || labels.includes("FOREIGN_FIGHTER"))
    return "FOREIGN_TERRORIST_FIGHTER";
  if (labels.includes("HOMEGROWN_FIGHTER")) return "HOMEGROWN_TERRORIST_FIGHTER";
  switch (f.listing?.category) {
    case "A":
      return "TERRORIST_CONVICT";
    case "C":
      return "HOMEGROWN_TERRORIST_FIGHTER";
    case "E":
      return "HATE_PROPAGANDIST";
    default:
      return "POTENTIALLY_VIOLENT_EXTREMIST";
  }
}

/**
 * Entries for most former CelEx inmates (some in category B and D are not in it), from their
 * listing or the database's start: a new assessment after release for some, a higher level after a
 * new terrorist offence, an end at death, departure, closure or review; a few open ones due for review.
 */
function commonDatabaseOf(
  facts: readonly Facts[],
  outcomes: readonly Outcome[],
  closureOf: ReadonlyMap<string, Closure>,
  today: IsoDate,
  random: Random,
): Omit<EntryRow, "agencyId">[] {
  const rows: Omit<EntryRow, "agencyId">[] = [];
  const level = () => Number(random.weightedKey(THREAT_LEVELS));
  let index = 0;
  for (const f of facts) {
    if (!f.formerCelex || f.listing === null) continue;
    const weak = f.listing.category === "B" || f.listing.category === "D";
    if (weak && random.chance(0.4)) continue;
    const category = categoryOf(f);
    const lastRelease = (f.releases.at(-1) as Release).releasedOn;
    const starts: { on: IsoDate; threatLevel: number; basis: EntryBasis }[] = [];
    const first = minDate(
      addDaysToDate(maxDate(f.listing.firstFrom, COMMON_DATABASE_SINCE), random.int(7, 60)),
      addDaysToDate(today, -1),
    );
    const basis = (): EntryBasis => (random.chance(weak ? 0.3 : 0.1) ? "SERIOUS_INDICATIONS" : "ESTABLISHED");
    starts.push({ on: first, threatLevel: level(), basis: basis() });
    if (random.chance(0.35)) {
      const prev = starts[0]?.threatLevel ?? 2;
      starts.push({
        on: addDaysToDate(lastRelease, random.int(0, 45)),
        threatLevel: Math.max(1, Math.min(4, prev + (random.chance(0.7) ? -1 : 1))),
        basis: "ESTABLISHED",
      });
    }
    const terror = outcomes.find((o) => o.personId === f.id && o.kind === "REOFFENDED_TERRORIST");
    if (terror !== undefined)
      starts.push({
        on: addDaysToDate(terror.occurredOn, random.int(3, 20)),
        threatLevel: random.chance(0.7) ? 3 : 4,
        basis: "ESTABLISHED",
      });
    const event = outcomes.find(
      (o) => o.personId === f.id && (o.kind === "DIED" || o.kind === "MOVED_ABROAD"),
    );
    const closure = closureOf.get(f.id);
    let end: { on: IsoDate; reason: string } | null = null;
    if (event?.kind === "DIED")
      end = {
        on: addDaysToDate(event.occurredOn, random.int(1, 20)),
        reason: "The person died. (Fictional demo text.)",
      };
    else if (event !== undefined && random.chance(0.5))
      end = {
        on: addDaysToDate(event.occurredOn, random.int(20, 90)),
        reason: "Left the country; the information was passed to the foreign partner. (Fictional demo text.)",
      };
    else if (closure?.reason === "FOLLOW_UP_ENDED" && random.chance(0.7))
      end = {
        on: addDaysToDate(closure.closedOn, random.int(0, 30)),
        reason: "Review: no longer meets the criteria once the local follow-up ended. (Fictional demo text.)",
      };
    if (end !== null && end.on >= today) end = null;
    // Keep the changes in order, each after the previous one, before the end and not in the future.
    const timeline: typeof starts = [];
    for (const s of starts.sort((a, b) => (a.on < b.on ? -1 : 1)))
      if (
        s.on < (end?.on ?? today) &&
        (timeline.length === 0 || s.on > (timeline.at(-1) as (typeof starts)[number]).on)
      )
        timeline.push(s);
    if (timeline.length === 0) continue;
    const lastStart = (timeline.at(-1) as (typeof starts)[number]).on;
    if (end === null && terror === undefined && random.chance(0.05)) {
      const on = addMonthsToDate(lastStart, random.int(12, 48));
      if (on < today)
        end = { on, reason: "Review: no new information supports the entry. (Fictional demo text.)" };
    }
    const dueSoon = index++ % 16 === 0;
    timeline.forEach((s, i) => {
      const next = timeline[i + 1]?.on ?? end?.on ?? null;
      const until = next ?? today;
      const months = s.basis === "SERIOUS_INDICATIONS" ? 6 : 36;
      let lastInformationOn: IsoDate;
      if (next !== null)
        lastInformationOn = addDaysToDate(s.on, random.int(0, Math.max(0, span(s.on, until) - 1)));
      else if (dueSoon)
        lastInformationOn = maxDate(
          s.on,
          addDaysToDate(addMonthsToDate(today, -months), random.int(-45, 20)),
        );
      else
        lastInformationOn = maxDate(
          s.on,
          addDaysToDate(today, -random.int(10, Math.max(10, months * 30 - 60))),
        );
      rows.push({
        personId: f.id,
        category,
        threatLevel: s.threatLevel,
        basis: s.basis,
        validFrom: s.on,
        validTo: next,
        lastInformationOn: minDate(lastInformationOn, today),
        endReason: next === null ? null : i + 1 < timeline.length ? "Superseded." : (end?.reason ?? "Ended."),
      });
    });
  }
  return rows;
}
