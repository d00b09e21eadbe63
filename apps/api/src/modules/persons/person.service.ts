import { addDaysToDate, caseStageOf, type DataClass, personRegisterSchema } from "@continuum/domain";
import { loadVisiblePerson, requireAction, requirePurpose, viewerScope } from "../../access/policy.js";
import { responsibleAgency } from "../../access/responsibility.js";
import { newId } from "../../db/columns.js";
import { decodeCursor, encodeCursor, type Page, pageSize } from "../../graphql/connection.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput } from "../../graphql/errors.js";
import { uuidOf } from "../../graphql/global-id.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { reject } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { AgencyType } from "../agencies/agency.type.js";
import { admitPerson } from "../detention/detention.service.js";
import { InformationCardType, MeasureToKnowType } from "./information-card.type.js";
import {
  DUE_WITHIN_MAX_DAYS,
  type PersonOrderInput,
  type PersonsArgs,
  SEARCH_MAX_LENGTH,
} from "./person.args.js";
import type { PersonRegisterInput } from "./person.input.js";
import {
  countPersons,
  cursorFits,
  foldName,
  insertPersons,
  listPersons,
  nextReferenceNumbers,
  type PersonFilter,
  personSortKeys,
  type VisiblePerson,
} from "./person.repository.js";
import type { PersonType } from "./person.type.js";
import { refreshSummaries } from "./person-summary.js";

function filterFrom(ctx: RequestContext, args: PersonsArgs): PersonFilter {
  const f = args.filter ?? {};
  const search = f.search?.trim() ?? null;
  if (search !== null && search.length > SEARCH_MAX_LENGTH)
    throw badUserInput(`search must be at most ${SEARCH_MAX_LENGTH} characters`, "filter.search");
  const establishmentIds =
    f.establishmentIds?.map((id) => {
      const uuid = uuidOf(id, "Establishment");
      if (uuid === null) throw badUserInput("not an establishment ID", "filter.establishmentIds");
      return uuid;
    }) ?? null;
  const dueBy = (days: number | null | undefined, field: string): string | null => {
    if (days === null || days === undefined) return null;
    if (!Number.isInteger(days) || days < 0 || days > DUE_WITHIN_MAX_DAYS)
      throw badUserInput(`must be between 0 and ${DUE_WITHIN_MAX_DAYS}`, field);
    return addDaysToDate(ctx.today, days);
  };
  const screeningResponsibleIds =
    f.screeningResponsibleIds?.map((id) => {
      const uuid = uuidOf(id, "User");
      if (uuid === null) throw badUserInput("not a user ID", "filter.screeningResponsibleIds");
      return uuid;
    }) ?? null;
  return {
    search: search === "" ? null : search,
    categories: f.categories ?? null,
    establishmentIds,
    detentionStatuses: f.detentionStatuses ?? null,
    listed: f.listed ?? null,
    screeningDueBefore: f.screeningOverdue === true ? ctx.today : null,
    screeningDueOnOrBefore: dueBy(f.screeningDueWithinDays, "filter.screeningDueWithinDays"),
    screeningResponsibleIds,
    screeningUnassigned: f.screeningUnassigned ?? null,
    assessmentDueOnOrBefore: dueBy(f.assessmentDueWithinDays, "filter.assessmentDueWithinDays"),
  };
}

/**
 * A page of the persons the actor may see. The search itself is audited here; what is read of each
 * person is audited field by field as it resolves (graphql/guard.ts).
 */
export async function listVisiblePersons(
  ctx: RequestContext,
  args: PersonsArgs,
): Promise<Page<VisiblePerson>> {
  const actor = requirePurpose(ctx);
  const limit = pageSize(args.first);
  const filter = filterFrom(ctx, args);
  const order: PersonOrderInput = args.orderBy ?? ({ field: "NAME", direction: "ASC" } as PersonOrderInput);
  const scope = viewerScope(actor);
  const keys = personSortKeys(order.field, actor.language, scope);
  const after = args.after ? decodeCursor(args.after, keys.length) : null;
  if (after !== null && !cursorFits(keys, after))
    throw badUserInput("after is not a cursor of this list", "after");
  const tx = await ctx.tx.get();
  const rows = await listPersons(tx, {
    scope,
    filter,
    sort: { field: order.field, direction: order.direction },
    after,
    limit: limit + 1,
    language: actor.language,
  });
  const items = rows.slice(0, limit);
  ctx.audit.record({
    operation: "SEARCH",
    details: {
      search: filter.search,
      filter: { ...args.filter, search: undefined },
      orderBy: order,
      returned: items.length,
    },
  });
  for (const r of items)
    ctx.loaders.visiblePerson.prime(r.person.id, { person: r.person, summary: r.summary });
  return {
    items: items.map((r) => ({
      node: { person: r.person, summary: r.summary },
      cursor: encodeCursor(r.sortKey),
    })),
    hasNextPage: rows.length > limit,
    hasPreviousPage: after !== null,
    count: () => countPersons(tx, scope, filter),
  };
}

/** One person, or null exactly as for an unknown ID when the person is outside the actor's sight. */
export async function findVisiblePerson(ctx: RequestContext, id: string): Promise<VisiblePerson | null> {
  requirePurpose(ctx);
  const uuid = uuidOf(id, "Person");
  return uuid === null ? null : loadVisiblePerson(ctx, uuid);
}

/** The information card of a person the actor sees (defined in packages/domain/information-card.ts). */
export async function informationCard(ctx: RequestContext, person: PersonType): Promise<InformationCardType> {
  const s = person.summary;
  const agency = await responsibleAgency(ctx, caseStageOf(s), {
    id: person.uuid,
    releaseJudicialDistrict: s.releaseJudicialDistrict,
  });
  const extras = await ctx.loaders.informationCardExtras.load({ personId: person.uuid, on: ctx.today });
  // What the card shows of the common database and of the conditions and measures is audited too.
  const shownClasses: DataClass[] = ["IDENTITY", "LISTING", "DETENTION"];
  if (extras?.threat_level != null) shownClasses.push("FOLLOW_UP");
  if ((extras?.measures.length ?? 0) > 0) shownClasses.push("RELEASE", "FOLLOW_UP");
  ctx.audit.read(person.uuid, [...new Set(shownClasses)], person.access.breakGlass);
  return Object.assign(new InformationCardType(), {
    familyName: person.familyName,
    givenNames: person.givenNames,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    photoReference: null,
    category: s.lastCategory,
    detentionStatus: s.detentionStatus,
    threatLevel: extras?.threat_level ?? null,
    responsibleAgency: agency === null ? null : AgencyType.from(agency),
    contactEmail: agency?.contactEmail ?? null,
    measuresToKnow: (extras?.measures ?? []).map((m) => Object.assign(new MeasureToKnowType(), m)),
  });
}

export function registerPerson(
  ctx: RequestContext,
  input: PersonRegisterInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAction(ctx, "PERSON_REGISTER");
  return runMutation(ctx, async (tx) => {
    const person = parseInput(personRegisterSchema, {
      familyName: input.familyName,
      givenNames: input.givenNames,
      aliases: input.aliases ?? [],
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      nationalities: input.nationalities,
      languageCommunity: input.languageCommunity,
      returnee: input.returnee ?? false,
      failedTraveller: input.failedTraveller ?? false,
      ideology: input.ideology ?? null,
    });
    if (person.dateOfBirth > ctx.today) reject("dateOfBirth", "must not be in the future");
    const admission = input.admission ?? null;
    if (admission === null && !viewerScope(actor).stages.IN_PRISON.places.includes("ANY"))
      reject("admission", "is required: you only see persons placed with your agency");

    const year = (admission?.admittedOn ?? ctx.today).slice(0, 4);
    const [number] = await nextReferenceNumbers(tx, 1);
    const row = newPersonRow(person, `CX-${year}-${String(number).padStart(4, "0")}`, actor.userId);
    await insertPersons(tx, [row]);
    if (admission !== null)
      await admitPerson(ctx, tx, actor, { id: row.id, sex: person.sex }, admission, "admission.");
    await refreshSummaries(tx, [row.id]);
    ctx.audit.record({
      operation: "CREATE",
      personId: row.id,
      dataClasses: admission === null ? ["IDENTITY"] : ["IDENTITY", "DETENTION"],
      details: { mutation: "personRegister" },
    });
    return row.id;
  });
}

type RegisteredIdentity = ReturnType<typeof personRegisterSchema.parse>;

/** A new person's row: a new ID, the case reference, and the folded names the lists sort and search by. */
function newPersonRow(person: RegisteredIdentity, reference: string, createdBy: string) {
  const names = [person.familyName, person.givenNames, ...person.aliases];
  return {
    ...person,
    id: newId(),
    reference,
    sortName: foldName(`${person.familyName} ${person.givenNames}`),
    searchText: foldName(names.join(" | ")),
    createdBy,
  };
}

/**
 * Registers persons without an admission, all in the current transaction with a few statements (the
 * import's batches): the rules of personRegister for each, which the caller has checked the records
 * against. Throws on the first person refused; nothing is then kept of the batch.
 */
export async function registerPersons(
  ctx: RequestContext,
  identities: readonly RegisteredIdentity[],
): Promise<string[]> {
  const actor = requireAction(ctx, "PERSON_REGISTER");
  if (!viewerScope(actor).stages.IN_PRISON.places.includes("ANY"))
    reject("admission", "is required: you only see persons placed with your agency");
  const tx = await ctx.tx.get();
  const people = identities.map((identity) => {
    const person = parseInput(personRegisterSchema, identity);
    if (person.dateOfBirth > ctx.today) reject("dateOfBirth", "must not be in the future");
    return person;
  });
  const numbers = await nextReferenceNumbers(tx, people.length);
  const year = ctx.today.slice(0, 4);
  const rows = people.map((person, i) =>
    newPersonRow(person, `CX-${year}-${String(numbers[i]).padStart(4, "0")}`, actor.userId),
  );
  await insertPersons(tx, rows);
  await refreshSummaries(
    tx,
    rows.map((r) => r.id),
  );
  for (const row of rows)
    ctx.audit.record({
      operation: "CREATE",
      personId: row.id,
      dataClasses: ["IDENTITY"],
      details: { mutation: "personRegister" },
    });
  return rows.map((r) => r.id);
}
