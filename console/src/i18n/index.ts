import { createI18n } from 'vue-i18n';
import { computed } from 'vue';
import zhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import enEp from 'element-plus/es/locale/lang/en.mjs';
import zh from './zh-CN';
import en from './en';

export type Locale = 'zh-CN' | 'en';

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en },
});

/** Element Plus's own texts (pagination, date pickers, empty tables) follow the console's language. */
export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? enEp : zhCn));

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
}

/** What the services answer problems in (RFC 9457 titles and details are localised by Accept-Language). */
export function acceptLanguage(): string {
  return i18n.global.locale.value === 'en' ? 'en' : 'zh-CN';
}
