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
  // Regex syntax inside a phrase would silently match its own characters ("[^。]" as an optional
  // "^。", "\\d" as "d", "{0,6}" as text): refused, with what to write instead.
  const regexSyntax = (ch: string) => {
    const next = source[pos + 1];
    if (ch === '[' && next === '^') fail('"[^" is regex syntax (a phrase has no character classes): use a { "re": … } pattern, or "…" for a gap');
    if (ch === '\\' && next !== undefined && 'dDsSwWbB'.includes(next)) fail(`"\\${next}" is regex syntax: use a { "re": … } pattern`);
    if (ch === '.' && (next === '*' || next === '+')) fail(`".${next}" is regex syntax: write "…" for a gap`);
    if (ch === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(pos))) fail('"{n,m}" is regex syntax: write "…" for a gap, or use a { "re": … } pattern');
    // "colou?r": a regex's optional letter, which a phrase would read as a literal "?" (so it never matches)
    if (ch === '?' && /[A-Za-z]/.test(source[pos - 1] ?? '') && /[A-Za-z]/.test(next ?? '')) {
      fail(`"${source[pos - 1]}?" is regex syntax (an optional letter): write [${source[pos - 1]}] (colo[u]r) or (color|colour)`);
    }
  };
  // sequence := (literal | group | optional)*   until one of `stops`
  const sequence = (stops: string): string[] => {
    let acc = [''];
    while (pos < source.length && !stops.includes(source[pos]!)) {
      const ch = source[pos]!;
      regexSyntax(ch);
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
  const { pieces, nested } = topLevelGaps(source, GAP);
  if (!nested) {
    if (pieces.some((p) => p.trim() === '')) throw new PhraseSyntaxError(`empty part around "${GAP}" in "${source}"`);
    return [pieces.map((p) => expandPhrase(p))];
  }
  return expandPhrase(source).map((v) => v.split(GAP).map((p) => [p]));
}

/**
 * Braced slots the engine knows (any other `{name}` is a named word list, resolved before a
 * phrase gets here: dictionary/named-lists.ts): `{人名}` a person's name (kuromoji's
 * 名詞/固有名詞/人名 tokens, consecutive ones as one name), `{文頭}` / `{文末}` the phrase must
 * start / end its sentence.
 */
export const SPECIAL_SLOTS = new Set(['人名', '文頭', '文末']);
/** `{人名}` inside a phrase while it is expanded (a private-use character expandPhrase takes as text) */
export const NAME_MARK = '\uE000';
export const ANCHOR_START = 1;
export const ANCHOR_END = 2;

/**
 * The phrase with `{文頭}` / `{文末}` taken off (as `anchor` bits) and `{人名}` as NAME_MARK. A
 * phrase without braces is returned as it is. Throws on an anchor elsewhere than at the phrase's
 * start / end, on `{name}` (a list the dictionary did not resolve) and on a stray brace.
 */
export function specialSlots(source: string): { body: string; anchor: number } {
  if (!source.includes('{')) return { body: source, anchor: 0 };
  const fail = (msg: string): never => {
    throw new PhraseSyntaxError(`${msg} in "${source}"`);
  };
  if (source.includes(NAME_MARK)) fail('private-use character U+E000');
  let body = '';
  let anchor = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      body += source.slice(i, i + 2);
      i++;
      continue;
    }
    const close = ch === '{' ? source.indexOf('}', i + 1) : -1;
    const name = close < 0 ? '' : source.slice(i + 1, close);
    if (name === '人名') body += NAME_MARK;
    else if (name === '文頭') {
      if (i !== 0) fail('{文頭} only at the start of a phrase');
      anchor |= ANCHOR_START;
    } else if (name === '文末') {
      if (close !== source.length - 1) fail('{文末} only at the end of a phrase');
      anchor |= ANCHOR_END;
    } else if (/^[a-z][a-z0-9-]*$/.test(name)) fail(`unknown list "{${name}}" (a literal brace is \\{)`);
    else {
      // braces around anything else are text, as before lists: {0,6}
      body += ch;
      continue;
    }
    i = close;
  }
  if (body.trim() === '') fail('a phrase of only anchors matches nothing');
  return { body, anchor };
}

/**
 * expandPhraseSlots for a phrase with `{人名}` (NAME_MARK): the name is a slot of its own,
 * joined to what is next to it without a gap (`tight`), while `…` joins slots with a gap. A
 * slot `[NAME_MARK]` is the name slot. tight[k] is the join between slot k and k + 1.
 */
export function expandPhraseSlotsWithNames(source: string): Array<{ slots: string[][]; tight: boolean[] }> {
  const fail = (msg: string): never => {
    throw new PhraseSyntaxError(`${msg} in "${source.replaceAll(NAME_MARK, '{人名}')}"`);
  };
  const { pieces, nested } = topLevelGaps(source, GAP + NAME_MARK);
  /** one variant's pieces (between gaps), each split at the name */
  const variant = (pieces: string[], expand: (text: string) => string[]) => {
    const slots: string[][] = [];
    const tight: boolean[] = [];
    for (const piece of pieces) {
      if (piece.trim() === '') fail(`empty part around "${GAP}"`);
      const sub = piece.split(NAME_MARK);
      const before = slots.length;
      sub.forEach((text, k) => {
        if (k > 0) {
          if (slots.length > before && slots.at(-1)![0] === NAME_MARK) fail('two {人名} in a row (consecutive name tokens are one name already)');
          if (slots.length > before) tight.push(true);
          else if (slots.length) tight.push(false);
          slots.push([NAME_MARK]);
        }
        if (text === '') return;
        if (text.trim() === '') fail('only spaces next to {人名}');
        if (slots.length > before) tight.push(true);
        else if (slots.length) tight.push(false);
        slots.push(expand(text));
      });
    }
    return { slots, tight };
  };
  if (!nested) return [variant(pieces, expandPhrase)];
  return expandPhrase(source).map((v) => variant(v.split(GAP), (t) => [t]));
}

/**
 * The phrase split at its gaps outside brackets (escaped characters skipped), and whether any
 * character of `marks` stands inside brackets (then the phrase is expanded whole instead).
 */
function topLevelGaps(source: string, marks: string): { pieces: string[]; nested: boolean } {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  let nested = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth > 0) nested ||= marks.includes(ch);
    else if (ch === GAP) {
      pieces.push(source.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(source.slice(start));
  return { pieces, nested };
}
