/**
 * Phrase parts: the unit every pattern is made of. One part is matched four ways, all anchored
 * on token boundaries so 宗教 never fires inside an unrelated longer word:
 *  1. token sequence on folded surface or base form (痩せます / 痩せられる / 治りました -> 痩せる / 治る),
 *  2. folded surface string (robust when the pattern tokenizes differently on its own),
 *  3. reading, only where the draft writes the word in kana (しゅうきょう -> 宗教; 家事 never hits 火事),
 *  4. English (ASCII) parts: case-insensitive, word-bounded, `*` = any word characters.
 */
import type { Analysis, Span } from '../analysis';
import { fold, isKanaWord } from '../fold';
import { normalize } from '../normalize';
import type { Tokenizer } from '../tokenizer/types';

interface PatternToken {
  s: string; // folded surface
  l: string; // folded base form
  lr: string; // folded reading of the base form ('' if unknown)
  rs: string; // folded reading of the surface
}

export interface Part {
  key: string;
  english: RegExp | null;
  /** longest literal run, to skip an English regex cheaply */
  literal: string;
  s: string;
  tokens: PatternToken[];
  /** reading of the whole part, when matching by reading is safe (>= 3 kana, not already kana) */
  reading: string;
}

const ENGLISH = /^[\x20-\x7e]+$/;
const MIN_READING = 3;

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compilePart(source: string, tokenizer: Tokenizer, readingOf: (base: string) => string): Part {
  const text = normalize(source).text.trim();
  const s = fold(text);
  if (ENGLISH.test(text) && /[a-z]/i.test(text)) {
    const body = s
      .split(/\s+/)
      .map((w) => w.split('*').map(escapeRegExp).join("[a-z0-9'’]*"))
      .join('\\s+');
    const literal = s.split(/[\s*]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    return { key: `en:${s}`, english: new RegExp(`(?<![a-z0-9])${body}(?![a-z0-9])`, 'g'), literal, s, tokens: [], reading: '' };
  }
  const tokens: PatternToken[] = tokenizer.tokenize(text).map((t) => ({
    s: fold(t.surface),
    l: fold(t.base),
    lr: t.base === t.surface ? fold(t.reading) : fold(readingOf(t.base)),
    rs: fold(t.reading),
  }));
  const whole = tokens.map((t) => t.rs).join('');
  const reading = !isKanaWord(text) && tokens.every((t) => t.rs !== '') && whole.length >= MIN_READING ? whole : '';
  return { key: `ja:${s}`, english: null, literal: s, s, tokens, reading };
}

/** A kana word matches a kanji pattern token by reading only when the reading is long enough to be unambiguous (かじ: 火事? 家事? 舵?). */
const tokenMatches = (t: Analysis['tokens'][number], p: PatternToken) =>
  t.s === p.s || t.l === p.l || (t.kana && p.lr.length >= MIN_READING && (t.l === p.lr || t.s === p.rs));

/** Finds every occurrence of each part. Returns spans per part index. */
export class PartMatcher {
  private byFirstToken = new Map<string, number[]>();
  private bySurfaceHead = new Map<string, number[]>();
  private byReadingHead = new Map<string, number[]>();
  private english: number[] = [];

  constructor(readonly parts: Part[]) {
    const add = (map: Map<string, number[]>, key: string, i: number) => {
      const list = map.get(key);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else map.set(key, [i]);
    };
    parts.forEach((p, i) => {
      if (p.english) return void this.english.push(i);
      const first = p.tokens[0];
      if (first) for (const k of new Set([first.s, first.l, first.lr])) if (k) add(this.byFirstToken, k, i);
      add(this.bySurfaceHead, p.s[0]!, i);
      if (p.reading) add(this.byReadingHead, p.reading[0]!, i);
    });
  }

  match(a: Analysis): Span[][] {
    const hits: Span[][] = this.parts.map(() => []);
    const seen = new Set<string>();
    const hit = (i: number, start: number, end: number) => {
      const k = `${i}:${start}:${end}`;
      if (seen.has(k)) return;
      seen.add(k);
      hits[i]!.push({ start, end });
    };
    const { tokens, tokenStartingAt, tokenEndingAt } = a;
    const folded = a.norm.folded;

    for (let ti = 0; ti < tokens.length; ti++) {
      const t = tokens[ti]!;
      // 1. token sequences
      for (const key of t.s === t.l ? [t.s] : [t.s, t.l]) {
        for (const pi of this.byFirstToken.get(key) ?? []) {
          const pt = this.parts[pi]!.tokens;
          if (ti + pt.length > tokens.length) continue;
          let ok = true;
          for (let k = 0; k < pt.length && ok; k++) ok = tokenMatches(tokens[ti + k]!, pt[k]!);
          if (ok) hit(pi, t.start, tokens[ti + pt.length - 1]!.end);
        }
      }
      // 2. folded surface, token-aligned
      for (const pi of this.bySurfaceHead.get(folded[t.start]!) ?? []) {
        const s = this.parts[pi]!.s;
        const end = t.start + s.length;
        if (tokenEndingAt[end] !== -1 && folded.startsWith(s, t.start)) hit(pi, t.start, end);
      }
      // 3. reading, only over text written in kana
      if (t.kana) {
        for (const pi of this.byReadingHead.get(folded[t.start]!) ?? []) {
          const r = this.parts[pi]!.reading;
          const end = t.start + r.length;
          if (tokenEndingAt[end] === -1 || !folded.startsWith(r, t.start)) continue;
          let allKana = true;
          for (let k = ti; k <= tokenEndingAt[end]! && allKana; k++) allKana = tokens[k]!.kana;
          if (allKana) hit(pi, t.start, end);
        }
      }
    }
    void tokenStartingAt;
    // 4. English
    for (const pi of this.english) {
      const p = this.parts[pi]!;
      if (!folded.includes(p.literal)) continue;
      const re = p.english!;
      re.lastIndex = 0;
      for (let m = re.exec(folded); m; m = re.exec(folded)) {
        hit(pi, m.index, m.index + m[0].length);
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    return hits;
  }
}
