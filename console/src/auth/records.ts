/**
 * Who reads an agency's records (clues, cases, transfers): service-support's Role.READERS, less the partner systems,
 * which never sign in to the console. An administrator's token alone (三员分立) reads none, so the console offers
 * those pages to readers only. Kept apart from the pages so that the nav loads only this.
 */
export const READERS = ['OFFICER', 'HANDLER', 'AGENCY_HEAD'] as const;

export function mayReadRecords(user: { roles: readonly string[] } | null | undefined): boolean {
  return !!user && READERS.some((role) => user.roles.includes(role));
}
