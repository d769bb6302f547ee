import { i18n } from './i18n';

/** Times as officers read them: Beijing time, in the console's language. */
export function formatTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(i18n.global.locale.value === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  return new Intl.NumberFormat(i18n.global.locale.value === 'en' ? 'en-GB' : 'zh-CN').format(value);
}

/** A code's label from the i18n files (`enums.<kind>.<code>`), or the code itself when there is none. */
export function label(kind: string, code: string | null | undefined): string {
  if (!code) {
    return '';
  }
  const key = `enums.${kind}.${code}`;
  return i18n.global.te(key) ? i18n.global.t(key) : code;
}

/** Options for a filter's select: every code of an enum with its label. */
export function options(kind: string): { value: string; label: string }[] {
  const messages = i18n.global.getLocaleMessage(i18n.global.locale.value) as unknown as {
    enums: Record<string, Record<string, string>>;
  };
  return Object.keys(messages.enums[kind] ?? {}).map((code) => ({ value: code, label: label(kind, code) }));
}
