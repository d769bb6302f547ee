/** What inspection-service answers about joint special operations (`/api/operations`), as the console reads it. */

export type PlaceKind = 'HABITAT' | 'MARKET' | 'LIVE_POULTRY_SHOP' | 'BREEDING_SITE' | 'RESTAURANT' | 'PET_SHOP' | 'ONLINE_PLATFORM';

export interface Participant {
  agency: string;
  office: string;
  duties: string;
}

export interface Phase {
  name: string;
  from: string;
  to: string;
  tasks: string;
}

export interface Duty {
  agency: string;
  description: string;
  everyDays: number;
  hotspots: string[];
}

export interface Operation {
  id: string;
  name: string;
  leadAgency: string;
  leadOffice: string;
  region: string;
  startsOn: string;
  endsOn: string;
  participants: Participant[];
  phases: Phase[];
  targetPlaces: PlaceKind[];
  targetBehaviours: string[];
  recurringDuties: Duty[];
  reportingRegions: string[];
  monthlyDueDay: number;
  finalReportDue: string | null;
  enteredBy: string;
  enteredAt: string;
  version: number;
}

export type ReportState = 'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_DUE';

/** One report owed (`GET /api/operations/{id}/reports`): a region's monthly summary (yyyy-MM) or the FINAL report. */
export interface ReportStatus {
  region: string;
  period: string;
  dueOn: string;
  state: ReportState;
  submittedOn: string | null;
}

export type ResultsLevel = 'PROVINCE' | 'CITY' | 'COUNTY';

export interface ResultsRow {
  region: string;
  level: ResultsLevel;
  values: Record<string, number>;
  sources: Record<string, string[]>;
}

/** The results table (成果表, `GET /api/operations/{id}/results`): county rows rolled up into cities and the province. */
export interface ResultsTable {
  operationId: string;
  operationName: string;
  region: string;
  from: string;
  to: string;
  computedAt: string;
  rows: ResultsRow[];
}

export interface SortiePlaces {
  kind: PlaceKind;
  count: number;
}

/** What `POST /api/operations/{id}/sorties` takes. */
export interface NewSortie {
  region: string;
  on: string;
  personnel: number;
  vehicles: number;
  places: SortiePlaces[];
  hotspot?: string;
  note?: string;
}

export interface Sortie extends NewSortie {
  id: string;
  operationId: string;
  agency: string;
  enteredBy: string;
  enteredAt: string;
}
