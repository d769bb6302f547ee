import { covers } from '../operations/access';

/** An extension the deadline's rule allows (DeadlineRule.Extension), numbered from 1 in this order. */
export interface AllowedExtension {
  amount: number | null;
  amountTotal: number | null;
  unit: string;
  approval: string;
  agencies?: string[] | null;
}

/** An extension granted (DeadlineClock.Extension). */
export interface GrantedExtension {
  number: number;
  amount: number | null;
  amountTotal: number | null;
  approval: string;
  approvalReference: string;
  grantedBy: string;
  grantedAt: string;
}

/** The fields of a deadline the extensions need (notification-service's Deadline carries them). */
export interface ExtensibleDeadline {
  id: string;
  agency: string;
  region: string;
  state: string;
  amount: number | null;
  legalBasis: string;
  allowedExtensions?: AllowedExtension[];
  extensions?: GrantedExtension[];
}

export interface Extender {
  agency: string;
  region: string;
  roles: readonly string[];
}

/** notification-service extends only a clock that has not run out yet (DeadlineClocks.extend). */
export const EXTENSIBLE_STATES = ['OPEN', 'APPROACHING', 'PAUSED'];

/** One of the rule's extensions, and whether it can be granted now. */
export interface ExtensionOption {
  number: number;
  extension: AllowedExtension;
  granted: GrantedExtension | null;
  /** null: it can be granted; otherwise why not. */
  blocked: null | 'GRANTED' | 'OTHER_AGENCY_KIND' | 'NOT_RUNNING' | 'FIXED_DATE';
}

/** Every extension the rule allows, in order, each with whether it was granted or why it cannot be. */
export function extensionOptions(deadline: ExtensibleDeadline): ExtensionOption[] {
  const granted = deadline.extensions ?? [];
  return (deadline.allowedExtensions ?? []).map((extension, index) => {
    const number = index + 1;
    const done = granted.find((g) => g.number === number) ?? null;
    let blocked: ExtensionOption['blocked'] = null;
    if (done) blocked = 'GRANTED';
    else if (extension.agencies && extension.agencies.length > 0 && !extension.agencies.includes(deadline.agency)) blocked = 'OTHER_AGENCY_KIND';
    else if (deadline.amount === null) blocked = 'FIXED_DATE';
    else if (!EXTENSIBLE_STATES.includes(deadline.state)) blocked = 'NOT_RUNNING';
    return { number, extension, granted: done, blocked };
  });
}

/**
 * Who may grant an extension (DeadlineController.extend): the head of the agency responsible for the clock, within
 * their region's subtree.
 */
export function mayExtend(user: Extender | null | undefined, deadline: ExtensibleDeadline): boolean {
  return !!user && user.roles.includes('AGENCY_HEAD') && user.agency === deadline.agency && covers(user.region, deadline.region);
}

/** The body of `POST /api/deadlines/{id}/extensions`. */
export function extensionRequest(number: number, approvalReference: string) {
  return { extension: number, approvalReference: approvalReference.trim() };
}
