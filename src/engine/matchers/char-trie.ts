/**
 * A character trie over the folded strings of every part: walking it from a token start finds
 * every part that starts there in one pass, however many parts share a first character.
 * Keyed by UTF-16 code unit (a surrogate pair is two steps), so a walk allocates nothing.
 *
 * The trie is kept flat as keys are inserted: a table of the root's children by code unit, and one
 * open-addressing hash of every other edge (node, code unit) -> child, at most half full (doubled
 * and rehashed as it fills). A step of a walk is then a multiply, a shift and two array reads
 * instead of a Map lookup (the trie walks were a tenth of a check's time with Maps); inserting is a
 * walk that adds the edges it lacks, with no object per node (building ~150k keys' tries through
 * nested node objects, then flattening them, was a third of a cold start).
 */

/** The flat trie. Node 0 is the root; 0 also means "no child" (the root is nobody's child). */
interface Flat {
  /** child of the root by code unit */
  root: Int32Array;
  /** the edge table: parent, code unit and child per slot (parent -1: empty slot) */
  parent: Int32Array;
  code: Uint16Array;
  child: Int32Array;
  /** slots - 1 (a power of two minus one) and the shift that turns a 32-bit hash into a slot */
  mask: number;
  shift: number;
  /** parts that end at each node */
  parts: Array<number[] | undefined>;
}

const hash = (node: number, code: number) => Math.imul(node, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca6b);

/** The child of a node below the root by one code unit, in the edge table (0: none). */
function childOfFlat(f: Flat, node: number, c: number): number {
  const { parent, code, child, mask } = f;
  for (let slot = hash(node, c) >>> f.shift, at = parent[slot]!; at !== -1; at = parent[(slot = (slot + 1) & mask)]!) {
    if (at === node && code[slot] === c) return child[slot]!;
  }
  return 0;
}

const MIN_BITS = 4;

/** An empty edge table of 2^bits slots over `root` and `parts`. */
function edgeTable(bits: number, root: Int32Array, parts: Array<number[] | undefined>): Flat {
  const size = 1 << bits;
  return { root, parent: new Int32Array(size).fill(-1), code: new Uint16Array(size), child: new Int32Array(size), mask: size - 1, shift: 32 - bits, parts };
}

/** Puts the edge (node, c) -> to into a free slot of the table. */
function place(f: Flat, node: number, c: number, to: number): void {
  const { parent, mask } = f;
  let slot = hash(node, c) >>> f.shift;
  while (parent[slot] !== -1) slot = (slot + 1) & mask;
  parent[slot] = node;
  f.code[slot] = c;
  f.child[slot] = to;
}

export class CharTrie {
  private flat: Flat | undefined = edgeTable(MIN_BITS, new Int32Array(0x10000), [undefined]);
  /** edges below the root */
  private edges = 0;

  insert(key: string, part: number): void {
    let f = this.freeze();
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node === 0 ? f.root[c]! : childOfFlat(f, node, c);
      if (next === 0) {
        next = f.parts.push(undefined) - 1;
        if (node === 0) f.root[c] = next;
        else {
          // at most half full: double the table when the next edge would pass that
          if (2 * (this.edges + 1) > f.parent.length) f = this.grow(f);
          place(f, node, c, next);
          this.edges++;
        }
      }
      node = next;
    }
    const parts = (f.parts[node] ??= []);
    if (parts.at(-1) !== part) parts.push(part);
  }

  private grow(f: Flat): Flat {
    const g = edgeTable(32 - f.shift + 1, f.root, f.parts);
    for (let slot = 0; slot < f.parent.length; slot++) if (f.parent[slot] !== -1) place(g, f.parent[slot]!, f.code[slot]!, f.child[slot]!);
    return (this.flat = g);
  }

  /** The flat trie (always up to date: inserts keep it so). */
  private freeze(): Flat {
    return (this.flat ??= edgeTable(MIN_BITS, new Int32Array(0x10000), [undefined]));
  }

  /**
   * Every key found anywhere in `text`: for each of its parts not stamped `value` yet, stamps it and
   * appends it to `found`. Walks from every position, without a callback per key found.
   */
  stampKeys(text: string, stamps: Uint32Array, value: number, found: number[]): void {
    const f = this.flat ?? this.freeze();
    const { root, parts } = f;
    for (let start = 0; start < text.length; start++) {
      let node = root[text.charCodeAt(start)]!;
      for (let i = start + 1; node !== 0; i++) {
        const p = parts[node];
        if (p !== undefined) {
          for (let k = 0; k < p.length; k++) {
            if (stamps[p[k]!] === value) continue;
            stamps[p[k]!] = value;
            found.push(p[k]!);
          }
        }
        if (i >= text.length) break;
        node = childOfFlat(f, node, text.charCodeAt(i));
      }
    }
  }

  /** Calls back with (end index, parts) for every key that is a prefix of text.slice(start). */
  walk(text: string, start: number, found: (end: number, parts: readonly number[]) => void): void {
    if (start >= text.length) return;
    const f = this.flat ?? this.freeze();
    let node = f.root[text.charCodeAt(start)]!;
    if (node === 0) return;
    const { parts } = f;
    for (let i = start + 1; ; i++) {
      const p = parts[node];
      if (p !== undefined) found(i, p);
      if (i >= text.length) return;
      node = childOfFlat(f, node, text.charCodeAt(i));
      if (node === 0) return;
    }
  }
}
