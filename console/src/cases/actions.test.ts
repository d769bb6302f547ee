import { describe, expect, it } from 'vitest';
import type { Seizure } from '../api/types';
import {
  actionRequest,
  changesAnything,
  custodyOpen,
  editChanges,
  initialValues,
  missingFields,
  offeredActions,
  subtreePrefix,
  type OwnCase,
  type Pauses,
} from './actions';

const officer = { agency: 'FORESTRY', region: '220112', roles: ['OFFICER', 'HANDLER'] };
const cityHead = { agency: 'FORESTRY', region: '220100', roles: ['OFFICER', 'AGENCY_HEAD'] };
const supervisor = { agency: 'SUPERVISION_OFFICE', region: '220000', roles: ['OFFICER'] };
const police = { agency: 'PUBLIC_SECURITY', region: '220112', roles: ['OFFICER', 'HANDLER'] };
const running: Pauses = { caseId: 'C-1', version: 3, state: 'RUNNING', pause: null, pauseLabel: null };
const paused: Pauses = {
  caseId: 'C-1',
  version: 4,
  state: 'PAUSED',
  pause: { kind: 'APPRAISAL', since: '2026-11-20T02:00:00Z', reason: '委托鉴定', by: 'u' },
  pauseLabel: '鉴定',
};

function aCase(changes: Partial<OwnCase> = {}): OwnCase {
  return {
    id: 'FORESTRY-220112-1',
    number: '双林罚立〔2026〕1号',
    kind: 'ADMINISTRATIVE',
    kindLabel: '行政案件',
    agency: 'FORESTRY',
    region: '220112',
    status: 'OPEN',
    statusLabel: '办理中',
    openedAt: '2026-11-20T02:00:00Z',
    title: '奢岭水库出售大天鹅案',
    behaviours: ['ILLEGAL_PURCHASE_TRANSPORT_SALE'],
    species: [{ speciesCode: 'cygnus-cygnus', count: 2, unit: 'ANIMAL' }],
    protectionLevel: 'NATIONAL_SECOND',
    value: 32000,
    fines: null,
    parties: [{ kind: 'PERSON', name: '李某', idNumber: null, phone: '13900000000', address: null }],
    evidence: ['现场照片'],
    identifiers: [{ type: 'PHONE', value: '13900000000' }],
    grade: 'GENERAL',
    gradeLabel: '一般',
    seizures: [],
    supervision: null,
    penalty: null,
    clueId: null,
    operationId: null,
    transferred: false,
    flags: [],
    version: 3,
    ...changes,
  };
}

function item(actions: string[]): Seizure {
  return {
    itemId: 'I-1',
    kind: 'DEAD',
    speciesCode: 'cygnus-cygnus',
    description: '大天鹅死体',
    quantity: 2,
    unit: 'ANIMAL',
    custody: actions.map((action, i) => ({
      action,
      holder: `保管人${i}`,
      location: `地点${i}`,
      at: '2026-11-21T00:00:00Z',
      by: 'u',
      note: null,
    })),
  };
}

describe('the forms offered on a case', () => {
  it('gives the officer of an open administrative case every form of its own but supervision', () => {
    expect(offeredActions(aCase(), running, officer)).toEqual(['edit', 'seize', 'custody', 'pause', 'penalty', 'close']);
  });

  it('offers resuming instead of pausing while the clocks are paused', () => {
    const offered = offeredActions(aCase(), paused, officer);
    expect(offered).toContain('end-pause');
    expect(offered).not.toContain('pause');
  });

  it('offers no penalty on a criminal case or once decided, and only custody and resuming on a closed case', () => {
    expect(offeredActions(aCase({ kind: 'CRIMINAL' }), running, officer)).not.toContain('penalty');
    expect(offeredActions(aCase({ status: 'PENALTY_DECIDED' }), running, officer)).toEqual(['edit', 'seize', 'custody', 'close']);
    expect(offeredActions(aCase({ status: 'CLOSED' }), paused, officer)).toEqual(['custody', 'end-pause']);
  });

  it('gives other agencies and readers nothing, and supervision to a superior head or the supervision office', () => {
    expect(offeredActions(aCase(), running, police)).toEqual([]);
    expect(offeredActions(aCase(), running, null)).toEqual([]);
    expect(offeredActions(aCase(), running, supervisor)).toEqual(['supervise']);
    expect(offeredActions(aCase(), running, cityHead)).toContain('supervise');
    expect(offeredActions(aCase({ region: '220112' }), running, { ...cityHead, region: '220112' })).not.toContain('supervise');
  });

  it('offers no second listing for supervision', () => {
    const listed = aCase({ supervision: { byRegion: '220000', byAgency: 'SUPERVISION_OFFICE', by: 's', at: '', note: '', dueBy: null } });
    expect(offeredActions(listed, running, supervisor)).toEqual([]);
  });

  it('reads region subtrees as the API does', () => {
    expect(subtreePrefix('220000')).toBe('22');
    expect(subtreePrefix('220100')).toBe('2201');
    expect(subtreePrefix('220112')).toBe('220112');
    expect(offeredActions(aCase({ region: '220122' }), running, officer)).toEqual([]);
  });

  it('ends the chain of custody at release, destruction or return', () => {
    expect(custodyOpen(item(['SEIZED', 'STORED']))).toBe(true);
    expect(custodyOpen(item(['SEIZED', 'SENT_TO_RESCUE', 'RELEASED']))).toBe(false);
    expect(custodyOpen(item(['SEIZED', 'DESTROYED']))).toBe(false);
  });
});

describe('the requests the forms send', () => {
  const now = new Date('2026-12-07T10:15:42.123Z');

  it('picks times as Beijing wall-clock time and sends them as instants', () => {
    expect(initialValues('penalty', aCase(), null, now).decidedAt).toBe('2026-12-07 18:15:00');
    expect(initialValues('pause', aCase(), null, now).at).toBeNull();
    expect(actionRequest('close', aCase(), { reason: 'x' }).body).not.toHaveProperty('at');
    expect(actionRequest('end-pause', aCase(), { at: '2026-12-08 01:30:00', note: '' }, { pauses: paused }).body).toEqual({
      at: '2026-12-07T17:30:00.000Z',
      expectedVersion: 4,
    });
  });

  it('records a seized item with the version read and the time as an instant', () => {
    const values = { ...initialValues('seize', aCase(), null, now), kind: 'LIVE', description: ' 活体豆雁 ', quantity: 3, unit: 'ANIMAL', holder: '执法大队', location: '证物室' };
    expect(actionRequest('seize', aCase(), values)).toEqual({
      method: 'POST',
      path: '/api/cases/FORESTRY-220112-1/seizures',
      body: {
        kind: 'LIVE',
        description: '活体豆雁',
        quantity: 3,
        unit: 'ANIMAL',
        holder: '执法大队',
        location: '证物室',
        seizedAt: '2026-12-07T10:15:00.000Z',
        expectedVersion: 3,
      },
    });
  });

  it('names what is missing before sending', () => {
    expect(missingFields('penalty', initialValues('penalty', aCase(), null, now))).toEqual(['decisionNumber', 'fine', 'summary']);
    expect(missingFields('close', { reason: '  ' })).toEqual(['reason']);
  });

  it('posts custody to the item, starting from its last holder and place, without a version', () => {
    const seized = item(['SEIZED', 'STORED']);
    const values = initialValues('custody', aCase(), seized, now);
    expect(values).toMatchObject({ holder: '保管人1', location: '地点1' });
    const request = actionRequest('custody', aCase(), { ...values, action: 'SENT_TO_RESCUE' }, { item: seized });
    expect(request.path).toBe('/api/cases/FORESTRY-220112-1/seizures/I-1/custody');
    expect(request.body).toEqual({ action: 'SENT_TO_RESCUE', holder: '保管人1', location: '地点1', at: '2026-12-07T10:15:00.000Z' });
  });

  it('decides a penalty with a number fine and the confiscation as a flag', () => {
    const values = { ...initialValues('penalty', aCase(), null, now), decisionNumber: '双林罚决〔2026〕12号', fine: 5000, summary: '罚款五千元' };
    expect(actionRequest('penalty', aCase(), values).body).toEqual({
      decisionNumber: '双林罚决〔2026〕12号',
      decidedAt: '2026-12-07T10:15:00.000Z',
      fine: 5000,
      confiscation: false,
      summary: '罚款五千元',
      expectedVersion: 3,
    });
  });

  it('pauses and resumes with the clocks’ version, the kind in the path, an optional time left out', () => {
    const pause = actionRequest('pause', aCase(), { kind: 'HEARING', at: null, reason: '当事人申请听证' }, { pauses: running });
    expect(pause).toEqual({ method: 'POST', path: '/api/cases/FORESTRY-220112-1/pauses', body: { kind: 'HEARING', reason: '当事人申请听证', expectedVersion: 3 } });
    const end = actionRequest('end-pause', aCase({ version: 4 }), { at: null, note: '' }, { pauses: paused });
    expect(end).toEqual({ method: 'POST', path: '/api/cases/FORESTRY-220112-1/pauses/APPRAISAL/end', body: { expectedVersion: 4 } });
  });

  it('lists for supervision without a version and closes with one', () => {
    expect(actionRequest('supervise', aCase(), { note: '挂牌督办', dueBy: null }).body).toEqual({ note: '挂牌督办' });
    expect(actionRequest('close', aCase(), { reason: '处罚已执行' }).body).toEqual({ reason: '处罚已执行', expectedVersion: 3 });
  });
});

describe('editing a case', () => {
  it('sends nothing but the version when nothing changed', () => {
    const changes = editChanges(aCase(), initialValues('edit', aCase()));
    expect(changes).toEqual({ expectedVersion: 3 });
    expect(changesAnything(changes)).toBe(false);
  });

  it('sends only the facts changed, lists whole', () => {
    const values = initialValues('edit', aCase());
    values.value = 48000;
    values.evidence = '现场照片\n\n鉴定意见书';
    (values.species as Record<string, unknown>[]).push({ speciesCode: 'anser-fabalis', count: 3, unit: 'ANIMAL' });
    (values.parties as Record<string, unknown>[]).push({ kind: '', name: '', idNumber: '', phone: '', address: '' });
    const changes = editChanges(aCase(), values);
    expect(changes).toEqual({
      expectedVersion: 3,
      value: 48000,
      evidence: ['现场照片', '鉴定意见书'],
      species: [
        { speciesCode: 'cygnus-cygnus', count: 2, unit: 'ANIMAL' },
        { speciesCode: 'anser-fabalis', count: 3, unit: 'ANIMAL' },
      ],
    });
    expect(changesAnything(changes)).toBe(true);
  });

  it('sends a party with only what was given, and names a half-filled row’s missing column as the API would', () => {
    const values = initialValues('edit', aCase());
    (values.parties as Record<string, unknown>[]).push({ kind: 'COMPANY', name: '', idNumber: '', phone: '', address: '长春' });
    expect(missingFields('edit', values)).toEqual(['parties[1].name']);
    (values.parties as Record<string, unknown>[])[1].name = '某饭店';
    expect(editChanges(aCase(), values).parties).toEqual([
      { kind: 'PERSON', name: '李某', phone: '13900000000' },
      { kind: 'COMPANY', name: '某饭店', address: '长春' },
    ]);
  });

  it('can clear a list, not a title', () => {
    const values = initialValues('edit', aCase());
    values.identifiers = [];
    values.title = '';
    expect(editChanges(aCase(), values)).toEqual({ expectedVersion: 3, identifiers: [] });
  });
});
