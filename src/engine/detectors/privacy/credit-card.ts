/**
 * Payment card numbers: 13–19 digits (written whole, 4-4-4-4, 4-6-5 or 4-6-4) with a card brand's
 * prefix and length and a valid Luhn checksum = `block`. Well-known test numbers (4242 4242 4242
 * 4242, 4111 1111 1111 1111…) are `info`. Numbers labelled as something else (注文番号, 追跡番号…)
 * are skipped unless a card word is next to them.
 */
import type { Span } from '../../analysis';
import type { Detector } from '../types';
import { BASIS_CARD, DASH, digitsOf, inside, isAmount, privacyFinding, urlSpans } from './shared';

const S = `(?:\\s?${DASH}\\s?|\\s)`;
const CANDIDATE = new RegExp(
  `(?<![0-9A-Za-z_+#/=])(?<![0-9][.,:]|[0-9]${DASH})` +
    `(?:[0-9]{4}(${S})?[0-9]{4}\\1[0-9]{4}\\1[0-9]{4}(?:\\1[0-9]{1,3})?|[0-9]{4}(${S})?[0-9]{6}\\2[0-9]{4,5}|[0-9]{13,19})` +
    `(?![0-9]|\\s?${DASH}\\s?[0-9]|[.,][0-9])`,
  'g',
);
const CARD_LABEL = /(カード|クレカ|クレジット|card|visa|master|jcb|amex|american express|diners|有効期限|セキュリティコード|cvv|cvc)/i;
const OTHER_LABEL = /(注文|受注|伝票|追跡|お問い?合わ?せ|問合せ|受付|予約|会員|品番|型番|JAN|ISBN|口座|シリアル|製造|ロット|管理|請求|取引|order|tracking|invoice|serial|account|\bID\b)/i;

export function luhnValid(digits: string): boolean {
  if (!/^[0-9]{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The brand whose prefix and length the number has, or undefined. */
export function cardBrand(digits: string): string | undefined {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'Visa';
  if (n === 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))) return 'Mastercard';
  if (n === 15 && (p2 === 34 || p2 === 37)) return 'American Express';
  if (n >= 16 && n <= 19 && p4 >= 3528 && p4 <= 3589) return 'JCB';
  if (n === 14 && ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39)) return 'Diners Club';
  if (n >= 16 && n <= 19 && (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649))) return 'Discover';
  if (n >= 16 && n <= 19 && p2 === 62) return 'UnionPay';
  return undefined;
}

/** Test numbers published by card networks and payment providers. */
const TEST_NUMBERS = new Set([
  '4242424242424242', '4111111111111111', '4012888888881881', '4000056655665556', '5555555555554444', '5105105105105100',
  '2223003122003222', '378282246310005', '371449635398431', '3530111333300000', '3566002020360505', '6011111111111117',
  '30569309025904', '38520000023237', '6200000000000005',
]);

export interface CardMatch {
  span: Span;
  digits: string;
  brand: string;
  test: boolean;
}

export function findCardNumbers(text: string): CardMatch[] {
  const urls = urlSpans(text);
  const out: CardMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (inside(urls, span)) continue;
    if (isAmount(text, span)) continue;
    const digits = digitsOf(m[0]);
    const brand = cardBrand(digits);
    if (!brand || !luhnValid(digits)) continue;
    const before = text.slice(Math.max(0, span.start - 15), span.start);
    if (OTHER_LABEL.test(before) && !CARD_LABEL.test(before)) continue;
    out.push({ span, digits, brand, test: TEST_NUMBERS.has(digits) });
  }
  return out;
}

export const creditCardDetector: Detector = {
  id: 'privacy/credit-card',
  rules: ['privacy/credit-card'],
  detect({ analysis }) {
    return findCardNumbers(analysis.norm.text).map(({ span, brand, test }) =>
      test
        ? privacyFinding(
            'privacy/credit-card',
            'info',
            span,
            {
              ja: `${brand}のテスト用カード番号です。実在のカード番号でないことを確認してください。`,
              en: `This is a well-known ${brand} test card number. Make sure no real card number is posted.`,
            },
            undefined,
            BASIS_CARD,
          )
        : privacyFinding(
            'privacy/credit-card',
            'block',
            span,
            {
              ja: `クレジットカード番号(${brand}、チェックサム一致)と思われる番号です。カード番号の公開は不正利用につながります。`,
              en: `This looks like a payment card number (${brand}, valid checksum). Publishing it invites fraud.`,
            },
            { ja: '番号を削除してください。必要なら下4桁のみ(**** 1234)にしてください。', en: 'Remove the number; if needed show only the last four digits (**** 1234).' },
            BASIS_CARD,
          ),
    );
  },
};
