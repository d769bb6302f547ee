// A rectification order's clock as the console shows it: the due day the order set, and where the order stands.

import type { RectificationOrder } from './types';

export type ClockState = 'running' | 'dueToday' | 'overdue' | 'metOnTime' | 'metLate' | 'rejected';

export interface OrderClock {
  state: ClockState;
  /** Whole days to the due moment (negative when past), for an order still open; null once re-inspected. */
  daysLeft: number | null;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Where an order's clock stands at `now`: open orders count down to `dueAt` (the end of the due day in Beijing);
 * a re-inspection stops the clock, accepted on time or late, or not accepted.
 */
export function orderClock(order: Pick<RectificationOrder, 'status' | 'dueAt' | 'missedDeadline'>, now: Date | number): OrderClock {
  if (order.status === 'ACCEPTED') return { state: order.missedDeadline ? 'metLate' : 'metOnTime', daysLeft: null };
  if (order.status === 'REJECTED') return { state: 'rejected', daysLeft: null };
  const left = new Date(order.dueAt).getTime() - (typeof now === 'number' ? now : now.getTime());
  if (left <= 0) return { state: 'overdue', daysLeft: -Math.ceil(-left / DAY) };
  if (left <= DAY) return { state: 'dueToday', daysLeft: 0 };
  return { state: 'running', daysLeft: Math.floor(left / DAY) };
}

/** Element Plus tag types for each state (never the light `info`, too faint for WCAG contrast). */
export const CLOCK_TAG: Record<ClockState, 'primary' | 'success' | 'warning' | 'danger'> = {
  running: 'primary',
  dueToday: 'warning',
  overdue: 'danger',
  metOnTime: 'success',
  metLate: 'warning',
  rejected: 'danger',
};
