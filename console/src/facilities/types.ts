// What inspection-service answers about facilities, inspections, rectification orders and draws, as far as the
// console reads it (FacilityController, FacilityImportController, InspectionController, RectificationController).

import type { FieldError } from '../api/client';

export interface Holding {
  speciesCode: string;
  count: number;
}

export interface LedgerEntry {
  on: string;
  speciesCode: string;
  previous: number | null;
  count: number;
  source: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Measure {
  id: string;
  kind: string;
  appliedOn: string;
  reason: string;
  rectificationOrderId: string | null;
  appliedBy: string;
  liftedOn: string | null;
  liftReason: string | null;
}

export interface Facility {
  id: string;
  name: string;
  region: string;
  address: string;
  licenceNumber: string;
  licenceValidFrom: string | null;
  licenceValidUntil: string;
  licensedSpeciesCodes: string[];
  purposes: string[];
  holdings: Holding[];
  ledger: LedgerEntry[];
  measures: Measure[];
  registeredAt: string;
  version: number;
}

export interface FacilityPage {
  items: Facility[];
  page: number;
  size: number;
  total: number;
}

/** An import job (FacilityImports.Job): the good rows are registered in the background. */
export interface ImportJob {
  id: string;
  region: string;
  createdBy: string;
  status: 'RUNNING' | 'DONE' | 'INTERRUPTED';
  rows: number;
  total: number;
  processed: number;
  imported: number;
  skipped: FieldError[];
  failed: FieldError[];
  facilityIds: string[];
  startedAt: string;
  finishedAt: string | null;
}

export interface Check {
  item: string;
  passed: boolean;
  note: string | null;
}

export interface Finding {
  id: string;
  item: string;
  description: string;
  suspectedCrime: boolean;
  speciesCodes: string[];
}

export interface Inspection {
  id: string;
  facilityId: string;
  facilityName: string;
  region: string;
  status: 'PLANNED' | 'RECORDED';
  drawId: string | null;
  plannedFor: string;
  inspectors: string[];
  inspectedAt: string | null;
  checklist: Check[];
  discrepancies: { speciesCode: string; ledger: number; counted: number }[];
  findings: Finding[];
  recordedBy: string | null;
  operationId: string | null;
  clues: { findingId: string; clueId: string; agency: string }[];
  version: number;
}

export interface RectificationOrder {
  id: string;
  inspectionId: string;
  facilityId: string;
  findingId: string;
  region: string;
  requirement: string;
  orderedAt: string;
  dueBy: string;
  dueAt: string;
  status: 'ORDERED' | 'ACCEPTED' | 'REJECTED';
  reinspectedAt: string | null;
  reinspectionNote: string | null;
  reinspectedBy: string | null;
  missedDeadline: boolean;
  version: number;
}

export interface RosterEntry {
  name: string;
  conflicts: string[];
}

/** A draw as recorded (Draw): the server's seed, the inputs as they stood, the result. */
export interface Draw {
  id: string;
  region: string;
  seed: number;
  algorithm: string;
  facilityCount: number;
  inspectorsPerFacility: number;
  plannedFor: string;
  candidates: string[];
  roster: RosterEntry[];
  inspectorsByFacility: Record<string, string[]>;
  inspectionIds: string[];
  drawnAt: string;
  drawnBy: string;
  published: boolean;
  publishedAt: string | null;
}

export interface Verification {
  drawId: string;
  seed: number;
  algorithm: string;
  reproduced: boolean;
  redrawn: Record<string, string[]>;
}

/** A published draw as announced to anyone (InspectionWork.Announcement). */
export interface Announcement {
  drawId: string;
  region: string;
  plannedFor: string;
  seed: number;
  algorithm: string;
  drawnFrom: number;
  candidates: string[];
  roster: RosterEntry[];
  facilityCount: number;
  inspectorsPerFacility: number;
  publishedAt: string;
  facilities: { facilityId: string; facilityName: string; inspectors: string[] }[];
}

/** A draw as listed (`GET /api/inspections/draws`, Draw.Summary): no seed or inputs, which the draw itself holds. */
export interface DrawSummary {
  id: string;
  region: string;
  plannedFor: string;
  drawnFrom: number;
  facilityCount: number;
  inspectorsPerFacility: number;
  facilityIds: string[];
  drawnAt: string;
  drawnBy: string;
  published: boolean;
  publishedAt: string | null;
}

export interface DrawPage {
  items: DrawSummary[];
  page: number;
  size: number;
  total: number;
}
