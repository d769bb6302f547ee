import { toQuery, type QueryValue } from '../api/client';
import type { AuditEntry, Verification } from './types';

/** The services whose trails the gateway serves, each at `/api/audit/<service>`. */
export const AUDIT_SERVICES = ['case-service', 'notification-service', 'inspection-service', 'gateway'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

export const AUDIT_ACTIONS = [
  'WRITE',
  'DENIAL',
  'ADMIN_ACTION',
  'KEY_CHANGE',
  'WEBHOOK_CHANGE',
  'PERSONAL_READ',
  'CROSS_AGENCY_READ',
  'AUDIT_READ',
  'PERSONAL_EXPORT',
  'ERASURE',
  'RETENTION',
] as const;

/** The page size asked for: the API answers at most 500. */
export const AUDIT_PAGE_SIZE = 50;

/** The search's filters as the form holds them: times as the date pickers give them (ISO-8601 or empty). */
export interface AuditFilters {
  from: string | null;
  to: string | null;
  subject: string;
  agency: string;
  action: string;
  recordId: string;
}

export function blankAuditFilters(): AuditFilters {
  return { from: null, to: null, subject: '', agency: '', action: '', recordId: '' };
}

/**
 * The path of a search of one service's trail. The security administrator reads only the entries of audit reads (the
 * API narrows it to them and refuses another action), so their search always asks for AUDIT_READ.
 */
export function auditPath(service: AuditService, filters: AuditFilters, page: number, auditReadsOnly: boolean): string {
  const query: Record<string, QueryValue> = {
    from: filters.from ? new Date(filters.from).toISOString() : null,
    to: filters.to ? new Date(filters.to).toISOString() : null,
    subject: filters.subject.trim(),
    agency: filters.agency,
    action: auditReadsOnly ? 'AUDIT_READ' : filters.action,
    recordId: filters.recordId.trim(),
    page,
    size: AUDIT_PAGE_SIZE,
  };
  return `/api/audit/${service}${toQuery(query)}`;
}

export function verificationPath(service: AuditService): string {
  return `/api/audit/${service}/verification`;
}

/** A full page may have a next one; the API does not count (a count would read the whole trail). */
export function mayHaveNextPage(entries: readonly AuditEntry[]): boolean {
  return entries.length >= AUDIT_PAGE_SIZE;
}

/** A hash as a person compares it: the first and last characters. */
export function shortHash(hash: string | null | undefined): string {
  if (!hash) return '';
  return hash.length <= 20 ? hash : `${hash.slice(0, 10)}…${hash.slice(-8)}`;
}

/** What the verification says, in a form the page shows at a glance. */
export interface VerificationSummary {
  state: 'INTACT' | 'EMPTY' | 'BROKEN';
  entries: number;
  range: string;
  brokenAt: number | null;
  reason: string | null;
}

export function summarise(verification: Verification): VerificationSummary {
  if (!verification.intact) {
    return {
      state: 'BROKEN',
      entries: verification.entries,
      range: '',
      brokenAt: verification.brokenLink?.sequence ?? null,
      reason: verification.brokenLink?.reason ?? null,
    };
  }
  if (verification.entries === 0 || verification.firstSequence === null) {
    return { state: 'EMPTY', entries: 0, range: '', brokenAt: null, reason: null };
  }
  return {
    state: 'INTACT',
    entries: verification.entries,
    range: `${verification.firstSequence}–${verification.lastSequence}`,
    brokenAt: null,
    reason: null,
  };
}
