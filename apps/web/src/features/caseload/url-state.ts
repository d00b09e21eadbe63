import { DetentionStatus, LegacyCategory } from "@continuum/domain";
import type { CardCaseloadQueryVariables, PersonSortField } from "@/gql/graphql";

/**
 * The caseload's state lives in the URL so that a view can be shared, bookmarked and walked with
 * the back button:
 *   q=<text>  category=A&category=C  establishment=<id>  status=DETAINED  overdue=1  sort=<key>  dir=asc|desc
 *   after=<cursor>&after=<cursor>…   the cursors of the pages before this one, oldest first
 *                                    (the API pages forward only; "previous" drops the last one).
 */
export const PAGE_SIZE = 25;
export const SEARCH_MAX_LENGTH = 100;
/** Beyond this many pages the trail is dropped (keeps URLs bounded). */
export const MAX_TRAIL = 200;

export const SORT_FIELDS = {
  name: "NAME",
  category: "CATEGORY",
  establishment: "ESTABLISHMENT",
  due: "NEXT_SCREENING_DUE",
  admitted: "ADMITTED_ON",
} as const satisfies Record<string, PersonSortField>;
export type SortKey = keyof typeof SORT_FIELDS;
export type SortDirection = "asc" | "desc";

export type Category = LegacyCategory;
export const CATEGORIES: readonly Category[] = Object.values(LegacyCategory);

export const STATUSES: readonly DetentionStatus[] = Object.values(DetentionStatus);

export interface CaseloadState {
  search: string;
  categories: Category[];
  establishmentId: string | null;
  /** Only persons in this detention status; null for all. */
  status: DetentionStatus | null;
  overdue: boolean;
  sort: SortKey;
  direction: SortDirection;
  /** The `after` cursors of the previous pages, first page's first; empty on the first page. */
  trail: string[];
}

export const DEFAULT_STATE: CaseloadState = {
  search: "",
  categories: [],
  establishmentId: null,
  status: null,
  overdue: false,
  sort: "name",
  direction: "asc",
  trail: [],
};

/** What Next.js passes as `searchParams`, or a URLSearchParams. */
export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function all(params: RawSearchParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function first(params: RawSearchParams, key: string): string | undefined {
  return all(params, key)[0];
}

function isSortKey(value: string | undefined): value is SortKey {
  return value !== undefined && Object.hasOwn(SORT_FIELDS, value);
}

/** Opaque cursors and global IDs are base64url-ish text; anything else is dropped, not sent. */
const TOKEN = /^[A-Za-z0-9_=+/-]{1,512}$/;

/** Reads the caseload state from the URL. Unknown or malformed values fall back to the defaults. */
export function parseCaseloadState(params: RawSearchParams): CaseloadState {
  const search = (first(params, "q") ?? "").trim().slice(0, SEARCH_MAX_LENGTH);
  const categories = CATEGORIES.filter((c) => all(params, "category").some((v) => v.toUpperCase() === c));
  const establishment = first(params, "establishment")?.trim() ?? "";
  const status = STATUSES.find((s) => s === first(params, "status")?.toUpperCase()) ?? null;
  const sort = first(params, "sort");
  const direction = first(params, "dir");
  const trail = all(params, "after").filter((c) => TOKEN.test(c));
  return {
    search,
    categories,
    establishmentId: TOKEN.test(establishment) ? establishment : null,
    status,
    overdue: ["1", "true", "on"].includes(first(params, "overdue") ?? ""),
    sort: isSortKey(sort) ? sort : DEFAULT_STATE.sort,
    direction: direction === "desc" ? "desc" : "asc",
    trail: trail.length > MAX_TRAIL ? [] : trail,
  };
}

/** The canonical query string of a state: defaults left out, a stable order. */
export function toSearchParams(state: CaseloadState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search !== "") params.set("q", state.search);
  for (const c of CATEGORIES) if (state.categories.includes(c)) params.append("category", c);
  if (state.establishmentId !== null) params.set("establishment", state.establishmentId);
  if (state.status !== null) params.set("status", state.status);
  if (state.overdue) params.set("overdue", "1");
  if (state.sort !== DEFAULT_STATE.sort || state.direction !== DEFAULT_STATE.direction) {
    params.set("sort", state.sort);
    params.set("dir", state.direction);
  }
  for (const cursor of state.trail) params.append("after", cursor);
  return params;
}

/** A link to the caseload in this state, for `pathname` (e.g. "/nl/caseload"). */
export function caseloadHref(pathname: string, state: CaseloadState): string {
  const query = toSearchParams(state).toString();
  return query === "" ? pathname : `${pathname}?${query}`;
}

/** Sorting by a column: the same column flips the direction; another one starts ascending, page 1. */
export function sortedBy(state: CaseloadState, sort: SortKey): CaseloadState {
  const direction: SortDirection = state.sort === sort && state.direction === "asc" ? "desc" : "asc";
  return { ...state, sort, direction, trail: [] };
}

export function nextPage(state: CaseloadState, endCursor: string): CaseloadState {
  return { ...state, trail: [...state.trail, endCursor] };
}

export function previousPage(state: CaseloadState): CaseloadState {
  return { ...state, trail: state.trail.slice(0, -1) };
}

export function firstPage(state: CaseloadState): CaseloadState {
  return { ...state, trail: [] };
}

/** 1-based number of the page this state shows. */
export function pageNumber(state: CaseloadState): number {
  return state.trail.length + 1;
}

export function hasFilters(state: CaseloadState): boolean {
  return (
    state.search !== "" ||
    state.categories.length > 0 ||
    state.establishmentId !== null ||
    state.status !== null ||
    state.overdue
  );
}

/** Which data the viewer reads somewhere: filters and sorting on other data are not offered. */
export interface CaseloadScope {
  listing: boolean;
  detention: boolean;
}

const SORT_NEEDS: Record<SortKey, keyof CaseloadScope | null> = {
  name: null,
  category: "listing",
  due: "listing",
  establishment: "detention",
  admitted: "detention",
};

/** Whether the viewer may sort by this column. */
export function sortAllowed(sort: SortKey, scope: CaseloadScope): boolean {
  const needs = SORT_NEEDS[sort];
  return needs === null || scope[needs];
}

/**
 * The state without the filters and sorting that need data the viewer does not read (a card-only
 * viewer keeps the search only). A hand-written URL cannot filter on what the viewer may not see.
 */
export function narrowState(state: CaseloadState, scope: CaseloadScope): CaseloadState {
  const sortable = sortAllowed(state.sort, scope);
  return {
    ...state,
    categories: scope.listing ? state.categories : [],
    overdue: scope.listing ? state.overdue : false,
    establishmentId: scope.detention ? state.establishmentId : null,
    status: scope.detention ? state.status : null,
    sort: sortable ? state.sort : DEFAULT_STATE.sort,
    direction: sortable ? state.direction : DEFAULT_STATE.direction,
  };
}

/** The `persons` query's variables for this state. */
export function toVariables(state: CaseloadState): CardCaseloadQueryVariables {
  const filter: NonNullable<CardCaseloadQueryVariables["filter"]> = {};
  if (state.search !== "") filter.search = state.search;
  if (state.categories.length > 0) filter.categories = state.categories;
  if (state.establishmentId !== null) filter.establishmentIds = [state.establishmentId];
  if (state.status !== null) filter.detentionStatuses = [state.status];
  if (state.overdue) filter.screeningOverdue = true;
  return {
    first: PAGE_SIZE,
    after: state.trail.at(-1) ?? null,
    filter,
    orderBy: { field: SORT_FIELDS[state.sort], direction: state.direction === "desc" ? "DESC" : "ASC" },
  };
}
