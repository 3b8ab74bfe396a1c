/**
 * My Number (個人番号): 12 digits, written whole or as 4-4-4, whose last digit is the check digit
 * of 平成26年総務省令第85号 5条:
 *
 *   check = 11 − (Σ_{n=1..11} Pn × Qn mod 11), or 0 when the remainder is 0 or 1,
 *   Pn = the n-th digit counting from the right of the first 11 (n = 1 is the 11th digit),
 *   Qn = n + 1 for 1 ≤ n ≤ 6, n − 5 for 7 ≤ n ≤ 11
 *
 * (from the left the weights are 6 5 4 3 2 7 6 5 4 3 2). A valid number is a `block`: handing out
 * someone's My Number is restricted by 番号法 19条. Twelve unlabelled digits with a wrong check digit
 * are not taken for a My Number. Labelled マイナンバー/個人番号/My Number, they are a `warn` even with
 * a wrong check digit: the label says what the number is, and a typo in one digit still leaks the
 * other eleven. Obvious samples (000000000000, 123456789018) and numbers written as an example
 * (記入例, 見本, サンプル) are `info`.
 * Numbers labelled as something else (注文番号, 追跡番号, JAN…) and 12-digit timestamps are skipped.
 */
import type { Span } from '../../analysis';
import type { Detector } from '../types';
import { BASIS_MY_NUMBER, DASH, digitsOf, inside, isAmount, privacyFinding, urlSpans } from './shared';

const CANDIDATE = new RegExp(
  `(?<![0-9A-Za-z_+#/=])(?<![0-9][.,:]|[0-9]${DASH})([0-9]{4})(\\s?${DASH}\\s?|\\s)?([0-9]{4})\\2([0-9]{4})(?![0-9]|\\s?${DASH}\\s?[0-9]|[.,][0-9])`,
  'g',
);
const MY_NUMBER_LABEL = /(マイナンバー|個人番号|my ?number|individual number)/i;
/** A label a little further back on the same line (マイナンバーカード届いた!番号 …, My Number card arrived! The number is …). */
const MY_NUMBER_LABEL_FAR = /(マイナンバー|個人番号|my ?number|individual number)[^\n]*$/i;
/** Written as an example, not someone's number. */
const EXAMPLE_CONTEXT = /(記入例|記載例|入力例|見本|サンプル|ダミー|例[:：)）]|\(例\)|（例）|\bexample\b|\bsample\b|\bdummy\b|\be\.g\.)/i;
/** Labels of other 12-digit numbers: order, tracking and account numbers, product codes. */
const OTHER_LABEL =
  /(免許|パスポート|旅券|保険証|被保険者|年金|在留|注文|受注|伝票|追跡|お問い?合わ?せ|問合せ|受付|予約|会員|顧客|品番|型番|商品|製品|JAN|UPC|EAN|ISBN|口座|シリアル|製造|ロット|管理|整理|法人|請求|領収|取引|チケット|座席|order|tracking|invoice|serial|ticket|account|\bID\b|\bNo\.?)/i;

/** The check digit of the first 11 digits, or undefined if `first11` is not 11 digits. */
export function myNumberCheckDigit(first11: string): number | undefined {
  if (!/^[0-9]{11}$/.test(first11)) return undefined;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export const isValidMyNumber = (digits: string) =>
  /^[0-9]{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);

/** yyyymmddhhmm: a timestamp, not an identifier. */
const TIMESTAMP = /^(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([01][0-9]|2[0-3])[0-5][0-9]$/;

/** Placeholders everyone recognises as samples: one digit repeated, and 1234 5678 9018 (valid, used in manuals). */
export const isSampleMyNumber = (digits: string) => /^([0-9])\1{11}$/.test(digits) || digits === '123456789018';

export interface MyNumberMatch {
  span: Span;
  digits: string;
  valid: boolean;
  labelled: boolean;
  /** a placeholder (000000000000, 123456789018) or a number written as an example (記入例) */
  sample: boolean;
}

export function findMyNumbers(text: string): MyNumberMatch[] {
  const urls = urlSpans(text);
  const out: MyNumberMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (inside(urls, span)) continue;
    if (isAmount(text, span)) continue;
    const digits = digitsOf(m[0]);
    const before = text.slice(Math.max(0, span.start - 15), span.start);
    const far = text.slice(Math.max(0, span.start - 40), span.start);
    const labelled =
      MY_NUMBER_LABEL.test(before) ||
      MY_NUMBER_LABEL.test(text.slice(span.end, span.end + 8)) ||
      (MY_NUMBER_LABEL_FAR.test(far) && !OTHER_LABEL.test(before));
    if (!labelled && (OTHER_LABEL.test(before) || TIMESTAMP.test(digits))) continue;
    const valid = isValidMyNumber(digits);
    const around = text.slice(Math.max(0, span.start - 20), Math.min(text.length, span.end + 12));
    const sample = isSampleMyNumber(digits) || EXAMPLE_CONTEXT.test(around);
    if ((!valid || sample) && !labelled) continue;
    out.push({ span, digits, valid, labelled, sample });
  }
  return out;
}

const MESSAGES = {
  valid: {
    rule: 'privacy/my-number',
    severity: 'block',
    message: {
      ja: 'マイナンバー(個人番号)と思われる12桁の番号です(検査用数字が一致)。マイナンバーは法律で定められた場合以外に提供・公開できません。',
      en: 'This 12-digit number looks like a My Number (individual number; its check digit is valid). The law forbids providing or publishing it outside the cases it lists.',
    },
    suggestion: { ja: '番号を削除してください。', en: 'Remove the number.' },
  },
  labelled: {
    rule: 'privacy/my-number-labelled',
    severity: 'warn',
    message: {
      ja: 'マイナンバー(個人番号)として書かれた12桁の番号です。検査用数字は一致しませんが、書き誤りでも実在の番号の大部分が公開されます。マイナンバーは法律で定められた場合以外に提供・公開できません。',
      en: 'A 12-digit number labelled as a My Number. Its check digit does not match, but a typo still publishes most of a real number. The law forbids providing or publishing a My Number outside the cases it lists.',
    },
    suggestion: {
      ja: '番号を削除してください。記入例なら「XXXX XXXX XXXX」のように数字を伏せてください。',
      en: 'Remove the number; for an example, mask the digits (XXXX XXXX XXXX).',
    },
  },
  sample: {
    rule: 'privacy/my-number-like',
    severity: 'info',
    message: {
      ja: 'マイナンバーの見本・記入例と思われる12桁の番号です。実在の番号でないか確認してください。',
      en: "A 12-digit number that looks like a My Number sample or example. Make sure it is not someone's real number.",
    },
    suggestion: { ja: '記入例なら「XXXX XXXX XXXX」のように数字を伏せてください。', en: 'For a sample, mask the digits (XXXX XXXX XXXX).' },
  },
} as const;

export const myNumberDetector: Detector = {
  id: 'privacy/my-number',
  rules: ['privacy/my-number', 'privacy/my-number-labelled', 'privacy/my-number-like'],
  detect({ analysis }) {
    return findMyNumbers(analysis.norm.text).map(({ span, valid, sample }) => {
      const m = MESSAGES[sample ? 'sample' : valid ? 'valid' : 'labelled'];
      return privacyFinding(m.rule, m.severity, span, m.message, m.suggestion, BASIS_MY_NUMBER);
    });
  },
};
