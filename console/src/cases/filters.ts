import type { QueryValue } from '../api/client';

/** Every filter of GET /api/cases (CaseController.search), as the search form and the address hold them. */
export interface CaseFilters {
  agency: string;
  region: string;
  status: string;
  kind: string;
  behaviour: string;
  species: string;
  protectionLevel: string;
  grade: string;
  /** Calendar dates (yyyy-MM-dd), Beijing time; sent as instants. */
  openedFrom: string;
  openedBefore: string;
  operationId: string;
  flag: string;
  /** '', 'true' or 'false'. */
  supervised: string;
  overdue: string;
  sort: string;
}

export const FILTER_NAMES: readonly (keyof CaseFilters)[] = [
  'agency',
  'region',
  'status',
  'kind',
  'behaviour',
  'species',
  'protectionLevel',
  'grade',
  'openedFrom',
  'openedBefore',
  'operationId',
  'flag',
  'supervised',
  'overdue',
  'sort',
];

export function emptyCaseFilters(): CaseFilters {
  return Object.fromEntries(FILTER_NAMES.map((n) => [n, ''])) as unknown as CaseFilters;
}

/** The start of a Beijing calendar day as an instant: officers pick dates, the API takes instants. */
export function beijingDayStart(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error(`not a date: ${date}`);
  }
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The filters as the API's query parameters: dates as instants, empty filters left out. */
export function caseQuery(filters: CaseFilters): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = { ...filters };
  query.openedFrom = filters.openedFrom ? beijingDayStart(filters.openedFrom) : '';
  query.openedBefore = filters.openedBefore ? beijingDayStart(filters.openedBefore) : '';
  return query;
}

/** Filters from the address (unknown parameters ignored). */
export function filtersFrom(query: Record<string, unknown>): CaseFilters {
  const filters = emptyCaseFilters();
  for (const name of FILTER_NAMES) {
    const value = query[name];
    if (typeof value === 'string') filters[name] = value;
  }
  return filters;
}
