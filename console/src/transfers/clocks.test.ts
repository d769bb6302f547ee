import { describe, expect, it } from 'vitest';
import { clockStatus, inOpeningOrder, phaseTag, span, spanText } from './clocks';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;

function clock(state: string, dueAt: string, history: { at: string; change: string }[] = []) {
  return {
    state,
    dueAt,
    history: [{ at: '2026-03-01T08:00:00Z', change: 'OPENED', eventId: null, by: null, dueAt, note: '' }].concat(
      history.map((h) => ({ ...h, eventId: null, by: null, dueAt, note: '' })),
    ),
  };
}

describe('a running clock', () => {
  it('counts down to its due time', () => {
    expect(clockStatus(clock('OPEN', '2026-03-03T10:30:00Z'), NOW)).toEqual({
      phase: 'running',
      escalated: false,
      remainingMs: 26.5 * HOUR,
      closedAt: null,
    });
  });

  it('is approaching once warned', () => {
    expect(clockStatus(clock('APPROACHING', '2026-03-02T09:00:00Z'), NOW).phase).toBe('approaching');
  });

  it('is overdue the moment its due time passes, before the server next looks', () => {
    const status = clockStatus(clock('OPEN', '2026-03-02T06:00:00Z'), NOW);
    expect(status.phase).toBe('overdue');
    expect(status.remainingMs).toBe(-2 * HOUR);
  });

  it('says so when it was escalated', () => {
    expect(clockStatus(clock('ESCALATED', '2026-03-01T06:00:00Z'), NOW)).toMatchObject({ phase: 'overdue', escalated: true });
  });

  it('stands still when paused', () => {
    expect(clockStatus(clock('PAUSED', '2026-03-01T06:00:00Z'), NOW).phase).toBe('paused');
  });
});

describe('a closed clock', () => {
  it('was met in time, with the time to spare', () => {
    const met = clock('MET', '2026-03-02T08:00:00Z', [{ at: '2026-03-02T05:00:00Z', change: 'MET' }]);
    expect(clockStatus(met, NOW)).toEqual({ phase: 'met', escalated: false, remainingMs: 3 * HOUR, closedAt: '2026-03-02T05:00:00Z' });
  });

  it('was met late, by how much', () => {
    const late = clock('MET_LATE', '2026-03-01T20:00:00Z', [
      { at: '2026-03-01T18:00:00Z', change: 'APPROACHING' },
      { at: '2026-03-01T20:00:00Z', change: 'OVERDUE' },
      { at: '2026-03-02T02:00:00Z', change: 'MET_LATE' },
    ]);
    expect(clockStatus(late, NOW)).toMatchObject({ phase: 'late', remainingMs: -6 * HOUR, closedAt: '2026-03-02T02:00:00Z' });
  });

  it('ran out, a window nobody used', () => {
    expect(clockStatus(clock('EXPIRED', '2026-03-01T20:00:00Z', [{ at: '2026-03-01T20:00:00Z', change: 'EXPIRED' }]), NOW).phase).toBe('expired');
  });
});

describe('spans', () => {
  const part = (unit: string, n: number) => `${n}${unit}`;

  it('are days and hours, hours and minutes, or minutes and seconds', () => {
    expect(span(-(2 * 86_400_000 + 3 * HOUR + 61_000))).toEqual({ days: 2, hours: 3, minutes: 1, seconds: 1 });
    expect(spanText(26.5 * HOUR, part)).toBe('1d 2h');
    expect(spanText(5 * HOUR + 7 * 60_000 + 9_000, part)).toBe('5h 7m');
    expect(spanText(-(7 * 60_000 + 9_500), part)).toBe('7m 9s');
  });
});

describe('the clocks of a transfer', () => {
  it('are listed in the order they were opened', () => {
    const clocks = [
      { id: 'TRANSFER_DELIVERY:T', startedAt: '2026-03-01T09:00:00Z' },
      { id: 'TRANSFER_APPROVAL_DECISION:T', startedAt: '2026-03-01T08:00:00Z' },
    ];
    expect(inOpeningOrder(clocks).map((c) => c.id)).toEqual(['TRANSFER_APPROVAL_DECISION:T', 'TRANSFER_DELIVERY:T']);
  });

  it('are coloured by how they stand', () => {
    expect(['met', 'late', 'approaching', 'running', 'expired'].map((p) => phaseTag(p as never))).toEqual([
      'success',
      'danger',
      'warning',
      'primary',
      'info',
    ]);
  });
});
