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

/**
 * A trie as data, for a snapshot to ship it ready-made (CharTrie.data / fromData): its nodes in
 * depth-first order (children by code unit), each as the code unit of the edge to it and its depth
 * (the parent is then the last node before it one level up), and where each value's key ends.
 */
export interface CharTrieData {
  /** log2 of the edge table's size */
  bits: number;
  /** per node in depth-first order (the root, node 0, unused): its depth and the code unit of the edge to it */
  depth: Uint8Array | Uint16Array;
  code: Uint16Array;
  /** per value (a part number, say): the node its one key ends at (-1: no key) */
  nodeOf: Int32Array;
}

export class CharTrie {
  private flat: Flat | undefined = edgeTable(MIN_BITS, new Int32Array(0x10000), [undefined]);
  /** edges below the root */
  private edges = 0;

  /**
   * The trie as data, for values 0 .. values - 1 each under at most one key (throws otherwise:
   * fromData would list a node's values in another order).
   */
  data(values: number): CharTrieData {
    const f = this.freeze();
    const nodes = f.parts.length;
    // each node's children, by code unit
    const children: Array<Array<[number, number]> | undefined> = new Array(nodes);
    for (let c = 0; c < 0x10000; c++) if (f.root[c]) (children[0] ??= []).push([c, f.root[c]!]);
    for (let slot = 0; slot < f.parent.length; slot++) {
      if (f.parent[slot] !== -1) (children[f.parent[slot]!] ??= []).push([f.code[slot]!, f.child[slot]!]);
    }
    const order = new Int32Array(nodes); // old node -> depth-first number
    const depths: number[] = [0];
    const codes: number[] = [0];
    const stack: Array<[number, number, number]> = [[0, 0, 0]];
    let next = 1;
    while (stack.length) {
      const [node, depth, code] = stack.pop()!;
      const kids = (children[node] ?? []).sort((x, y) => y[0] - x[0]); // popped smallest first
      for (const [c, child] of kids) stack.push([child, depth + 1, c]);
      if (node === 0) continue;
      order[node] = next++;
      depths.push(depth);
      codes.push(code);
    }
    if (next !== nodes) throw new Error('CharTrie.data: not a tree');
    const nodeOf = new Int32Array(values).fill(-1);
    f.parts.forEach((list, node) => {
      for (const v of list ?? []) {
        if (!(v >= 0 && v < values) || nodeOf[v] !== -1) throw new Error('CharTrie.data: a value under two keys, or out of range');
        nodeOf[v] = order[node]!;
      }
    });
    const deep = depths.some((d) => d > 0xff);
    return { bits: 32 - f.shift, depth: deep ? Uint16Array.from(depths) : Uint8Array.from(depths), code: Uint16Array.from(codes), nodeOf };
  }

  /**
   * The trie of data() (whose values were inserted in ascending order, as PartTries and the
   * literal trie do): the same nodes, numbered the same, and the same walks, without a lookup per
   * inserted character. Throws on data that is not such a trie (a node deeper than one below the
   * one before it, a node on no key, a table too small).
   */
  static fromData(d: CharTrieData): CharTrie {
    const nodes = d.depth.length;
    const { depth, code, nodeOf } = d;
    if (code.length !== nodes || nodes < 1 || !(d.bits >= MIN_BITS && d.bits <= 30)) throw new Error('CharTrie.fromData: sizes');
    // each node's parent: the last node before it one level up
    const parentOf = new Int32Array(nodes);
    const path = [0];
    for (let n = 1; n < nodes; n++) {
      const dn = depth[n]!;
      if (!(dn >= 1 && dn <= path.length)) throw new Error('CharTrie.fromData: depth');
      parentOf[n] = path[dn - 1]!;
      path[dn] = n;
      path.length = dn + 1;
    }
    // Numbered again as inserting the keys value by value numbers them (a key's new nodes in a
    // row): walks then read the nodes of a key next to each other, as in a trie built from keys.
    const id = new Int32Array(nodes).fill(-1);
    id[0] = 0;
    let next = 1;
    const up: number[] = [];
    for (let v = 0; v < nodeOf.length; v++) {
      let node = nodeOf[v]!;
      if (node === -1) continue;
      if (!(node >= 0 && node < nodes)) throw new Error('CharTrie.fromData: node');
      up.length = 0;
      for (; id[node] === -1; node = parentOf[node]!) up.push(node);
      for (let k = up.length - 1; k >= 0; k--) id[up[k]!] = next++;
    }
    if (next !== nodes) throw new Error('CharTrie.fromData: a node on no key');
    // a packed array, like the one inserts grow
    const parts: Array<number[] | undefined> = [];
    for (let n = 0; n < nodes; n++) parts.push(undefined);
    const f = edgeTable(d.bits, new Int32Array(0x10000), parts);
    const trie = new CharTrie();
    const byId = new Int32Array(nodes);
    for (let n = 1; n < nodes; n++) byId[id[n]!] = n;
    for (let m = 1; m < nodes; m++) {
      const n = byId[m]!;
      const p = id[parentOf[n]!]!;
      if (p === 0) f.root[code[n]!] = m;
      else {
        // at most half full, as inserts keep it (a full table would never end a probe)
        if (2 * (trie.edges + 1) > f.parent.length) throw new Error('CharTrie.fromData: table too small');
        place(f, p, code[n]!, m);
        trie.edges++;
      }
    }
    for (let v = 0; v < nodeOf.length; v++) if (nodeOf[v] !== -1) (parts[id[nodeOf[v]!]!] ??= []).push(v);
    trie.flat = f;
    return trie;
  }

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
