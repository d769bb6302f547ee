import { covers } from '../operations/access';
import type { ApiKeyView, KeyOperation } from './types';

/** What the system administrator fills in to issue a key; the agency is always the issuer's own. */
export interface IssueForm {
  name: string;
  region: string;
  operations: KeyOperation[];
}

export interface Issuer {
  agency: string;
  region: string;
}

/** A new form: the issuer's own region, read-only access (the narrowest useful key). */
export function blankIssueForm(issuer: Issuer): IssueForm {
  return { name: '', region: issuer.region, operations: ['READ'] };
}

/** The body of `POST /api/api-keys`: the key's agency is the issuer's, as the gateway requires (KeyRules.issuing). */
export function issueRequest(form: IssueForm, issuer: Issuer) {
  return {
    name: form.name.trim(),
    agency: issuer.agency,
    region: form.region.trim(),
    operations: [...form.operations].sort(),
  };
}

/** Whether a region lies within the issuer's subtree: the only regions the gateway lets them give a key. */
export function withinIssuer(issuer: Issuer, region: string): boolean {
  return covers(issuer.region, region.trim());
}

export type KeyState = 'REVOKED' | 'UNUSED' | 'IN_USE';

export function keyState(key: ApiKeyView): KeyState {
  if (key.revokedAt) return 'REVOKED';
  return key.lastUsedAt ? 'IN_USE' : 'UNUSED';
}

/** Valid keys first, then by name. */
export function sortedKeys(keys: readonly ApiKeyView[]): ApiKeyView[] {
  return [...keys].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** What the security administrator may narrow a key to: some of its operations, a region within its own. */
export interface NarrowForm {
  operations: KeyOperation[];
  region: string;
}

export function narrowFormOf(key: ApiKeyView): NarrowForm {
  return { operations: [...key.operations], region: key.region };
}

/**
 * The body of `PATCH /api/api-keys/{id}`: only what changes (what is left out stays as it is); null when nothing does.
 * An emptied list of operations is sent as it is, so that the gateway names the field.
 */
export function narrowRequest(key: ApiKeyView, form: NarrowForm): { operations?: KeyOperation[]; region?: string } | null {
  const body: { operations?: KeyOperation[]; region?: string } = {};
  const operations = [...form.operations].sort();
  if (operations.join(',') !== [...key.operations].sort().join(',')) body.operations = operations;
  const region = form.region.trim();
  if (region !== key.region) body.region = region;
  return Object.keys(body).length === 0 ? null : body;
}
