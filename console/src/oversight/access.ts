/** Who may open the oversight dashboard: kept apart from the dashboard's logic so that the nav loads only this. */

/** Who the services let see the dashboard (Access.oversightScope): oversight agencies' officers and agency heads. */
export function mayOversee(user: { agency: string; roles: readonly string[] } | null | undefined): boolean {
  if (!user) return false;
  const reader = ['OFFICER', 'HANDLER', 'AGENCY_HEAD', 'PARTNER_SYSTEM'].some((r) => user.roles.includes(r));
  if (!reader) return false;
  return user.agency === 'PROCURATORATE' || user.agency === 'SUPERVISION_OFFICE' || user.roles.includes('AGENCY_HEAD');
}
