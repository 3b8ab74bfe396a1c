/**
 * A named private individual together with private facts in the same sentence: 小林 誠様(港区芝浦
 * 在住), 品川区東大井の田村さん, 田中様の電話番号, Mr. Kenji Mori (Apt 5B…).
 *
 * A name is one to three proper-noun tokens followed by an honorific (様 さん 氏 くん ちゃん 殿), or
 * Mr./Ms./Mrs./Miss + a capitalised name (see personMentions). Facts that locate or contact the
 * person (在住, 住所, 号室, 自宅, 電話番号, 会員番号, apartment…) make a `warn` on any account. On a
 * company account, life events and health (引っ越し, 新居, 入院, 妊娠…) about a named person are a
 * `warn` as well (a customer's or employee's data), so is a named person exposed to shame (無断キャンセル,
 * クレーマー, prank caller: any account), and naming a customer next to a transaction
 * (ご成約, ご来店, ご購入…) is an `info`.
 */
import type { Detector, RawFinding } from '../types';
import { findAddresses } from './postal-address';
import { basisFor, cuesIn, personMentions, privacyFinding, sentenceAround } from './shared';

/** Procedural mentions of an address (changing or entering one), and a store's own new address. */
const PROCEDURAL = /((ご|お)?住所(の)?(変更|登録|入力|記入|確認)|(ご|お)?住所(を|は|が)(ご)?(変更|登録|入力|記入|確認)|(新|旧)住所|(店舗|会社|当社|弊社|本社|会場)(の)?住所)/g;

const LOCATING =
  /(在住|お住まい|住まい|住んで|住む|住所|号室|自宅|お宅|実家|会員番号|顧客番号|電話番号|携帯番号|連絡先|メールアドレス|生年月日|最寄り?駅|勤務先|勤め先|通学先|home address|\baddress\b|\bapartment\b|\bapt\b|\bflat\b|\bunit\s?#?\d|\bwho lives\b|\blives? (just )?(in|at|on|near|around|next|down|up|across)\b|\bphone number\b|\bmember (id|number|no)\b|\bdate of birth\b)/i;

/**
 * A place right before the name: 品川区東大井の田村さん, 港区在住の田中様 (a municipality or finer), or
 * a winners' list that prints the prefecture with the name: 東京都 田中太郎様.
 */
const PLACE_BEFORE = /([一-龥ァ-ヴー]{1,6}[市区町村郡][一-龥ァ-ヴー]{0,6}(在住)?の|[一-龥]{1,3}[都道府県市区町村郡]\s?)$/;

/**
 * A place in brackets right after the name, as winners' lists and testimonials print it:
 * 田中花子さん(東京都世田谷区), 山田太郎様(大阪府堺市), 佐藤様(港区・40代).
 */
const PLACE_AFTER = /^\s?\(\s?(?:北海道|東京都|京都府|大阪府|[一-龥]{2,3}県|[一-龥ァ-ヴー]{1,6}[市区町村郡])/;

/** Right after the honorific: 山田さん宅, 田中さんちの, 佐藤様の家. */
const HOME_AFTER = /^(宅|ち(の|に|は|で|まで)|の(家|お宅|部屋|マンション|アパート))/;

const LIFE_EVENTS =
  /(引っ越し|引越し?|お引越し|転居|新居|転勤|入院|退院|通院|来院|病気|闘病|手術|症状|診断|治療|持病|妊娠|出産|休職|離婚|逮捕|年収|借金|\bmov(ed|ing) (house|out|in)\b|\bnew home\b|\bhospital\b|\bpregnan)/i;

const TRANSACTION = /(ご成約|ご?来店|ご購入|ご契約|ご注文|お買い上げ|ご利用|ご愛顧|常連|ご宿泊|ご入会|ご予約|ご納車|お引渡し|お引き渡し|\bregulars?\b|\bcustomer\b|\bordered\b|\bbought\b|\bpurchased\b)/i;

export const personDetailsDetector: Detector = {
  id: 'privacy/person-details',
  rules: ['privacy/person-details', 'privacy/customer-name'],
  detect({ analysis, context }) {
    const text = analysis.norm.text;
    const out: RawFinding[] = [];
    const mentions = personMentions(analysis);
    const addresses = mentions.length > 0 ? findAddresses(text) : [];
    for (const p of mentions) {
      const s = sentenceAround(text, p.span);
      // An address in the same sentence locates the person, unless the sentence is about a store or office.
      const inSentence = addresses.filter((a) => a.span.start >= s.start && a.span.end <= s.end);
      const addressed =
        inSentence.some((a) => a.parts.has('residence')) ||
        (inSentence.some((a) => a.parts.has('street') || a.parts.has('postal')) && !cuesIn(analysis, s, p.span).business);
      const rest = (text.slice(s.start, p.span.start) + ' ' + text.slice(p.span.end, s.end)).replace(PROCEDURAL, (m) => ' '.repeat(m.length));
      const before = text.slice(Math.max(s.start, p.span.start - 16), p.span.start);
      const after = text.slice(p.span.end, Math.min(s.end, p.span.end + 12));
      const locating = LOCATING.test(rest) || PLACE_BEFORE.test(before) || HOME_AFTER.test(after) || PLACE_AFTER.test(after) || addressed;
      const lifeEvent = context.account === 'company' && LIFE_EVENTS.test(rest);
      // named and shamed: 〇〇様、無断キャンセルはやめてください / the complainer Mr. X
      const exposed = cuesIn(analysis, s, p.span).exposed;
      if (locating || lifeEvent || exposed) {
        out.push(
          privacyFinding(
            'privacy/person-details',
            'warn',
            p.span,
            {
              ja: '個人の名前と、住まい・連絡先・私生活などの情報が一緒に書かれています。本人の同意なく公開すると個人情報・プライバシーの侵害になります。',
              en: "A person's name appears together with private details (where they live, how to reach them, their private life). Publishing this without consent breaches their privacy.",
            },
            {
              ja: '名前を伏せる(「A様」「お客様」)か、住所・連絡先・私生活の情報を削除してください。',
              en: 'Leave the name out ("a customer") or remove the address, contact and private details.',
            },
            basisFor(context.account),
          ),
        );
      } else if (context.account === 'company' && (p.formal || /来店/.test(rest)) && TRANSACTION.test(rest)) {
        out.push(
          privacyFinding(
            'privacy/customer-name',
            'info',
            p.span,
            {
              ja: 'お客様の名前が書かれています。掲載について本人の同意を得ているか確認してください。',
              en: "The post names a customer. Check that they agreed to be named.",
            },
            { ja: '同意がなければ「A様」「お客様」などに置き換えてください。', en: 'Without consent, write "a customer" instead.' },
            basisFor(context.account),
          ),
        );
      }
    }
    return out;
  },
};
