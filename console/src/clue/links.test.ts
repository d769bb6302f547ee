import { describe, expect, it } from 'vitest';
import { linkRows, linkedRecordPath, type Link } from './links';

const clue = { kind: 'CLUE', id: 'FORESTRY-220112-AB12', agency: 'FORESTRY', region: '220112' };
const marketClue = { kind: 'CLUE', id: 'MARKET_SUPERVISION-220102-CD34', agency: 'MARKET_SUPERVISION', region: '220102' };
const policeCase = { kind: 'CASE', id: 'PUBLIC_SECURITY-220112-9', agency: 'PUBLIC_SECURITY', region: '220112' };

const links: Link[] = [
  { id: 'L1', identifierType: 'PHONE', maskedValue: '139****5678', records: [marketClue, clue], foundAt: '2026-11-20T02:00:00Z' },
  { id: 'L2', identifierType: 'VEHICLE_PLATE', maskedValue: '吉A·***34', records: [clue, policeCase], foundAt: '2026-11-22T02:00:00Z' },
  { id: 'L3', identifierType: 'PHONE', maskedValue: '139****5678', records: [clue, marketClue], foundAt: '2026-11-19T02:00:00Z' },
];

describe('links across agencies', () => {
  it('list the other records, newest link first, each by the identifier that linked it, once', () => {
    expect(linkRows(links, clue.id).map((r) => [r.record.id, r.identifierType, r.maskedValue])).toEqual([
      [policeCase.id, 'VEHICLE_PLATE', '吉A·***34'],
      [marketClue.id, 'PHONE', '139****5678'],
    ]);
  });

  it('are none for a record without links', () => {
    expect(linkRows([], clue.id)).toEqual([]);
  });

  it('open only the caller’s own agency’s records', () => {
    expect(linkedRecordPath(marketClue, 'FORESTRY')).toBeNull();
    expect(linkedRecordPath(marketClue, 'MARKET_SUPERVISION')).toBe('/clues/MARKET_SUPERVISION-220102-CD34');
    expect(linkedRecordPath(policeCase, 'PUBLIC_SECURITY')).toBe('/cases/PUBLIC_SECURITY-220112-9');
  });
});
