/** Who the console offers the personal-data export to: kept apart from the page so that the nav loads only this. */

const ADMINISTRATORS = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];

/**
 * As case-service's ExportPolicy decides it: the agency head alone; never a token that also holds an administrator's
 * role (administrators never read personal data) or a partner system's (lawful requests are answered by a person).
 */
export function mayExportPersonalData(user: { roles: readonly string[] } | null | undefined): boolean {
  if (!user || !user.roles.includes('AGENCY_HEAD')) return false;
  return !user.roles.some((role) => ADMINISTRATORS.includes(role) || role === 'PARTNER_SYSTEM');
}
