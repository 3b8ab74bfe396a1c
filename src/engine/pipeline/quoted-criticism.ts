/**
 * Talking about a wording is not using it. A built-in entry's hit that sits inside quotation marks
 * (「…」『…』“…” "…", on one line) in a post that criticises or corrects that wording, outside the
 * quote, in the quote's sentence or the next, is shown one level lower (block → warn, warn → info)
 * and says why:
 *   「外国人お断り」の張り紙はなぜ問題なのか。…国籍で入店を拒むのは差別です。
 *   先日の投稿で「外人」という表現を使用しておりました。不適切な表現であり、お詫びして訂正いたします。
 *   We removed the "60-hour week" language from our job ads. It excluded carers…
 *   We rewrote every job posting. Gone: "young and dynamic," and "digital native."
 * The finding stays visible (the reviewer still sees the word), it just no longer holds the post
 * by itself. A company list's entry keeps the severity the company gave it; a detector's finding
 * (a phone number, a date) is never lowered. "差別じゃない" is no criticism.
 */
import type { RawFinding } from '../detectors/types';
import type { Severity } from '../finding';

const OPEN = '「『“"';
const CLOSE = '」』”"';

/** criticism or correction of a wording (Japanese; the English words are matched separately) */
const FRAME_JA =
  /差別(?!(?:じゃ|では|で)(?:ない|なく|ありません))|問題(?:です|だ|なのか|があ|視|にな)|不適切|お詫び|謝罪|訂正|時代遅れ|時代[はが]?(?:もう|とっくに)?終わ|許され(?:ない|ません)|やめ(?:よう|ましょう)|(?:ては|では)いけ(?:ない|ません)|偏見|傷つけ|配慮(?:に欠け|を欠)|デマ|事実無根|確認されていない|撤去|がっかり/;
const FRAME_EN = /\b(?:racist|sexist|discriminat\w*|offensive|apologi[sz]e\w*|unacceptable|stereotyp\w*|excluded|exclusionary|outdated|harmful|scam\w*|fraud\w*|impersonat\w*|claiming\s+to\s+be|removed|rewrote|rewritten|reworded|retired)\b|\bgone\s*:/i;

const LOWER: Record<Severity, Severity> = { block: 'warn', warn: 'info', info: 'info' };

/** The quote [open, close] (close inclusive) around [start, end) on one line, if any. */
function quoteAround(text: string, start: number, end: number): [number, number] | undefined {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') return undefined;
    const k = OPEN.indexOf(c);
    if (k >= 0) {
      const close = text.indexOf(CLOSE[k]!, end);
      if (close < 0 || text.slice(end, close).includes('\n')) return undefined;
      return [i, close];
    }
    // a closing mark first: the hit is after a quote, not inside one
    if (CLOSE.includes(c)) return undefined;
  }
  return undefined;
}

export function lowerQuotedCriticism(findings: RawFinding[], text: string, sentenceOf: Int32Array): RawFinding[] {
  let out: RawFinding[] | undefined;
  findings.forEach((f, i) => {
    if (f.company || f.severity === 'info') return;
    const q = quoteAround(text, f.span.start, f.span.end);
    if (!q) return;
    // the quote's sentence and the next, without the quote itself
    const s = sentenceOf[q[0]]!;
    let from = q[0];
    while (from > 0 && sentenceOf[from - 1] === s) from--;
    let to = q[1] + 1;
    while (to < text.length && sentenceOf[to]! <= s + 1) to++;
    const around = `${text.slice(from, q[0])} ${text.slice(q[1] + 1, to)}`;
    if (!FRAME_JA.test(around) && !FRAME_EN.test(around)) return;
    out ??= findings.slice();
    out[i] = {
      ...f,
      severity: LOWER[f.severity],
      message: {
        ja: `（引用して批判・訂正している文脈のため、1段階下げて表示）${f.message.ja}`,
        en: `(Quoted in a post that criticises or corrects it: shown one level lower.) ${f.message.en}`,
      },
    };
  });
  return out ?? findings;
}
