/** One morpheme, with UTF-16 offsets into the text that was tokenized. */
export interface Token {
  surface: string;
  start: number;
  end: number;
  /** 品詞 (e.g. 名詞), and its first sub-class (e.g. 固有名詞). */
  pos: string;
  posDetail: string;
  /** second sub-class (人名, 地域, 組織 under 固有名詞) or '*' */
  posDetail2: string;
  /** 活用形 (e.g. 連用形) or '*' */
  conjugatedForm: string;
  /** 基本形: the dictionary form (痩せ -> 痩せる); the surface for unknown words. */
  base: string;
  /** 読み in katakana; '' when the dictionary has none (unknown words). */
  reading: string;
  known: boolean;
  /**
   * The dictionary entry (known words: the same number for the same entry, from the same
   * tokenizer), or -1 (unknown words). Lets per-word facts be remembered by number, not by string.
   */
  word: number;
  /**
   * Left empty by the tokenizer, filled in by the analysis (analysis.ts: folded surface, folded
   * base form, written in kana). Created with the token so that filling them in keeps every
   * token's shape, and no second object per token is needed.
   */
  s: string;
  l: string;
  kana: boolean;
}

export interface Tokenizer {
  /** The text's tokens, new objects on every call: the caller may fill in their analysis fields. */
  tokenize(text: string): Token[];
  /**
   * What its tokens' `word` numbers are numbers of (the dictionary it loaded): tokens of tokenizers
   * with the same `words` number entries alike. Without it, nothing is remembered by `word`.
   */
  readonly words?: object;
}
