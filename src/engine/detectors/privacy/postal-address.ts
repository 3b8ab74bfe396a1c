/**
 * Postal codes and addresses: 〒123-4567, Japanese street addresses (都道府県/市区町村 + 丁目・番地・号
 * or 1-2-3), room numbers (302号室), apartment buildings (サクラハイツ203, Apt 5B, Sakura Heights)
 * and English street addresses (12 Oak Street).
 *
 * Severity: an address next to a private person (田中様, 在住, ご自宅, お客様, Mr. Mori) is `warn`;
 * otherwise it is `info` (a company's store or office: 新住所, 所在地, 移転, アクセス). A room number
 * alone is reported only when the sentence is about the people living there (302号室の人, 隣の
 * 302号室の女性), since 302号室 is also a meeting room.
 */
import type { Span } from '../../analysis';
import type { Detector } from '../types';
import { basisFor, cuesIn, DASH, inside, looksPrivate, privacyFinding, sentenceAround, urlSpans } from './shared';

type Part = 'postal' | 'street' | 'room' | 'residence';

const PREF =
  '(?:北海道|東京都|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)';
const KANJI = '一-龥々〆ヶ';
/** A municipality or ward: 港区, 札幌市, 南アルプス市; with a prefecture before it also さいたま市. */
const MUNI_STRICT = `(?:(?<![ぁ-ん])[ぁ-ん]{2,5}市|[${KANJI}ァ-ヴ][${KANJI}ァ-ヴー]{0,4}?[市区町村郡])`;
/** Words ending in 市/区/町/村 that are not a municipality. */
const NOT_MUNI = /^(地区|学区|校区|選挙区|市区|特区|全区|各区|都市|各市|当市|本市|同市|同区|同町|下町|城下町|門前町|港町|農村|漁村|山村|市町村|町村|区市町村)/;
const MUNI_ANY = `[${KANJI}ぁ-んァ-ヴー]{1,6}?[市区町村郡]`;
const NUM = '(?:[0-9]+|[一二三四五六七八九十]+)';
const BLOCK =
  `(?:${NUM}丁目(?:\\s?[0-9]+(?:番地?|${DASH})?(?:\\s?[0-9]+号?)?)?` +
  `|[0-9]+番地(?:\\s?[0-9]+号?)?|[0-9]+番[0-9]+号|[0-9]+(?:${DASH}[0-9]+){1,3})`;
const STREET = new RegExp(
  `(?<pref>${PREF})?(?<muni>(?:(?<=${PREF})${MUNI_ANY}|${MUNI_STRICT})(?:${MUNI_ANY}){0,2})(?<town>(?:[${KANJI}ァ-ヴー]|(?<=[${KANJI}])[のがケ](?=[${KANJI}])){0,10}?)(?<jo>${NUM}条[東西南北]?)?(?<block>${BLOCK})(?![0-9%％月日時分秒年円歳代人回件本個位点枚倍])`,
  'g',
);
const POSTAL = new RegExp(
  `〒\\s?[0-9]{3}\\s?${DASH}?\\s?[0-9]{4}(?![0-9])|郵便番号\\s?[:：]?\\s?[0-9]{3}${DASH}[0-9]{4}(?![0-9])|(?<![0-9${DASH}])[0-9]{3}${DASH}[0-9]{4}(?=\\s?${PREF})`,
  'g',
);
const ROOM = /(?<![0-9])[0-9]{1,4}\s?号室/g;
const BUILDING_NAMES = 'ハイツ|マンション|コーポ|レジデンス|アパート|ハイム|メゾン|ヴィラ|パレス|コート|テラス|ヒルズ|荘';
const JP_RESIDENCE = new RegExp(
  `(?:[${KANJI}ぁ-んァ-ヴ][${KANJI}ぁ-んァ-ヴー]{0,10}?(?:${BUILDING_NAMES})|(?:${BUILDING_NAMES})[${KANJI}ァ-ヴー]{1,10}?)\\s?[0-9]{2,4}(?:号室?)?(?![0-9])`,
  'g',
);
const EN_APT = /\b(?:Apt\.?|Apartment|Flat)\s?#?\s?(?:[0-9]{1,4}[A-Za-z]?|[A-Z])\b/g;
const EN_ROOM = /\b(?:Unit|Room|Rm\.?)\s?#?\s?[0-9]{1,4}[A-Za-z]?\b/g;
const EN_BUILDING = /\b(?:[A-Z][a-z]+\s){1,2}(?:Heights|Mansions?|Residences?|Apartments|Haitsu|Coop|Corpo|Villa|Maison|Manor)\b/g;
/** Romanised Japanese addresses: 2-3-1 Jingumae, Shibuya-ku. */
const EN_JP_STREET = /\b[0-9]{1,4}(?:-[0-9]{1,4}){1,2},?\s(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?,?\s){1,2}[A-Z][a-z]+-(?:ku|shi|cho|machi|mura|gun)\b/g;
/** A romanised block number without the ward, after at/of: lives at 5-3-2 Kichijoji (three groups, so 10-18 is not one). */
const EN_JP_BLOCK = /(?<=\b(?:at|of)\s)[0-9]{1,4}-[0-9]{1,4}-[0-9]{1,4},?\s[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?\b/g;
const EN_STREET = /\b[0-9]{1,5}\s(?:[A-Z][a-z]+\s){1,3}(?:St\.|Street|Ave\.|Avenue|Rd\.|Road|Blvd\.|Boulevard|Lane|Ln\.|Drive|Dr\.|Way|St|Ave|Rd|Blvd|Ln|Dr)\b/g;

/** People living somewhere: what makes a bare room number an address of a person. */
const RESIDENT_CUE =
  /(の人|住人|住民|女性|男性|女の子|男の子|子供|家族|夫婦|隣|向かい|上の階|下の階|住んで|住む|住まい|一人暮らし|帰り|帰宅|引っ越|越して|おばあ|おじい|奥さん|旦那|在住|自宅|(?<!名)様|(?<!名)さま|さん|くん|ちゃん|\blives?\b|\bliving\b|\bneighbou?rs?\b|\bnext door\b|\bupstairs\b|\bdownstairs\b|\bhome\b|\balone\b|\bguy\b|\bwoman\b|\bgirl\b)/i;

/** Someone else's home on a personal account: a neighbour's, an ex-partner's (the guy next door at 12 Oak Street). */
const SOMEONES_HOME =
  /(隣|向かい|近所|元カレ|元カノ|元彼|元彼女|元夫|元妻|元旦那|元嫁|元恋人|住んで|住む|住まい|在住|\blives?\b|\bliving\b|\bneighbou?rs?\b|\bnext door\b|\bacross the (street|hall)\b|\bupstairs\b|\bdownstairs\b|\bmy ex\b|\bex-?(boyfriend|girlfriend|husband|wife|partner)\b)/i;

/** On a personal account, words that make an address someone's home. */
const HOME_WORDS = /(引っ越|引越|転居|新居|我が家|わが家|うちの(家|マンション|アパート|住所)|自宅|実家|住んで|住所|\bmoved\b|\bmy (new )?(place|home|house|flat|apartment)\b)/i;

interface Piece {
  span: Span;
  part: Part;
}

/**
 * What each Japanese pattern cannot match without, tested first: the patterns are tried at every
 * position of the draft and cost more than the rest of this detector, and most drafts have no
 * 丁目, no 号室 and no digit-dash-digit at all.
 */
const DIGIT_DASH_DIGIT = new RegExp(`[0-9]${DASH}[0-9]`);
const POSTAL_NUMBER = new RegExp(`[0-9]{3}${DASH}?[0-9]{4}`);
const mayBeStreet = (t: string) => t.includes('丁目') || t.includes('番') || DIGIT_DASH_DIGIT.test(t);
const mayBePostal = (t: string) => t.includes('〒') || t.includes('郵便番号') || POSTAL_NUMBER.test(t);
const BUILDING_WORDS = BUILDING_NAMES.split('|');
const mayBeResidence = (t: string) => /[0-9]/.test(t) && BUILDING_WORDS.some((w) => t.includes(w));

function collect(text: string): Piece[] {
  const urls = urlSpans(text);
  const pieces: Piece[] = [];
  const add = (re: RegExp, part: Part, accept: (m: RegExpMatchArray) => boolean = () => true) => {
    for (const m of text.matchAll(re)) {
      const span = { start: m.index!, end: m.index! + m[0].length };
      if (!inside(urls, span) && accept(m)) pieces.push({ span, part });
    }
  };
  if (mayBePostal(text)) add(POSTAL, 'postal');
  if (mayBeStreet(text)) add(STREET, 'street', (m) => {
    const g = m.groups!;
    if (!g.pref && NOT_MUNI.test(g.muni!)) return false;
    // With neither a prefecture nor a town name, a lone ward and one dash (地区3-4) is too weak.
    if (g.pref || g.town || g.jo) return true;
    const munis = (g.muni!.match(/[市区町村郡]/g) ?? []).length;
    return munis >= 2 || !new RegExp(`^[0-9]+${DASH}[0-9]+$`).test(g.block!);
  });
  if (text.includes('号室')) add(ROOM, 'room');
  add(EN_ROOM, 'room');
  if (mayBeResidence(text)) add(JP_RESIDENCE, 'residence');
  add(EN_APT, 'residence');
  add(EN_BUILDING, 'residence');
  add(EN_STREET, 'street');
  add(EN_JP_STREET, 'street');
  add(EN_JP_BLOCK, 'street');
  return pieces;
}

/** Pieces that touch or are separated only by commas, brackets or spaces form one address. */
function group(text: string, pieces: Piece[]): Array<{ span: Span; parts: Set<Part> }> {
  const sorted = [...pieces].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: Array<{ span: Span; parts: Set<Part> }> = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (p.span.start <= last.span.end || /^[\s,、・/()]{0,3}$/.test(text.slice(last.span.end, p.span.start)))) {
      last.span.end = Math.max(last.span.end, p.span.end);
      last.parts.add(p.part);
    } else out.push({ span: { ...p.span }, parts: new Set([p.part]) });
  }
  return out;
}

export function findAddresses(text: string) {
  return group(text, collect(text));
}

export const postalAddressDetector: Detector = {
  id: 'privacy/postal-address',
  rules: ['privacy/postal-address'],
  detect({ analysis, context }) {
    const text = analysis.norm.text;
    const out = [];
    for (const { span, parts } of findAddresses(text)) {
      const sentence = sentenceAround(text, span);
      const around = { start: Math.max(0, Math.min(sentence.start, span.start - 30)), end: Math.min(text.length, Math.max(sentence.end, span.end + 20)) };
      const cues = cuesIn(analysis, around, span);
      const sentenceText = text.slice(sentence.start, span.start) + ' ' + text.slice(span.end, sentence.end);
      const nearText = text.slice(Math.max(sentence.start, span.start - 12), span.start) + ' ' + text.slice(span.end, Math.min(sentence.end, span.end + 15));
      const onlyRoom = [...parts].every((p) => p === 'room');
      let severity: 'info' | 'warn';
      if (onlyRoom) {
        if (!RESIDENT_CUE.test(nearText) || cues.business) continue; // 302号室でセミナー: a meeting room
        severity = 'warn';
      } else if (context.account === 'personal' && (parts.has('residence') || parts.has('room') || HOME_WORDS.test(sentenceText) || SOMEONES_HOME.test(sentenceText))) {
        severity = 'warn'; // someone's own or a friend's home
      } else if (looksPrivate(cues) || ((parts.has('residence') || parts.has('room')) && (cues.person || RESIDENT_CUE.test(sentenceText)) && !cues.business)) {
        severity = 'warn';
      } else severity = 'info';

      const message =
        severity === 'warn'
          ? {
              ja: '個人の住所・部屋番号など、住まいを特定できる情報が含まれています。本人の同意なく公開しないでください。',
              en: "The post contains details that locate a private person's home (address, room or apartment number). Do not publish them without consent.",
            }
          : {
              ja: '住所が含まれています。店舗・事業所など、会社として公開している所在地か確認してください。',
              en: 'The post contains an address. Check that it is a store or office address the company publishes.',
            };
      const suggestion =
        severity === 'warn'
          ? {
              ja: '住所・部屋番号・建物名を削除するか、「都内在住」程度まで粗くしてください。',
              en: 'Remove the address, room number and building name, or coarsen it (e.g. "lives in Tokyo").',
            }
          : { ja: '公開済みの所在地であればそのままで問題ありません。', en: 'If it is a published business address, no change is needed.' };
      out.push(privacyFinding('privacy/postal-address', severity, span, message, suggestion, basisFor(context.account)));
    }
    return out;
  },
};
