/**
 * Whom a NO_FURTHER_DISSEMINATION report may be addressed to: the agencies of the directory, never
 * the viewer's own (which reads its reports anyway); each once, by name in the viewer's language.
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
