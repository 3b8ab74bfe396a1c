/**
 * Helpers shared by the privacy detectors: sentence bounds, URL spans, and the context cues that
 * tell a company's own published contact details (info) from a private person's (warn).
 *
 * Everything works on `analysis.norm.text` (NFKC: full-width digits and letters are ASCII there,
 * ＠ is @, （ is (), so regexes only need the ASCII forms. Spans are normalized-text indices.
 */
import type { Analysis, Span } from '../../analysis';
import type { AccountKind, Bilingual, Severity } from '../../finding';
import type { RawFinding } from '../types';

export const BASIS_APPI_COMPANY = '個人情報保護法 27条 (第三者提供の制限)・23条 (安全管理措置)';
export const BASIS_PRIVACY_PERSONAL = 'プライバシー権の侵害 (民法 709条); 個人情報保護法の趣旨';
export const BASIS_MY_NUMBER = '番号法 (行政手続における特定の個人を識別するための番号の利用等に関する法律) 19条・20条';
export const BASIS_CARD = '割賦販売法 35条の16 (クレジットカード番号等の適切な管理); 個人情報保護法 23条';

export const basisFor = (account: AccountKind) => (account === 'company' ? BASIS_APPI_COMPANY : BASIS_PRIVACY_PERSONAL);

export function privacyFinding(
  rule: string,
  severity: Severity,
  span: Span,
  message: Bilingual,
  suggestion: Bilingual | undefined,
  basis: string,
): RawFinding {
  const f: RawFinding = { category: 'privacy', severity, span, rule, message, basis };
  if (suggestion) f.suggestion = suggestion;
  return f;
}

/** Hyphens and dashes people type between digit groups (after NFKC; ー is a common slip). */
export const DASH = '[-‐‑‒–—―−ー─]';

export const digitsOf = (s: string) => s.replace(/[^0-9]/g, '');

/** A money amount or a count (¥123456789012, 123456789012円, 1234567890123件): not an identifier. */
export const isAmount = (text: string, span: Span) =>
  /[¥$€£]\s?$/.test(text.slice(Math.max(0, span.start - 2), span.start)) ||
  /^\s?(円|万|億|兆|件|人|個|名|回|株|ドル|ユーロ|%|yen\b|jpy\b|usd\b|dollars?\b)/i.test(text.slice(span.end, span.end + 8));

/** http(s) URLs and www. hosts: numbers and @ inside them are not contact details. */
export function urlSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>"'、。「」()]+/gi)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

export const inside = (spans: readonly Span[], s: Span) => spans.some((u) => u.start <= s.start && s.end <= u.end);

const ABBREV = /(?:^|[^A-Za-z])(?:Mr|Mrs|Ms|Mx|Dr|St|Apt|No|Jr|Sr|vs|etc|Mt|Inc|Co|Ltd|Rm|Bldg|Ave|approx)$/i;

/** The sentence that contains the span: bounded by 。！？!? and line breaks, and by ". " after a word that is not an abbreviation. */
export function sentenceAround(text: string, span: Span): Span {
  const isEnd = (i: number): boolean => {
    const c = text[i]!;
    if (/[。！？!?\n]/.test(c)) return true;
    if (c === '.' && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) return !ABBREV.test(text.slice(Math.max(0, i - 8), i));
    return false;
  };
  let start = span.start;
  while (start > 0 && !isEnd(start - 1)) start--;
  let end = span.end;
  while (end < text.length && !isEnd(end)) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

/** [start, end) of a window around the span, clamped to the text. */
export function windowAround(text: string, span: Span, before: number, after: number): Span {
  return { start: Math.max(0, span.start - before), end: Math.min(text.length, span.end + after) };
}

/**
 * Business compounds that contain a private-person word but are the company's own channel or a
 * generic address to readers: お客様相談室, 皆様, 会員登録… They are blanked before looking for
 * private cues.
 */
const BENIGN_COMPOUNDS =
  /(お客(様|さま)(相談室|窓口|センター|サポート|ダイヤル|専用|サービス|係|対応)|(皆|みな)(様|さま|さん)|各位|会員(登録|募集|限定|特典|価格|向け|制|証|サービス|サイト|ページ|規約)|新規会員|入会|customer (service|support|care|center|centre)s?|member(ship)? (benefits?|only|sign[- ]?up|registration))/gi;

/** Words that say the contact detail belongs to a private person: strong on their own. */
const STRONG_PRIVATE =
  /((友達|友人|知人|彼氏|彼女|同僚|先輩|後輩|上司|部下|親戚|両親|祖父母|元カレ|元カノ|元彼|元カノ|元夫|元妻|あの人|あいつ|隣人|(さん|様|くん|ちゃん))の[^、。!?\n]{0,6}?(家|住所|自宅|実家|マンション|アパート|部屋|携帯|電話|番号|メアド|アドレス)|(さん|様)(宅|ち)|ご?自宅|私用|個人(携帯|の(電話|番号|連絡先|メール|アドレス|携帯))|携帯番号|プライベート|在住|住人|実家|お住まい|住んで|会員番号|顧客番号|お客(様|さま)番号|一人暮らし|\bhome\b|\bprivate\b|\bpersonal\b|\bresidents?\b|\blives? (in|at|on)\b|\bcell ?phone\b)/i;

/** Words that point at a private person but also occur in business notices: count only when no business cue is near. */
const WEAK_PRIVATE = /(お客(様|さま)|お客さん|会員|顧客|ご本人|customer|member|\bMrs?\.|\bMs\.|\bMiss\b)/i;

/** The company's own channels and places. */
const BUSINESS =
  /(店舗|お店|当店|弊店|本店|支店|[0-9一-龥]号店|本社|支社|営業所|事業所|事務所|オフィス|窓口|受付|代表|お?問い?合わ?せ|問合せ|TEL|FAX|フリーダイヤル|ナビダイヤル|電話受付|(ご|お)予約|営業時間|定休日|移転|新住所|所在地|アクセス|会場|サポート|センター|カスタマー|相談室|ダイヤル|お電話(ください|下さい|にて|でのご)|までご連絡|お気軽に|担当|ご質問|ご相談|公式|当社|弊社|株式会社|\(株\)|有限会社|事務局|広報|採用|求人|本部|工場|店長|ショップ|サロン|クリニック|医院|ホテル|施設|館|ビル|オープン|開店|営業|\bcustomer (service|support|care)\b|\bsupport\b|\bcontact\b|\boffice\b|\bstore\b|\bshop\b|\bheadquarters\b|\bhotline\b|\bcall us\b|\breservations?\b|\binquir(y|ies)\b|\bpress\b|\bopen(s|ing)?\b|\bhours\b)/i;

/**
 * Exposure: the detail is published to shame or warn about someone (a complainer, a prank caller, a
 * no-show): 晒す, クレーマー, いたずら電話, 電話してきた, prank caller. The company's own complaint desk
 * (クレーム対応窓口, 苦情受付, お客様相談室までお電話を) is not exposure, and warnings about impersonation scams
 * (当社を装った詐欺電話, なりすまし) are about a fraudster's line, not a private person's.
 */
const EXPOSURE =
  /(クレーマー|クレーム(?!対応|窓口|受付|担当|専用|係|相談)|苦情(?!受付|窓口|相談|担当|専用|係)|いたずら電話|イタズラ電話|悪戯電話|迷惑電話|無言電話|しつこく(?:電話|連絡|かけ|掛け|問い合わせ|クレーム|付きまと|つきまと)|しつこい(?:客|人|電話|クレーム)|怒鳴|晒|要注意人物|着信拒否|(?:電話|連絡|メール|DM)(?:を)?(?:して|掛けて|かけて|よこして)きた|かけてきた|掛けてきた|迷惑客|食い逃げ|万引き|無断キャンセル|ドタキャン|出禁|\bprank\b|\bharass|\bscream|\byell(?:ed|ing)\b|\babusive\b|\bcalled us\b|\bbanned\b|\bstalk)/i;
/** The company's own complaint or support channel: クレームのお電話はお客様相談室 0120-… is not exposure. */
const OWN_CHANNEL = /(相談室|窓口|サポートセンター|サポートデスク|コールセンター|カスタマーセンター|までお(願い|電話|問い合わせ|問合せ)|までご(連絡|相談)|お気軽に|受付時間|\bsupport line\b|\bcustomer (service|support|care)\b|\bcall us\b)/i;
const IMPERSONATION = /(装[っうい]|騙[るっ]|かたる|名乗[るっ]|なりすまし|成りすまし|偽の|偽サイト|偽メール|フィッシング|不審な(電話|メール|SMS)|詐欺(電話|メール|SMS|サイト)|\bphishing\b|\bimpersonat|\bscam (call|text|email)s?\b|\bfake\b)/i;

export const blankBenignCompounds = (s: string) => s.replace(BENIGN_COMPOUNDS, (m) => ' '.repeat(m.length));

export interface Cues {
  strongPrivate: boolean;
  weakPrivate: boolean;
  business: boolean;
  /** a named individual addressed as a customer (田中様, Mr. Mori) in the window */
  customer: boolean;
  /** a named individual with a familiar honorific (田中さん, 佐藤くん): may be the company's own staff */
  person: boolean;
  /** the detail is being exposed to shame or warn about someone (クレーマーの番号, prank caller) */
  exposed: boolean;
}

/** Looks for context cues in `text[window]`, ignoring what lies inside `exclude` (the detail itself). */
export function cuesIn(analysis: Analysis, window: Span, exclude: Span): Cues {
  const text = analysis.norm.text;
  const raw = text.slice(window.start, exclude.start) + ' '.repeat(exclude.end - exclude.start) + text.slice(exclude.end, window.end);
  const s = blankBenignCompounds(raw);
  const persons = personMentions(analysis).filter((p) => p.span.start < window.end && window.start < p.span.end);
  return {
    strongPrivate: STRONG_PRIVATE.test(s),
    weakPrivate: WEAK_PRIVATE.test(s),
    business: BUSINESS.test(s),
    customer: persons.some((p) => p.formal),
    person: persons.length > 0,
    exposed: EXPOSURE.test(s) && !IMPERSONATION.test(s) && !OWN_CHANNEL.test(s),
  };
}

/**
 * Private-person context decides: a customer's name (田中様), a strong cue (自宅, 在住, 会員番号), an
 * exposure (クレーマーの番号です), or a weaker one (お客様, 田中さん) when nothing says it is the company's own channel.
 */
export const looksPrivate = (c: Cues) => c.customer || c.strongPrivate || c.exposed || ((c.weakPrivate || c.person) && !c.business);

// ---------------------------------------------------------------------------------------------
// Named individuals

/** Honorifics written after a private person's name. */
export const HONORIFICS = new Set(['様', 'さま', 'さん', '氏', 'くん', '君', 'ちゃん', '殿']);
const FORMAL = new Set(['様', 'さま', '殿']);

export interface PersonMention {
  /** the name with its honorific (小林誠様, Mr. Kenji Mori) */
  span: Span;
  /** the name alone */
  name: Span;
  /** 様/さま/殿/Mr./Ms.: how a company addresses a customer (さん/くん/ちゃん/氏 may be staff or friends) */
  formal: boolean;
}

const cache = new WeakMap<Analysis, PersonMention[]>();

const hasAscii = (s: string) => /[\x00-\x7f]/.test(s);

/**
 * Named individuals: one to three proper-noun tokens (kuromoji's 名詞,固有名詞; organisations —
 * 組織, トヨタ様 — are not people; places stay, since IPADIC tags some surnames 地域) directly followed by an
 * honorific (様 さん 氏 くん ちゃん 殿), and the English `Mr./Ms./Mrs./Miss/Mx. Name [Surname]`.
 * SNS handles (@kinoko_hiking さん) are not names: ASCII tokens never count.
 */
export function personMentions(analysis: Analysis): PersonMention[] {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const out: PersonMention[] = [];
  const { tokens } = analysis;
  const text = analysis.norm.text;
  for (let i = 0; i < tokens.length; i++) {
    const h = tokens[i]!;
    if (!HONORIFICS.has(h.surface)) continue;
    let j = i;
    while (j > 0 && i - j < 3) {
      const t = tokens[j - 1]!;
      if (t.end !== tokens[j]!.start) break; // a space or symbol between: stop
      if (!(t.pos === '名詞' && t.posDetail === '固有名詞') || t.posDetail2 === '組織' || hasAscii(t.surface)) break;
      j--;
    }
    if (j === i) continue;
    const first = tokens[j]!;
    // An @handle is not a name.
    if (first.start > 0 && text[first.start - 1] === '@') continue;
    out.push({
      span: { start: first.start, end: h.end },
      name: { start: first.start, end: tokens[i - 1]!.end },
      formal: FORMAL.has(h.surface),
    });
  }
  for (const m of text.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][a-zA-Z'’-]+)(?:\s+([A-Z][a-zA-Z'’-]+))?/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    out.push({ span: { start, end }, name: { start: start + m[0].indexOf(m[1]!), end }, formal: true });
  }
  out.sort((a, b) => a.span.start - b.span.start);
  cache.set(analysis, out);
  return out;
}
