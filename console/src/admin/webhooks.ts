import type { Delivery } from './types';

export const ALERT_KINDS = ['APPROACHING', 'OVERDUE', 'ESCALATED', 'CALENDAR_MISSING'] as const;
export const EVENT_TYPES = ['cn.wildlife.alert.raised.v1', 'cn.wildlife.deadline.digest.v1'] as const;
export const SIGNATURE_ALGORITHMS = ['HMAC_SHA256', 'HMAC_SM3'] as const;
export const DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'DEAD', 'CANCELLED'] as const;

/** What the system administrator fills in to register a partner system's webhook. */
export interface WebhookForm {
  name: string;
  url: string;
  region: string;
  kinds: string[];
  ruleIds: string;
  eventTypes: string[];
  signatureAlgorithm: string;
}

export function blankWebhookForm(region: string): WebhookForm {
  return { name: '', url: '', region, kinds: [], ruleIds: '', eventTypes: [], signatureAlgorithm: 'HMAC_SHA256' };
}

/** Rule ids typed one per line or separated by commas (either kind), blanks dropped, each once. */
export function ruleIdList(text: string): string[] {
  return [...new Set(text.split(/[\s,，]+/).map((id) => id.trim()).filter((id) => id.length > 0))];
}

/**
 * The body of `POST /api/webhooks`: the agency is left out (the caller's own, as notification-service defaults it);
 * empty filters are left out too, which means every alert.
 */
export function webhookRequest(form: WebhookForm) {
  const body: Record<string, unknown> = {
    name: form.name.trim(),
    url: form.url.trim(),
    region: form.region.trim(),
    signatureAlgorithm: form.signatureAlgorithm,
  };
  if (form.kinds.length > 0) body.kinds = [...form.kinds];
  const ruleIds = ruleIdList(form.ruleIds);
  if (ruleIds.length > 0) body.ruleIds = ruleIds;
  if (form.eventTypes.length > 0) body.eventTypes = [...form.eventTypes];
  return body;
}

/** Only a delivery that has ended (dead-lettered, or sent) may be sent again (notification-service: 409 otherwise). */
export function mayRedeliver(delivery: Pick<Delivery, 'status'>): boolean {
  return delivery.status === 'DEAD' || delivery.status === 'SENT';
}

/** Element Plus tag type of a delivery's status: all of them pass 4.5:1 with `effect="plain"`. */
export function deliveryTag(status: string): 'success' | 'danger' | 'warning' | 'info' {
  switch (status) {
    case 'SENT':
      return 'success';
    case 'DEAD':
      return 'danger';
    case 'PENDING':
    case 'SENDING':
      return 'warning';
    default:
      return 'info';
  }
}

/** The last attempt's outcome, in short: its HTTP status or its error. */
export function lastAttempt(delivery: Delivery): string {
  const last = delivery.log[delivery.log.length - 1];
  if (!last) return '';
  return [last.statusCode === null ? null : `HTTP ${last.statusCode}`, last.error, `${last.durationMillis} ms`]
    .filter((part): part is string => !!part)
    .join(' · ');
}
