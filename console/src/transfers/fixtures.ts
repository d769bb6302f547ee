import type { Transfer } from '../api/types';

/** A forward transfer of the Shuangyang forestry bureau (220112) to the county police, in a given state. */
export function transfer(state: string, allowedSteps: string[], more: Partial<Transfer> = {}): Transfer {
  return {
    id: 'TR-220112-ABCD1234',
    direction: 'FORWARD',
    caseNumber: 'FORESTRY-220112-2026-00007',
    summary: '非法猎捕大天鹅1只、豆雁2只，涉嫌非法狩猎罪',
    sendingAgency: 'FORESTRY',
    sendingRegion: '220112',
    receivingRegion: '220112',
    state,
    stateLabel: state,
    packageParts: [],
    allowedSteps,
    history: [],
    version: 1,
    updatedAt: '2026-03-02T01:00:00Z',
    ...more,
  };
}

export const OFFICER = { agency: 'FORESTRY', region: '220112', roles: ['OFFICER', 'HANDLER'] };
export const HEAD = { agency: 'FORESTRY', region: '220100', roles: ['OFFICER', 'AGENCY_HEAD'] };
export const POLICE = { agency: 'PUBLIC_SECURITY', region: '220112', roles: ['OFFICER', 'HANDLER'] };
export const PROCURATOR = { agency: 'PROCURATORATE', region: '220100', roles: ['OFFICER'] };
export const NONGAN = { agency: 'FORESTRY', region: '220122', roles: ['OFFICER', 'HANDLER'] };
