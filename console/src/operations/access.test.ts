import { describe, expect, it } from 'vitest';
import { covers, defaultSortieRegion, mayEnterSorties, mayReadReports, mayUseOperations } from './access';

const operation = { leadAgency: 'FORESTRY', region: '220100', participants: [{ agency: 'FORESTRY' }, { agency: 'PUBLIC_SECURITY' }] };
const user = (agency: string, region: string, ...roles: string[]) => ({ agency, region, roles });

describe('who may use joint operations', () => {
  it('shows the operations to readers, not to administrators', () => {
    expect(mayUseOperations(user('FORESTRY', '220112', 'OFFICER'))).toBe(true);
    expect(mayUseOperations(user('PROCURATORATE', '220100', 'OFFICER'))).toBe(true);
    expect(mayUseOperations(user('FORESTRY', '220000', 'SYSTEM_ADMIN'))).toBe(false);
    expect(mayUseOperations(null)).toBe(false);
  });

  it('covers a region by its subtree', () => {
    expect(covers('220000', '220112')).toBe(true);
    expect(covers('220100', '220112')).toBe(true);
    expect(covers('220100', '220200')).toBe(false);
    expect(covers('220112', '220112')).toBe(true);
    expect(covers('220112', '22011')).toBe(false);
  });

  it('lets the lead and participating agencies enter sorties where their region and the operation meet', () => {
    expect(mayEnterSorties(user('FORESTRY', '220112', 'OFFICER', 'HANDLER'), operation)).toBe(true);
    expect(mayEnterSorties(user('PUBLIC_SECURITY', '220112', 'OFFICER'), operation)).toBe(true);
    expect(mayEnterSorties(user('FORESTRY', '220000', 'OFFICER'), operation)).toBe(true);
    expect(mayEnterSorties(user('MARKET_SUPERVISION', '220102', 'OFFICER'), operation)).toBe(false);
    expect(mayEnterSorties(user('FORESTRY', '210100', 'OFFICER'), operation)).toBe(false);
    expect(mayEnterSorties(user('FORESTRY', '220112', 'PARTNER_SYSTEM'), operation)).toBe(false);
  });

  it('enters a sortie for the caller’s own region inside the operation, else for the operation’s', () => {
    expect(defaultSortieRegion(user('FORESTRY', '220112', 'OFFICER'), operation)).toBe('220112');
    expect(defaultSortieRegion(user('FORESTRY', '220000', 'OFFICER'), operation)).toBe('220100');
  });

  it('shows the report schedule to the lead agency and oversight only', () => {
    expect(mayReadReports(user('FORESTRY', '220112', 'OFFICER'), operation)).toBe(true);
    expect(mayReadReports(user('SUPERVISION_OFFICE', '220000', 'OFFICER'), operation)).toBe(true);
    expect(mayReadReports(user('PROCURATORATE', '220100', 'OFFICER'), operation)).toBe(true);
    expect(mayReadReports(user('PUBLIC_SECURITY', '220112', 'OFFICER'), operation)).toBe(false);
  });
});
