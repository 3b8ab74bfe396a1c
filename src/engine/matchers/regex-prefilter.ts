/**
 * Literals a regular expression cannot match without: if the draft lacks them, the expression is
 * not run at all. Dictionary regexes are long alternations of words
 * ((創価学会|エホバ|…)の(信者|会員)…), and most drafts contain none of those words.
 *
 * requiredLiterals(source) returns sets of strings such that every match contains at least one
 * string of EACH set (up to MAX_SETS of them, the most telling first), or null when nothing can be
 * read off the source (then the regex always runs). It is conservative: anything it does not
 * understand yields nothing for that piece. Sets are ranked by how often their strings occur in
 * ordinary posts (estimated: a lone particle such as は or が is in nearly every draft, a kanji
 * word of three characters in few), so (創価学会|エホバ) and (信者|会員) are kept, and の is not
 * what decides.
 */

/** the sets a piece of a regex requires (each: at least one of its strings); [] = nothing known */
type Req = string[][];

const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
const MAX_LITERALS = 400;
const MAX_SETS = 3;
/** sticky: read at a position without slicing the rest of a long source (quadratic) */
const BOUNDS = /\{(\d+)(,\d*)?\}\??/y;
const LOOKAROUND = /\?<?[=!]/y;

const COMMON_CHAR = /^[\u3041-\u309f\u30fc\p{P}\p{S}\s0-9a-z]$/iu;
/** Roughly how likely an ordinary post contains this string (0..1). */
function frequency(literal: string): number {
  const n = [...literal].length;
  if (/^[\x00-\x7f]+$/.test(literal)) return n <= 1 ? 1 : n <= 3 ? 0.5 : n <= 5 ? 0.1 : 0.02;
  if (n === 1) return COMMON_CHAR.test(literal) ? 1 : 0.15;
  if (n === 2) return [...literal].every((c) => COMMON_CHAR.test(c)) ? 0.5 : 0.05;
  return 0.02;
}
/** How likely an ordinary post contains one of the set's strings: lower is a better filter. */
export const setScore = (set: readonly string[]) => Math.min(1, set.reduce((sum, l) => sum + frequency(l), 0));

const best = (sets: Req): string[] => sets.reduce((a, b) => (setScore(b) < setScore(a) ? b : a));

export function requiredLiterals(source: string, flags = ''): string[][] | null {
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
    if (branches.length === 1) return branches[0]!;
    // Any branch may be the one that matched: one set, of each branch's best set.
    if (branches.some((b) => b.length === 0)) return [];
    const all = [...new Set(branches.flatMap(best))];
    return all.length > MAX_LITERALS ? [] : [all];
  };

  const sequence = (): Req => {
    const sets: Req = [];
    let run = '';
    const flush = () => {
      if (run) sets.push([run]);
      run = '';
    };
    /** a literal character and its quantifier, which applies to this character only */
    const literal = (text: string) => {
      const min = quantifier();
      if (min === -1) run += text;
      else {
        flush();
        if (min > 0) sets.push([text]);
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
        if (!lookaround && min !== 0) sets.push(...inner);
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
    return sets;
  };

  const skipRest = (): Req => {
    pos = source.length;
    failed = true;
    return [];
  };
  let failed = false;

  try {
    const req = alternation();
    if (failed || pos !== source.length) return null;
    const seen = new Set<string>();
    const sets = req
      .filter((set) => set.length > 0 && !set.includes(''))
      .map((set) => (flags.includes('i') ? [...new Set(set.map((l) => l.toLowerCase()))] : set))
      .filter((set) => {
        const key = [...set].sort().join('\u0000');
        return !seen.has(key) && !!seen.add(key);
      })
      .sort((a, b) => setScore(a) - setScore(b))
      .slice(0, MAX_SETS);
    return sets.length ? sets : null;
  } catch {
    return null;
  }
}
