/** How transfers are worded on the page, in the console's language. */
import { i18n } from '../i18n';
import { label } from '../format';
import type { TransferField, Turn } from './steps';

const t = (key: string, args?: Record<string, unknown>) => (args ? i18n.global.t(key, args) : i18n.global.t(key));
const te = (key: string) => i18n.global.te(key);

/** A party as an officer names it: 林业和草原局负责人（220112）, 公安机关（220112）. */
export function partyText(turn: Pick<Turn, 'agency' | 'region' | 'head'>): string {
  const args = { agency: label('agency', turn.agency), region: turn.region };
  return turn.head ? t('transfers.head', args) : t('transfers.party', args);
}

/** A step's name; a step the console does not know is named by its path. */
export function stepName(step: string): string {
  return te(`transferStep.${step}`) ? t(`transferStep.${step}`) : step;
}

export function fieldLabel(field: TransferField, step: string): string {
  if (field === 'reasons' && te(`transfers.reasonsLabel.${step}`)) return t(`transfers.reasonsLabel.${step}`);
  return t(`transfers.fields.${field}`);
}
