import { describe, expect, it } from "vitest";
import {
  caseloadHref,
  DEFAULT_STATE,
  firstPage,
  hasFilters,
  MAX_TRAIL,
  narrowState,
  nextPage,
  PAGE_SIZE,
  pageNumber,
  parseCaseloadState,
  previousPage,
  SEARCH_MAX_LENGTH,
  sortAllowed,
  sortedBy,
  toSearchParams,
  toVariables,
} from "./url-state";

describe("parseCaseloadState", () => {
  it("reads an empty URL as the default view", () => {
    expect(parseCaseloadState({})).toEqual(DEFAULT_STATE);
  });

  it("reads every parameter, from Next.js searchParams or URLSearchParams", () => {
    const expected = {
      search: "Dupont",
      categories: ["A", "C"],
      establishmentId: "RXN0YWJsaXNobWVudDox",
      status: "DETAINED",
      overdue: true,
      sort: "due",
      direction: "desc",
      trail: ["Y3Vyc29yMQ", "Y3Vyc29yMg"],
    };
    expect(
      parseCaseloadState({
        q: "  Dupont ",
        category: ["C", "A"],
        establishment: "RXN0YWJsaXNobWVudDox",
        status: "detained",
        overdue: "1",
        sort: "due",
        dir: "desc",
        after: ["Y3Vyc29yMQ", "Y3Vyc29yMg"],
      }),
    ).toEqual(expected);
    expect(
      parseCaseloadState(
        new URLSearchParams(
          "q=Dupont&category=A&category=C&establishment=RXN0YWJsaXNobWVudDox&status=DETAINED&overdue=1&sort=due&dir=desc&after=Y3Vyc29yMQ&after=Y3Vyc29yMg",
        ),
      ),
    ).toEqual(expected);
  });

  it("drops unknown or malformed values instead of sending them", () => {
    const state = parseCaseloadState({
      category: ["X", "b", "A", "A"],
      establishment: "not an id; drop table",
      sort: "constructor",
      dir: "sideways",
      after: ["ok_cursor", "bad cursor!"],
      overdue: "maybe",
      status: "ESCAPED",
    });
    expect(state.categories).toEqual(["A", "B"]);
    expect(state.establishmentId).toBeNull();
    expect(state.sort).toBe("name");
    expect(state.direction).toBe("asc");
    expect(state.trail).toEqual(["ok_cursor"]);
    expect(state.overdue).toBe(false);
    expect(state.status).toBeNull();
  });

  it("treats an empty establishment (the 'all' option) as none", () => {
    expect(parseCaseloadState({ establishment: "" }).establishmentId).toBeNull();
  });

  it("caps the search text at the API's limit", () => {
    expect(parseCaseloadState({ q: "x".repeat(500) }).search).toHaveLength(SEARCH_MAX_LENGTH);
  });

  it("drops an unreasonably long trail", () => {
    const after = Array.from({ length: MAX_TRAIL + 1 }, (_, i) => `c${i}`);
    expect(parseCaseloadState({ after }).trail).toEqual([]);
  });
});

describe("toSearchParams", () => {
  it("leaves the defaults out", () => {
    expect(toSearchParams(DEFAULT_STATE).toString()).toBe("");
  });

  it("round-trips through parseCaseloadState", () => {
    const state = {
      ...DEFAULT_STATE,
      search: "é ü & =",
      categories: ["B" as const, "E" as const],
      establishmentId: "RXN0OjI",
      status: "RELEASED" as const,
      overdue: true,
      sort: "establishment" as const,
      direction: "desc" as const,
      trail: ["Y3Vy_c29y-MQ"],
    };
    expect(parseCaseloadState(toSearchParams(state))).toEqual(state);
  });

  it("is canonical: parsing and writing again gives the same string", () => {
    const query = "category=C&category=A&q=x&dir=asc&sort=category";
    const once = toSearchParams(parseCaseloadState(new URLSearchParams(query))).toString();
    expect(toSearchParams(parseCaseloadState(new URLSearchParams(once))).toString()).toBe(once);
    expect(once).toBe("q=x&category=A&category=C&sort=category&dir=asc");
  });
});

describe("navigation", () => {
  it("builds links on the caseload path", () => {
    expect(caseloadHref("/nl/caseload", DEFAULT_STATE)).toBe("/nl/caseload");
    expect(caseloadHref("/nl/caseload", { ...DEFAULT_STATE, search: "a b" })).toBe("/nl/caseload?q=a+b");
  });

  it("sorting by the same column flips the direction; another column starts ascending on page 1", () => {
    const onPage3 = { ...DEFAULT_STATE, trail: ["c1", "c2"] };
    const byName = sortedBy(onPage3, "name");
    expect(byName).toMatchObject({ sort: "name", direction: "desc", trail: [] });
    expect(sortedBy(byName, "name").direction).toBe("asc");
    expect(sortedBy(byName, "due")).toMatchObject({ sort: "due", direction: "asc" });
  });

  it("walks pages forward and back with the cursor trail", () => {
    const page2 = nextPage(DEFAULT_STATE, "c1");
    const page3 = nextPage(page2, "c2");
    expect(pageNumber(DEFAULT_STATE)).toBe(1);
    expect(pageNumber(page3)).toBe(3);
    expect(previousPage(page3)).toEqual(page2);
    expect(previousPage(page2)).toEqual(DEFAULT_STATE);
    expect(firstPage(page3).trail).toEqual([]);
  });

  it("knows when the list is narrowed", () => {
    expect(hasFilters(DEFAULT_STATE)).toBe(false);
    expect(hasFilters({ ...DEFAULT_STATE, sort: "due" })).toBe(false);
    expect(hasFilters({ ...DEFAULT_STATE, overdue: true })).toBe(true);
  });
});

describe("toVariables", () => {
  it("asks for the first page sorted by name by default", () => {
    expect(toVariables(DEFAULT_STATE)).toEqual({
      first: PAGE_SIZE,
      after: null,
      filter: {},
      orderBy: { field: "NAME", direction: "ASC" },
    });
  });

  it("sends the filters and the last cursor of the trail", () => {
    expect(
      toVariables({
        search: "x",
        categories: ["D"],
        establishmentId: "E1",
        status: "RELEASED",
        overdue: true,
        sort: "due",
        direction: "desc",
        trail: ["c1", "c2"],
      }),
    ).toEqual({
      first: PAGE_SIZE,
      after: "c2",
      filter: {
        search: "x",
        categories: ["D"],
        establishmentIds: ["E1"],
        detentionStatuses: ["RELEASED"],
        screeningOverdue: true,
      },
      orderBy: { field: "NEXT_SCREENING_DUE", direction: "DESC" },
    });
  });
});

describe("narrowState", () => {
  const full = {
    search: "x",
    categories: ["D" as const],
    establishmentId: "E1",
    status: "DETAINED" as const,
    overdue: true,
    sort: "due" as const,
    direction: "desc" as const,
    trail: ["c1"],
  };
  it("keeps everything for a viewer who reads listing and detention data", () => {
    expect(narrowState(full, { listing: true, detention: true })).toEqual(full);
  });
  it("drops listing filters and sorting without listing data", () => {
    expect(narrowState(full, { listing: false, detention: true })).toEqual({
      ...full,
      categories: [],
      overdue: false,
      sort: "name",
      direction: "asc",
    });
  });
  it("keeps only the search (and the page) for a card-only viewer", () => {
    expect(narrowState(full, { listing: false, detention: false })).toEqual({
      ...DEFAULT_STATE,
      search: "x",
      trail: ["c1"],
    });
  });
  it("tells which columns sort", () => {
    expect(sortAllowed("name", { listing: false, detention: false })).toBe(true);
    expect(sortAllowed("establishment", { listing: true, detention: false })).toBe(false);
    expect(sortAllowed("category", { listing: true, detention: false })).toBe(true);
  });
});
