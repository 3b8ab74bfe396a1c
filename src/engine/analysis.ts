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

/** Adds the folded keys in place (the tokens are fresh from the tokenizer); `folded` is the folded text they index. */
export function toTextTokens(tokens: Token[], folded?: string): TextToken[] {
  for (const t of tokens as TextToken[]) {
    t.s = folded === undefined ? fold(t.surface) : folded.slice(t.start, t.end);
    t.l = t.base === t.surface ? t.s : fold(t.base);
    t.kana = isKanaWord(t.surface);
  }
  return tokens as TextToken[];
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
