/**
 * Literals a regular expression cannot match without: if the draft contains none of them, the
 * expression is not run at all. Dictionary regexes are long alternations of words
 * ((創価学会|エホバ|…)の信者…), and most drafts contain none of those words.
 *
 * requiredLiterals(source) returns a set S such that every match contains at least one string of
 * S, or null when no such set can be read off the source (then the regex always runs). It is
 * conservative: anything it does not understand yields null for that piece.
 */

type Req = string[] | null;

const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
const MAX_LITERALS = 400;
/** sticky: read at a position without slicing the rest of a long source (quadratic) */
const BOUNDS = /\{(\d+)(,\d*)?\}\??/y;
const LOOKAROUND = /\?<?[=!]/y;

/** The best of several required sets in a sequence: the one whose shortest literal is longest. */
function better(a: Req, b: Req): Req {
  if (!a) return b;
  if (!b) return a;
  const minLen = (s: string[]) => Math.min(...s.map((x) => x.length));
  return minLen(b) > minLen(a) || (minLen(b) === minLen(a) && b.length < a.length) ? b : a;
}

export function requiredLiterals(source: string, flags = ''): string[] | null {
  if (flags.includes('x')) return null;
  let pos = 0;

  // quantifier after an atom: returns the minimum repetitions, or -1 if there is none
  const quantifier = (): number => {
    const ch = source[pos];
    if (ch === '?' || ch === '*') {
      pos++;
      if (source[pos] === '?') pos++;
      return 0;
    }
    if (ch === '+') {
      pos++;
      if (source[pos] === '?') pos++;
      return 1;
    }
    if (ch === '{') {
      BOUNDS.lastIndex = pos;
      const m = BOUNDS.exec(source);
      if (m) {
        pos += m[0].length;
        return Number(m[1]);
      }
    }
    return -1;
  };

  const alternation = (): Req => {
    const branches: Req[] = [sequence()];
    while (source[pos] === '|') {
      pos++;
      branches.push(sequence());
    }
    if (branches.some((b) => b === null)) return null;
    const all = [...new Set(branches.flatMap((b) => b!))];
    return all.length > MAX_LITERALS ? null : all;
  };

  const sequence = (): Req => {
    let best: Req = null;
    let run = '';
    const flush = () => {
      if (run) best = better(best, [run]);
      run = '';
    };
    /** a literal character and its quantifier, which applies to this character only */
    const literal = (text: string) => {
      const min = quantifier();
      if (min === -1) run += text;
      else {
        flush();
        if (min > 0) best = better(best, [text]);
      }
    };
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const ch = source[pos]!;
      if (ch === '(') {
        flush();
        pos++;
        let lookaround = false;
        if (source[pos] === '?') {
          if (source.startsWith('?:', pos)) pos += 2;
          else if (((LOOKAROUND.lastIndex = pos), LOOKAROUND.test(source))) {
            lookaround = true;
            pos += source[pos + 1] === '<' ? 3 : 2;
          } else if (source.startsWith('?<', pos)) pos = source.indexOf('>', pos) + 1; // named group
          else return skipRest();
        }
        const inner = alternation();
        if (source[pos] !== ')') return skipRest();
        pos++;
        const min = quantifier();
        if (!lookaround && min !== 0) best = better(best, inner);
        continue;
      }
      if (ch === '[') {
        flush();
        pos++;
        if (source[pos] === ']') pos++;
        while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
        pos++;
        quantifier();
        continue;
      }
      if (ch === '\\') {
        const next = source[pos + 1] ?? '';
        pos += 2;
        if (/[dDwWsSbBpPkKuxc0-9nrtfv]/.test(next)) {
          // a class or an escape we do not decode: ends the literal run
          if ((next === 'p' || next === 'P' || next === 'k' || next === 'u') && source[pos] === '{') pos = source.indexOf('}', pos) + 1;
          if (next === 'x') pos += 2;
          flush();
          quantifier();
          continue;
        }
        literal(next);
        continue;
      }
      if (ch === '^' || ch === '$') {
        pos++;
        continue;
      }
      if (ch === '.') {
        pos++;
        flush();
        quantifier();
        continue;
      }
      if (META.has(ch)) return skipRest(); // stray ] { } etc.: do not guess
      // a whole code point: with a quantifier after a surrogate pair, neither half is required
      const cp = String.fromCodePoint(source.codePointAt(pos)!);
      pos += cp.length;
      if (cp.length > 1 && quantifier() !== -1) {
        flush();
        continue;
      }
      literal(cp);
    }
    flush();
    return best;
  };

  const skipRest = (): Req => {
    pos = source.length;
    return null;
  };

  try {
    const req = alternation();
    if (pos !== source.length || !req || req.some((s) => s === '')) return null;
    return flags.includes('i') ? req.map((s) => s.toLowerCase()) : req;
  } catch {
    return null;
  }
}
