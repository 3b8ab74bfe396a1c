/**
 * Japanese phone numbers: mobile (070/080/090), IP phone (050), landlines (03-1234-5678,
 * 045-123-4567, 0467-12-3456, 01234-5-6789, (03)1234-5678, 03(1234)5678), toll-free and navi dial
 * (0120, 0800, 0570) and +81 forms. Full-width digits are ASCII after normalization.
 *
 * Severity: on a personal account every number is a `warn`. On a company account a landline,
 * toll-free or navi-dial number is `info` (usually the company's own published line) unless it
 * sits next to a private person (ご自宅, お客様, 田中様, 会員番号); a mobile number is always `warn`,
 * an IP-phone number is `warn` unless a business cue is near.
 */
import type { Span } from '../../analysis';
import type { Detector } from '../types';
import { basisFor, cuesIn, DASH, digitsOf, inside, looksPrivate, privacyFinding, urlSpans, windowAround } from './shared';

export type PhoneKind = 'mobile' | 'ip' | 'toll-free' | 'landline';

/** One separator between digit groups: a dash (spaces around it allowed), a bracket, or a space. */
const SEP = `(?:\\s?${DASH}\\s?|\\s?\\)\\s?|\\s?\\(\\s?|\\s)`;
const NATIONAL = new RegExp(
  `(?<![0-9A-Za-z_@#+/\\\\=])(?<![0-9][.,:]|${DASH})(\\(\\s?)?0[0-9]{1,10}(?:${SEP}[0-9]{1,8}){0,2}(?![0-9]|\\s?${DASH}\\s?[0-9]|@|\\.[0-9])`,
  'g',
);
const INTERNATIONAL = new RegExp(
  `(?<![0-9A-Za-z])\\+\\s?81(?:\\s?${DASH}\\s?|\\s)?(?:\\(0\\)\\s?)?[1-9][0-9]{0,9}(?:${SEP}[0-9]{1,8}){0,2}(?![0-9]|\\s?${DASH}\\s?[0-9])`,
  'g',
);
/** A label right before an unseparated landline (0312345678 alone could be any code). */
const PHONE_LABEL = /(TEL|Tel|tel|電話|☎|📞|📱|携帯|連絡先|phone|call|FAX|Fax|fax)[^0-9]{0,6}$/;

/** Classifies a national number (leading 0, digits only); undefined if it is not a valid shape. */
export function phoneKind(national: string): PhoneKind | undefined {
  if (/^(0120[0-9]{6}|0800[0-9]{7}|0570[0-9]{6})$/.test(national)) return 'toll-free';
  if (/^0[789]0[0-9]{8}$/.test(national)) return 'mobile';
  if (/^050[0-9]{8}$/.test(national)) return 'ip';
  if (/^0[1-9][0-9]{8}$/.test(national) && !/^0[1-9]0/.test(national)) return 'landline';
  return undefined;
}

/** Digit groups as written must look like a phone number: area code 2–5 digits, last group 3–4. */
function plausibleGroups(groups: string[], kind: PhoneKind): boolean {
  if (groups.length === 1) return true;
  const last = groups[groups.length - 1]!;
  if (last.length < 3) return false;
  if (groups.length === 3) {
    const [a, b] = [groups[0]!, groups[1]!];
    if (kind === 'toll-free') return a.length >= 3 && b.length >= 2;
    return a.length >= 2 && a.length <= 5 && b.length >= 1;
  }
  return groups[0]!.length >= 2;
}

export interface PhoneMatch {
  span: Span;
  kind: PhoneKind;
  national: string;
}

export function findPhoneNumbers(text: string): PhoneMatch[] {
  const urls = urlSpans(text);
  const out: PhoneMatch[] = [];
  const push = (start: number, raw: string, body: string, national: string) => {
    const span = { start, end: start + raw.length };
    if (inside(urls, span)) return;
    const kind = phoneKind(national);
    if (!kind) return;
    const groups = body.split(/[^0-9]+/).filter(Boolean);
    if (!plausibleGroups(groups, kind)) return;
    // A bare 10-digit landline needs a phone label before it; 11-digit mobile/IP and toll-free don't.
    if (groups.length === 1 && kind === 'landline' && !PHONE_LABEL.test(text.slice(Math.max(0, start - 12), start))) return;
    out.push({ span, kind, national });
  };
  for (const m of text.matchAll(NATIONAL)) {
    const raw = m[0];
    // "(03)1234-5678" keeps its opening bracket; an unmatched one ("(090-…") is not part of it.
    const skip = raw.startsWith('(') && !/^\(\s?0[0-9]{1,4}\s?\)/.test(raw) ? raw.length - raw.replace(/^\(\s?/, '').length : 0;
    const body = raw.slice(skip);
    push(m.index! + skip, body, body, digitsOf(body));
  }
  for (const m of text.matchAll(INTERNATIONAL)) {
    const raw = m[0];
    const body = `0${raw.replace(/^\+\s?81/, '').replace(/\(0\)/, '').replace(/^[^0-9]+/, '')}`;
    push(m.index!, raw, body, digitsOf(body));
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

export const phoneNumberDetector: Detector = {
  id: 'privacy/phone-number',
  rules: ['privacy/phone-number'],
  detect({ analysis, context }) {
    const text = analysis.norm.text;
    return findPhoneNumbers(text).map(({ span, kind }) => {
      const cues = cuesIn(analysis, windowAround(text, span, 30, 20), span);
      const privateish = looksPrivate(cues);
      let severity: 'info' | 'warn';
      if (context.account === 'personal') severity = 'warn';
      else if (kind === 'mobile' || privateish) severity = 'warn';
      else if (kind === 'ip') severity = cues.business ? 'info' : 'warn';
      else severity = 'info';

      const message =
        severity === 'info'
          ? {
              ja: '電話番号が含まれています。会社・店舗として公開している番号か確認してください。',
              en: 'The post contains a phone number. Check that it is a number the company publishes.',
            }
          : kind === 'mobile' && !privateish
            ? {
                ja: '携帯電話の番号が含まれています。個人の番号であれば、本人の同意なく公開すると個人情報の漏えいになります。',
                en: 'The post contains a mobile phone number. If it belongs to a person, publishing it without consent leaks personal data.',
              }
            : {
                ja: '個人(お客様など)の電話番号の可能性があります。本人の同意なく公開すると個人情報の漏えいになります。',
                en: "This looks like a private person's phone number (a customer's, for example). Publishing it without consent leaks personal data.",
              };
      const suggestion =
        severity === 'info'
          ? { ja: '公式の代表番号・窓口番号であればそのままで問題ありません。', en: "If it is the company's official number, no change is needed." }
          : {
              ja: '番号を削除してください。個別の連絡はDMや電話など非公開の手段で行ってください。',
              en: 'Remove the number; reach the person through a private channel (DM, phone) instead.',
            };
      return privacyFinding('privacy/phone-number', severity, span, message, suggestion, basisFor(context.account));
    });
  },
};
