/**
 * Category and severity names, Japanese first: one vocabulary for the page, popup, options and
 * approval page. Pick with translator(lang) (./lang.ts).
 */
import type { Category, Severity } from '../../engine/finding';
import { m, type M } from './lang';

export const CATEGORY_LABELS: Record<Category, M> = {
  religion: m('宗教', 'Religion'),
  politics: m('政治', 'Politics'),
  'human-rights': m('人権・差別', 'Human rights'),
  race: m('人種・民族', 'Race and ethnicity'),
  'account-mixup': m('アカウント誤爆', 'Account mix-up'),
  compliance: m('法令 (広告・薬機・金融)', 'Compliance (ads, drugs, finance)'),
  privacy: m('個人情報', 'Privacy'),
  confidential: m('社外秘', 'Confidential'),
  disaster: m('災害・事故', 'Disasters'),
  abuse: m('誹謗中傷', 'Abuse'),
};

export const SEVERITY_LABELS: Record<Severity, M> = {
  info: m('情報', 'Info'),
  warn: m('注意', 'Warning'),
  block: m('要修正', 'Block'),
};
