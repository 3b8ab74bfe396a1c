/**
 * JSON.parse that remembers where every value starts, so an import can say "line 4213:
 * severity …" instead of "entry #1404". Strict RFC 8259 (no comments, no trailing commas);
 * a syntax error carries its line and column.
 */

export type JsonPath = ReadonlyArray<string | number | symbol>;

interface Loc {
  line: number;
  children?: Map<string | number, Loc>;
}

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} (line ${line}, column ${column})`);
  }
}

export interface LocatedJson {
  value: unknown;
  /** Line where the value at `path` starts; the deepest existing ancestor's line otherwise. */
  lineOf(path: JsonPath): number;
}

const MAX_DEPTH = 64;

export function parseJsonWithLines(input: string): LocatedJson {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line, pos - lineStart + 1);
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 10) {
        pos++;
        line++;
        lineStart = pos;
      } else if (c === 32 || c === 9 || c === 13) pos++;
      else return;
    }
  };
  const literal = (word: string, value: unknown) => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail(`unexpected "${text[pos] ?? 'end of file'}"`);
  };
  const string = (): string => {
    // pos is on the opening quote; let JSON.parse decode escapes once the extent is known
    const start = pos;
    let escaped = false;
    pos++;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail('unterminated string');
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        pos += 2;
      } else if (c < 0x20) fail(c === 10 ? 'line break inside a string (write \\n)' : 'control character inside a string');
      else pos++;
    }
    pos++;
    if (!escaped) return text.slice(start + 1, pos - 1);
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      pos = start;
      return fail('invalid escape in string');
    }
  };
  const number = (): number => {
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    m.lastIndex = pos;
    const hit = m.exec(text);
    if (!hit) return fail(`unexpected "${text[pos]}"`);
    pos += hit[0].length;
    return Number(hit[0]);
  };
  const value = (depth: number): [unknown, Loc] => {
    ws();
    if (depth > MAX_DEPTH) fail('nested too deeply');
    const loc: Loc = { line };
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      loc.children = new Map();
      ws();
      if (text[pos] === '}') {
        pos++;
        return [obj, loc];
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail('expected a "quoted" property name');
        const key = string();
        ws();
        if (text[pos] !== ':') fail('expected ":" after a property name');
        pos++;
        const [v, l] = value(depth + 1);
        // JSON.parse keeps the last duplicate too; define, not assign, so "__proto__" stays data
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        loc.children.set(key, l);
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return [obj, loc];
        }
        fail(pos >= text.length ? 'unexpected end of file (missing "}")' : 'expected "," or "}"');
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      loc.children = new Map();
      ws();
      if (text[pos] === ']') {
        pos++;
        return [arr, loc];
      }
      for (;;) {
        const [v, l] = value(depth + 1);
        loc.children.set(arr.length, l);
        arr.push(v);
        ws();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return [arr, loc];
        }
        fail(pos >= text.length ? 'unexpected end of file (missing "]")' : 'expected "," or "]"');
      }
    }
    if (c === '"') return [string(), loc];
    if (c === 't') return [literal('true', true), loc];
    if (c === 'f') return [literal('false', false), loc];
    if (c === 'n') return [literal('null', null), loc];
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return [number(), loc];
    return fail(c === undefined ? 'unexpected end of file' : `unexpected "${c}"`);
  };

  const [result, root] = value(0);
  ws();
  if (pos < text.length) fail('unexpected text after the JSON value');
  return {
    value: result,
    lineOf(path) {
      let loc = root;
      for (const key of path) {
        const next = typeof key === 'symbol' ? undefined : loc.children?.get(key);
        if (!next) break;
        loc = next;
      }
      return loc.line;
    },
  };
}
