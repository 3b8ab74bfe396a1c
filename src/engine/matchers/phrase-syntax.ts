/**
 * Phrase syntax, expanded into plain variants at load time:
 *   (a|b)  alternatives      [x]  optional      …  gap (up to `gap` characters)      \( \[ \| \…  literals
 * "元本[の](保証|確約)" -> 元本保証, 元本確約, 元本の保証, 元本の確約
 */
export const GAP = '\u2026'; // …
const MAX_VARIANTS = 256;

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
