import {
  accessTo,
  checkReport,
  informationReportSchema,
  isVisible,
  REPORT_MAX_LINKS,
  reportDataClass,
} from "@continuum/domain";
import { z } from "zod";
import { factsFromRow, knownCases, requireAction } from "../../access/policy.js";
import type { Actor } from "../../auth/actor.js";
import type { Tx } from "../../db/client.js";
import { newId } from "../../db/columns.js";
import type { RequestContext } from "../../graphql/context.js";
import { uuidOf } from "../../graphql/global-id.js";
import { forgetPerson } from "../../graphql/loaders.js";
import { type MutationOutcome, runMutation } from "../../graphql/mutation.js";
import { type UserError, UserErrorCode, UserInputRejected, userError } from "../../graphql/user-error.js";
import { parseInput } from "../../graphql/validate.js";
import { lockPerson } from "../persons/person.repository.js";
import type { ReportContentInput, ReportCorrectInput, ReportFileInput } from "./report.input.js";
import {
  insertReport,
  insertReportLinks,
  latestVersionOf,
  observationIndicatorsByCodes,
  type ReportLinkRecord,
  reportsByIds,
} from "./report.repository.js";
import type { informationReports } from "./report.table.js";

const OWN_ESTABLISHMENT_KINDS = new Set(["PRISON", "PSYCHOSOCIAL_SERVICE"]);

type ReportContent = Omit<
  typeof informationReports.$inferInsert,
  "id" | "lineageId" | "version" | "personId" | "correctionReason"
>;

/** Optional text left blank is absent: "   " as handling conditions states no condition. */
function blankToNull(text: string | null | undefined): string | null {
  return text === null || text === undefined || text.trim() === "" ? null : text;
}

/** Checks a report's content; every problem is reported at once, naming its field. */
async function checkedContent(
  ctx: RequestContext,
  tx: Tx,
  actor: Actor,
  personId: string | null,
  input: ReportContentInput,
): Promise<{ content: ReportContent; links: Pick<ReportLinkRecord, "linkedPersonId" | "kind">[] }> {
  const parsed = parseInput(informationReportSchema, {
    observedOn: input.observedOn,
    title: input.title,
    body: input.body,
    sourceDetails: blankToNull(input.sourceDetails),
    sourceReliability: input.sourceReliability,
    informationCredibility: String(input.informationCredibility),
    classification: input.classification,
    handlingCode: input.handlingCode,
    handlingConditions: blankToNull(input.handlingConditions),
    sensitive: input.sensitive ?? false,
    indicatorCodes: input.indicatorCodes ?? [],
  });
  const errors: UserError[] = [];

  let addressedTo: string | null = null;
  const addressedToId = blankToNull(input.addressedToAgencyId);
  if (addressedToId !== null) {
    addressedTo = uuidOf(addressedToId, "Agency");
    if (addressedTo === null || (await ctx.loaders.agency.load(addressedTo)) === null)
      errors.push(userError("addressedToAgencyId", "no agency with this ID", UserErrorCode.NOT_FOUND));
  }
  for (const issue of checkReport(parsed, {
    today: ctx.today,
    addressedToAgencyId: addressedToId,
  }))
    errors.push(userError(issue.field, issue.message));

  let establishmentId: string | null = null;
  if (OWN_ESTABLISHMENT_KINDS.has(actor.agencyKind)) {
    establishmentId = actor.establishmentId;
    if (input.establishmentId && uuidOf(input.establishmentId, "Establishment") !== establishmentId)
      errors.push(
        userError(
          "establishmentId",
          "you report for your own establishment only",
          UserErrorCode.RULE_VIOLATION,
        ),
      );
  } else if (input.establishmentId) {
    establishmentId = uuidOf(input.establishmentId, "Establishment");
    if (establishmentId === null || (await ctx.loaders.establishment.load(establishmentId)) === null)
      errors.push(userError("establishmentId", "no establishment with this ID", UserErrorCode.NOT_FOUND));
  }

  const codes = [...new Set(parsed.indicatorCodes)];
  const active = new Set(
    (await observationIndicatorsByCodes(tx, codes)).filter((i) => i.active).map((i) => i.code),
  );
  parsed.indicatorCodes.forEach((code, index) => {
    if (!active.has(code))
      errors.push(
        userError(`indicatorCodes.${index}`, `${code} is not an active indicator`, UserErrorCode.NOT_FOUND),
      );
  });

  const linkInputs = input.links ?? [];
  if (linkInputs.length > REPORT_MAX_LINKS)
    errors.push(userError("links", `at most ${REPORT_MAX_LINKS} linked persons`));
  const linkIds = linkInputs.map((l) => uuidOf(l.personId, "Person"));
  const known = new Set(
    (
      await knownCases(
        tx,
        actor,
        linkIds.filter((id): id is string => id !== null),
      )
    ).map((c) => c.person_id),
  );
  const links: Pick<ReportLinkRecord, "linkedPersonId" | "kind">[] = [];
  linkInputs.forEach((link, index) => {
    const id = linkIds[index] ?? null;
    if (id === null || !known.has(id))
      errors.push(userError(`links.${index}.personId`, "no person with this ID", UserErrorCode.NOT_FOUND));
    else if (id === personId)
      errors.push(userError(`links.${index}.personId`, "a report cannot be linked to its own person"));
    else if (links.some((l) => l.linkedPersonId === id))
      errors.push(userError(`links.${index}.personId`, "this person is linked twice"));
    else links.push({ linkedPersonId: id, kind: link.kind });
  });

  if (errors.length > 0) throw new UserInputRejected(errors);
  return {
    content: {
      observedOn: parsed.observedOn,
      establishmentId,
      originatorAgencyId: actor.agencyId,
      addressedToAgencyId: addressedTo,
      title: parsed.title,
      body: parsed.body,
      sourceDetails: parsed.sourceDetails,
      sourceReliability: parsed.sourceReliability,
      informationCredibility: parsed.informationCredibility,
      classification: parsed.classification,
      handlingCode: parsed.handlingCode,
      handlingConditions: parsed.handlingConditions,
      dataClass: reportDataClass(parsed.classification, actor.agencyKind),
      sensitive: parsed.sensitive,
      indicatorCodes: codes,
      createdBy: actor.userId,
    },
    links,
  };
}

async function writeVersion(
  tx: Tx,
  version: {
    id: string;
    lineageId: string;
    version: number;
    personId: string;
    correctionReason: string | null;
  },
  checked: Awaited<ReturnType<typeof checkedContent>>,
): Promise<void> {
  await insertReport(tx, { ...checked.content, ...version });
  await insertReportLinks(
    tx,
    checked.links.map((l) => ({ ...l, reportId: version.id, personId: version.personId })),
  );
}

/**
 * Files a report. Any agency may report on a person it knows of (a hit or more): knowing of a person
 * is enough to tell what one observed, not to read what others reported.
 */
export function fileReport(ctx: RequestContext, input: ReportFileInput): Promise<MutationOutcome<string>> {
  const actor = requireAction(ctx, "REPORT_FILE");
  return runMutation(ctx, async (tx) => {
    const personUuid = uuidOf(input.personId, "Person");
    if (personUuid !== null) await lockPerson(tx, personUuid);
    const [known] = personUuid === null ? [] : await knownCases(tx, actor, [personUuid]);
    if (known === undefined)
      throw new UserInputRejected([userError("personId", "no person with this ID", UserErrorCode.NOT_FOUND)]);
    const personId = known.person_id;
    // Going on tells an actor with only a hit that the person exists, as a look-up would: audited
    // as one, whether or not the report is then accepted.
    if (!isVisible(accessTo(actor, factsFromRow(known))) && !actor.breakGlassPersonIds.includes(personId))
      ctx.audit.record({ operation: "LOOKUP", personId, details: { via: "reportFile", known: true } });
    const checked = await checkedContent(ctx, tx, actor, personId, input);
    const id = newId();
    await writeVersion(tx, { id, lineageId: id, version: 1, personId, correctionReason: null }, checked);
    forgetPerson(ctx.loaders, personId);
    ctx.audit.record({
      operation: "CREATE",
      personId,
      dataClasses: [checked.content.dataClass],
      details: {
        mutation: "reportFile",
        reportId: id,
        classification: checked.content.classification,
        handlingCode: checked.content.handlingCode,
      },
    });
    return id;
  });
}

const correctionReasonSchema = z.object({
  correctionReason: z
    .string()
    .trim()
    .min(1, { message: "say why the report is corrected" })
    .max(2000, { message: "must be at most 2000 characters" }),
});

/**
 * Corrects a report by a new version, for its originating agency only. Corrections of one person's
 * reports are serialised, and the version corrected must still be the latest: two agencies (or two
 * colleagues) correcting at once never overwrite each other; the second is told to reload.
 */
export function correctReport(
  ctx: RequestContext,
  input: ReportCorrectInput,
): Promise<MutationOutcome<string>> {
  const actor = requireAction(ctx, "REPORT_FILE");
  return runMutation(ctx, async (tx) => {
    const { correctionReason } = parseInput(correctionReasonSchema, {
      correctionReason: input.correctionReason,
    });
    const reportId = uuidOf(input.reportId, "InformationReport");
    const [found] = reportId === null ? [] : await reportsByIds(tx, [reportId]);
    if (found === undefined)
      throw new UserInputRejected([userError("reportId", "no report with this ID", UserErrorCode.NOT_FOUND)]);
    if (found.originatorAgencyId !== actor.agencyId)
      throw new UserInputRejected([
        userError(
          "reportId",
          "only the originating agency corrects a report; file a report of your own instead",
          UserErrorCode.RULE_VIOLATION,
        ),
      ]);
    await lockPerson(tx, found.personId);
    const latest = (await latestVersionOf(tx, found.lineageId)) ?? found.version;
    if (input.expectedVersion !== found.version || latest !== found.version)
      throw new UserInputRejected([
        userError(
          "expectedVersion",
          `this report is now at version ${latest}: reload it and correct the latest version`,
          UserErrorCode.CONFLICT,
        ),
      ]);
    const checked = await checkedContent(ctx, tx, actor, found.personId, input);
    const id = newId();
    await writeVersion(
      tx,
      { id, lineageId: found.lineageId, version: latest + 1, personId: found.personId, correctionReason },
      checked,
    );
    forgetPerson(ctx.loaders, found.personId);
    ctx.audit.record({
      operation: "UPDATE",
      personId: found.personId,
      dataClasses: [checked.content.dataClass],
      details: { mutation: "reportCorrect", reportId: id, corrects: found.id, version: latest + 1 },
    });
    return id;
  });
}
