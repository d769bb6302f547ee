/** Who the console offers the facility pages to: kept apart from the pages so that the nav loads only this. */

const READERS = ['OFFICER', 'HANDLER', 'AGENCY_HEAD'];

/**
 * Those inspection-service lets read facilities: forestry (the supervising agency) and the oversight agencies (the
 * procuratorate, the supervision office), each with an officer's, handler's or head's role.
 */
export function mayUseFacilities(user: { agency: string; roles: readonly string[] } | null | undefined): boolean {
  if (!user || !READERS.some((r) => user.roles.includes(r))) return false;
  return ['FORESTRY', 'PROCURATORATE', 'SUPERVISION_OFFICE'].includes(user.agency);
}

/** Who may register, import, draw and publish: forestry alone (the oversight agencies read). */
export function mayManageFacilities(user: { agency: string; roles: readonly string[] } | null | undefined): boolean {
  return !!user && user.agency === 'FORESTRY' && READERS.some((r) => user.roles.includes(r));
}
