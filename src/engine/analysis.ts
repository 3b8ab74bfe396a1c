/** A draft, normalized and tokenized once, shared by every matcher and detector. */
import { fold, isKanaWord } from './fold';
import { normalize, type NormalizedText } from './normalize';
import type { Token, Tokenizer } from './tokenizer/types';

/** A token with its analysis fields filled in (folded surface `s`, folded base form `l`, `kana`). */
export type TextToken = Token;

export interface Analysis {
  norm: NormalizedText;
  tokens: TextToken[];
  /** tokenAt[i]: index of the token that starts at text index i, or -1 */
  tokenStartingAt: Int32Array;
  /** tokenEndingAt[i]: index of the token that ends at text index i (exclusive end), or -1 */
  tokenEndingAt: Int32Array;
  /** the tokenizer's `words`: what the tokens' `word` numbers number (undefined: unknown) */
  words: object | undefined;
}

/** Spans are [start, end) in normalized-text indices until they become findings. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Fills in the tokens' folded keys, on the tokenizer's own (fresh) objects, whose shape already has
 * the fields; `folded` is the folded text they index. Folded base forms repeat across drafts: the
 * last one of each of 4,096 slots is remembered, by the dictionary word's number (a base form is
 * folded on its own, so the same word always folds the same) and checked against the base itself,
 * so two tokenizers' numbers can never mix up words.
 */
const FOLDED_BASES = 4096; // a power of two
const foldedBaseWord = new Int32Array(FOLDED_BASES).fill(-1);
const foldedBaseOf = new Array<string>(FOLDED_BASES).fill('');
const foldedBase = new Array<string>(FOLDED_BASES).fill('');

export function toTextTokens(tokens: Token[], folded?: string): TextToken[] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const s = folded === undefined ? fold(t.surface) : folded.slice(t.start, t.end);
    let l = s;
    if (t.base !== t.surface) {
      const w = t.word;
      if (w < 0) l = fold(t.base);
      else {
        const slot = w & (FOLDED_BASES - 1);
        if (foldedBaseWord[slot] === w && foldedBaseOf[slot] === t.base) l = foldedBase[slot]!;
        else {
          l = fold(t.base);
          foldedBaseWord[slot] = w;
          foldedBaseOf[slot] = t.base;
          foldedBase[slot] = l;
        }
      }
    }
    t.s = s;
    t.l = l;
    t.kana = isKanaWord(t.surface);
  }
  return tokens;
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
  return { norm, tokens, tokenStartingAt, tokenEndingAt, words: tokenizer.words };
}
