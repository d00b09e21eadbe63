import {
  addDaysToDate,
  addMonthsToDate,
  enrolmentEndAfter,
  type IsoDate,
  maxDate,
  minDate,
  type ProgrammeComponent,
  type ProgrammeStatus,
} from "@continuum/domain";
import type { Tx } from "../db/client.js";
import { newId } from "../db/columns.js";
import {
  programmeContactNotes,
  programmeContacts,
  programmeEnrolments,
  programmeStatusChanges,
} from "../modules/programmes/programme.table.js";
import { Random } from "./population/random.js";

const PROGRAMMES_SEED = 20_190_301;
const BATCH = 1000;
/** Contacts are written for the last months of each participation only: enough to show the course. */
const CONTACT_MONTHS = 6;

type Enrolment = typeof programmeEnrolments.$inferInsert;

const COMPONENT_SETS: readonly ProgrammeComponent[][] = [
  ["PSYCHOLOGICAL_SUPPORT"],
  ["PSYCHOLOGICAL_SUPPORT", "TRAUMA"],
  ["RESILIENCE"],
  ["RELIGION"],
  ["PROFESSIONAL_SKILLS", "REINTEGRATION_PROJECT"],
];

/**
 * Writes the demo's programme participations with their course: offered, accepted a week later,
 * active two weeks after that, completed where the enrolment ended; one offer in five refused.
 * Contacts about every three weeks over the last months while active, each with a note for the provider only.
 */
export async function writeProgrammes(
  tx: Tx,
  enrolments: readonly Enrolment[],
  today: IsoDate,
  userIdOfAgency: (agencyId: string) => string,
): Promise<void> {
  const random = Random.stream(PROGRAMMES_SEED, "programmes");
  const rows: (Enrolment & { id: string })[] = [];
  const changes: (typeof programmeStatusChanges.$inferInsert)[] = [];
  const contacts: (typeof programmeContacts.$inferInsert & { id: string })[] = [];
  const notes: (typeof programmeContactNotes.$inferInsert)[] = [];
  enrolments.forEach((e, index) => {
    const id = newId();
    const offeredOn = e.enrolledOn;
    const by = userIdOfAgency(e.providerAgencyId);
    const course: { status: ProgrammeStatus; on: IsoDate }[] =
      index % 5 === 4
        ? [
            { status: "OFFERED", on: offeredOn },
            { status: "REFUSED", on: addDaysToDate(offeredOn, 10) },
          ]
        : [
            { status: "OFFERED", on: offeredOn },
            { status: "ACCEPTED", on: addDaysToDate(offeredOn, 7) },
            { status: "ACTIVE", on: addDaysToDate(offeredOn, 21) },
          ];
    const lastDay = e.endedOn ? addDaysToDate(e.endedOn, -1) : today;
    const happened = course.filter((c) => c.on <= minDate(lastDay, today));
    if (e.endedOn && happened.at(-1)?.status === "ACTIVE")
      happened.push({ status: "COMPLETED", on: lastDay });
    const final = happened.at(-1) as { status: ProgrammeStatus; on: IsoDate };
    const ended = final.status === "REFUSED" || final.status === "COMPLETED";
    rows.push({
      ...e,
      id,
      status: e.endedOn && !ended ? "DISCONTINUED" : final.status,
      endedOn: ended ? enrolmentEndAfter(final.on) : (e.endedOn ?? null),
      createdBy: by,
    });
    for (const c of happened)
      changes.push({
        enrolmentId: id,
        personId: e.personId,
        status: c.status,
        on: c.on,
        agencyId: e.providerAgencyId,
        createdBy: by,
      });
    const activeFrom = happened.find((c) => c.status === "ACTIVE")?.on;
    if (activeFrom === undefined) return;
    const until = minDate(lastDay, today);
    for (
      let on = maxDate(activeFrom, addMonthsToDate(until, -CONTACT_MONTHS));
      on <= until;
      on = addDaysToDate(on, random.int(18, 25))
    ) {
      const contactId = newId();
      contacts.push({
        id: contactId,
        enrolmentId: id,
        personId: e.personId,
        contactedOn: on,
        components: random.pick(COMPONENT_SETS),
        minutes: random.pick([45, 60, 90]),
        agencyId: e.providerAgencyId,
        createdBy: by,
      });
      notes.push({
        contactId,
        personId: e.personId,
        note: "Session held in the visiting room; the person spoke about family and plans after release. (Fictional demo text.)",
      });
    }
  });
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.insert(programmeEnrolments).values(rows.slice(i, i + BATCH));
  for (let i = 0; i < changes.length; i += BATCH)
    await tx.insert(programmeStatusChanges).values(changes.slice(i, i + BATCH));
  for (let i = 0; i < contacts.length; i += BATCH)
    await tx.insert(programmeContacts).values(contacts.slice(i, i + BATCH));
  for (let i = 0; i < notes.length; i += BATCH)
    await tx.insert(programmeContactNotes).values(notes.slice(i, i + BATCH));
}
