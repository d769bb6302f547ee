import { describe, expect, it } from 'vitest';
import { LANES, board, callersTurn } from './board';
import { HEAD, OFFICER, POLICE, transfer } from './fixtures';

describe('the transfers board', () => {
  it('has a column for every state of a transfer', () => {
    expect(LANES.flatMap((l) => l.states)).toHaveLength(19);
  });

  it('puts each transfer in its column, grouped by state in the order of the stage', () => {
    const lanes = board([
      transfer('RECEIVED', ['file', 'refuse-filing'], { id: 'A' }),
      transfer('TRANSFERRED', ['receive', 'pass-on'], { id: 'B' }),
      transfer('RECEIVED', ['file', 'refuse-filing'], { id: 'C' }),
      transfer('RETURNED', ['accept-return'], { id: 'D', direction: 'REVERSE' }),
    ]);
    const police = lanes.find((l) => l.key === 'police')!;
    expect(police.count).toBe(3);
    expect(police.groups.map((g) => [g.state, g.transfers.map((t) => t.id)])).toEqual([
      ['TRANSFERRED', ['B']],
      ['RECEIVED', ['A', 'C']],
    ]);
    expect(lanes.find((l) => l.key === 'administrative')!.groups[0].transfers[0].id).toBe('D');
    expect(lanes.find((l) => l.key === 'deciding')).toEqual({ key: 'deciding', count: 0, groups: [] });
  });

  it('keeps a state it does not know, in the last column', () => {
    const lanes = board([transfer('ARCHIVED', [])]);
    expect(lanes[lanes.length - 1].groups).toEqual([{ state: 'ARCHIVED', transfers: [expect.objectContaining({ state: 'ARCHIVED' })] }]);
  });

  it("marks the transfers whose turn is the caller's", () => {
    const reported = transfer('REPORTED', ['approve', 'refuse']);
    expect(callersTurn(reported, HEAD)).toBe(true);
    expect(callersTurn(reported, OFFICER)).toBe(false);
    expect(callersTurn(transfer('TRANSFERRED', ['receive', 'pass-on']), POLICE)).toBe(true);
  });
});
