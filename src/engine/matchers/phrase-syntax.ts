/**
 * Phrase syntax, expanded into plain variants at load time:
 *   (a|b)  alternatives      [x]  optional      …  gap (up to `gap` characters)      \( \[ \| \…  literals
 *   a leading = matches the written form only, not the base form (=黙れ: not 黙って); see pattern-index.ts
 * "元本[の](保証|確約)" -> 元本保証, 元本確約, 元本の保証, 元本の確約
 */
export const GAP = '\u2026'; // …
const MAX_VARIANTS = 2048;

export class PhraseSyntaxError extends Error {
  override name = 'PhraseSyntaxError';
}

export function expandPhrase(source: string): string[] {
  let pos = 0;
  const fail = (msg: string): never => {
    throw new PhraseSyntaxError(`${msg} at character ${pos + 1} of "${source}"`);
  };
  const cross = (a: string[], b: string[]) => {
    const out: string[] = [];
    for (const x of a) for (const y of b) out.push(x + y);
    if (out.length > MAX_VARIANTS) fail(`more than ${MAX_VARIANTS} variants`);
    return out;
  };
  // sequence := (literal | group | optional)*   until one of `stops`
  const sequence = (stops: string): string[] => {
    let acc = [''];
    while (pos < source.length && !stops.includes(source[pos]!)) {
      const ch = source[pos]!;
      if (ch === '(') {
        pos++;
        acc = cross(acc, alternatives(')'));
      } else if (ch === '[') {
        pos++;
        acc = cross(acc, [...alternatives(']'), '']);
      } else if (ch === ')' || ch === ']') {
        fail(`unmatched "${ch}"`);
      } else if (ch === '|' && stops === '') {
        fail('"|" outside brackets: write (a|b)');
      } else if ((ch === '?' || ch === '*' || ch === '+') && (source[pos - 1] === ')' || source[pos - 1] === ']')) {
        // "(x)?" reads like a regex but would match a literal "?": say what to write instead.
        fail(`"${source[pos - 1]}${ch}" is regex syntax; write [x] for an optional part, or use a { "re": … } pattern`);
      } else if (ch === '\\') {
        if (pos + 1 >= source.length) fail('dangling "\\"');
        acc = cross(acc, [source[pos + 1]!]);
        pos += 2;
      } else {
        acc = cross(acc, [ch]);
        pos++;
      }
    }
    return acc;
  };
  const alternatives = (close: string): string[] => {
    const out: string[] = [];
    for (;;) {
      out.push(...sequence(`|${close}`));
      if (pos >= source.length) fail(`missing "${close}"`);
      if (source[pos] === close) {
        pos++;
        return out;
      }
      pos++; // '|'
    }
  };
  const result = sequence('');
  if (result.some((v) => v.split(GAP).some((p) => p.trim() === ''))) fail('empty alternative or part (a phrase or a part between gaps matches nothing)');
  return [...new Set(result)];
}

/**
 * The phrase as variants of slots: each slot is the set of texts one part may be, and slots are
 * separated by gaps. Gaps outside brackets split the phrase first, so (27 words)…(14 words) is two
 * slots of 27 and 14, not 378 variants.
 */
export function expandPhraseSlots(source: string): string[][][] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  let topLevelOnly = true;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === GAP) {
      if (depth === 0) {
        pieces.push(source.slice(start, i));
        start = i + 1;
      } else topLevelOnly = false;
    }
  }
  pieces.push(source.slice(start));
  if (topLevelOnly) {
    if (pieces.some((p) => p.trim() === '')) throw new PhraseSyntaxError(`empty part around "${GAP}" in "${source}"`);
    return [pieces.map((p) => expandPhrase(p))];
  }
  return expandPhrase(source).map((v) => v.split(GAP).map((p) => [p]));
}

/**
 * Braced names the engine itself will know; any other `{name}` is a named word list, resolved
 * before a phrase gets here (dictionary/named-lists.ts).
 */
export const SPECIAL_SLOTS = new Set(['人名', '文頭', '文末']);
