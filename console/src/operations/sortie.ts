import { ApiProblem } from '../api/client';
import type { NewSortie, PlaceKind } from './types';

/**
 * The places a sortie counts, in the results table's order. Breeding sites are not among them: the API counts them
 * from inspection records and refuses them on a sortie.
 */
export const SORTIE_PLACES: PlaceKind[] = ['HABITAT', 'MARKET', 'LIVE_POULTRY_SHOP', 'RESTAURANT', 'PET_SHOP', 'ONLINE_PLATFORM'];

export interface SortieValues {
  region: string;
  on: string;
  personnel: number;
  vehicles: number;
  places: Record<string, number>;
  hotspot: string;
  note: string;
}

export type SortieField = 'region' | 'on' | 'personnel' | 'vehicles' | 'hotspot' | 'note';

export function emptySortie(region: string, on: string): SortieValues {
  return {
    region,
    on,
    personnel: 0,
    vehicles: 0,
    places: Object.fromEntries(SORTIE_PLACES.map((k) => [k, 0])),
    hotspot: '',
    note: '',
  };
}

/** What the form cannot send: the API requires a region code and a day. */
export function missingSortieFields(values: SortieValues): SortieField[] {
  const missing: SortieField[] = [];
  if (!/^[1-9][0-9]{5}$/.test(values.region.trim())) missing.push('region');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.on)) missing.push('on');
  return missing;
}

/** The request: only the places with a count, in the form's order; empty texts left out. */
export function sortieBody(values: SortieValues): NewSortie {
  const body: NewSortie = {
    region: values.region.trim(),
    on: values.on,
    personnel: values.personnel,
    vehicles: values.vehicles,
    places: SORTIE_PLACES.filter((k) => (values.places[k] ?? 0) !== 0).map((kind) => ({ kind, count: values.places[kind] })),
  };
  if (values.hotspot.trim()) body.hotspot = values.hotspot.trim();
  if (values.note.trim()) body.note = values.note.trim();
  return body;
}

/**
 * A problem's messages for one place kind: the API names a place by its index in the request sent (`places[1].count`),
 * which the form maps back to the kind it showed.
 */
export function placeMessages(error: unknown, sent: NewSortie | null, kind: PlaceKind): string[] {
  if (!(error instanceof ApiProblem) || !sent) return [];
  const index = sent.places.findIndex((p) => p.kind === kind);
  if (index < 0) return [];
  return error.errors
    .filter((e) => typeof e.field === 'string' && (e.field === `places[${index}]` || e.field.startsWith(`places[${index}].`)))
    .map((e) => e.message ?? '')
    .filter((m) => m.length > 0);
}
