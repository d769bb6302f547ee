/**
 * The statutory clocks of a transfer as an officer reads them: how long is left (or how late it is), and whether a
 * closed clock was met in time. notification-service keeps the clocks; the console only counts down to their `dueAt`.
 */
import type { Deadline } from '../api/types';

/**
 * running, approaching (warned), overdue (running past its due time, escalated or not), paused; met, late (met after
 * the due time) and expired (a window, a period to act in, that ran out).
 */
export type ClockPhase = 'running' | 'approaching' | 'overdue' | 'paused' | 'met' | 'late' | 'expired';

const CLOSED: Readonly<Record<string, ClockPhase>> = { MET: 'met', MET_LATE: 'late', EXPIRED: 'expired' };

export interface ClockStatus {
  phase: ClockPhase;
  escalated: boolean;
  /** Milliseconds to the due time (negative past it); for a closed clock, from when it closed. */
  remainingMs: number;
  /** When it was met, met late or ran out; null while it runs. */
  closedAt: string | null;
}

export function clockStatus(deadline: Pick<Deadline, 'state' | 'dueAt' | 'history'>, now: number): ClockStatus {
  const due = Date.parse(deadline.dueAt);
  const closed = CLOSED[deadline.state];
  if (closed) {
    const entry = [...deadline.history].reverse().find((c) => c.change === deadline.state);
    const closedAt = entry?.at ?? null;
    const at = closedAt ? Date.parse(closedAt) : now;
    return { phase: closed, escalated: false, remainingMs: due - at, closedAt };
  }
  const remainingMs = due - now;
  const escalated = deadline.state === 'ESCALATED';
  if (deadline.state === 'PAUSED') return { phase: 'paused', escalated, remainingMs, closedAt: null };
  // The server flags an overdue clock on its next sweep; the countdown shows it at once.
  if (remainingMs < 0 || deadline.state === 'OVERDUE' || escalated) return { phase: 'overdue', escalated, remainingMs, closedAt: null };
  if (deadline.state === 'APPROACHING') return { phase: 'approaching', escalated, remainingMs, closedAt: null };
  return { phase: 'running', escalated, remainingMs, closedAt: null };
}

export interface Span {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** A duration in days, hours, minutes and seconds, whatever its sign. */
export function span(ms: number): Span {
  let rest = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  return { days, hours, minutes, seconds: rest - minutes * 60 };
}

export type Unit = 'd' | 'h' | 'm' | 's';

/**
 * The span as an officer reads it, each part worded by `part` (the console's i18n): days and hours when a day or more
 * is left, hours and minutes under a day, minutes and seconds under an hour.
 */
export function spanText(ms: number, part: (unit: Unit, n: number) => string): string {
  const s = span(ms);
  if (s.days > 0) return `${part('d', s.days)} ${part('h', s.hours)}`;
  if (s.hours > 0) return `${part('h', s.hours)} ${part('m', s.minutes)}`;
  return `${part('m', s.minutes)} ${part('s', s.seconds)}`;
}

/** Clocks in the order they were opened, which is the order of the steps that opened them. */
export function inOpeningOrder<T extends Pick<Deadline, 'startedAt' | 'id'>>(deadlines: readonly T[]): T[] {
  return [...deadlines].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id));
}

/** Element Plus's tag kind for a phase. */
export function phaseTag(phase: ClockPhase): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  switch (phase) {
    case 'met':
      return 'success';
    case 'approaching':
      return 'warning';
    case 'overdue':
    case 'late':
      return 'danger';
    case 'paused':
    case 'expired':
      return 'info';
    default:
      return 'primary';
  }
}
