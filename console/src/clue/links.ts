/**
 * Links across agencies (`GET /api/links?recordId=`, LinkController): records of different agencies naming the same
 * suspect's phone, ID number, vehicle plate or online shop. The API shows each side only as which record it is, whose
 * and where, and the identifier masked; the console shows no more than that.
 */
export interface LinkedRecord {
  kind: string;
  id: string;
  agency: string;
  region: string;
}

export interface Link {
  id: string;
  identifierType: string;
  maskedValue: string;
  records: LinkedRecord[];
  foundAt: string;
}

/** One record linked to the record on the page, and how. */
export interface LinkRow {
  key: string;
  record: LinkedRecord;
  identifierType: string;
  maskedValue: string;
  foundAt: string;
}

/** The other records of each link, newest link first; a record linked twice by the same identifier is listed once. */
export function linkRows(links: readonly Link[], recordId: string): LinkRow[] {
  const rows = new Map<string, LinkRow>();
  const newestFirst = [...links].sort((a, b) => b.foundAt.localeCompare(a.foundAt));
  for (const link of newestFirst) {
    for (const record of link.records) {
      if (record.id === recordId) continue;
      const key = `${record.kind}:${record.id}:${link.identifierType}:${link.maskedValue}`;
      if (!rows.has(key)) {
        rows.set(key, { key, record, identifierType: link.identifierType, maskedValue: link.maskedValue, foundAt: link.foundAt });
      }
    }
  }
  return [...rows.values()];
}

/**
 * The console page of a linked record, for the caller's own agency's records only: another agency's record is not
 * the caller's to open (ask that agency for the rest).
 */
export function linkedRecordPath(record: LinkedRecord, agency: string | undefined): string | null {
  if (record.agency !== agency) return null;
  const id = encodeURIComponent(record.id);
  if (record.kind === 'CLUE') return `/clues/${id}`;
  if (record.kind === 'CASE') return `/cases/${id}`;
  return null;
}
