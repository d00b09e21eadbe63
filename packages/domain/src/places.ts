import type { JudicialDistrict } from "./agency.js";

/**
 * Municipalities Continuum knows, with their judicial district. Public place names; the list covers
 * the municipalities where local cells work in the demo and grows as local cells join.
 */
export const MUNICIPALITIES: readonly { name: string; judicialDistrict: JudicialDistrict }[] = [
  { name: "Anderlecht", judicialDistrict: "BRUSSELS" },
  { name: "Brussels", judicialDistrict: "BRUSSELS" },
  { name: "Molenbeek-Saint-Jean", judicialDistrict: "BRUSSELS" },
  { name: "Schaerbeek", judicialDistrict: "BRUSSELS" },
  { name: "Saint-Josse-ten-Noode", judicialDistrict: "BRUSSELS" },
  { name: "Vilvoorde", judicialDistrict: "BRUSSELS" },
  { name: "Antwerpen", judicialDistrict: "ANTWERP" },
  { name: "Mechelen", judicialDistrict: "ANTWERP" },
  { name: "Turnhout", judicialDistrict: "ANTWERP" },
  { name: "Genk", judicialDistrict: "LIMBURG" },
  { name: "Hasselt", judicialDistrict: "LIMBURG" },
  { name: "Maasmechelen", judicialDistrict: "LIMBURG" },
  { name: "Gent", judicialDistrict: "EAST_FLANDERS" },
  { name: "Aalst", judicialDistrict: "EAST_FLANDERS" },
  { name: "Brugge", judicialDistrict: "WEST_FLANDERS" },
  { name: "Kortrijk", judicialDistrict: "WEST_FLANDERS" },
  { name: "Leuven", judicialDistrict: "LEUVEN" },
  { name: "Tienen", judicialDistrict: "LEUVEN" },
  { name: "Nivelles", judicialDistrict: "WALLOON_BRABANT" },
  { name: "Ottignies-Louvain-la-Neuve", judicialDistrict: "WALLOON_BRABANT" },
  { name: "Charleroi", judicialDistrict: "HAINAUT" },
  { name: "Mons", judicialDistrict: "HAINAUT" },
  { name: "Tournai", judicialDistrict: "HAINAUT" },
  { name: "Liège", judicialDistrict: "LIEGE" },
  { name: "Verviers", judicialDistrict: "LIEGE" },
  { name: "Seraing", judicialDistrict: "LIEGE" },
  { name: "Namur", judicialDistrict: "NAMUR" },
  { name: "Dinant", judicialDistrict: "NAMUR" },
  { name: "Arlon", judicialDistrict: "LUXEMBOURG" },
  { name: "Eupen", judicialDistrict: "EUPEN" },
];

export function judicialDistrictOfMunicipality(name: string): JudicialDistrict | null {
  return MUNICIPALITIES.find((m) => m.name === name)?.judicialDistrict ?? null;
}
