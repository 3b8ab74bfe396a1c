/**
 * A character trie over the folded strings of every part: walking it from a token start finds
 * every part that starts there in one pass, however many parts share a first character.
 * Keyed by UTF-16 code unit (a surrogate pair is two steps), so a walk allocates nothing.
 *
 * Keys are inserted into nested objects (most nodes have one child, kept inline; a Map only for a
 * second one), and the first walk after an insert freezes them into flat arrays: a table of the
 * root's children by code unit, and one open-addressing hash of every other edge
 * (node, code unit) -> child. A step of a walk is then a multiply, a shift and two array reads
 * instead of a Map lookup (the trie walks were a tenth of a check's time with Maps).
 */
interface Node {
  /** the only child's code unit (-1: none, or see `next`) */
  code: number;
  child: Node | undefined;
  /** all children, once there are two or more */
  next: Map<number, Node> | undefined;
  /** parts that end at this node */
  parts: number[] | undefined;
}

const newNode = (): Node => ({ code: -1, child: undefined, next: undefined, parts: undefined });

function childOf(node: Node, c: number): Node | undefined {
  return node.next ? node.next.get(c) : node.code === c ? node.child : undefined;
}

/** The frozen trie. Node 0 is the root; 0 also means "no child" (the root is nobody's child). */
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

export class CharTrie {
  private root: Node = newNode();
  private flat: Flat | undefined;

  insert(key: string, part: number): void {
    this.flat = undefined;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = childOf(node, c);
      if (!child) {
        child = newNode();
        if (node.next) node.next.set(c, child);
        else if (node.code === -1) {
          node.code = c;
          node.child = child;
        } else {
          node.next = new Map([[node.code, node.child!], [c, child]]);
          node.code = -1;
          node.child = undefined;
        }
      }
      node = child;
    }
    node.parts ??= [];
    if (node.parts.at(-1) !== part) node.parts.push(part);
  }

  private freeze(): Flat {
    // Number the nodes breadth first and list the edges below the root.
    const nodes: Node[] = [this.root];
    const edges: number[] = []; // parent, code, child
    const root = new Int32Array(0x10000);
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      const children: Array<[number, Node]> = node.next ? [...node.next] : node.child ? [[node.code, node.child]] : [];
      for (const [c, child] of children) {
        const id = nodes.push(child) - 1;
        if (n === 0) root[c] = id;
        else edges.push(n, c, id);
      }
    }
    let bits = 4;
    while (1 << bits < (edges.length / 3) * 2) bits++;
    const size = 1 << bits;
    const parent = new Int32Array(size).fill(-1);
    const code = new Uint16Array(size);
    const child = new Int32Array(size);
    const mask = size - 1;
    const shift = 32 - bits;
    for (let e = 0; e < edges.length; e += 3) {
      let slot = hash(edges[e]!, edges[e + 1]!) >>> shift;
      while (parent[slot] !== -1) slot = (slot + 1) & mask;
      parent[slot] = edges[e]!;
      code[slot] = edges[e + 1]!;
      child[slot] = edges[e + 2]!;
    }
    return (this.flat = { root, parent, code, child, mask, shift, parts: nodes.map((n) => n.parts) });
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
