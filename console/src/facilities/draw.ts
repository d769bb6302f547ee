// The 双随机 draw's form and announcement: the roster as officers type it, the request the API takes.

import type { Announcement, Draw, RosterEntry } from './types';

/**
 * The roster typed one inspector a line: a name, then optionally the facilities they must not inspect after a colon
 * (全角 or half-width), separated by commas, 、 or spaces. Blank lines are ignored; a name given twice is an error.
 */
export function parseRoster(text: string): { roster: RosterEntry[]; errors: { line: number; message: 'duplicate' | 'name' }[] } {
  const roster: RosterEntry[] = [];
  const errors: { line: number; message: 'duplicate' | 'name' }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const colon = line.search(/[:：]/);
    const name = (colon < 0 ? line : line.slice(0, colon)).trim();
    const conflicts = colon < 0 ? [] : line.slice(colon + 1).split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);
    if (!name) {
      errors.push({ line: index + 1, message: 'name' });
    } else if (roster.some((r) => r.name === name)) {
      errors.push({ line: index + 1, message: 'duplicate' });
    } else {
      roster.push({ name, conflicts });
    }
  });
  return { roster, errors };
}

/** The body of POST /api/inspections/draws: never a seed (the server draws it, and refuses one). */
export function drawRequest(form: { region: string; facilityCount: number; inspectorsPerFacility: number; plannedFor: string }, roster: RosterEntry[]) {
  return {
    region: form.region.trim(),
    facilityCount: form.facilityCount,
    inspectorsPerFacility: form.inspectorsPerFacility,
    plannedFor: form.plannedFor,
    roster: roster.map((r) => (r.conflicts.length ? { name: r.name, conflicts: r.conflicts } : { name: r.name })),
  };
}

/** The facilities drawn, in the draw's order, each with its inspectors. */
export function drawnFacilities(draw: Pick<Draw, 'inspectorsByFacility'> | Pick<Announcement, 'facilities'>): { facilityId: string; inspectors: string[] }[] {
  if ('facilities' in draw) return draw.facilities.map((f) => ({ facilityId: f.facilityId, inspectors: f.inspectors }));
  return Object.entries(draw.inspectorsByFacility).map(([facilityId, inspectors]) => ({ facilityId, inspectors }));
}

/** Where anyone reads a published draw, without a token (the gateway leaves it public). */
export function announcementPath(drawId: string): string {
  return `/api/inspections/draws/${encodeURIComponent(drawId)}/announcement`;
}

/** Today in Beijing as YYYY-MM-DD: the planned day a draw's form starts with. */
export function todayInBeijing(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
