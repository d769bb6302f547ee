/**
 * Who may do what with joint operations, as inspection-service decides it (OperationController, OperationAccess):
 * kept apart from the pages so that the nav loads only this.
 */

export interface OperationsUser {
  agency: string;
  region: string;
  roles: readonly string[];
}

/** The parties an operation names, as far as the rules here need them. */
export interface OperationParties {
  leadAgency: string;
  region: string;
  participants: readonly { agency: string }[];
}

const READERS = ['OFFICER', 'HANDLER', 'AGENCY_HEAD', 'PARTNER_SYSTEM'];
const WRITERS = ['OFFICER', 'HANDLER', 'AGENCY_HEAD'];
const OVERSIGHT = ['PROCURATORATE', 'SUPERVISION_OFFICE'];

/** A region code's subtree: a province's first two digits, a city's first four, a county itself (RegionCode). */
export function subtreePrefix(region: string): string {
  if (region.endsWith('0000')) return region.slice(0, 2);
  if (region.endsWith('00')) return region.slice(0, 4);
  return region;
}

/** Whether `region` lies in `top`'s subtree (itself included). */
export function covers(top: string, region: string): boolean {
  return /^[1-9][0-9]{5}$/.test(region) && region.startsWith(subtreePrefix(top));
}

/** The list of operations (`GET /api/operations`) answers every reader; the nav shows it to them alone. */
export function mayUseOperations(user: OperationsUser | null | undefined): boolean {
  return !!user && READERS.some((r) => user.roles.includes(r));
}

function party(user: OperationsUser, o: OperationParties): boolean {
  return user.agency === o.leadAgency || o.participants.some((p) => p.agency === user.agency);
}

/**
 * Sorties are entered by the lead or a participating agency's officers, handlers or heads, for a region in both their
 * own subtree and the operation's: a county inside a province-wide operation, or a province over a city's.
 */
export function mayEnterSorties(user: OperationsUser | null | undefined, o: OperationParties): boolean {
  if (!user || !WRITERS.some((r) => user.roles.includes(r)) || !party(user, o)) return false;
  return covers(o.region, user.region) || covers(user.region, o.region);
}

/** The region a sortie is entered for by default: the caller's own inside the operation, else the operation's. */
export function defaultSortieRegion(user: OperationsUser, o: OperationParties): string {
  return covers(o.region, user.region) ? user.region : o.region;
}

/** The report schedule (瞒报、漏报、迟报) is for the lead agency and the oversight agencies. */
export function mayReadReports(user: OperationsUser | null | undefined, o: OperationParties): boolean {
  return !!user && (user.agency === o.leadAgency || OVERSIGHT.includes(user.agency));
}
