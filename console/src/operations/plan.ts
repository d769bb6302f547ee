// Entering an operation as its plan writes it (POST /api/operations), and submitting a report on the report grid
// (POST /api/operations/{id}/reports): who is offered which, and the requests sent. The rules stay the API's.

import { covers, type OperationParties, type OperationsUser } from './access';
import type { PlaceKind, ReportStatus } from './types';

const WRITERS = ['OFFICER', 'HANDLER', 'AGENCY_HEAD'];

/** The places an operation may target, in the results table's order. */
export const TARGET_PLACES: PlaceKind[] = ['HABITAT', 'MARKET', 'LIVE_POULTRY_SHOP', 'BREEDING_SITE', 'RESTAURANT', 'PET_SHOP', 'ONLINE_PLATFORM'];

/** The agencies that take part in operations (the oversight agencies read them, they do not take part). */
export const PARTY_AGENCIES = ['FORESTRY', 'PUBLIC_SECURITY', 'MARKET_SUPERVISION', 'AGRICULTURE'];

/** An operation is entered by its lead office: an officer, handler or head of an agency that takes part. */
export function mayEnterOperations(user: OperationsUser | null | undefined): boolean {
  return !!user && PARTY_AGENCIES.includes(user.agency) && WRITERS.some((r) => user.roles.includes(r));
}

export interface PlanValues {
  name: string;
  leadOffice: string;
  region: string;
  startsOn: string;
  endsOn: string;
  participants: { agency: string; office: string; duties: string }[];
  phases: { name: string; from: string; to: string; tasks: string }[];
  targetPlaces: PlaceKind[];
  targetBehaviours: string;
  recurringDuties: { agency: string; description: string; everyDays: number; hotspots: string }[];
  reportingRegions: string;
  monthlyDueDay: number;
  finalReportDue: string;
}

/** A new plan: the caller's agency leads, in the caller's region, and takes part first. */
export function emptyPlan(user: { agency: string; region: string }): PlanValues {
  return {
    name: '',
    leadOffice: '',
    region: user.region,
    startsOn: '',
    endsOn: '',
    participants: [{ agency: user.agency, office: '', duties: '' }],
    phases: [{ name: '', from: '', to: '', tasks: '' }],
    targetPlaces: [],
    targetBehaviours: '',
    recurringDuties: [],
    reportingRegions: '',
    monthlyDueDay: 5,
    finalReportDue: '',
  };
}

/** One entry a line (behaviours), or separated by commas, 、 or spaces (regions, hotspots). */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function words(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The body of POST /api/operations; the lead agency is the caller's own (the API refuses another's). */
export function planBody(v: PlanValues, leadAgency: string) {
  const body: Record<string, unknown> = {
    name: v.name.trim(),
    leadAgency,
    leadOffice: v.leadOffice.trim(),
    region: v.region.trim(),
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    participants: v.participants.map((p) => ({ agency: p.agency, office: p.office.trim(), duties: p.duties.trim() })),
    phases: v.phases.map((p) => ({ name: p.name.trim(), from: p.from, to: p.to, tasks: p.tasks.trim() })),
    targetPlaces: v.targetPlaces,
    targetBehaviours: lines(v.targetBehaviours),
    recurringDuties: v.recurringDuties.map((d) => ({
      agency: d.agency,
      description: d.description.trim(),
      everyDays: d.everyDays,
      hotspots: words(d.hotspots),
    })),
    reportingRegions: words(v.reportingRegions),
    monthlyDueDay: v.monthlyDueDay,
  };
  if (v.finalReportDue) body.finalReportDue = v.finalReportDue;
  return body;
}

/**
 * What the form cannot send, named as the API names its fields (`phases[1].from`), so that the form marks them where
 * the API's own refusals would be shown.
 */
export function missingPlanFields(v: PlanValues): string[] {
  const missing: string[] = [];
  if (!v.name.trim()) missing.push('name');
  if (!v.leadOffice.trim()) missing.push('leadOffice');
  if (!/^[1-9][0-9]{5}$/.test(v.region.trim())) missing.push('region');
  if (!v.startsOn) missing.push('startsOn');
  if (!v.endsOn) missing.push('endsOn');
  if (v.participants.length === 0) missing.push('participants');
  v.participants.forEach((p, i) => {
    if (!p.agency) missing.push(`participants[${i}].agency`);
    if (!p.office.trim()) missing.push(`participants[${i}].office`);
    if (!p.duties.trim()) missing.push(`participants[${i}].duties`);
  });
  if (v.phases.length === 0) missing.push('phases');
  v.phases.forEach((p, i) => {
    if (!p.name.trim()) missing.push(`phases[${i}].name`);
    if (!p.from) missing.push(`phases[${i}].from`);
    if (!p.to) missing.push(`phases[${i}].to`);
    if (!p.tasks.trim()) missing.push(`phases[${i}].tasks`);
  });
  v.recurringDuties.forEach((d, i) => {
    if (!d.agency) missing.push(`recurringDuties[${i}].agency`);
    if (!d.description.trim()) missing.push(`recurringDuties[${i}].description`);
  });
  return missing;
}

/**
 * Whether the caller may submit a region's report for a period: the report is not in yet, and the caller is an
 * officer, handler or head of an agency taking part whose region covers the reporting region.
 */
export function maySubmitReport(
  user: OperationsUser | null | undefined,
  o: Pick<OperationParties, 'leadAgency' | 'participants'>,
  report: Pick<ReportStatus, 'region' | 'submittedOn'>,
): boolean {
  if (!user || report.submittedOn || !WRITERS.some((r) => user.roles.includes(r))) return false;
  const party = user.agency === o.leadAgency || o.participants.some((p) => p.agency === user.agency);
  return party && covers(user.region, report.region);
}

/** The body of POST /api/operations/{id}/reports; no day means today in Beijing, as the API takes it. */
export function reportBody(report: Pick<ReportStatus, 'region' | 'period'>, submittedOn: string) {
  return submittedOn ? { region: report.region, period: report.period, submittedOn } : { region: report.region, period: report.period };
}

/** Sorties as listed: newest day first, then by region. */
export function sortedSorties<T extends { on: string; region: string; enteredAt: string }>(sorties: readonly T[]): T[] {
  return [...sorties].sort((a, b) => b.on.localeCompare(a.on) || a.region.localeCompare(b.region) || b.enteredAt.localeCompare(a.enteredAt));
}
