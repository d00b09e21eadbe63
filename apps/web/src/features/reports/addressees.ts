/**
 * Whom a NO_FURTHER_DISSEMINATION report may be addressed to. The API has no list of agencies, so
 * the portal offers those the case itself names: the agency responsible for the person, and the
 * agencies behind its reports, screenings and assessments that the viewer reads. Never the
 * viewer's own agency (which reads its reports anyway); each once, by name.
 */
export function addressees(
  ownAgencyId: string,
  seen: readonly ({ id: string; name: string } | null | undefined)[],
  locale: string,
): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const agency of seen) if (agency && agency.id !== ownAgencyId) byId.set(agency.id, agency.name);
  const collator = new Intl.Collator(locale, { sensitivity: "base" });
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name));
}
