/**
 * Named word lists: a file's top-level `"lists": { "nationality": ["中国人", "(黒|白)人", …] }`,
 * used in a phrase as the slot `{nationality}`. A reference becomes the alternatives
 * `(item|item|…)` before the phrase is compiled, so a list in a slot stays one slot of N texts
 * (the same as writing the alternatives out), and the compiled pattern is keyed by what it
 * expands to: a snapshot compiled with other list contents is never reused for it.
 *
 * Built-in lists are visible to every file; a company file's lists only to itself (it may use
 * the built-in ones). `{人名}` (a person's name), `{文頭}` and `{文末}` (sentence anchors) are left
 * for the pattern index; `\{` is a literal brace, and braces around anything else (`{0,6}`) stay
 * text, as they were before lists.
 */
import type { DictionaryIssue } from './errors';
import { expandPhrase, GAP, SPECIAL_SLOTS } from '../matchers/phrase-syntax';

export const LIST_NAME = /^[a-z][a-z0-9-]*$/;
// (the same rule is in schema.ts, for the "lists" keys)

export class ListReferenceError extends Error {
  override name = 'ListReferenceError';
}

interface Definition {
  items: readonly string[];
  source: string;
}

/** The lists one file can see: its own, then the built-in ones. */
export class ListScope {
  private expanded = new Map<string, string>();
  private resolving: string[] = [];

  constructor(
    private readonly own: ReadonlyMap<string, Definition>,
    private readonly parent?: ListScope,
  ) {}

  private lookup(name: string): { def: Definition; scope: ListScope } | undefined {
    const def = this.own.get(name);
    if (def) return { def, scope: this };
    return this.parent?.lookup(name);
  }

  /** `(item|item|…)` for a list name, its items' own references resolved. */
  expansion(name: string): string {
    const found = this.lookup(name);
    if (!found) throw new ListReferenceError(`unknown list "{${name}}" (define it under "lists" in this file or a built-in file; a literal brace is \\{)`);
    if (found.scope !== this) return found.scope.expansion(name);
    const known = this.expanded.get(name);
    if (known !== undefined) return known;
    if (this.resolving.includes(name)) {
      const cycle = [...this.resolving.slice(this.resolving.indexOf(name)), name].map((n) => `{${n}}`).join(' -> ');
      throw new ListReferenceError(`lists refer to each other in a cycle: ${cycle}`);
    }
    this.resolving.push(name);
    try {
      const text = `(${found.def.items.map((item) => this.resolve(item)).join('|')})`;
      this.expanded.set(name, text);
      return text;
    } finally {
      this.resolving.pop();
    }
  }

  /**
   * The phrase with every `{list}` replaced by its alternatives. Special slots, `\{` and braces
   * around anything but a name (`{0,6}`, a stray `}`) are kept: they were text before lists.
   */
  resolve(phrase: string): string {
    if (!phrase.includes('{')) return phrase;
    let out = '';
    for (let i = 0; i < phrase.length; i++) {
      const ch = phrase[i]!;
      if (ch === '\\') {
        out += phrase.slice(i, i + 2);
        i++;
        continue;
      }
      const name = ch === '{' ? braced(phrase, i) : undefined;
      if (name === undefined || SPECIAL_SLOTS.has(name)) {
        out += ch;
        continue;
      }
      out += this.expansion(name);
      i += name.length + 1;
    }
    return out;
  }
}

/** The list name in `{name}` at `i` (lowercase, digits, dashes), or undefined. */
export function braced(phrase: string, i: number): string | undefined {
  const close = phrase.indexOf('}', i + 1);
  if (close < 0) return undefined;
  const name = phrase.slice(i + 1, close);
  return LIST_NAME.test(name) || SPECIAL_SLOTS.has(name) ? name : undefined;
}

type ListedFile = { file: { lists?: Record<string, string[]> }; source: string; company?: boolean };

/**
 * The scope of every file (by position in `files`), and the problems with the lists themselves:
 * a name defined twice where one file can see both, a cycle, an unknown name, a bad item.
 */
export function listScopes(files: readonly ListedFile[]): { scopes: ListScope[]; issues: DictionaryIssue[] } {
  const issues: DictionaryIssue[] = [];
  const builtinDefs = new Map<string, Definition>();
  for (const { file, source, company } of files) {
    if (company) continue;
    for (const [name, items] of Object.entries(file.lists ?? {})) {
      const first = builtinDefs.get(name);
      if (first) issues.push({ source, path: `lists.${name}`, message: `list "${name}" is already defined in ${first.source}` });
      else builtinDefs.set(name, { items, source });
    }
  }
  const builtin = new ListScope(builtinDefs);
  const scopes = files.map(({ file, source, company }) => {
    if (!company) return builtin;
    const own = new Map<string, Definition>();
    for (const [name, items] of Object.entries(file.lists ?? {})) {
      const first = builtinDefs.get(name);
      if (first) issues.push({ source, path: `lists.${name}`, message: `list "${name}" is already defined in ${first.source} (built-in lists are visible to every file: pick another name)` });
      else own.set(name, { items, source });
    }
    return own.size ? new ListScope(own, builtin) : builtin;
  });
  // every defined list, checked once where it is defined (so an unused list's mistakes show too)
  files.forEach(({ file, source, company }, fi) => {
    const scope = scopes[fi]!;
    for (const [name, items] of Object.entries(file.lists ?? {})) {
      if (!company && builtinDefs.get(name)?.source !== source) continue;
      if (company && builtinDefs.has(name)) continue;
      items.forEach((item, i) => {
        const problem = itemProblem(item, scope);
        if (problem) issues.push({ source, path: `lists.${name}.${i}`, message: problem });
      });
    }
  });
  return { scopes, issues };
}

function itemProblem(item: string, scope: ListScope): string | undefined {
  if (item.startsWith('=')) return 'a list item cannot start with "=" (put "=" at the start of the phrase that uses the list)';
  if (item.includes(GAP)) return `a list item cannot contain a gap "${GAP}" (a list fills one slot)`;
  try {
    const text = scope.resolve(item);
    // {人名} and the anchors are slots of their own: expandPhrase takes them as text, which is fine for a syntax check
    expandPhrase(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
