import { personRecordExportSchema } from "@continuum/domain";
import { requireDataProtectionOfficer } from "../../access/policy.js";
import type { RequestContext } from "../../graphql/context.js";
import { badUserInput, notFound } from "../../graphql/errors.js";
import { toGlobalId, uuidOf } from "../../graphql/global-id.js";
import { personRecord } from "./retention.repository.js";

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function readable(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [camelCase(key), value]));
}

export interface PersonRecordExport {
  generatedAt: Date;
  document: Record<string, unknown>;
}

/**
 * Everything held on one person, for an access request: the officer, who reads no case otherwise,
 * reads it through one definer-rights function for this purpose only; the export is audited as a
 * disclosure to the officer's agency with its justification.
 */
export async function exportPersonRecord(
  ctx: RequestContext,
  personId: string,
  justification: string,
): Promise<PersonRecordExport> {
  const actor = requireDataProtectionOfficer(ctx);
  const parsed = personRecordExportSchema.safeParse({ justification });
  if (!parsed.success) throw badUserInput(parsed.error.issues[0]?.message ?? "invalid", "justification");
  const uuid = uuidOf(personId, "Person");
  const found = uuid === null ? null : await personRecord(await ctx.tx.get(), uuid);
  if (uuid === null || found === null) throw notFound("person");
  const sections = found.sections.map((s) => ({ ...s, records: s.records.map(readable) }));
  const withRecords = sections.filter((s) => s.records.length > 0);
  const generatedAt = new Date();
  ctx.audit.record({
    operation: "DISCLOSURE",
    personId: uuid,
    dataClasses: [...new Set(withRecords.map((s) => s.dataClass))].sort(),
    recipientAgencyId: actor.agencyId,
    details: {
      export: "personRecordExport",
      justification: parsed.data.justification,
      records: Object.fromEntries(withRecords.map((s) => [`${s.dataClass}.${s.section}`, s.records.length])),
    },
  });
  const reference = sections.find((s) => s.section === "person")?.records[0]?.reference ?? null;
  return {
    generatedAt,
    document: {
      person: { id: toGlobalId("Person", uuid), reference },
      generatedAt: generatedAt.toISOString(),
      sections,
    },
  };
}
