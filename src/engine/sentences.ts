/** Sentences, for `scope: "sentence"` / `"adjacent"` and the quoted-criticism step. */

/**
 * `sentenceOf[i]`: the sentence number of normalized-text index i (for `scope: "sentence"` and
 * `"adjacent"`). A sentence ends after a run of 。！？!? (「すごい!!次は」 is two sentences, not
 * three), or at a line break; inside 「…」 or 『…』 on one line, 。！？!? do not end it, so
 * 面接で『宗教は何ですか?』と聞いて不採用 is one sentence.
 */
export function sentenceIds(text: string): Int32Array {
  const ids = new Int32Array(text.length + 1);
  let id = 0;
  let quoted = 0;
  const ender = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
  for (let i = 0; i < text.length; i++) {
    ids[i] = id;
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      quoted = 0;
      id++;
    } else if (c === 0x300c || c === 0x300e) quoted++; // 「 『
    else if (c === 0x300d || c === 0x300f) quoted = Math.max(0, quoted - 1); // 」 』
    else if (quoted === 0 && ender(c) && !ender(text.charCodeAt(i + 1))) id++;
  }
  ids[text.length] = id;
  return ids;
}

/** sentenceIds of the draft being checked, computed once per text (the matcher and the entries share it). */
let last: { text: string; ids: Int32Array } | undefined;
export function sentencesOf(text: string): Int32Array {
  if (last?.text !== text) last = { text, ids: sentenceIds(text) };
  return last.ids;
}
