/** A draft, normalized and tokenized once, shared by every matcher and detector. */
import { fold, isKanaWord } from './fold';
import { normalize, type NormalizedText } from './normalize';
import type { Token, Tokenizer } from './tokenizer/types';

export interface TextToken extends Token {
  /** folded surface and folded base form */
  s: string;
  l: string;
  /** written in kana: may be matched by reading */
  kana: boolean;
}

export interface Analysis {
  norm: NormalizedText;
  tokens: TextToken[];
  /** tokenAt[i]: index of the token that starts at text index i, or -1 */
  tokenStartingAt: Int32Array;
  /** tokenEndingAt[i]: index of the token that ends at text index i (exclusive end), or -1 */
  tokenEndingAt: Int32Array;
}

/** Spans are [start, end) in normalized-text indices until they become findings. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Tokens with their folded keys, as new objects of one shape (adding fields to the tokenizer's
 * objects made every token change hidden class, which cost more than the rest of the analysis);
 * `folded` is the folded text they index. Folded base forms repeat across drafts: remembered.
 */
const foldedBases = new Map<string, string>();
const MAX_FOLDED_BASES = 4096;

export function toTextTokens(tokens: Token[], folded?: string): TextToken[] {
  const out = new Array<TextToken>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const s = folded === undefined ? fold(t.surface) : folded.slice(t.start, t.end);
    let l = s;
    if (t.base !== t.surface) {
      const known = foldedBases.get(t.base);
      if (known === undefined) {
        l = fold(t.base);
        if (foldedBases.size >= MAX_FOLDED_BASES) foldedBases.clear();
        foldedBases.set(t.base, l);
      } else l = known;
    }
    out[i] = {
      surface: t.surface,
      start: t.start,
      end: t.end,
      pos: t.pos,
      posDetail: t.posDetail,
      posDetail2: t.posDetail2,
      conjugatedForm: t.conjugatedForm,
      base: t.base,
      reading: t.reading,
      known: t.known,
      s,
      l,
      kana: isKanaWord(t.surface),
    };
  }
  return out;
}

export function analyze(original: string, tokenizer: Tokenizer): Analysis {
  const norm = normalize(original);
  const tokens = toTextTokens(tokenizer.tokenize(norm.text), norm.folded);
  const n = norm.text.length;
  const tokenStartingAt = new Int32Array(n + 1).fill(-1);
  const tokenEndingAt = new Int32Array(n + 1).fill(-1);
  tokens.forEach((t, i) => {
    tokenStartingAt[t.start] = i;
    tokenEndingAt[t.end] = i;
  });
  return { norm, tokens, tokenStartingAt, tokenEndingAt };
}
