import { describe, expect, it } from 'vitest';
import { actsAs, mayChangeApiKeys, mayIssueApiKeys, mayReadAudit, maySetUpPlatform, mayUseApiKeys, mayVerifyAudit } from './access';
import { auditPath, mayHaveNextPage, shortHash, summarise, AUDIT_PAGE_SIZE, blankAuditFilters } from './audit';
import { blankIssueForm, issueRequest, keyState, narrowFormOf, narrowRequest, sortedKeys, withinIssuer } from './keys';
import { extensionSize, missingYears, nextVersionDraft, parseObject, sortedRules } from './rules';
import type { ApiKeyView, AuditEntry, DeadlineRule } from './types';
import { blankWebhookForm, deliveryTag, lastAttempt, mayRedeliver, ruleIdList, webhookRequest } from './webhooks';

const admin = (...roles: string[]) => ({ agency: 'FORESTRY', region: '220000', roles });

const key = (over: Partial<ApiKeyView> = {}): ApiKeyView => ({
  id: 'k1',
  name: '林草局业务系统',
  agency: 'FORESTRY',
  region: '220100',
  operations: ['READ', 'WRITE'],
  createdAt: '2026-12-01T00:00:00Z',
  createdBy: 'system-admin',
  revokedAt: null,
  lastUsedAt: null,
  ...over,
});

describe('三员分立 access', () => {
  it('gives each administrator their own pages and nobody two duties', () => {
    expect(mayIssueApiKeys(admin('SYSTEM_ADMIN'))).toBe(true);
    expect(mayChangeApiKeys(admin('SYSTEM_ADMIN'))).toBe(false);
    expect(mayChangeApiKeys(admin('SECURITY_ADMIN'))).toBe(true);
    expect(mayUseApiKeys(admin('AUDIT_ADMIN'))).toBe(false);
    expect(maySetUpPlatform(admin('SYSTEM_ADMIN'))).toBe(true);
    expect(maySetUpPlatform(admin('OFFICER', 'AGENCY_HEAD'))).toBe(false);
    expect(mayVerifyAudit(admin('AUDIT_ADMIN'))).toBe(true);
    expect(mayReadAudit(admin('SECURITY_ADMIN'))).toBe(true);
    expect(mayVerifyAudit(admin('SECURITY_ADMIN'))).toBe(false);
    expect(mayReadAudit(admin('SYSTEM_ADMIN'))).toBe(false);
  });

  it('offers nothing to a token combining two administrators, as the services refuse it', () => {
    const combined = admin('SYSTEM_ADMIN', 'AUDIT_ADMIN');
    expect(actsAs(combined, 'SYSTEM_ADMIN')).toBe(false);
    expect(mayUseApiKeys(combined)).toBe(false);
    expect(mayReadAudit(combined)).toBe(false);
    expect(actsAs(null, 'AUDIT_ADMIN')).toBe(false);
  });
});

describe('API keys', () => {
  const issuer = { agency: 'FORESTRY', region: '220000' };

  it('issues for the issuer’s own agency, trimmed, operations in order', () => {
    const form = { ...blankIssueForm(issuer), name: '  省林草业务系统 ', region: ' 220112', operations: ['WRITE', 'READ'] as const };
    expect(issueRequest({ ...form, operations: [...form.operations] }, issuer)).toEqual({
      name: '省林草业务系统',
      agency: 'FORESTRY',
      region: '220112',
      operations: ['READ', 'WRITE'],
    });
    expect(blankIssueForm(issuer)).toEqual({ name: '', region: '220000', operations: ['READ'] });
  });

  it('knows the regions within the issuer', () => {
    expect(withinIssuer(issuer, '220112')).toBe(true);
    expect(withinIssuer(issuer, '210100')).toBe(false);
    expect(withinIssuer({ agency: 'FORESTRY', region: '220100' }, '220200')).toBe(false);
  });

  it('sends only what narrows, and nothing when nothing changes', () => {
    const k = key();
    expect(narrowRequest(k, narrowFormOf(k))).toBeNull();
    expect(narrowRequest(k, { operations: ['READ'], region: '220100' })).toEqual({ operations: ['READ'] });
    expect(narrowRequest(k, { operations: ['WRITE', 'READ'], region: '220112 ' })).toEqual({ region: '220112' });
    expect(narrowRequest(k, { operations: [], region: '220100' })).toEqual({ operations: [] });
  });

  it('states and orders keys', () => {
    expect(keyState(key())).toBe('UNUSED');
    expect(keyState(key({ lastUsedAt: '2026-12-02T00:00:00Z' }))).toBe('IN_USE');
    expect(keyState(key({ revokedAt: '2026-12-03T00:00:00Z', lastUsedAt: '2026-12-02T00:00:00Z' }))).toBe('REVOKED');
    const sorted = sortedKeys([key({ id: 'a', revokedAt: '2026-12-03T00:00:00Z' }), key({ id: 'b' })]);
    expect(sorted.map((k) => k.id)).toEqual(['b', 'a']);
  });
});

describe('webhooks', () => {
  it('leaves empty filters out so that every alert is delivered', () => {
    const form = { ...blankWebhookForm('220000'), name: ' 省平台 ', url: ' https://partner.example.cn/hook ' };
    expect(webhookRequest(form)).toEqual({
      name: '省平台',
      url: 'https://partner.example.cn/hook',
      region: '220000',
      signatureAlgorithm: 'HMAC_SHA256',
    });
    expect(webhookRequest({ ...form, kinds: ['OVERDUE'], ruleIds: 'transfer.police-decision,\n clue.handle ', eventTypes: ['cn.wildlife.alert.raised.v1'] })).toMatchObject({
      kinds: ['OVERDUE'],
      ruleIds: ['transfer.police-decision', 'clue.handle'],
      eventTypes: ['cn.wildlife.alert.raised.v1'],
    });
  });

  it('splits rule ids on commas, Chinese commas and lines, each once', () => {
    expect(ruleIdList('a，b\nc, a  ')).toEqual(['a', 'b', 'c']);
    expect(ruleIdList('  ')).toEqual([]);
  });

  it('redelivers only deliveries that ended', () => {
    expect(mayRedeliver({ status: 'DEAD' })).toBe(true);
    expect(mayRedeliver({ status: 'SENT' })).toBe(true);
    expect(mayRedeliver({ status: 'PENDING' })).toBe(false);
    expect(deliveryTag('DEAD')).toBe('danger');
    expect(deliveryTag('CANCELLED')).toBe('info');
  });

  it('sums up the last attempt', () => {
    const delivery = {
      id: 'd', eventId: 'e', eventType: 't', channel: 'WEBHOOK', targetId: 'wh', status: 'DEAD', attempts: 2,
      nextAttemptAt: null, createdAt: '', sentAt: null, about: {},
      log: [
        { attempt: 1, at: '', outcome: 'FAILED', statusCode: 500, durationMillis: 12, error: null },
        { attempt: 2, at: '', outcome: 'FAILED', statusCode: null, durationMillis: 3000, error: 'timed out' },
      ],
    };
    expect(lastAttempt(delivery)).toBe('timed out · 3000 ms');
    expect(lastAttempt({ ...delivery, log: [] })).toBe('');
  });
});

describe('deadline rules and the calendar', () => {
  const rule = (id: string, regions: string[] | null): DeadlineRule => ({
    id, version: 3, title: id, legalBasis: '', statutory: true, kind: 'DUTY', subjectType: 'TRANSFER', opensOn: 'x',
    agencies: [], closesOn: [], amount: 3, unit: 'DAYS', extensions: [], responsible: 'RECEIVER', regions,
  });

  it('puts national rules before regions’ own', () => {
    expect(sortedRules([rule('b', ['220000']), rule('c', null), rule('a', [])]).map((r) => r.id)).toEqual(['a', 'c', 'b']);
  });

  it('drafts the next version without a version', () => {
    const draft = JSON.parse(nextVersionDraft(rule('a', null))) as Record<string, unknown>;
    expect(draft.version).toBeUndefined();
    expect(draft.id).toBe('a');
  });

  it('parses objects only', () => {
    expect(parseObject('{"year":2027}')).toEqual({ ok: true, value: { year: 2027 } });
    expect(parseObject('[1]').ok).toBe(false);
    expect(parseObject('{').ok).toBe(false);
  });

  it('sizes an extension and says which years are missing', () => {
    expect(extensionSize({ amount: 30, amountTotal: null, unit: 'CALENDAR_DAYS' })).toEqual({ kind: 'more', n: 30, unit: 'CALENDAR_DAYS' });
    expect(extensionSize({ amount: null, amountTotal: 7, unit: 'CALENDAR_DAYS' })).toEqual({ kind: 'total', n: 7, unit: 'CALENDAR_DAYS' });
    expect(missingYears([2026], 2026)).toEqual([2027]);
  });
});

describe('audit', () => {
  it('asks for the filters given, and only audit reads for the security administrator', () => {
    const filters = { ...blankAuditFilters(), subject: ' forestry-head ', action: 'WRITE', from: '2026-12-01T00:00:00+08:00' };
    expect(auditPath('case-service', filters, 2, false)).toBe(
      '/api/audit/case-service?from=2026-11-30T16%3A00%3A00.000Z&subject=forestry-head&action=WRITE&page=2&size=50',
    );
    expect(auditPath('gateway', filters, 0, true)).toContain('action=AUDIT_READ');
  });

  it('pages while pages are full', () => {
    const entry = {} as AuditEntry;
    expect(mayHaveNextPage(Array(AUDIT_PAGE_SIZE).fill(entry))).toBe(true);
    expect(mayHaveNextPage([entry])).toBe(false);
  });

  it('sums up a verification', () => {
    expect(summarise({ intact: true, entries: 12, firstSequence: 1, lastSequence: 12, lastHash: 'h', brokenLink: null })).toEqual({
      state: 'INTACT', entries: 12, range: '1–12', brokenAt: null, reason: null,
    });
    expect(summarise({ intact: true, entries: 0, firstSequence: null, lastSequence: null, lastHash: null, brokenLink: null }).state).toBe('EMPTY');
    expect(
      summarise({ intact: false, entries: 7, firstSequence: null, lastSequence: null, lastHash: null,
        brokenLink: { sequence: 5, reason: 'ALTERED', expectedHash: 'a', foundHash: 'b' } }),
    ).toMatchObject({ state: 'BROKEN', brokenAt: 5, reason: 'ALTERED' });
    expect(shortHash('0123456789abcdefghijklmnopqrstuvwxyz')).toBe('0123456789…stuvwxyz');
  });
});
