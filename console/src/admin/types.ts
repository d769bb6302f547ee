/** The administration APIs' answers, as the gateway and notification-service give them. */

export type KeyOperation = 'READ' | 'WRITE';

/** A partner system's API key as listed (the gateway's ApiKeyView): everything but its secret. */
export interface ApiKeyView {
  id: string;
  name: string;
  agency: string;
  region: string;
  operations: KeyOperation[];
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The answer to an issue: the key's record and, this once, the key and the header to send it in. */
export interface IssuedApiKey {
  key: ApiKeyView;
  apiKey: string;
  header: string;
}

/** A webhook as listed (notification-service's WebhookView): everything but its secret. */
export interface WebhookView {
  id: string;
  name: string;
  url: string;
  agency: string;
  region: string;
  kinds: string[];
  ruleIds: string[];
  eventTypes: string[];
  signatureAlgorithm: 'HMAC_SHA256' | 'HMAC_SM3' | string;
  createdAt: string;
  createdBy: string;
  secretRotatedAt: string | null;
}

/** How deliveries are signed, so that the receiver knows what to check. */
export interface Signing {
  timestampHeader: string;
  signatureHeader: string;
  deliveryHeader: string;
  algorithm: string;
  toleranceSeconds: number;
}

/** The answer to a registration or a renewal: the webhook and, this once, its secret. */
export interface WithSecret {
  webhook: WebhookView;
  secret: string;
  signing: Signing;
}

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  outcome: string;
  statusCode: number | null;
  durationMillis: number;
  error: string | null;
}

/** One delivery to a webhook, with every try (DeliveryStore.View). */
export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  channel: string;
  targetId: string;
  status: 'PENDING' | 'SENDING' | 'SENT' | 'DEAD' | 'CANCELLED' | string;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  about: Record<string, unknown>;
  log: DeliveryAttempt[];
}

export interface RuleExtension {
  amount: number | null;
  amountTotal: number | null;
  unit: string;
  approval: string;
  agencies: string[];
}

/** A deadline rule in force (notification-service's DeadlineRule), as far as the page shows it. */
export interface DeadlineRule {
  id: string;
  version: number;
  title: string;
  legalBasis: string;
  statutory: boolean;
  kind: string;
  subjectType: string;
  opensOn: string;
  agencies: string[];
  closesOn: string[];
  amount: number;
  unit: string;
  extensions: RuleExtension[];
  responsible: string;
  regions: string[] | null;
  [field: string]: unknown;
}

/** A year of the holiday calendar as loaded (CalendarStore.YearSummary). */
export interface CalendarYear {
  year: number;
  source: string | null;
  origin: string | null;
  revision: number;
  holidays: number;
  adjustedWorkingDays: number;
  updatedAt: string;
}

/** One entry of a service's audit trail (service-support's AuditView). */
export interface AuditEntry {
  sequence: number;
  at: string;
  subject: string;
  name: string | null;
  agency: string | null;
  region: string | null;
  roles: string[];
  action: string;
  recordKind: string | null;
  recordId: string | null;
  owner: string | null;
  grant: string | null;
  detail: string | null;
  door: string;
  method: string | null;
  path: string | null;
  status: number | null;
  requestId: string | null;
  previousHash: string;
  hash: string;
}

/** The walk of a service's hash chain: intact, or the first broken link. */
export interface Verification {
  intact: boolean;
  entries: number;
  firstSequence: number | null;
  lastSequence: number | null;
  lastHash: string | null;
  brokenLink: {
    sequence: number;
    reason: 'ALTERED' | 'LINK' | 'MISSING' | 'TRUNCATED' | string;
    expectedHash: string | null;
    foundHash: string | null;
  } | null;
}
