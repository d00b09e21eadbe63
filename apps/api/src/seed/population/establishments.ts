import type { IsoDate, JudicialDistrict } from "@continuum/domain";
import type { SeedEstablishment, SeedUnit } from "./types.js";

/** Where an establishment lies, which decides the language its inmates mostly speak. */
export type Region = "FLANDERS" | "BRUSSELS" | "WALLONIA";

/** The opening date of the D-Rad:Ex units; no placement in them before it. */
export const DRADEX_OPENED_ON: IsoDate = "2016-04-01";
export const DRADEX_CAPACITY = 20;
/** The Brussels prisons closed on this day and their inmates moved to Haren, which opened on it. */
export const BRUSSELS_MOVE_ON: IsoDate = "2022-10-01";

interface EstablishmentSpec {
  key: string;
  code: string;
  nameFr: string;
  nameNl: string;
  city: string;
  judicialDistrict: JudicialDistrict;
  region: Region;
  /** Official places (fictional but of the right order of magnitude). */
  capacity: number;
  /** Usual occupation relative to capacity: remand prisons are the most overcrowded. */
  occupancy: number;
  /** Places in the women's section; 0 when the establishment holds no women. */
  womenPlaces: number;
  /** Holds women only. */
  womenOnly?: boolean;
  dradex?: boolean;
  openedOn?: IsoDate;
  closedOn?: IsoDate;
  /** Trained first to hold extremist inmates (2015–2016). */
  satellite?: boolean;
  /** Rarely a destination for CelEx inmates (internment centre, open prison, very small prison). */
  unsuitable?: boolean;
}

const SPECS: readonly EstablishmentSpec[] = [
  {
    key: "antwerpen",
    code: "ANT",
    nameFr: "Prison d'Anvers",
    nameNl: "Gevangenis van Antwerpen",
    city: "Antwerpen",
    judicialDistrict: "ANTWERP",
    region: "FLANDERS",
    capacity: 440,
    occupancy: 1.45,
    womenPlaces: 60,
  },
  {
    key: "mechelen",
    code: "MEC",
    nameFr: "Prison de Malines",
    nameNl: "Gevangenis van Mechelen",
    city: "Mechelen",
    judicialDistrict: "ANTWERP",
    region: "FLANDERS",
    capacity: 130,
    occupancy: 1.3,
    womenPlaces: 0,
  },
  {
    key: "turnhout",
    code: "TUR",
    nameFr: "Prison de Turnhout",
    nameNl: "Gevangenis van Turnhout",
    city: "Turnhout",
    judicialDistrict: "ANTWERP",
    region: "FLANDERS",
    capacity: 200,
    occupancy: 1.15,
    womenPlaces: 0,
  },
  {
    key: "wortel",
    code: "WOR",
    nameFr: "Prison de Wortel",
    nameNl: "Gevangenis van Wortel",
    city: "Wortel",
    judicialDistrict: "ANTWERP",
    region: "FLANDERS",
    capacity: 250,
    occupancy: 1.0,
    womenPlaces: 0,
  },
  {
    key: "merksplas",
    code: "MER",
    nameFr: "Prison de Merksplas",
    nameNl: "Gevangenis van Merksplas",
    city: "Merksplas",
    judicialDistrict: "ANTWERP",
    region: "FLANDERS",
    capacity: 700,
    occupancy: 1.0,
    womenPlaces: 0,
  },
  {
    key: "hoogstraten",
    code: "HOO",
    nameFr: "Prison de Hoogstraten",
    nameNl: "Gevangenis van Hoogstraten",
    city: "Hoogstraten",
    judicialDistrict: "ANTWERP",
    region: "FLANDERS",
    capacity: 180,
    occupancy: 0.95,
    womenPlaces: 0,
    unsuitable: true,
  },
  {
    key: "hasselt",
    code: "HAS",
    nameFr: "Prison de Hasselt",
    nameNl: "Gevangenis van Hasselt",
    city: "Hasselt",
    judicialDistrict: "LIMBURG",
    region: "FLANDERS",
    capacity: 450,
    occupancy: 1.05,
    womenPlaces: 40,
    dradex: true,
  },
  {
    key: "leuven-centraal",
    code: "LEC",
    nameFr: "Prison de Louvain Central",
    nameNl: "Gevangenis van Leuven-Centraal",
    city: "Leuven",
    judicialDistrict: "LEUVEN",
    region: "FLANDERS",
    capacity: 350,
    occupancy: 0.95,
    womenPlaces: 0,
  },
  {
    key: "leuven-hulp",
    code: "LEH",
    nameFr: "Prison de Louvain Secondaire",
    nameNl: "Hulpgevangenis Leuven",
    city: "Leuven",
    judicialDistrict: "LEUVEN",
    region: "FLANDERS",
    capacity: 170,
    occupancy: 1.2,
    womenPlaces: 0,
  },
  {
    key: "brugge",
    code: "BRU",
    nameFr: "Prison de Bruges",
    nameNl: "Gevangenis van Brugge",
    city: "Brugge",
    judicialDistrict: "WEST_FLANDERS",
    region: "FLANDERS",
    capacity: 750,
    occupancy: 1.1,
    womenPlaces: 90,
    satellite: true,
  },
  {
    key: "ieper",
    code: "IEP",
    nameFr: "Prison d'Ypres",
    nameNl: "Gevangenis van Ieper",
    city: "Ieper",
    judicialDistrict: "WEST_FLANDERS",
    region: "FLANDERS",
    capacity: 100,
    occupancy: 1.2,
    womenPlaces: 0,
  },
  {
    key: "gent",
    code: "GEN",
    nameFr: "Prison de Gand",
    nameNl: "Gevangenis van Gent",
    city: "Gent",
    judicialDistrict: "EAST_FLANDERS",
    region: "FLANDERS",
    capacity: 290,
    occupancy: 1.3,
    womenPlaces: 40,
    satellite: true,
  },
  {
    key: "oudenaarde",
    code: "OUD",
    nameFr: "Prison d'Audenarde",
    nameNl: "Gevangenis van Oudenaarde",
    city: "Oudenaarde",
    judicialDistrict: "EAST_FLANDERS",
    region: "FLANDERS",
    capacity: 130,
    occupancy: 1.1,
    womenPlaces: 0,
  },
  {
    key: "dendermonde",
    code: "DEN",
    nameFr: "Prison de Termonde",
    nameNl: "Gevangenis van Dendermonde",
    city: "Dendermonde",
    judicialDistrict: "EAST_FLANDERS",
    region: "FLANDERS",
    capacity: 170,
    occupancy: 1.25,
    womenPlaces: 0,
  },
  {
    key: "beveren",
    code: "BEV",
    nameFr: "Prison de Beveren",
    nameNl: "Gevangenis van Beveren",
    city: "Beveren",
    judicialDistrict: "EAST_FLANDERS",
    region: "FLANDERS",
    capacity: 310,
    occupancy: 1.0,
    womenPlaces: 0,
  },
  {
    key: "saint-gilles",
    code: "SGI",
    nameFr: "Prison de Saint-Gilles",
    nameNl: "Gevangenis van Sint-Gillis",
    city: "Saint-Gilles",
    judicialDistrict: "BRUSSELS",
    region: "BRUSSELS",
    capacity: 840,
    occupancy: 1.1,
    womenPlaces: 0,
    satellite: true,
    closedOn: BRUSSELS_MOVE_ON,
  },
  {
    key: "forest",
    code: "FOR",
    nameFr: "Prison de Forest",
    nameNl: "Gevangenis van Vorst",
    city: "Forest",
    judicialDistrict: "BRUSSELS",
    region: "BRUSSELS",
    capacity: 400,
    occupancy: 1.2,
    womenPlaces: 0,
    closedOn: BRUSSELS_MOVE_ON,
  },
  {
    key: "berkendael",
    code: "BER",
    nameFr: "Prison de Berkendael",
    nameNl: "Gevangenis van Berkendael",
    city: "Forest",
    judicialDistrict: "BRUSSELS",
    region: "BRUSSELS",
    capacity: 70,
    occupancy: 1.0,
    womenPlaces: 70,
    womenOnly: true,
    closedOn: BRUSSELS_MOVE_ON,
  },
  {
    key: "haren",
    code: "HAR",
    nameFr: "Prison de Haren",
    nameNl: "Gevangenis van Haren",
    city: "Haren",
    judicialDistrict: "BRUSSELS",
    region: "BRUSSELS",
    capacity: 1190,
    occupancy: 1.05,
    womenPlaces: 140,
    openedOn: BRUSSELS_MOVE_ON,
  },
  {
    key: "ittre",
    code: "ITT",
    nameFr: "Prison d'Ittre",
    nameNl: "Gevangenis van Itter",
    city: "Ittre",
    judicialDistrict: "WALLOON_BRABANT",
    region: "WALLONIA",
    capacity: 420,
    occupancy: 0.95,
    womenPlaces: 0,
    dradex: true,
  },
  {
    key: "nivelles",
    code: "NIV",
    nameFr: "Prison de Nivelles",
    nameNl: "Gevangenis van Nijvel",
    city: "Nivelles",
    judicialDistrict: "WALLOON_BRABANT",
    region: "WALLONIA",
    capacity: 200,
    occupancy: 1.05,
    womenPlaces: 0,
  },
  {
    key: "mons",
    code: "MON",
    nameFr: "Prison de Mons",
    nameNl: "Gevangenis van Bergen",
    city: "Mons",
    judicialDistrict: "HAINAUT",
    region: "WALLONIA",
    capacity: 300,
    occupancy: 1.3,
    womenPlaces: 50,
  },
  {
    key: "jamioulx",
    code: "JAM",
    nameFr: "Prison de Jamioulx",
    nameNl: "Gevangenis van Jamioulx",
    city: "Jamioulx",
    judicialDistrict: "HAINAUT",
    region: "WALLONIA",
    capacity: 300,
    occupancy: 1.3,
    womenPlaces: 0,
  },
  {
    key: "leuze-en-hainaut",
    code: "LEU",
    nameFr: "Prison de Leuze-en-Hainaut",
    nameNl: "Gevangenis van Leuze-en-Hainaut",
    city: "Leuze-en-Hainaut",
    judicialDistrict: "HAINAUT",
    region: "WALLONIA",
    capacity: 310,
    occupancy: 1.0,
    womenPlaces: 0,
  },
  {
    key: "tournai",
    code: "TOU",
    nameFr: "Prison de Tournai",
    nameNl: "Gevangenis van Doornik",
    city: "Tournai",
    judicialDistrict: "HAINAUT",
    region: "WALLONIA",
    capacity: 190,
    occupancy: 1.2,
    womenPlaces: 0,
  },
  {
    key: "lantin",
    code: "LAN",
    nameFr: "Prison de Lantin",
    nameNl: "Gevangenis van Lantin",
    city: "Lantin",
    judicialDistrict: "LIEGE",
    region: "WALLONIA",
    capacity: 760,
    occupancy: 1.15,
    womenPlaces: 100,
    satellite: true,
  },
  {
    key: "huy",
    code: "HUY",
    nameFr: "Prison de Huy",
    nameNl: "Gevangenis van Hoei",
    city: "Huy",
    judicialDistrict: "LIEGE",
    region: "WALLONIA",
    capacity: 60,
    occupancy: 1.2,
    womenPlaces: 0,
    unsuitable: true,
  },
  {
    key: "marche-en-famenne",
    code: "MAR",
    nameFr: "Prison de Marche-en-Famenne",
    nameNl: "Gevangenis van Marche-en-Famenne",
    city: "Marche-en-Famenne",
    judicialDistrict: "LUXEMBOURG",
    region: "WALLONIA",
    capacity: 310,
    occupancy: 1.0,
    womenPlaces: 0,
  },
  {
    key: "arlon",
    code: "ARL",
    nameFr: "Prison d'Arlon",
    nameNl: "Gevangenis van Aarlen",
    city: "Arlon",
    judicialDistrict: "LUXEMBOURG",
    region: "WALLONIA",
    capacity: 110,
    occupancy: 1.15,
    womenPlaces: 0,
  },
  {
    key: "saint-hubert",
    code: "SHU",
    nameFr: "Prison de Saint-Hubert",
    nameNl: "Gevangenis van Saint-Hubert",
    city: "Saint-Hubert",
    judicialDistrict: "LUXEMBOURG",
    region: "WALLONIA",
    capacity: 300,
    occupancy: 0.95,
    womenPlaces: 0,
  },
  {
    key: "namur",
    code: "NAM",
    nameFr: "Prison de Namur",
    nameNl: "Gevangenis van Namen",
    city: "Namur",
    judicialDistrict: "NAMUR",
    region: "WALLONIA",
    capacity: 170,
    occupancy: 1.3,
    womenPlaces: 30,
  },
  {
    key: "andenne",
    code: "AND",
    nameFr: "Prison d'Andenne",
    nameNl: "Gevangenis van Andenne",
    city: "Andenne",
    judicialDistrict: "NAMUR",
    region: "WALLONIA",
    capacity: 400,
    occupancy: 1.0,
    womenPlaces: 0,
    satellite: true,
  },
  {
    key: "dinant",
    code: "DIN",
    nameFr: "Prison de Dinant",
    nameNl: "Gevangenis van Dinant",
    city: "Dinant",
    judicialDistrict: "NAMUR",
    region: "WALLONIA",
    capacity: 30,
    occupancy: 1.2,
    womenPlaces: 0,
    unsuitable: true,
  },
  {
    key: "paifve",
    code: "PAI",
    nameFr: "Établissement de défense sociale de Paifve",
    nameNl: "Inrichting tot bescherming van de maatschappij Paifve",
    city: "Paifve",
    judicialDistrict: "LIEGE",
    region: "WALLONIA",
    capacity: 200,
    occupancy: 1.0,
    womenPlaces: 0,
    unsuitable: true,
  },
  {
    key: "marneffe",
    code: "MFF",
    nameFr: "Prison de Marneffe",
    nameNl: "Gevangenis van Marneffe",
    city: "Marneffe",
    judicialDistrict: "LIEGE",
    region: "WALLONIA",
    capacity: 130,
    occupancy: 0.95,
    womenPlaces: 0,
    unsuitable: true,
  },
];

/** An establishment with the generator's working attributes beside the seeded ones. */
export interface EstablishmentInfo {
  seed: SeedEstablishment;
  key: string;
  region: Region;
  capacity: number;
  occupancy: number;
  womenPlaces: number;
  womenOnly: boolean;
  satellite: boolean;
  unsuitable: boolean;
  ordinaryUnitKey: string;
  womenUnitKey: string | null;
  dradexUnitKey: string | null;
}

function unitsOf(spec: EstablishmentSpec): SeedUnit[] {
  const units: SeedUnit[] = [
    {
      key: `${spec.key}-ordinary`,
      code: `${spec.code}-ORD`,
      name: "Ordinary regime",
      kind: "ORDINARY",
      capacity: null,
    },
  ];
  if (spec.dradex)
    units.push({
      key: `${spec.key}-dradex`,
      code: `${spec.code}-DRX`,
      name: "D-Rad:Ex unit",
      kind: "DRADEX",
      capacity: DRADEX_CAPACITY,
    });
  if (spec.womenPlaces > 0)
    units.push({
      key: `${spec.key}-women`,
      code: `${spec.code}-WOM`,
      name: "Women's section",
      kind: "WOMEN",
      capacity: spec.womenPlaces,
    });
  return units;
}

function toInfo(spec: EstablishmentSpec): EstablishmentInfo {
  const seed: SeedEstablishment = {
    key: spec.key,
    code: spec.code,
    nameFr: spec.nameFr,
    nameNl: spec.nameNl,
    city: spec.city,
    judicialDistrict: spec.judicialDistrict,
    capacity: spec.capacity,
    holdsWomen: spec.womenPlaces > 0,
    openedOn: spec.openedOn ?? null,
    closedOn: spec.closedOn ?? null,
    units: unitsOf(spec),
  };
  return {
    seed,
    key: spec.key,
    region: spec.region,
    capacity: spec.capacity,
    occupancy: spec.occupancy,
    womenPlaces: spec.womenPlaces,
    womenOnly: spec.womenOnly ?? false,
    satellite: spec.satellite ?? false,
    unsuitable: spec.unsuitable ?? false,
    ordinaryUnitKey: `${spec.key}-ordinary`,
    womenUnitKey: spec.womenPlaces > 0 ? `${spec.key}-women` : null,
    dradexUnitKey: spec.dradex ? `${spec.key}-dradex` : null,
  };
}

export const ESTABLISHMENTS: readonly EstablishmentInfo[] = SPECS.map(toInfo);

export function establishmentByKey(key: string): EstablishmentInfo {
  const found = ESTABLISHMENTS.find((e) => e.key === key);
  if (!found) throw new Error(`unknown establishment ${key}`);
  return found;
}

/** Open on the date: opened on or before it and not yet closed. */
export function isOpenOn(e: EstablishmentInfo, date: IsoDate): boolean {
  return (
    (e.seed.openedOn === null || e.seed.openedOn <= date) &&
    (e.seed.closedOn === null || date < e.seed.closedOn)
  );
}

/** The reference establishments, as seeded (fresh copies, so callers may not alter the constants). */
export function seedEstablishments(): SeedEstablishment[] {
  return ESTABLISHMENTS.map((e) => ({ ...e.seed, units: e.seed.units.map((u) => ({ ...u })) }));
}
